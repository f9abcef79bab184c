#pragma once
// reports/*.json: scheduled outputs and alerts (DESIGN.md "The pipeline half", docs/reports.md).
// A report turns a dashboard into PNG/PDF or a question into CSV/TSV/JSON/NDJSON/XLSX, into an
// output folder with dated file names; an alert is a question whose rows (or a value crossing a
// goal) raise a notification and a line in the run history. Every problem is one line naming the
// file and the field: "reports/weekly.json: \"format\": a dashboard is drawn to png or pdf".
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/pipeline/retry.h"
#include "core/util/result.h"

namespace deskbase {

struct AlertSpec {
    enum class When { Rows, Above, Below };
    When when = When::Rows;  // "rows": the question returns any row; "above"/"below": a value vs goal
    std::string column;      // above/below: the column of the first row (default: the first column)
    double goal = 0;
    bool firstTimeOnly = false;  // "notify": "first_time" (once, ever) or "every_time" (default)
    std::string command;         // optional: run by /bin/sh with DESKBASE_ALERT_* set
};

struct ReportSpec {
    std::string file;                 // relative to the workspace: "reports/weekly_sales.json"
    std::string name;                 // default: the file's stem
    std::string dashboard;            // a dashboard (file stem or file name), or
    std::string question;             // a question (file, stem or name)
    std::string format;               // png | pdf (dashboard); csv | tsv | json | ndjson | xlsx (question)
    std::string out = "reports-out";  // folder, relative to the workspace
    std::map<std::string, std::string> params;  // filter id / parameter name -> value
    std::string schedule;                       // as written; empty: none
    std::vector<std::string> after;             // source names
    bool skipIfEmpty = false;                   // a question with no rows writes no file
    int keep = 0;                               // keep the newest N files; 0 keeps all
    RetryPolicy retry;                          // "retries", "retry_delay_seconds"
    std::optional<AlertSpec> alert;
    bool writesFile() const { return !format.empty(); }
};

// Parses one report. `file` names it in errors and gives the default name.
Result<ReportSpec> reportFromText(const std::string& text, const std::string& file);
Result<ReportSpec> loadReportFile(const std::string& path, const std::string& file);

// The file's text for a report (the editor's Save): pretty-printed, keys in a stable order,
// defaults left out, so reportFromText(reportToText(r)) gives r back and files diff well.
std::string reportToText(const ReportSpec& report);
// Writes reports/<name>.json in the workspace atomically (QSaveFile); the path written. A report
// "after" a source the workspace does not have is refused, as loadWorkspaceReports() refuses it.
Result<std::string> saveReportFile(const std::string& workspaceDir, const ReportSpec& report);

struct WorkspaceReports {
    std::vector<ReportSpec> reports;    // sorted by file name
    std::vector<std::string> problems;  // one line per file that did not load
};
// Every <workspaceDir>/reports/*.json; a bad file is a problem, not a failure of the rest, and so
// is a report "after" a source that is not in sources/ (it would never run).
WorkspaceReports loadWorkspaceReports(const std::string& workspaceDir);

}  // namespace deskbase
