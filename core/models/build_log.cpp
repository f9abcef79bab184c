#include "core/models/build_log.h"

#include "core/ingest/bookkeeping.h"
#include "core/warehouse/transaction.h"
#include "core/warehouse/warehouse.h"

namespace deskbase {

namespace {

constexpr const char* kTable = "deskbase_model_builds";

Status ensureTable(Warehouse& w) {
    return w.execute(
        std::string("CREATE TABLE IF NOT EXISTS ") + kTable +
        " (build_id BIGINT NOT NULL, model TEXT NOT NULL, status TEXT NOT NULL, materialized TEXT, "
        "rows_built BIGINT, seconds DOUBLE PRECISION, error TEXT, finished_at TEXT, "
        "PRIMARY KEY (build_id, model))");
}

}  // namespace

Result<std::int64_t> recordBuild(Warehouse& w, const BuildReport& report) {
    Transaction tx(w);
    if (auto s = tx.begin(); !s) return Error{s.message()};
    auto fail = [&](const std::string& m) -> Result<std::int64_t> {
        return Error{"cannot record the build: " + m};
    };
    if (auto s = ensureTable(w); !s) return fail(s.message());
    auto c = w.query(std::string("SELECT COALESCE(MAX(build_id), 0) + 1 FROM ") + kTable);
    if (!c) return fail(c.message());
    std::vector<Row> rows;
    if (auto n = (*c)->fetch(rows, 1); !n) return fail(n.message());
    c->reset();
    const std::int64_t id = rows.empty() ? 1 : std::get<std::int64_t>(rows[0][0]);
    std::string sql =
        std::string("INSERT INTO ") + kTable +
        " (build_id, model, status, materialized, rows_built, seconds, error, finished_at) VALUES (";
    for (int i = 1; i <= 8; ++i) sql += (i > 1 ? ", " : "") + w.placeholder(i);
    sql += ")";
    const std::string now = utcNowIso();
    for (const auto& m : report.models) {
        std::vector<Value> params = {Value{id}, Value{m.name}, Value{m.status},
                                     Value{std::string(materializationName(m.materialized))}};
        params.emplace_back();  // rows_built: NULL for views and skipped models
        if (m.rows) params.back() = *m.rows;
        params.emplace_back(m.seconds);
        params.emplace_back();
        if (!m.error.empty()) params.back() = m.error;
        params.emplace_back(now);
        if (auto s = w.execute(sql, params); !s) return fail(s.message());
    }
    if (auto s = tx.commit(); !s) return fail(s.message());
    return id;
}

Result<std::map<std::string, std::string>> lastModelStatuses(Warehouse& w) {
    std::map<std::string, std::string> out;
    auto exists = w.tableExists(kTable);
    if (!exists) return Error{exists.message()};
    if (!*exists) return out;
    auto c = w.query(std::string("SELECT b.model, b.status FROM ") + kTable +
                     " b WHERE b.build_id = (SELECT MAX(l.build_id) FROM " + kTable +
                     " l WHERE l.model = b.model)");
    if (!c) return Error{c.message()};
    std::vector<Row> rows;
    for (;;) {
        auto n = (*c)->fetch(rows, 1024);
        if (!n) return Error{n.message()};
        if (*n == 0) break;
    }
    for (const auto& r : rows) out[valueToText(r[0])] = valueToText(r[1]);
    return out;
}

}  // namespace deskbase
