#include "core/exec/query_executor.h"

#include <algorithm>
#include <atomic>
#include <chrono>

#include "core/cache/result_cache.h"
#include "core/sql/statement_kind.h"
#include "core/util/wait.h"
#include "core/warehouse/warehouse.h"

namespace deskbase {

int sqliteProcessConfigAnchor();  // sqlite_tuning.cpp

class QueryRun : public std::enable_shared_from_this<QueryRun> {
public:
    QueryRun(std::uint64_t id, QueryRequest r, std::shared_ptr<ResultCache> c)
        : id_(id), request(std::move(r)), cache(std::move(c)) {}

    std::uint64_t id() const { return id_; }
    bool cancelRequested() const { return cancelRequested_.load(std::memory_order_relaxed); }

    QueryState state() const {
        std::lock_guard lock(mutex_);
        return state_;
    }
    bool isDone() const {
        std::lock_guard lock(mutex_);
        return result_.has_value();
    }

    // Marks the run cancelled and interrupts its statement if one is running. A queued run
    // finishes at once. Returns without waiting.
    void requestCancel(const char* reason) {
        std::unique_lock lock(mutex_);
        if (result_) return;
        if (!cancelRequested_) reason_ = reason;
        cancelRequested_ = true;
        if (active_) active_->cancel();
        if (state_ == QueryState::Queued) {
            lock.unlock();
            finish(Error{reason_}, QueryState::Cancelled);
        }
    }
    // Re-issues the interrupt (the watchdog does this: an interrupt that lands just before a
    // statement starts is otherwise lost).
    void reinterrupt() {
        std::lock_guard lock(mutex_);
        if (cancelRequested_ && active_ && !result_) active_->cancel();
    }

    bool start() {
        std::lock_guard lock(mutex_);
        if (result_) return false;
        state_ = QueryState::Running;
        return true;
    }
    void setActive(Warehouse* w) {
        std::lock_guard lock(mutex_);
        active_ = w;
    }

    // Records the outcome once; later calls are ignored.
    void finish(Result<QueryResult> r, QueryState state) {
        std::function<void(const Result<QueryResult>&)> callback;
        std::function<void(const QueryHandle&)> doneCallback;
        {
            std::lock_guard lock(mutex_);
            if (result_) return;
            if (cancelRequested_ && state != QueryState::Cancelled) {
                r = Error{reason_};
                state = QueryState::Cancelled;
            }
            result_.emplace(std::move(r));
            state_ = state;
            callback = std::move(request.onFinished);
            doneCallback = std::move(request.onDone);
        }
        done_.notify_all();
        if (callback) callback(*result_);  // result_ never changes again
        if (doneCallback) doneCallback(QueryHandle(shared_from_this()));
    }

    bool wait(int timeoutMs) const {
        std::unique_lock lock(mutex_);
        return waitUntil(done_, lock, timeoutMs, [&] { return result_.has_value(); });
    }

    const Result<QueryResult>& result() const {
        static const Result<QueryResult> notDone{Error{"the query has not finished"}};
        std::lock_guard lock(mutex_);
        return result_ ? *result_ : notDone;
    }

private:
    const std::uint64_t id_;

public:
    QueryRequest request;
    const std::shared_ptr<ResultCache> cache;  // the executor's cache when the run was submitted

private:
    mutable std::mutex mutex_;
    mutable std::condition_variable done_;
    QueryState state_ = QueryState::Queued;
    std::optional<Result<QueryResult>> result_;
    Warehouse* active_ = nullptr;
    std::atomic<bool> cancelRequested_{false};
    std::string reason_ = "cancelled";
};

std::uint64_t QueryHandle::id() const { return run_ ? run_->id() : 0; }
QueryState QueryHandle::state() const { return run_ ? run_->state() : QueryState::Failed; }
bool QueryHandle::isDone() const { return !run_ || run_->isDone(); }
void QueryHandle::cancel() {
    if (run_) run_->requestCancel("cancelled");
}
bool QueryHandle::wait(int timeoutMs) const { return !run_ || run_->wait(timeoutMs); }
const Result<QueryResult>& QueryHandle::result() const {
    static const Result<QueryResult> invalid{Error{"no query"}};
    return run_ ? run_->result() : invalid;
}

QueryExecutor::QueryExecutor(ExecutorOptions options)
    : options_(options), pool_(options.maxIdlePerTarget) {
    (void)sqliteProcessConfigAnchor();
    if (options_.cache) cache_ = std::shared_ptr<ResultCache>(options_.cache, [](ResultCache*) {});  // not owned
    int threads = options_.threads;
    if (threads <= 0) threads = std::max(4, int(std::thread::hardware_concurrency()));
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { workerLoop(); });
    watchdog_ = std::thread([this] { watchdogLoop(); });
}

