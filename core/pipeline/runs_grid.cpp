#include "core/pipeline/runs_grid.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/warehouse/warehouse.h"

namespace deskbase {

namespace {

constexpr int kHistoryLimit = 2000;

int kindOrder(const std::string& kind) {
    static const char* const order[] = {"source", "model", "report", "alert"};
    for (int i = 0; i < 4; ++i)
        if (kind == order[i]) return i;
    return 4;
}

}  // namespace

const RunsGridCell* RunsGrid::cell(int row, int column) const {
    if (row < 0 || row >= int(rows.size()) || column < 0 || column >= columns) return nullptr;
    const auto& runs = rows[std::size_t(row)].runs;
    const int index = column - (columns - int(runs.size()));
    return index >= 0 ? &runs[std::size_t(index)] : nullptr;
}

int RunsGrid::rowOf(const std::string& kind, const std::string& name) const {
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].kind == kind && rows[i].name == name) return int(i);
    return -1;
}

RunsGrid shapeRunsGrid(const std::vector<RunRecord>& runs, const std::vector<ModelStepRun>& modelSteps,
                       const RunsGridTargets& targets, int maxColumns) {
    // (kind, name) -> runs; std::map keeps the rows in kind order, then by name.
    std::map<std::tuple<int, std::string, std::string>, std::vector<RunsGridCell>> byRow;
    auto row = [&](const std::string& kind, const std::string& name) -> std::vector<RunsGridCell>& {
        return byRow[{kindOrder(kind), kind, name}];
    };
    for (const auto& s : targets.sources) row("source", s);
    for (const auto& m : targets.models) row("model", m);
    for (const auto& r : targets.reports) row("report", r);
    for (const auto& a : targets.alerts) row("alert", a);
    const auto isAlert = [&](const std::string& name) {
        return std::find(targets.alerts.begin(), targets.alerts.end(), name) != targets.alerts.end();
    };
    for (const auto& r : runs) {
        if ((r.kind != "source" && r.kind != "report") || r.name.empty()) continue;
        const std::string kind = r.kind == "report" && isAlert(r.name) ? "alert" : r.kind;
        row(kind, r.name)
            .push_back({r.id, r.status, r.startedAt, r.seconds, std::nullopt, r.error, r.attempt});
    }
    for (const auto& m : modelSteps)
        row("model", m.step.name)
            .push_back({m.runId, m.step.status, m.startedAt, m.step.seconds, m.step.rows, m.step.error, 1});

    RunsGrid grid;
    for (auto& [key, cells] : byRow) {
        std::sort(cells.begin(), cells.end(), [](const RunsGridCell& a, const RunsGridCell& b) {
            return std::tie(a.startedAt, a.runId) < std::tie(b.startedAt, b.runId);
        });
        if (maxColumns >= 0 && int(cells.size()) > maxColumns)
            cells.erase(cells.begin(), cells.end() - maxColumns);
        grid.columns = std::max(grid.columns, int(cells.size()));
        grid.rows.push_back({std::get<1>(key), std::get<2>(key), std::move(cells)});
    }
    return grid;
}

RunTone runTone(const std::string& status) {
    if (status == "success" || status == "pass" || status == "quiet") return RunTone::Good;
    if (status == "error" || status == "fail") return RunTone::Bad;
    if (status == "fired" || status == "warn") return RunTone::Attention;
    if (status == "running") return RunTone::Running;
    return RunTone::Muted;
}

Result<std::vector<ModelStepRun>> recentModelSteps(Warehouse& w, int limit) {
    auto steps = w.tableExists("deskbase_run_steps");
    if (!steps) return Error{steps.message()};
    auto runs = w.tableExists("deskbase_runs");
    if (!runs) return Error{runs.message()};
    std::vector<ModelStepRun> out;
    if (!*steps || !*runs) return out;
    auto c = w.query(
        "SELECT s.run_id, r.started_at, s.name, s.status, s.rows, s.seconds, s.error FROM deskbase_run_steps "
        "s "
        "JOIN deskbase_runs r ON r.id = s.run_id WHERE s.kind = 'model' ORDER BY s.run_id DESC, s.position "
        "LIMIT " +
        std::to_string(limit));
    if (!c) return Error{c.message()};
    std::vector<Row> rows;
    for (;;) {
        auto n = (*c)->fetch(rows, 1000);
        if (!n) return Error{n.message()};
        if (*n == 0) break;
    }
    auto intOf = [](const Value& v) -> std::optional<std::int64_t> {
        if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
        if (const auto* d = std::get_if<double>(&v)) return std::int64_t(*d);
        return std::nullopt;
    };
    for (const auto& r : rows) {
        ModelStepRun m;
        m.runId = intOf(r[0]).value_or(0);
        m.startedAt = valueToText(r[1]);
        m.step.kind = "model";
        m.step.name = valueToText(r[2]);
        m.step.status = valueToText(r[3]);
        m.step.rows = intOf(r[4]);
        if (const auto* d = std::get_if<double>(&r[5])) m.step.seconds = *d;
        if (const auto* i = std::get_if<std::int64_t>(&r[5])) m.step.seconds = double(*i);
        m.step.error = isNull(r[6]) ? std::string() : valueToText(r[6]);
        out.push_back(std::move(m));
    }
    return out;
}

Result<RunsGrid> loadRunsGrid(const std::string& target, const RunsGridTargets& targets, int maxColumns) {
    auto w = Warehouse::open(target);
    if (!w) return Error{w.message()};
    auto runs = recentRuns(**w, kHistoryLimit);
    if (!runs) return Error{runs.message()};
    auto steps = recentModelSteps(**w, kHistoryLimit);
    if (!steps) return Error{steps.message()};
    return shapeRunsGrid(*runs, *steps, targets, maxColumns);
}

}  // namespace deskbase
