#pragma once
// The Runs page's grid, shaped from the run history (core/pipeline/run_log.h), as Airflow's grid
// view shows DAG runs: one row per source, model, report and alert, one column per run with the
// newest on the right (rows with fewer runs are empty on the left), each cell a run's status,
// start, duration, rows, attempt and one-line error. Rows are sources, then models, reports,
// alerts, each by name; a target the workspace defines appears even before its first run, and a
// target that is gone from the workspace still shows its old runs. The widget only draws this.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/pipeline/run_log.h"
#include "core/util/result.h"

namespace deskbase {

struct RunsGridCell {
    std::int64_t runId = 0;  // the run in deskbase_runs (a model's: the build or source run it was in)
    std::string status;      // as recorded: success, error, skipped, fired, quiet, running, ...
    std::string startedAt;   // "YYYY-MM-DD HH:MM:SS" UTC
    double seconds = 0;
    std::optional<std::int64_t> rows;  // a model's rows built
    std::string error;
    int attempt = 1;
};

struct RunsGridRow {
    std::string kind;  // "source", "model", "report", "alert"
    std::string name;
    std::vector<RunsGridCell> runs;  // oldest first, at most the grid's columns
};

struct RunsGrid {
    int columns = 0;  // the most runs any row has (at most the limit asked for)
    std::vector<RunsGridRow> rows;
    // The run shown at (row, column); columns are right-aligned: the last column holds every
    // row's newest run. Null for an empty cell.
    const RunsGridCell* cell(int row, int column) const;
    int rowOf(const std::string& kind, const std::string& name) const;  // -1 when none
};

// What the workspace defines, so each has a row before its first run.
struct RunsGridTargets {
    std::vector<std::string> sources, models, reports, alerts;
};

// A model step with the run it belongs to.
struct ModelStepRun {
    std::int64_t runId = 0;
    std::string startedAt;
    RunStep step;
};

// `runs` and `modelSteps` in any order; runs of kind "source" and "report" make rows (a report
// named in targets.alerts is an alert), model steps make model rows; other runs (imports, checks,
// builds as a whole) are left out. Each row keeps its newest `maxColumns` runs.
RunsGrid shapeRunsGrid(const std::vector<RunRecord>& runs, const std::vector<ModelStepRun>& modelSteps,
                       const RunsGridTargets& targets, int maxColumns);

// How a status is coloured: good (success, pass, quiet), bad (error, fail), attention (fired,
// warn), muted (skipped, idle, busy), running; anything else muted.
enum class RunTone { Good, Bad, Attention, Muted, Running };
RunTone runTone(const std::string& status);

// The model steps of the newest `limit` model steps in the history, newest first.
Result<std::vector<ModelStepRun>> recentModelSteps(Warehouse& w, int limit);

// Reads the history of `target` and shapes it (the newest 2000 runs and model steps).
Result<RunsGrid> loadRunsGrid(const std::string& target, const RunsGridTargets& targets, int maxColumns);

}  // namespace deskbase
