#pragma once
// When reports run by themselves (docs/reports.md "Running by themselves"): on their "schedule"
// (core/sources/schedule.h: never run: at once; ticks missed while nothing ran: once, not once
// per tick) and after a run of a source they name in "after". The last run of a report is its
// newest run of kind "report" in the run history (core/pipeline/run_log.h).
#include <QTimeZone>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/checks/freshness.h"  // SysSeconds
#include "core/reports/report_file.h"

namespace deskbase {

// The start of a report's newest run, or none when it never ran (or the history is out of reach).
using ReportLastRun = std::function<std::optional<SysSeconds>(const std::string& report)>;

// The reports with a schedule whose tick came since their last run, in the order given.
std::vector<const ReportSpec*> dueReports(const std::vector<ReportSpec>& reports,
                                          const ReportLastRun& lastRun, SysSeconds now,
                                          const QTimeZone& zone);

// The reports that follow a run of `source` ("after" names it), in the order given.
std::vector<const ReportSpec*> reportsAfter(const std::vector<ReportSpec>& reports,
                                            const std::string& source);

// When the report's schedule wants its next run, seen from `now`; none without a schedule.
std::optional<SysSeconds> reportNextRun(const ReportSpec& report, std::optional<SysSeconds> lastRun,
                                        SysSeconds now, const QTimeZone& zone);

// The start of the newest "report" run named `name` in the run history of `target`.
std::optional<SysSeconds> lastReportRun(const std::string& target, const std::string& name);

}  // namespace deskbase