QueryExecutor::~QueryExecutor() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cancelAll();
    wake_.notify_all();
    watchdogWake_.notify_all();
    for (auto& t : workers_) t.join();
    watchdog_.join();
}

QueryHandle QueryExecutor::submit(QueryRequest request) {
    std::shared_ptr<QueryRun> superseded;
    std::shared_ptr<QueryRun> run;
    bool queued = false;
    {
        std::lock_guard lock(mutex_);
        run = std::make_shared<QueryRun>(nextId_++, std::move(request), cache_);
        if (!run->request.slotKey.empty()) {
            auto& slot = slots_[run->request.slotKey];
            superseded = slot.lock();
            slot = run;
        }
        queued = !stopping_;
        if (queued) queue_.push_back(run);
    }
    if (!queued) {
        run->finish(Error{"the query executor is shutting down"}, QueryState::Cancelled);
        return QueryHandle(run);
    }
    if (superseded) superseded->requestCancel("superseded");
    wake_.notify_one();
    return QueryHandle(run);
}

Result<QueryResult> QueryExecutor::runAndWait(QueryRequest request) {
    auto handle = submit(std::move(request));
    handle.wait();
    return handle.result();
}

std::shared_ptr<ResultCache> QueryExecutor::sharedCache() const {
    std::lock_guard lock(mutex_);
    return cache_;
}

void QueryExecutor::setCache(std::shared_ptr<ResultCache> cache) {
    std::lock_guard lock(mutex_);
    cache_ = std::move(cache);
}

void QueryExecutor::cancelSlot(const std::string& slotKey) {
    std::shared_ptr<QueryRun> run;
    {
        std::lock_guard lock(mutex_);
        if (auto it = slots_.find(slotKey); it != slots_.end()) run = it->second.lock();
    }
    if (run) run->requestCancel("cancelled");
}

void QueryExecutor::cancelAll() {
    std::vector<std::shared_ptr<QueryRun>> all;
    {
        std::lock_guard lock(mutex_);
        all.assign(queue_.begin(), queue_.end());
        all.insert(all.end(), running_.begin(), running_.end());
    }
    for (auto& r : all) r->requestCancel("cancelled");
}

void QueryExecutor::workerLoop() {
    for (;;) {
        std::shared_ptr<QueryRun> run;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping
            run = std::move(queue_.front());
            queue_.pop_front();
            if (run->isDone()) continue;  // cancelled while queued
            running_.push_back(run);
        }
        watchdogWake_.notify_one();
        execute(run);
        {
            std::lock_guard lock(mutex_);
            running_.erase(std::find(running_.begin(), running_.end(), run));
            if (!run->request.slotKey.empty())
                if (auto it = slots_.find(run->request.slotKey);
                    it != slots_.end() && (it->second.expired() || it->second.lock() == run))
                    slots_.erase(it);  // the slot's latest run is over
        }
    }
}

void QueryExecutor::watchdogLoop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        if (running_.empty()) {
            watchdogWake_.wait(lock);
            continue;
        }
        watchdogWake_.wait_for(lock, std::chrono::milliseconds(25));
        std::vector<std::shared_ptr<QueryRun>> cancelled;
        for (const auto& run : running_)
            if (run->cancelRequested()) cancelled.push_back(run);
        if (cancelled.empty()) continue;
        // A PostgreSQL cancel is a network round trip: never while holding the executor's lock,
        // which submit() and cancelSlot() on the GUI thread need.
        lock.unlock();
        for (const auto& run : cancelled) run->reinterrupt();
        lock.lock();
    }
}

