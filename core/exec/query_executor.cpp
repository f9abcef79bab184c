#include "core/exec/query_executor.h"

#include <algorithm>
#include <condition_variable>

#include "core/cache/result_cache.h"
#include "core/exec/run_statement.h"
#include "core/runtime/interrupter.h"
#include "core/runtime/worker_pool.h"
#include "core/util/wait.h"
#include "core/warehouse/warehouse.h"

namespace deskbase {

int sqliteProcessConfigAnchor();  // sqlite_tuning.cpp

ConnectionLease::~ConnectionLease() {
    if (pool_ && connection_) pool_->release(target_, std::move(connection_));
}

class QueryRun : public Interruptible, public std::enable_shared_from_this<QueryRun> {
public:
    QueryRun(std::uint64_t id, QueryRequest r, std::shared_ptr<ResultCache> c, Interrupter& interrupter)
        : request(std::move(r)),
          cache(std::move(c)),
          cacheEpoch(cache ? cache->epoch() : 0),
          id_(id),
          interrupter_(interrupter) {}

    std::uint64_t id() const { return id_; }
    bool cancelRequested() const { return cancelRequested_.load(); }
    const std::atomic<bool>& cancelFlag() const { return cancelRequested_; }

    QueryState state() const {
        std::lock_guard lock(mutex_);
        return state_;
    }
    bool isDone() const {
        std::lock_guard lock(mutex_);
        return result_.has_value();
    }

    // Marks the run cancelled and has the interrupter stop its statement; a queued run finishes
    // at once. Returns without waiting for anything.
    void requestCancel(const char* reason) {
        bool queued = false;
        {
            std::lock_guard lock(mutex_);
            if (result_) return;
            if (!cancelRequested_) reason_ = reason;
            cancelRequested_ = true;
            // Settled under the same lock start() takes: a worker can no longer pick it up.
            queued = state_ == QueryState::Queued;
            if (queued) settleLocked(Error{reason_}, QueryState::Cancelled);
        }
        if (queued)
            notifyDone();
        else
            interrupter_.interrupt(shared_from_this());
    }

    // Interruptible (the interrupter's thread): only the worker and this take activeMutex_, so a
    // PQcancel that hangs on a stopped server holds up no one but the worker.
    bool interruptWanted() const override { return cancelRequested_.load() && !isDone(); }
    void interruptNow() override {
        std::lock_guard lock(activeMutex_);
        if (active_) active_->cancel();
    }

    bool start() {
        std::lock_guard lock(mutex_);
        if (result_) return false;
        state_ = QueryState::Running;
        return true;
    }
    void setActive(Warehouse* w) {
        std::lock_guard lock(activeMutex_);
        active_ = w;
    }

