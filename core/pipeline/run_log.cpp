#include "core/pipeline/run_log.h"

#include <chrono>
#include <cmath>

#include "core/checks/check_report.h"
#include "core/checks/freshness.h"
#include "core/ingest/bookkeeping.h"
#include "core/warehouse/transaction.h"
#include "core/warehouse/warehouse.h"
#include "core/warehouse/write_turn.h"

namespace deskbase {

namespace {

constexpr int kIdAttempts = 8;  // another writer may take the same next id; retry that often

std::string placeholders(Warehouse& w, int from, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += (i ? ", " : "") + w.placeholder(from + i);
    return s;
}

Result<std::vector<Row>> fetchRows(Warehouse& w, const std::string& sql, const std::vector<Value>& params) {
    auto c = w.query(sql, params);
    if (!c) return Error{c.message()};
    std::vector<Row> out;
    for (;;) {
        auto n = (*c)->fetch(out, 1000);
        if (!n) return Error{n.message()};
        if (*n == 0) return out;
    }
}

// INSERT ... SELECT COALESCE(MAX(key), 0) + 1 ... RETURNING key, retried when a concurrent writer
// took that key first (a primary-key violation).
Result<std::int64_t> insertNext(Warehouse& w, const std::string& sql, const std::vector<Value>& params) {
    std::string last;
    for (int attempt = 0; attempt < kIdAttempts; ++attempt) {
        auto rows = fetchRows(w, sql, params);
        if (rows && !rows->empty() && std::holds_alternative<std::int64_t>(rows->front()[0]))
            return std::get<std::int64_t>(rows->front()[0]);
        last = rows ? std::string("no id returned") : rows.message();
        if (last.find("UNIQUE") == std::string::npos && last.find("unique") == std::string::npos &&
            last.find("duplicate key") == std::string::npos)
            break;
    }
    return Error{"cannot record the run: " + last};
}

std::int64_t intOf(const Value& v) {
    if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (auto* d = std::get_if<double>(&v)) return std::int64_t(std::llround(*d));
    return 0;
}

double realOf(const Value& v) {
    if (auto* d = std::get_if<double>(&v)) return *d;
    if (auto* i = std::get_if<std::int64_t>(&v)) return double(*i);
    return 0;
}

Value optionalInt(const std::optional<std::int64_t>& v) {
    return v ? Value{*v} : Value{};
}

constexpr const char* kOldBuilds = "deskbase_model_builds";  // before the run log (one release)

// The old table's builds become runs of kind "build" (one step per model, as a build records
// now), in one transaction with the old table's drop.
Status migrateModelBuilds(Warehouse& w) {
    auto old = w.tableExists(kOldBuilds);
    if (!old) return Status::fail(old.message());
    if (!*old) return Status::ok();
    auto fail = [](const std::string& m) {
        return Status::fail("cannot move " + std::string(kOldBuilds) + " into the run log: " + m);
    };
    auto rows =
        fetchRows(w,
                  std::string("SELECT build_id, model, status, rows_built, seconds, error, finished_at "
                              "FROM ") +
                      kOldBuilds + " ORDER BY build_id, finished_at, model",
                  {});
    if (!rows) return fail(rows.message());
    Transaction tx(w);
    if (auto s = beginWriteTurn(w, tx, {}); !s) return fail(s.message());
    const std::string step =
        "INSERT INTO deskbase_run_steps (run_id, position, kind, name, status, rows, seconds, error, "
        "finished_at) VALUES (" +
        placeholders(w, 1, 2) + ", 'model', " + placeholders(w, 3, 2) + ", CAST(" + w.placeholder(5) +
        " AS BIGINT), " + placeholders(w, 6, 3) + ")";
    for (std::size_t i = 0; i < rows->size();) {
        const std::int64_t build = intOf((*rows)[i][0]);
        std::size_t end = i;
        bool ok = true;
        double seconds = 0;
        for (; end < rows->size() && intOf((*rows)[end][0]) == build; ++end) {
            ok = ok && valueToText((*rows)[end][2]) == "success";
            seconds += realOf((*rows)[end][4]);
        }
        const Value finished = (*rows)[end - 1][6];
        auto id = fetchRows(w,
                            "INSERT INTO deskbase_runs (id, kind, status, started_at, finished_at, seconds) "
                            "SELECT COALESCE(MAX(id), 0) + 1, 'build', " +
                                placeholders(w, 1, 4) + " FROM deskbase_runs RETURNING id",
                            {Value{std::string(ok ? "success" : "error")},
                             isNull(finished) ? Value{utcNowIso()} : finished, finished, Value{seconds}});
        if (!id || id->empty()) return fail(id ? "no id returned" : id.message());
        const std::int64_t run = intOf(id->front()[0]);
        for (std::int64_t position = 1; i < end; ++i, ++position) {
            const Row& r = (*rows)[i];
            if (auto s = w.execute(step, {Value{run}, Value{position}, r[1], r[2], r[3], r[4], r[5], r[6]});
                !s)
                return fail(s.message());
        }
    }
    if (auto s = w.execute(std::string("DROP TABLE ") + kOldBuilds); !s) return fail(s.message());
    if (auto s = tx.commit(); !s) return fail(s.message());
    return Status::ok();
}

// A deskbase_runs from before runs had names (or attempts) gets the columns.
Status addNameColumn(Warehouse& w) {
    auto runs = w.describeTable("deskbase_runs");
    if (!runs) return Status::fail(runs.message());
    bool name = false, attempt = false;
    for (const auto& c : runs->columns) {
        name = name || c.name == "name";
        attempt = attempt || c.name == "attempt";
    }
    if (!name)
        if (auto s = w.execute("ALTER TABLE deskbase_runs ADD COLUMN name TEXT"); !s) return s;
    if (!attempt) return w.execute("ALTER TABLE deskbase_runs ADD COLUMN attempt BIGINT");
    return Status::ok();
}

constexpr const char* kRunColumns = "id, kind, status, started_at, finished_at, seconds, error, name, attempt";

RunRecord runOf(const Row& r) {
    RunRecord run{intOf(r[0]),  valueToText(r[1]), valueToText(r[2]), valueToText(r[3]), valueToText(r[4]),
                  realOf(r[5]), valueToText(r[6]), valueToText(r[7])};
    if (!isNull(r[8])) run.attempt = int(intOf(r[8]));
    return run;
}

}  // namespace

Status ensureRunLog(Warehouse& w) {
    const std::string real = w.sqlType(ColumnType::Real);
    if (auto s =
            w.execute("CREATE TABLE IF NOT EXISTS deskbase_runs (id BIGINT PRIMARY KEY, kind TEXT NOT NULL, "
                      "status TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT, seconds " +
                      real + ", error TEXT, name TEXT, attempt BIGINT)");
        !s)
        return s;
    if (auto s = addNameColumn(w); !s) return s;
    if (auto s = w.execute(
            "CREATE TABLE IF NOT EXISTS deskbase_run_steps (run_id BIGINT NOT NULL, position BIGINT "
            "NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL, rows BIGINT, "
            "seconds " +
            real + ", error TEXT, finished_at TEXT, PRIMARY KEY (run_id, position))");
        !s)
        return s;
    if (auto s = w.execute(
            "CREATE TABLE IF NOT EXISTS deskbase_check_results (run_id BIGINT NOT NULL, position BIGINT NOT "
            "NULL, table_name TEXT NOT NULL, check_name TEXT NOT NULL, kind TEXT NOT NULL, columns TEXT, "
            "severity TEXT NOT NULL, status TEXT NOT NULL, failures BIGINT, rows BIGINT, percent " +
            real + ", sample TEXT, failing_rows_sql TEXT, message TEXT, file TEXT, seconds " + real +
            ", checked_at TEXT, PRIMARY KEY (run_id, position))");
        !s)
        return s;
    return migrateModelBuilds(w);
}

Result<std::int64_t> startRun(Warehouse& w, const std::string& kind, const std::string& name, int attempt) {
    if (auto s = ensureRunLog(w); !s) return Error{s.message()};
    return insertNext(w,
                      "INSERT INTO deskbase_runs (id, kind, status, started_at, name, attempt) SELECT "
                      "COALESCE(MAX(id), 0) + 1, " +
                          placeholders(w, 1, 4) + ", CAST(" + w.placeholder(5) +
                          " AS BIGINT) FROM deskbase_runs RETURNING id",
                      {Value{kind}, Value{std::string("running")}, Value{utcNowIso()},
                       name.empty() ? Value{} : Value{name}, Value{std::int64_t(attempt)}});
}

Status addRunStep(Warehouse& w, std::int64_t runId, const RunStep& step) {
    auto id = insertNext(
        w,
        "INSERT INTO deskbase_run_steps (run_id, position, kind, name, status, rows, seconds, error, "
        "finished_at) SELECT " +
            w.placeholder(1) + ", COALESCE(MAX(position), 0) + 1, " + placeholders(w, 2, 3) + ", CAST(" +
            w.placeholder(5) + " AS BIGINT), " + placeholders(w, 6, 3) +
            " FROM deskbase_run_steps WHERE run_id = " + w.placeholder(1) + " RETURNING position",
        {Value{runId}, Value{step.kind}, Value{step.name}, Value{step.status}, optionalInt(step.rows),
         Value{step.seconds}, step.error.empty() ? Value{} : Value{step.error}, Value{utcNowIso()}});
    return id ? Status::ok() : Status::fail(id.message());
}

Status finishRun(Warehouse& w, std::int64_t runId, const std::string& status, const std::string& error,
                 std::optional<double> seconds) {
    auto started =
        fetchRows(w, "SELECT started_at FROM deskbase_runs WHERE id = " + w.placeholder(1), {Value{runId}});
    if (!started) return Status::fail("cannot record the run: " + started.message());
    if (started->empty()) return Status::fail("cannot record the run: no run " + std::to_string(runId));
    const std::string now = utcNowIso();
    if (!seconds) {  // whole seconds from the recorded times
        const auto from = parseTimestamp(valueToText(started->front()[0])), to = parseTimestamp(now);
        seconds = from && to ? double((*to - *from).count()) : 0.0;
    }
    auto s = w.execute(
        "UPDATE deskbase_runs SET status = " + w.placeholder(1) + ", finished_at = " + w.placeholder(2) +
            ", seconds = " + w.placeholder(3) + ", error = " + w.placeholder(4) +
            " WHERE id = " + w.placeholder(5),
        {Value{status}, Value{now}, Value{*seconds}, error.empty() ? Value{} : Value{error}, Value{runId}});
    return s ? s : Status::fail("cannot record the run: " + s.message());
}

Status recordCheckResults(Warehouse& w, std::int64_t runId, const std::vector<CheckResult>& results) {
    if (results.empty()) return Status::ok();
    auto first = fetchRows(
        w, "SELECT COALESCE(MAX(position), 0) FROM deskbase_check_results WHERE run_id = " + w.placeholder(1),
        {Value{runId}});
    if (!first) return Status::fail("cannot record the check results: " + first.message());
    std::int64_t position = first->empty() ? 0 : intOf(first->front()[0]);
    const std::string sql =
        "INSERT INTO deskbase_check_results (run_id, position, table_name, check_name, kind, "
        "columns, severity, status, failures, rows, percent, sample, failing_rows_sql, message, "
        "file, seconds, checked_at) VALUES (" +
        placeholders(w, 1, 17) + ")";
    const std::string now = utcNowIso();
    for (const auto& r : results) {
        const std::vector<Value> row = {Value{runId},
                                        Value{++position},
                                        Value{r.table},
                                        Value{r.name},
                                        Value{r.check},
                                        Value{r.column()},
                                        Value{std::string(severityName(r.severity))},
                                        Value{std::string(checkStatusName(r.status))},
                                        Value{r.failures},
                                        Value{r.rows},
                                        r.percent ? Value{*r.percent} : Value{},
                                        Value{checkSampleToJson(r.sample).dump()},
                                        Value{r.failingRowsSql},
                                        Value{r.message},
                                        Value{r.file},
                                        Value{r.seconds},
                                        Value{now}};
        if (auto s = w.execute(sql, row); !s)
            return Status::fail("cannot record the check results: " + s.message());
    }
    return Status::ok();
}

Status recordImportRun(Warehouse& w, const RunStep& step, const std::vector<CheckResult>& checks) {
    auto run = startRun(w, "import");
    if (!run) return Status::fail(run.message());
    if (auto s = addRunStep(w, *run, step); !s) return s;
    if (auto s = recordCheckResults(w, *run, checks); !s) return s;
    return finishRun(w, *run, step.status == "success" ? "success" : "error", step.error, step.seconds);
}

Result<std::vector<RunRecord>> recentRuns(Warehouse& w, int limit) {
    auto exists = w.tableExists("deskbase_runs");
    if (!exists) return Error{exists.message()};
    if (!*exists) return std::vector<RunRecord>{};
    if (auto s = addNameColumn(w); !s) return Error{s.message()};
    auto rows = fetchRows(
        w, std::string("SELECT ") + kRunColumns + " FROM deskbase_runs ORDER BY id DESC LIMIT " + std::to_string(limit),
        {});
    if (!rows) return Error{rows.message()};
    std::vector<RunRecord> out;
    for (const auto& r : *rows) out.push_back(runOf(r));
    return out;
}

Result<std::optional<RunRecord>> lastRunOf(Warehouse& w, const std::string& kind, const std::string& name) {
    auto exists = w.tableExists("deskbase_runs");
    if (!exists) return Error{exists.message()};
    if (!*exists) return std::optional<RunRecord>{};
    if (auto s = addNameColumn(w); !s) return Error{s.message()};
    auto rows = fetchRows(w,
                          std::string("SELECT ") + kRunColumns + " FROM deskbase_runs WHERE kind = " +
                              w.placeholder(1) + " AND name = " + w.placeholder(2) + " ORDER BY id DESC LIMIT 1",
                          {Value{kind}, Value{name}});
    if (!rows) return Error{rows.message()};
    if (rows->empty()) return std::optional<RunRecord>{};
    return std::optional<RunRecord>{runOf(rows->front())};
}

std::optional<std::chrono::sys_seconds> lastRunStart(const std::string& target, const std::string& kind,
                                                     const std::string& name) {
    auto w = Warehouse::open(target);
    if (!w) return std::nullopt;
    auto last = lastRunOf(**w, kind, name);
    if (!last || !*last) return std::nullopt;
    return parseTimestamp((*last)->startedAt);
}

Result<std::vector<RunStep>> runSteps(Warehouse& w, std::int64_t runId) {
    auto exists = w.tableExists("deskbase_run_steps");
    if (!exists) return Error{exists.message()};
    if (!*exists) return std::vector<RunStep>{};
    auto rows =
        fetchRows(w,
                  "SELECT kind, name, status, rows, seconds, error FROM deskbase_run_steps WHERE run_id = " +
                      w.placeholder(1) + " ORDER BY position",
                  {Value{runId}});
    if (!rows) return Error{rows.message()};
    std::vector<RunStep> out;
    for (const auto& r : *rows) {
        RunStep s{valueToText(r[0]), valueToText(r[1]), valueToText(r[2]),
                  std::nullopt,      realOf(r[4]),      valueToText(r[5])};
        if (!isNull(r[3])) s.rows = intOf(r[3]);
        out.push_back(std::move(s));
    }
    return out;
}

Result<std::vector<CheckResult>> lastCheckResults(Warehouse& w, const std::string& table) {
    auto exists = w.tableExists("deskbase_check_results");
    if (!exists) return Error{exists.message()};
    if (!*exists) return std::vector<CheckResult>{};
    auto rows =
        fetchRows(w,
                  "SELECT check_name, kind, columns, severity, status, failures, rows, percent, sample, "
                  "failing_rows_sql, message, file, seconds FROM deskbase_check_results WHERE table_name = " +
                      w.placeholder(1) +
                      " AND run_id = (SELECT MAX(run_id) FROM deskbase_check_results WHERE table_name = " +
                      w.placeholder(1) + ") ORDER BY position",
                  {Value{table}});
    if (!rows) return Error{rows.message()};
    std::vector<CheckResult> out;
    for (const auto& row : *rows) {
        CheckResult r;
        r.table = table;
        r.name = valueToText(row[0]);
        r.check = valueToText(row[1]);
        const std::string cols = valueToText(row[2]);
        for (std::size_t p = 0; !cols.empty() && p <= cols.size();) {
            const auto comma = cols.find(", ", p);
            r.columns.push_back(cols.substr(p, comma == std::string::npos ? std::string::npos : comma - p));
            if (comma == std::string::npos) break;
            p = comma + 2;
        }
        r.severity = valueToText(row[3]) == "warn" ? Severity::Warn : Severity::Error;
        r.status = parseCheckStatus(valueToText(row[4])).value_or(CheckStatus::Error);
        r.failures = intOf(row[5]);
        r.rows = intOf(row[6]);
        if (!isNull(row[7])) r.percent = realOf(row[7]);
        try {
            if (auto sample = checkSampleFromJson(nlohmann::json::parse(valueToText(row[8]))))
                r.sample = *sample;
        } catch (const nlohmann::json::exception&) {
            // A row another tool wrote: keep the result without its sample.
        }
        r.failingRowsSql = valueToText(row[9]);
        r.message = valueToText(row[10]);
        r.file = valueToText(row[11]);
        r.seconds = realOf(row[12]);
        out.push_back(std::move(r));
    }
    return out;
}

Result<std::map<std::string, std::string>> lastModelStatuses(Warehouse& w) {
    auto old = w.tableExists(kOldBuilds);
    if (!old) return Error{old.message()};
    if (*old)
        if (auto s = ensureRunLog(w); !s) return Error{s.message()};
    auto exists = w.tableExists("deskbase_run_steps");
    if (!exists) return Error{exists.message()};
    std::map<std::string, std::string> out;
    if (!*exists) return out;
    auto rows = fetchRows(w,
                          "SELECT s.name, s.status FROM deskbase_run_steps s WHERE s.kind = 'model' AND "
                          "s.run_id = (SELECT MAX(l.run_id) FROM deskbase_run_steps l WHERE l.kind = 'model' "
                          "AND l.name = s.name)",
                          {});
    if (!rows) return Error{rows.message()};
    for (const auto& r : *rows) out[valueToText(r[0])] = valueToText(r[1]);
    return out;
}

Result<bool> hasRunStep(Warehouse& w, const std::string& kind, const std::string& name, const std::string& status) {
    auto exists = w.tableExists("deskbase_run_steps");
    if (!exists) return Error{exists.message()};
    if (!*exists) return false;
    auto rows = fetchRows(w,
                          "SELECT 1 FROM deskbase_run_steps WHERE kind = " + w.placeholder(1) + " AND name = " +
                              w.placeholder(2) + " AND status = " + w.placeholder(3) + " LIMIT 1",
                          {Value{kind}, Value{name}, Value{status}});
    if (!rows) return Error{rows.message()};
    return !rows->empty();
}

}  // namespace deskbase