void QueryExecutor::execute(const std::shared_ptr<QueryRun>& run) {
    if (!run->start()) return;
    const std::string& target = run->request.target;
    auto connection = pool_.acquire(target);
    if (!connection) {
        run->finish(Error{connection.message()}, QueryState::Failed);
        return;
    }
    std::unique_ptr<Warehouse> w = std::move(*connection);
    run->setActive(w.get());
    Result<QueryResult> result = run->cancelRequested() ? Result<QueryResult>(Error{"cancelled"})
                                                        : runOnConnection(*run, *w);
    run->setActive(nullptr);
    pool_.release(target, std::move(w));
    const QueryState state = result ? QueryState::Finished : QueryState::Failed;
    run->finish(std::move(result), state);
}

Result<QueryResult> QueryExecutor::runOnConnection(QueryRun& run, Warehouse& w) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    const QueryRequest& req = run.request;
    ResultCache* cache = run.cache.get();
    const StatementKind kind = classifyStatement(req.sql);
    const bool caching = cache && req.useCache && !req.onRows && kind.readOnly;
    CacheKey key;
    if (caching) {
        key = CacheKey::make(w.identity(), req.sql, req.params, req.rowLimit);
        if (auto hit = cache->lookup(key, w)) return std::move(*hit);
    }
    // Versions are read BEFORE the run: an import racing with it makes the entry stale, never wrong.
    bool storable = caching && req.cachePolicy.kind != CachePolicy::Kind::Never;
    std::vector<TableVersion> versions;
    if (storable) {
        auto tables = w.tablesReadBy(req.sql, req.params);
        auto current = tables ? currentDataVersions(w, *tables) : Result<std::vector<TableVersion>>(Error{""});
        if (current) versions = std::move(*current);
        else storable = false;
    }

    auto cursor = w.query(req.sql, req.params);
    if (!cursor) return Error{cursor.message()};
    QueryResult result;
    result.columns = (*cursor)->columns();
    constexpr std::size_t kBlock = 1024;
    std::vector<Row> block;
    for (;;) {
        if (run.cancelRequested()) return Error{"cancelled"};
        if (req.onRows) {
            block.clear();
            auto n = (*cursor)->fetch(block, kBlock);
            if (!n) return Error{n.message()};
            if (*n == 0) break;
            for (auto& row : block) {
                if (req.rowLimit && result.rows.size() >= req.rowLimit) { result.truncated = true; break; }
                result.rows.push_back(row);
            }
            if (!req.onRows(result.columns, block)) break;
            continue;
        }
        std::size_t want = kBlock;
        if (req.rowLimit) want = std::min(kBlock, req.rowLimit + 1 - result.rows.size());  // +1 detects "more"
        auto n = (*cursor)->fetch(result.rows, want);
        if (!n) return Error{n.message()};
        if (*n == 0) break;
        if (req.rowLimit && result.rows.size() > req.rowLimit) {
            result.rows.resize(req.rowLimit);
            result.truncated = true;
            break;
        }
    }
    cursor = Error{"done"};  // finalize the statement before the connection goes back to the pool
    if (kind.writesData) {
        // A write through Deskbase (e.g. the SQL editor): bump the versions so no cache, in this
        // process or another, serves results computed before it. Unknown targets: drop our cache.
        for (const auto& table : kind.writtenTables)
            if (auto s = w.bumpDataVersion(table); !s && cache) cache->purge();
        if (kind.writtenTables.empty() && cache) cache->purge();
    }
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    result.elapsedMs = ms;
    if (storable && !run.cancelRequested()) cache->store(key, result, ms, std::move(versions), req.cachePolicy);
    return result;
}

}  // namespace deskbase
