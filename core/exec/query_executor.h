#pragma once
// Runs queries off the calling thread on a small pool of worker threads, one Warehouse
// connection per running query (borrowed from a per-target ConnectionPool; SQLite in WAL, so
// reads run in parallel). Every run can be cancelled; a newer run with the same slot key (a
// question or dashboard card id) supersedes the older one, which is interrupted, not awaited.
//
// Callbacks run on a worker thread. From Qt code, hop to the GUI thread with
// QMetaObject::invokeMethod(receiver, [..]{...}, Qt::QueuedConnection), or poll the handle.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/cache/cache_policy.h"
#include "core/exec/connection_pool.h"
#include "core/exec/query_result.h"
#include "core/util/result.h"

namespace deskbase {

class ResultCache;
class QueryHandle;

struct QueryRequest {
    std::string target;         // warehouse target (SQLite path or libpq URI)
    std::string sql;            // final SQL with placeholders (see expandSqlTemplate)
    std::vector<Value> params;  // bound values
    std::string slotKey;        // non-empty: supersede any unfinished run with the same key
    std::size_t rowLimit = 0;   // preview limit: keep at most this many rows (0 = all); result.truncated says more exist
    bool useCache = true;       // look up / store in the executor's cache (when it has one)
    CachePolicy cachePolicy;    // question's policy, else the workspace's

    // Optional streaming of the FULL result (e.g. export), ignoring rowLimit: called on the worker
    // thread for each block of rows; return false to stop early. A streamed run bypasses the cache.
    // Its result still keeps the first rowLimit rows (all of them when 0: give a limit).
    std::function<bool(const std::vector<Column>& columns, const std::vector<Row>& block)> onRows;
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
    // Interrupts the run (Warehouse::cancel); its result becomes the error "cancelled". Never blocks.
    void cancel();
    // Blocks until done or the timeout passes (-1 = forever). True when done.
    bool wait(int timeoutMs = -1) const;
    // The outcome; only valid once isDone(). Errors: the warehouse's message, "cancelled", "superseded".
    const Result<QueryResult>& result() const;

private:
    std::shared_ptr<QueryRun> run_;
};

struct ExecutorOptions {
    int threads = 0;                   // 0 = max(4, hardware threads)
    ResultCache* cache = nullptr;      // not owned; may be null (no caching)
    std::size_t maxIdlePerTarget = 8;  // idle connections kept per target
};

class QueryExecutor {
public:
    explicit QueryExecutor(ExecutorOptions options = {});
    ~QueryExecutor();  // cancels queued and running runs and joins the workers
    QueryExecutor(const QueryExecutor&) = delete;
    QueryExecutor& operator=(const QueryExecutor&) = delete;

    QueryHandle submit(QueryRequest request);
    // Convenience for the command line and tests: submit and wait.
    Result<QueryResult> runAndWait(QueryRequest request);

    void cancelSlot(const std::string& slotKey);
    void cancelAll();
    // Closes the idle pooled connections (e.g. before an import that needs the database alone);
    // running queries keep theirs. New runs open connections again as needed.
    void closeIdleConnections() { pool_.clear(); }
    ResultCache* cache() const { return sharedCache().get(); }
    // The cache later runs use (a run keeps the one it was submitted with); null: none.
    std::shared_ptr<ResultCache> sharedCache() const;
    void setCache(std::shared_ptr<ResultCache> cache);

private:
    void workerLoop();
    void watchdogLoop();
    void execute(const std::shared_ptr<QueryRun>& run);
    Result<QueryResult> runOnConnection(QueryRun& run, Warehouse& w);

    ExecutorOptions options_;
    ConnectionPool pool_;
    mutable std::mutex mutex_;
    std::shared_ptr<ResultCache> cache_;
    std::condition_variable wake_;
    std::condition_variable watchdogWake_;
    std::deque<std::shared_ptr<QueryRun>> queue_;
    std::vector<std::shared_ptr<QueryRun>> running_;
    std::map<std::string, std::weak_ptr<QueryRun>> slots_;
    std::uint64_t nextId_ = 1;
    bool stopping_ = false;
    std::vector<std::thread> workers_;
    std::thread watchdog_;
};

}  // namespace deskbase