    // Records the outcome once; later calls are ignored. A cancel that came first turns the
    // outcome into "cancelled" unless `final` (a write that committed: reporting it cancelled
    // would say nothing changed).
    void finish(Result<QueryResult> r, QueryState state, bool final = false) {
        {
            std::lock_guard lock(mutex_);
            if (result_) return;
            if (cancelRequested_ && state != QueryState::Cancelled && !final) {
                r = Error{reason_};
                state = QueryState::Cancelled;
            }
            settleLocked(std::move(r), state);
        }
        notifyDone();
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

    QueryRequest request;
    const std::shared_ptr<ResultCache> cache;  // the executor's cache when the run was submitted
    const std::uint64_t cacheEpoch;            // cache->epoch() then: a purge since forbids storing

private:
    void settleLocked(Result<QueryResult> r, QueryState state) {
        result_.emplace(std::move(r));
        state_ = state;
        callback_ = std::move(request.onFinished);
        doneCallback_ = std::move(request.onDone);
    }
    void notifyDone() {
        done_.notify_all();
        // result_ never changes again; the callbacks were moved out exactly once.
        if (callback_) std::exchange(callback_, nullptr)(*result_);
        if (doneCallback_) std::exchange(doneCallback_, nullptr)(QueryHandle(shared_from_this()));
    }

    const std::uint64_t id_;
    Interrupter& interrupter_;
    mutable std::mutex mutex_;
    mutable std::condition_variable done_;
    QueryState state_ = QueryState::Queued;
    std::optional<Result<QueryResult>> result_;
    std::function<void(const Result<QueryResult>&)> callback_;
    std::function<void(const QueryHandle&)> doneCallback_;
    std::atomic<bool> cancelRequested_{false};
    std::string reason_ = "cancelled";
    std::mutex activeMutex_;  // guards active_ against interruptNow()
    Warehouse* active_ = nullptr;
};

std::uint64_t QueryHandle::id() const {
    return run_ ? run_->id() : 0;
}
QueryState QueryHandle::state() const {
    return run_ ? run_->state() : QueryState::Failed;
}
bool QueryHandle::isDone() const {
    return !run_ || run_->isDone();
}
void QueryHandle::cancel() {
    if (run_) run_->requestCancel("cancelled");
}
bool QueryHandle::wait(int timeoutMs) const {
    return !run_ || run_->wait(timeoutMs);
}
const Result<QueryResult>& QueryHandle::result() const {
    static const Result<QueryResult> invalid{Error{"no query"}};
    return run_ ? run_->result() : invalid;
}

QueryExecutor::QueryExecutor(WorkerPool& workers, Interrupter& interrupter, ConnectionPool& connections)
    : workers_(workers), interrupter_(interrupter), pool_(connections) {
    (void)sqliteProcessConfigAnchor();
}

QueryExecutor::~QueryExecutor() = default;

void QueryExecutor::shutdown() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cancelAll();
}

QueryHandle QueryExecutor::submit(QueryRequest request) {
    std::shared_ptr<QueryRun> superseded;
    std::shared_ptr<QueryRun> run;
    bool queued = false;
    {
        std::lock_guard lock(mutex_);
        run = std::make_shared<QueryRun>(nextId_++, std::move(request), cache_, interrupter_);
        queued = !stopping_;
        if (queued && !run->request.slotKey.empty()) {
            auto& slot = slots_[run->request.slotKey];
            superseded = slot.lock();
            slot = run;
        }
        if (queued) queue_.push_back(run);
    }
    if (!queued) {
        run->finish(Error{"the query executor is shutting down"}, QueryState::Cancelled);
        return QueryHandle(run);
    }
    if (superseded) superseded->requestCancel("superseded");
    workers_.post([this] { runNext(); });  // one task per run: each takes the oldest queued
    return QueryHandle(run);
}

Result<QueryResult> QueryExecutor::runAndWait(QueryRequest request) {
    auto handle = submit(std::move(request));
    handle.wait();
    return handle.result();
}

std::shared_ptr<ResultCache> QueryExecutor::cache() const {
    std::lock_guard lock(mutex_);
    return cache_;
}

void QueryExecutor::setCache(std::shared_ptr<ResultCache> cache) {
    std::lock_guard lock(mutex_);
    cache_ = std::move(cache);
}

std::size_t QueryExecutor::unfinishedRuns() const {
    std::lock_guard lock(mutex_);
    std::size_t n = running_.size();
    for (const auto& r : queue_) n += !r->isDone();
    return n;
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

void QueryExecutor::runNext() {
    std::shared_ptr<QueryRun> run;
    {
        std::lock_guard lock(mutex_);
        if (queue_.empty()) return;
        run = std::move(queue_.front());
        queue_.pop_front();
        if (run->isDone()) return;  // cancelled while queued
        running_.push_back(run);
    }
    execute(run);
    std::lock_guard lock(mutex_);
    running_.erase(std::find(running_.begin(), running_.end(), run));
    if (!run->request.slotKey.empty())
        if (auto it = slots_.find(run->request.slotKey);
            it != slots_.end() && (it->second.expired() || it->second.lock() == run))
            slots_.erase(it);  // the slot's latest run is over
}

void QueryExecutor::execute(const std::shared_ptr<QueryRun>& run) {
    if (!run->start()) return;
    const QueryRequest& req = run->request;
    ConnectionLease* lease = req.lease.get();
    std::unique_lock<std::mutex> turn;
    std::unique_ptr<Warehouse> owned;
    Warehouse* w = nullptr;
    if (lease) turn = std::unique_lock(lease->inUse_);
    if (lease && lease->connection_ && lease->target_ == req.target) {
        w = lease->connection_.get();
    } else {
        auto connection = pool_.acquire(req.target);
        if (!connection) {
            run->finish(Error{connection.message()}, QueryState::Failed);
            return;
        }
        owned = std::move(*connection);
        w = owned.get();
        if (lease) {
            if (lease->connection_) pool_.release(lease->target_, std::move(lease->connection_));
            lease->connection_ = std::move(owned);
            lease->target_ = req.target;
            lease->pool_ = &pool_;
        }
    }
    run->setActive(w);
    StatementOutcome outcome;
    if (run->cancelRequested())
        outcome.result = Error{"cancelled"};  // before the statement started: it never runs
    else if (req.work)
        outcome.result = req.work(*w, run->cancelFlag());
    else
        outcome = runStatement(*w, req, run->cache.get(), run->cacheEpoch, run->cancelFlag());
    run->setActive(nullptr);
    if (owned) pool_.release(req.target, std::move(owned));
    if (turn) turn.unlock();
    const QueryState state = outcome.result ? QueryState::Finished : QueryState::Failed;
    run->finish(std::move(outcome.result), state, outcome.committedWrite);
}

}  // namespace deskbase
