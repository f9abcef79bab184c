#include "core/sources/source_files.h"

#include <vector>

#include "core/ingest/bookkeeping.h"  // utcNowIso
#include "core/warehouse/warehouse.h"

namespace deskbase {

namespace {

std::int64_t intOf(const Value& v) {
    if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (auto* d = std::get_if<double>(&v)) return std::int64_t(*d);
    return 0;
}

}  // namespace

Status ensureSourceFiles(Warehouse& w) {
    return w.execute(
        "CREATE TABLE IF NOT EXISTS deskbase_source_files (id BIGINT NOT NULL, source TEXT NOT NULL, path "
        "TEXT "
        "NOT NULL, size BIGINT NOT NULL, modified_ms BIGINT NOT NULL, status TEXT NOT NULL, error TEXT, "
        "run_id "
        "BIGINT, recorded_at TEXT NOT NULL, PRIMARY KEY (source, id))");
}

Status recordSourceFile(Warehouse& w, const std::string& source, const SourceFileRecord& r) {
    if (auto s = ensureSourceFiles(w); !s) return s;
    std::string ph;
    for (int i = 2; i <= 9; ++i) ph += ", " + w.placeholder(i);
    // One runner per source at a time (its lock), so MAX(id) + 1 is not raced for one source.
    return w.execute(
        "INSERT INTO deskbase_source_files (id, source, path, size, modified_ms, status, error, run_id, "
        "recorded_at) SELECT COALESCE(MAX(id), 0) + 1" +
            ph + " FROM deskbase_source_files WHERE source = " + w.placeholder(1),
        {Value{source}, Value{source}, Value{r.path}, Value{r.seen.size},
         Value{std::int64_t(r.seen.modified.time_since_epoch().count())}, Value{r.status},
         r.error.empty() ? Value{} : Value{r.error}, Value{r.runId}, Value{utcNowIso()}});
}

Result<std::map<std::string, SourceFileRecord>> sourceFileRecords(Warehouse& w, const std::string& source) {
    std::map<std::string, SourceFileRecord> out;
    auto exists = w.tableExists("deskbase_source_files");
    if (!exists) return Error{exists.message()};
    if (!*exists) return out;
    auto c = w.query(
        "SELECT path, size, modified_ms, status, error, run_id FROM deskbase_source_files WHERE source = " +
            w.placeholder(1) + " ORDER BY id",
        {Value{source}});
    if (!c) return Error{c.message()};
    std::vector<Row> rows;
    for (;;) {
        rows.clear();
        auto n = (*c)->fetch(rows, 1000);
        if (!n) return Error{n.message()};
        if (*n == 0) break;
        for (const auto& r : rows) {
            SourceFileRecord rec;
            rec.path = valueToText(r[0]);
            rec.seen.size = intOf(r[1]);
            rec.seen.modified = WallTime(std::chrono::milliseconds(intOf(r[2])));
            rec.status = valueToText(r[3]);
            rec.error = valueToText(r[4]);
            rec.runId = intOf(r[5]);
            out[rec.path] = std::move(rec);  // later rows win
        }
    }
    return out;
}

}  // namespace deskbase
