#pragma once
// The run history in the warehouse's bookkeeping tables (docs/checks.md, "Run history"):
// deskbase_runs (one row per run: a build, a check, an import), deskbase_run_steps (its steps:
// a model built, a table imported) and deskbase_check_results (every check result of a run).
// Any SQL client can read them. Each call is its own statement, outside any transaction the
// caller has open on another connection; the tables are created on first use.
// deskbase_runs.name (what ran: a source) and .attempt (a retry's number) came later:
// ensureRunLog() adds them to an older table.
// A warehouse from before the run log kept model builds in deskbase_model_builds: the first
// ensureRunLog() (or lastModelStatuses()) moves them into runs of kind "build" and drops it.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/checks/check_result.h"
#include "core/util/result.h"

namespace deskbase {

class Warehouse;

struct RunStep {
    std::string kind;    // "model", "import", "checks", ...
    std::string name;    // the model or table
    std::string status;  // models: success / error / skipped; checks: pass / warn / fail / error
    std::optional<std::int64_t> rows;
    double seconds = 0;
    std::string error;  // one line, empty on success
};

struct RunRecord {
    std::int64_t id = 0;
    std::string kind;                   // "build", "check", "import"
    std::string status;                 // "running" until finished, then what finishRun() said
    std::string startedAt, finishedAt;  // "YYYY-MM-DD HH:MM:SS" UTC; finishedAt empty while running
    double seconds = 0;
    std::string error;
    std::string name;  // what ran, for runs of one thing (a source's name); empty for builds, checks
    int attempt = 1;   // a retried run (a locked file, a server away): 2 for the first retry, ...
};

Status ensureRunLog(Warehouse& w);
// A new run, status "running"; returns its id. `attempt`: 1, or the retry's number (docs/sources.md).
Result<std::int64_t> startRun(Warehouse& w, const std::string& kind, const std::string& name = {},
                              int attempt = 1);
Status addRunStep(Warehouse& w, std::int64_t runId, const RunStep& step);
// status: "success" or "error" (or any word the caller's report uses). `seconds`: the run's own
// measure (a steady clock); default: whole seconds between the recorded start and now.
Status finishRun(Warehouse& w, std::int64_t runId, const std::string& status, const std::string& error = {},
                 std::optional<double> seconds = std::nullopt);
Status recordCheckResults(Warehouse& w, std::int64_t runId, const std::vector<CheckResult>& results);
// One import as a run of its own (kind "import"): its step and its checks' results. Call it
// after the import's commit or rollback, so a refused import's results are kept.
Status recordImportRun(Warehouse& w, const RunStep& step, const std::vector<CheckResult>& checks);

// Reading back (the app's runs page and checks panel; tests).
Result<std::vector<RunRecord>> recentRuns(Warehouse& w, int limit = 50);
// The newest run of `kind` named `name` (a source's last run: when its schedule is due next).
Result<std::optional<RunRecord>> lastRunOf(Warehouse& w, const std::string& kind, const std::string& name);
// The start of that run in the warehouse at `target`; none when it never ran or is out of reach.
std::optional<std::chrono::sys_seconds> lastRunStart(const std::string& target, const std::string& kind,
                                                     const std::string& name);
Result<std::vector<RunStep>> runSteps(Warehouse& w, std::int64_t runId);
// The results of the newest run that checked `table`, in their order; empty when none.
Result<std::vector<CheckResult>> lastCheckResults(Warehouse& w, const std::string& table);
// The status of each model's newest "model" step ("success", "error", "skipped"); empty when none.
Result<std::map<std::string, std::string>> lastModelStatuses(Warehouse& w);
// Whether any run has a step of this kind, name and status (a first_time alert that fired).
Result<bool> hasRunStep(Warehouse& w, const std::string& kind, const std::string& name, const std::string& status);

}  // namespace deskbase
