#pragma once
// `deskbase build`: the selected models, each built (core/models/materialize.h) once every
// selected model it refs has built, as jobs on the workspace runtime's job queue, so independent
// models build in parallel within the warehouse's writer limit. A model that fails keeps its old
// relation; the selected models downstream of it are skipped; the others still build. Every
// template is compiled before anything is built, so a template error changes nothing.
// A model's checks (the check files on it, BuildOptions::checks) run in its job right after it
// builds; an error-severity failure skips the models downstream of it, as `dbt build` does.
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/checks/check_result.h"
#include "core/checks/check_spec.h"
#include "core/models/model_project.h"
#include "core/util/result.h"

namespace deskbase {

class Runtime;

struct ModelRun {
    std::string name;
    Materialization materialized = Materialization::View;
    std::string status;                // "success", "error" or "skipped"
    std::optional<std::int64_t> rows;  // tables: rows; incremental runs: rows inserted or merged
    double seconds = 0;
    std::string error;  // one line; for "skipped", the model upstream that failed (or its checks)
};

struct BuildOptions {
    std::vector<std::string> select;          // dbt selectors; empty: every model
    bool fullRefresh = false;                 // rebuild incremental models from scratch
    std::map<std::string, std::string> vars;  // override deskbase.json "vars"
    // Check files (checks/*.json, core/checks/check_file.h): those on a selected model run after
    // it builds; files on other tables are not run. A model whose checks read another selected
    // model (relationships "to") builds after that one.
    std::vector<CheckFile> checks;
    // Once set, the models not started are skipped ("cancelled") and the running ones are
    // interrupted (their old relations stay). Polled while the build waits.
    const std::atomic<bool>* stop = nullptr;
    // Called as each model ends (built, failed or skipped), on the thread that called buildModels.
    std::function<void(const ModelRun& run, std::size_t done, std::size_t total)> onModelDone;
};

struct BuildReport {
    std::vector<ModelRun> models;     // in build order
    std::vector<CheckResult> checks;  // each built model's checks, in the models' build order
    std::int64_t runId = 0;           // in deskbase_runs (core/pipeline/run_log.h); 0: not recorded
    std::string recordError;          // set when the build could not be recorded
    bool failed() const;              // any model not "success", or a blocking check (check_result.h)
};

// One line for a failed build: "1 of 3 models failed, 2 skipped; 1 check failed (stg: not_null(id))";
// empty when !report.failed().
std::string buildSummary(const BuildReport& report);
// One line for a model's outcome: "stg_orders: table, 120 rows (0.05 s)" or
// "daily_sales: error: models/daily_sales.sql: no such column: x" (the CLI and the window print it).
std::string modelRunLine(const ModelRun& run);
// "4 built, 1 failed, 1 skipped" (the outcomes that occur; "nothing to build" for none): the
// window's build report.
std::string modelRunsSummary(const std::vector<ModelRun>& runs);

// The build is a run of kind "build" in the run log (core/pipeline/run_log.h): started before the
// first model builds, its steps (a "model" step per selected model, a "checks" step after each
// model with checks), check results and status written when the build ends.
// Errors (nothing built): a broken template, a missing ref, a cycle, an unknown selector.
Result<BuildReport> buildModels(Runtime& runtime, const std::string& target, const ModelProject& project,
                                const BuildOptions& options);

}  // namespace deskbase
