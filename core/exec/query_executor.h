#pragma once
// Runs queries off the calling thread on the runtime's query workers, one Warehouse connection per
// running query (borrowed from the per-target ConnectionPool; SQLite in WAL, so reads run in
// parallel). Every run can be cancelled; a newer run with the same slot key (a question or
// dashboard card id) supersedes the older one, which is interrupted, not awaited. Interrupts are
// delivered by the runtime's Interrupter thread, so cancel() never blocks (a PostgreSQL cancel
// is a network round trip). Created and owned by a Runtime (core/runtime/runtime.h).
//
// Callbacks run on a worker thread. From Qt code, post to a Mailbox (core/runtime/mailbox.h).
#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/cache_policy.h"
#include "core/exec/connection_pool.h"
#include "core/exec/query_result.h"
#include "core/util/result.h"

namespace deskbase {

class Interrupter;
class ResultCache;
class QueryHandle;
class WorkerPool;

// A connection kept between runs, e.g. the grid's paged cursor that the next block continues.
// Runs that name the same lease take turns on it; it goes back to its pool when the lease goes.
class ConnectionLease {
public:
    ConnectionLease() = default;
    ~ConnectionLease();
    ConnectionLease(const ConnectionLease&) = delete;
    ConnectionLease& operator=(const ConnectionLease&) = delete;

private:
    friend class QueryExecutor;
    std::mutex inUse_;  // held by the run using the connection
    std::unique_ptr<Warehouse> connection_;
    std::string target_;
    ConnectionPool* pool_ = nullptr;
};

struct QueryRequest {
    std::string target;         // warehouse target (SQLite path or libpq URI)
    std::string sql;            // final SQL with placeholders (see expandSqlTemplate)
    std::vector<Value> params;  // bound values
    std::string slotKey;        // non-empty: supersede any unfinished run with the same key
    std::size_t rowLimit =
        0;  // preview limit: keep at most this many rows (0 = all); result.truncated says more exist
    bool useCache = true;     // look up / store in the executor's cache (when it has one)
    CachePolicy cachePolicy;  // question's policy, else the workspace's

    // Optional streaming of the FULL result (e.g. export), ignoring rowLimit: called on the worker
    // thread for each block of rows; return false to stop early. A streamed run bypasses the cache.
    // Its result still keeps the first rowLimit rows (all of them when 0: give a limit).
    std::function<bool(const std::vector<Column>& columns, const std::vector<Row>& block)> onRows;
    // With onRows and useCache: the rows are also kept for the cache while their approxBytes
    // stays at most this, and stored when the run ends; a bigger result lets them go and is not
    // stored (result.tooLargeToCache), so memory stays flat. A cache hit streams its rows through
    // onRows. 0: a streamed run bypasses the cache.
    std::size_t cacheRowsUpTo = 0;
    // Optional: instead of running `sql`, call this with the run's connection; what it returns is
    // the run's result. It polls `cancelled` between steps (statements are interrupted anyway).
    std::function<Result<QueryResult>(Warehouse& connection, const std::atomic<bool>& cancelled)> work;
    // Optional: run on the lease's connection (opened into it when empty) and leave it there.
    std::shared_ptr<ConnectionLease> lease;
    // Optional completion callback, called once (also for errors/cancel) on the worker thread, or on
    // the cancelling/superseding thread for a run cancelled before it started.
    std::function<void(const Result<QueryResult>&)> onFinished;
    // Same moment as onFinished (after it), with the run's handle (state and result ready).
    std::function<void(const QueryHandle&)> onDone;
};

enum class QueryState { Queued, Running, Finished, Failed, Cancelled };

class QueryRun;  // shared state of one run (query_executor.cpp)

// A cheap, copyable reference to one run. All methods are thread-safe.
class QueryHandle {
public:
    QueryHandle() = default;
    explicit QueryHandle(std::shared_ptr<QueryRun> run) : run_(std::move(run)) {}

    bool isValid() const { return run_ != nullptr; }
    std::uint64_t id() const;
    QueryState state() const;
    bool isDone() const;  // Finished, Failed or Cancelled
    // Marks the run cancelled and has its statement interrupted; its result becomes the error
    // "cancelled" (unless it was a write that had already committed). Never blocks.
    void cancel();
    // Blocks until done or the timeout passes (-1 = forever). True when done.
    bool wait(int timeoutMs = -1) const;
    // The outcome; only valid once isDone(). Errors: the warehouse's message, "cancelled", "superseded".
    const Result<QueryResult>& result() const;

private:
    std::shared_ptr<QueryRun> run_;
};

class QueryExecutor {
public:
    // The runtime's parts: runs are posted to `workers`, interrupts sent by `interrupter`.
    QueryExecutor(WorkerPool& workers, Interrupter& interrupter, ConnectionPool& connections);
    ~QueryExecutor();  // call shutdown() and let the workers finish first (Runtime does)
    QueryExecutor(const QueryExecutor&) = delete;
    QueryExecutor& operator=(const QueryExecutor&) = delete;

    QueryHandle submit(QueryRequest request);
    // Convenience for the command line and tests: submit and wait.
    Result<QueryResult> runAndWait(QueryRequest request);

    void cancelSlot(const std::string& slotKey);
    void cancelAll();
    void shutdown();  // cancels every run; later submits fail at once
    // Closes the idle pooled connections (e.g. before an import that needs the database alone);
    // running queries keep theirs. New runs open connections again as needed.
    void closeIdleConnections() { pool_.clear(); }
    // The cache later runs use (a run keeps the one it was submitted with); null: none.
    std::shared_ptr<ResultCache> cache() const;
    void setCache(std::shared_ptr<ResultCache> cache);
    std::size_t unfinishedRuns() const;  // queued or running

private:
    void runNext();
    void execute(const std::shared_ptr<QueryRun>& run);

    WorkerPool& workers_;
    Interrupter& interrupter_;
    ConnectionPool& pool_;
    mutable std::mutex mutex_;
    std::shared_ptr<ResultCache> cache_;
    std::deque<std::shared_ptr<QueryRun>> queue_;
    std::vector<std::shared_ptr<QueryRun>> running_;
    std::map<std::string, std::weak_ptr<QueryRun>> slots_;
    std::uint64_t nextId_ = 1;
    bool stopping_ = false;
};

}  // namespace deskbase
