#include "core/exec/run_statement.h"

#include <chrono>

#include "core/cache/result_cache.h"
#include "core/sql/statement_kind.h"
#include "core/warehouse/warehouse.h"
#include "core/warehouse/write_turn.h"

namespace deskbase {

namespace {

constexpr std::size_t kBlock = 1024;

std::size_t approxRowBytes(const Row& r) {
    std::size_t bytes = sizeof(Row) + r.size() * sizeof(Value);
    for (const auto& v : r)
        if (const auto* s = std::get_if<std::string>(&v); s && s->size() >= 16) bytes += s->capacity() + 1;
    return bytes;
}

// A streamed run's rows: the first rowLimit kept (all when 0), or, when they are kept for the
// cache, all of them until they outgrow cacheRowsUpTo.
void keepStreamed(const QueryRequest& req, std::vector<Row>& block, QueryResult& result, std::size_t& kept) {
    if (req.cacheRowsUpTo) {
        if (result.tooLargeToCache) return;
        for (const auto& row : block) kept += approxRowBytes(row);
        if (kept > req.cacheRowsUpTo) {
            result.tooLargeToCache = true;
            std::vector<Row>().swap(result.rows);
            return;
        }
        result.rows.insert(result.rows.end(), block.begin(), block.end());
        return;
    }
    for (auto& row : block) {
        if (req.rowLimit && result.rows.size() >= req.rowLimit) {
            result.truncated = true;
            break;
        }
        result.rows.push_back(row);
    }
}

// Reads the cursor into `result` (up to the preview limit) or streams it to onRows. `stopped`:
// onRows asked to stop (the result is partial).
Status readRows(QueryCursor& cursor, const QueryRequest& req, QueryResult& result,
                const std::atomic<bool>& cancelled, bool& stopped) {
    std::vector<Row> block;
    std::size_t kept = 0;
    for (;;) {
        if (cancelled.load()) return Status::fail("cancelled");
        if (req.onRows) {
            block.clear();
            auto n = cursor.fetch(block, kBlock);
            if (!n) return Status::fail(n.message());
            if (*n == 0) return Status::ok();
            keepStreamed(req, block, result, kept);
            if (!req.onRows(result.columns, block)) {
                stopped = true;
                return Status::ok();
            }
            continue;
        }
        std::size_t want = kBlock;
        if (req.rowLimit)
            want = std::min(kBlock, req.rowLimit + 1 - result.rows.size());  // +1 detects "more"
        auto n = cursor.fetch(result.rows, want);
        if (!n) return Status::fail(n.message());
        if (*n == 0) return Status::ok();
        if (req.rowLimit && result.rows.size() > req.rowLimit) {
            result.rows.resize(req.rowLimit);
            result.truncated = true;
            return Status::ok();
        }
    }
}

}  // namespace

StatementOutcome runStatement(Warehouse& w, const QueryRequest& req, ResultCache* cache,
                              std::uint64_t cacheEpoch, const std::atomic<bool>& cancelled) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    StatementOutcome out;
    const StatementKind kind = classifyStatement(req.sql, w.dialect());
    const bool streamedToCache = req.onRows && req.cacheRowsUpTo > 0;
    const bool caching = cache && req.useCache && (!req.onRows || streamedToCache) && kind.readOnly;
    CacheKey key;
    if (caching) {
        key = CacheKey::make(w.identity(), w.dialect(), req.sql, req.params,
                             streamedToCache ? 0 : req.rowLimit);
        if (auto hit = cache->lookup(key, w)) {
            if (streamedToCache)  // the rows go where a run's would
                for (std::size_t i = 0; i < hit->rows.size(); i += kBlock) {
                    const std::vector<Row> block(
                        hit->rows.begin() + std::ptrdiff_t(i),
                        hit->rows.begin() + std::ptrdiff_t(std::min(i + kBlock, hit->rows.size())));
                    if (!req.onRows(hit->columns, block)) break;
                }
            out.result = std::move(*hit);
            return out;
        }
    }
    // Versions are read BEFORE the run: an import racing with it makes the entry stale, never wrong.
    bool storable = caching && req.cachePolicy.kind != CachePolicy::Kind::Never;
    std::vector<TableVersion> versions;
    if (storable) {
        auto tables = w.tablesReadBy(req.sql, req.params);
        auto current =
            tables ? currentDataVersions(w, *tables) : Result<std::vector<TableVersion>>(Error{""});
        if (current)
            versions = std::move(*current);
        else
            storable = false;
    }

    const bool versioned = kind.writesData && !kind.writtenTables.empty();
    // Unknown written tables (or a bump that cannot be written): drop our cache, however the
    // statement ends, so it never serves a result computed before the write.
    struct PurgeAfter {
        ResultCache* cache;
        ~PurgeAfter() {
            if (cache) cache->purge();
        }
    } purge{kind.writesData && !versioned ? cache : nullptr};
    auto fail = [&](const std::string& message) {
        if (versioned) w.rollback();
        out.result = Error{message};
        return out;
    };
    // A write waits its turn while another connection (an import, a build) writes a SQLite file.
    if (versioned)
        if (auto s = beginWriteTurn(w, [&] { return !cancelled.load(); }); !s)
            return fail(cancelled.load() ? std::string("cancelled") : s.message());

    QueryResult result;
    bool stopped = false;
    {
        auto cursor = w.query(req.sql, req.params);
        if (!cursor) return fail(cursor.message());
        result.columns = (*cursor)->columns();
        if (auto s = readRows(**cursor, req, result, cancelled, stopped); !s) return fail(s.message());
    }  // the statement is finalized before the connection goes back to the pool
    if (versioned) {
        // The statement did its work: from here a cancel no longer undoes it. The bump commits
        // with it, so no cache (in this process or another) serves a result from before it.
        for (const auto& table : kind.writtenTables)
            if (auto s = w.bumpDataVersion(table); !s) return fail(s.message());
        if (auto s = w.commit(); !s) return fail(s.message());
    }
    out.committedWrite = kind.writesData;
    result.elapsedMs = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (storable && !cancelled.load() && !stopped && !result.tooLargeToCache)
        cache->store(key, result, result.elapsedMs, std::move(versions), req.cachePolicy, cacheEpoch);
    out.result = std::move(result);
    return out;
}

}  // namespace deskbase
