#include "core/ingest/bookkeeping.h"

#include <chrono>
#include <ctime>

#include "core/warehouse/warehouse.h"
#include "core/warehouse/write_turn.h"

namespace deskbase {

Status ensureBookkeeping(Warehouse& w, const std::function<bool()>& keepWaiting) {
    bool missing = false;
    for (const char* t : {"deskbase_ingestions", "deskbase_columns", "deskbase_table_versions"}) {
        auto exists = w.tableExists(t);
        if (!exists) return exists.status();
        missing = missing || !*exists;
    }
    if (!missing) return Status::ok();
    if (auto s = lockUntilCommit(w, "deskbase bookkeeping", keepWaiting); !s) return s;
    if (auto s = w.execute(
            "CREATE TABLE IF NOT EXISTS deskbase_ingestions (id BIGINT PRIMARY KEY, table_name TEXT "
            "NOT NULL, file_path TEXT, file_size BIGINT, content_hash TEXT, mode TEXT, format TEXT, "
            "encoding TEXT, rows_loaded BIGINT, rows_rejected BIGINT, started_at TEXT, finished_at TEXT)");
        !s)
        return s;
    // The same as Warehouse::bumpDataVersion makes, made here under the lock.
    if (auto s = w.execute("CREATE TABLE IF NOT EXISTS deskbase_table_versions ("
                           "table_name TEXT PRIMARY KEY, version BIGINT NOT NULL)");
        !s)
        return s;
    return w.execute(
        "CREATE TABLE IF NOT EXISTS deskbase_columns (table_name TEXT NOT NULL, position BIGINT NOT NULL, "
        "name TEXT NOT NULL, display_name TEXT, type TEXT, PRIMARY KEY (table_name, position))");
}

Result<std::int64_t> nextIngestionId(Warehouse& w) {
    auto c = w.query("SELECT COALESCE(MAX(id), 0) + 1 FROM deskbase_ingestions");
    if (!c) return Error{c.message()};
    std::vector<Row> rows;
    if (auto n = (*c)->fetch(rows, 1); !n) return Error{n.message()};
    if (rows.empty()) return std::int64_t{1};
    if (auto* v = std::get_if<std::int64_t>(&rows[0][0])) return *v;
    return std::int64_t{1};
}

Result<bool> contentAlreadyLoaded(Warehouse& w, const std::string& table, const std::string& hash) {
    auto c = w.query("SELECT 1 FROM deskbase_ingestions WHERE table_name = " + w.placeholder(1) +
                         " AND content_hash = " + w.placeholder(2),
                     {Value{table}, Value{hash}});
    if (!c) return Error{c.message()};
    std::vector<Row> rows;
    if (auto n = (*c)->fetch(rows, 1); !n) return Error{n.message()};
    return !rows.empty();
}

Status forgetLoadedContent(Warehouse& w, const std::string& table) {
    return w.execute(
        "UPDATE deskbase_ingestions SET content_hash = NULL WHERE table_name = " + w.placeholder(1),
        {Value{table}});
}

Status logIngestion(Warehouse& w, std::int64_t id, const IngestionRecord& r) {
    std::string sql =
        "INSERT INTO deskbase_ingestions (id, table_name, file_path, file_size, content_hash, mode, "
        "format, encoding, rows_loaded, rows_rejected, started_at, finished_at) VALUES (";
    for (int i = 1; i <= 12; ++i) sql += (i > 1 ? ", " : "") + w.placeholder(i);
    sql += ")";
    return w.execute(sql, {Value{id}, Value{r.table}, Value{r.filePath}, Value{r.fileSize},
                           Value{r.contentHash}, Value{r.mode}, Value{r.format}, Value{r.encoding},
                           Value{r.rows}, Value{r.rejected}, Value{r.startedAt}, Value{r.finishedAt}});
}

Status recordColumns(Warehouse& w, const std::string& table, const std::vector<Column>& columns) {
    if (auto s =
            w.execute("DELETE FROM deskbase_columns WHERE table_name = " + w.placeholder(1), {Value{table}});
        !s)
        return s;
    const std::string sql =
        "INSERT INTO deskbase_columns (table_name, position, name, display_name, type) VALUES (" +
        w.placeholder(1) + ", " + w.placeholder(2) + ", " + w.placeholder(3) + ", " + w.placeholder(4) +
        ", " + w.placeholder(5) + ")";
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto& c = columns[i];
        if (auto s = w.execute(sql, {Value{table}, Value{std::int64_t(i)}, Value{c.name},
                                     Value{c.displayName}, Value{std::string(columnTypeName(c.type))}});
            !s)
            return s;
    }
    return Status::ok();
}

std::string utcNowIso() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
}

}  // namespace deskbase
