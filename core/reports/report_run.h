#pragma once
// Running one report (core/reports/report_file.h): a question's full result exported to a dated
// file (core/export, atomic), a dashboard drawn by the caller's renderer (widgets draw; core stays
// GUI-free), an alert's condition checked, the old files pruned to `keep`, and the run recorded in
// the run history (core/pipeline/run_log: a run of kind "report" with one step, "report" or
// "alert"). Nothing half-written: an export or render that fails leaves no file.
#include <QDateTime>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/reports/report_file.h"
#include "core/util/result.h"

namespace deskbase {

class Runtime;
class Workspace;

// Draws the dashboard at `dashboardPath` to `outPath` (.png / .pdf) with "NAME=VALUE" filters.
using DashboardRenderer = std::function<Status(const std::string& dashboardPath, const std::string& outPath,
                                               const std::vector<std::string>& filterArguments)>;

struct ReportRunOptions {
    std::string outDir;  // overrides the report's "out" (absolute, or relative to the workspace)
    QDateTime now;       // for the file name; default: the current local time
    DashboardRenderer renderDashboard;  // needed for dashboard reports
    // The warehouse whose run history records the run (`--db`); default: the workspace's default.
    std::string historyTarget;
    int attempt = 1;  // recorded with the run: 2 and up for retries (core/pipeline/retry.h)
};

struct ReportOutcome {
    std::string report;
    std::string status;  // "success", "skipped" (no rows, skip_if_empty), "error"; alerts: "fired", "quiet"
    std::string path;    // the file written, if any
    std::uint64_t rows = 0;
    std::vector<std::string> removed;  // old files pruned by "keep"
    std::string message;               // one line: the error, or what the alert saw
    double seconds = 0;
    std::int64_t runId = 0;  // in the run history, 0 when it could not be recorded
};

ReportOutcome runReport(const Workspace& ws, Runtime& runtime, const ReportSpec& report,
                        const ReportRunOptions& options = {});

}  // namespace deskbase
