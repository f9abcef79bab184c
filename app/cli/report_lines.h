#pragma once
// What `deskbase report`, `deskbase run` and `deskbase watch` share about reports: one line per
// outcome for people, and one JSON object per outcome for --report json. Dashboards are drawn by
// widgets::renderReportDashboard (the same drawing as `deskbase render`).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/reports/report_run.h"

namespace deskbase {
class Workspace;
}

namespace deskbase::cli {

// "weekly: success, wrote reports-out/weekly-2026-12-01-0800.pdf" (paths relative to the workspace);
// an error is its message.
std::string reportOutcomeLine(const Workspace& ws, const ReportSpec& spec, const ReportOutcome& o);
nlohmann::ordered_json reportOutcomeJson(const Workspace& ws, const ReportOutcome& o);

}  // namespace deskbase::cli
