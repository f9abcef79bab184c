#include "core/runtime/job_queue.h"

#include <algorithm>
#include <optional>

#include "core/exec/connection_pool.h"
#include "core/runtime/interrupter.h"
#include "core/runtime/worker_pool.h"
#include "core/util/wait.h"
#include "core/warehouse/warehouse.h"

namespace deskbase {

class Job : public Interruptible, public std::enable_shared_from_this<Job> {
public:
    Job(std::uint64_t id, JobSpec s, JobQueue& queue) : spec(std::move(s)), id_(id), queue_(queue) {}

    std::uint64_t id() const { return id_; }
    const std::atomic<bool>& cancelFlag() const { return cancelled_; }

    JobState state() const {
        std::lock_guard lock(mutex_);
        return state_;
    }
    bool isDone() const {
        std::lock_guard lock(mutex_);
        return status_.has_value();
    }
    Status status() const {
        std::lock_guard lock(mutex_);
        return status_ ? *status_ : Status::fail("the job has not finished");
    }
    bool wait(int timeoutMs) const {
        std::unique_lock lock(mutex_);
        return waitUntil(done_, lock, timeoutMs, [&] { return notified_; });
    }
    JobProgress progress() const {
        std::lock_guard lock(mutex_);
        return progress_;
    }
    void setProgress(JobProgress p) {
        std::lock_guard lock(mutex_);
        progress_ = std::move(p);
    }

    // Returns true when the job was still queued: it is settled as cancelled, the caller then
    // calls notifyDone(). Otherwise the interrupter is asked to stop it.
    bool requestCancel(const char* reason) {
        {
            std::lock_guard lock(mutex_);
            if (status_) return false;
            if (!cancelled_) reason_ = reason;
            cancelled_ = true;
            if (state_ == JobState::Queued) {
                settleLocked(Status::fail(reason_), JobState::Cancelled);
                return true;
            }
        }
        queue_.interrupter_.interrupt(shared_from_this());
        return false;
    }

    bool start() {
        std::lock_guard lock(mutex_);
        if (status_) return false;
        state_ = JobState::Running;
        return true;
    }

    void run() {
        JobContext context(*this);
        Status s = spec.run ? spec.run(context) : Status::ok();
        {
            std::lock_guard lock(activeMutex_);
            for (auto& [target, w] : connections_)
                if (w.pooled) queue_.connections_.release(target, std::move(w.connection));
            connections_.clear();  // fresh ones close here
        }
        std::lock_guard lock(mutex_);
        const JobState state = s ? JobState::Finished : cancelled_ ? JobState::Cancelled : JobState::Failed;
        settleLocked(std::move(s), state);
    }

    // onDone runs before any waiter wakes: once wait() returns, the job's onDone has run. Only the
    // first call after the job settled does anything (a job cancelled while its worker was about to
    // start it is notified by both).
    void notifyDone() {
        std::function<void(const JobHandle&)> f;
        {
            std::lock_guard lock(mutex_);
            if (notifying_ || !status_) return;
            notifying_ = true;
            f = std::exchange(onDone_, nullptr);
        }
        if (f) f(JobHandle(shared_from_this()));
        {
            std::lock_guard lock(mutex_);
            notified_ = true;
        }
        done_.notify_all();
    }

    // Interruptible
    bool interruptWanted() const override { return cancelled_.load() && !isDone(); }
    void interruptNow() override {
        std::vector<std::function<void()>> hooks;
        std::lock_guard lock(activeMutex_);
        hooks.swap(onCancel_);
        for (auto& f : hooks) f();
        for (auto& [target, w] : connections_)
            if (w.connection) w.connection->cancel();
    }

    void onCancel(std::function<void()> f) {
        std::lock_guard lock(activeMutex_);
        if (cancelled_.load())
            f();
        else
            onCancel_.push_back(std::move(f));
    }

    Result<Warehouse*> connection(const std::string& target, bool fresh) {
        auto opened = fresh ? Warehouse::open(target) : queue_.connections_.acquire(target);
        if (!opened) return Error{opened.message()};
        Warehouse* w = opened->get();
        std::lock_guard lock(activeMutex_);
        connections_.push_back({target, Held{std::move(*opened), !fresh}});
        if (cancelled_.load()) w->cancel();  // a cancel that came while it opened
        return w;
    }

    JobSpec spec;

private:
    void settleLocked(Status s, JobState state) {
        status_.emplace(std::move(s));
        state_ = state;
        onDone_ = std::move(spec.onDone);
    }

    struct Held {
        std::unique_ptr<Warehouse> connection;
        bool pooled = false;
    };

    const std::uint64_t id_;
    JobQueue& queue_;
    mutable std::mutex mutex_;
    mutable std::condition_variable done_;
    JobState state_ = JobState::Queued;
    std::optional<Status> status_;
    bool notifying_ = false;  // a notifyDone() took the job's onDone
    bool notified_ = false;   // onDone has run; wait() returns from here on
    JobProgress progress_;
    std::function<void(const JobHandle&)> onDone_;
    std::atomic<bool> cancelled_{false};
    std::string reason_ = "cancelled";
    std::mutex activeMutex_;  // guards the connections and hooks against interruptNow()
    std::vector<std::pair<std::string, Held>> connections_;
    std::vector<std::function<void()>> onCancel_;
};

bool JobContext::cancelled() const {
    return job_.cancelFlag().load();
}
const std::atomic<bool>& JobContext::cancelFlag() const {
    return job_.cancelFlag();
}
void JobContext::setProgress(JobProgress progress) {
    job_.setProgress(std::move(progress));
}
void JobContext::onCancel(std::function<void()> f) {
    job_.onCancel(std::move(f));
}
Result<Warehouse*> JobContext::connection(const std::string& target) {
    return job_.connection(target, false);
}
Result<Warehouse*> JobContext::freshConnection(const std::string& target) {
    return job_.connection(target, true);
}

std::uint64_t JobHandle::id() const {
    return job_ ? job_->id() : 0;
}
JobState JobHandle::state() const {
    return job_ ? job_->state() : JobState::Failed;
}
bool JobHandle::isDone() const {
    return !job_ || job_->isDone();
}
void JobHandle::cancel() {
    if (job_ && job_->requestCancel("cancelled")) job_->notifyDone();
}
bool JobHandle::wait(int timeoutMs) const {
    return !job_ || job_->wait(timeoutMs);
}
Status JobHandle::status() const {
    return job_ ? job_->status() : Status::fail("no job");
}
JobProgress JobHandle::progress() const {
    return job_ ? job_->progress() : JobProgress{};
}

JobQueue::JobQueue(WorkerPool& workers, Interrupter& interrupter, ConnectionPool& connections,
                   int writersPerWarehouse)
    : workers_(workers),
      interrupter_(interrupter),
      connections_(connections),
      writersPerWarehouse_(std::max(1, writersPerWarehouse)) {}

JobQueue::~JobQueue() = default;

JobHandle JobQueue::submit(JobSpec spec) {
    std::shared_ptr<Job> job, superseded;
    bool refused = false;
    {
        std::lock_guard lock(mutex_);
        job = std::make_shared<Job>(nextId_++, std::move(spec), *this);
        refused = stopping_;
        if (!refused) {
            if (!job->spec.key.empty()) {
                auto& slot = keys_[job->spec.key];
                superseded = slot.lock();
                slot = job;
            }
            queue_.push_back(job);
        }
    }
    if (refused) {
        job->requestCancel("the runtime is shutting down");
        job->notifyDone();
        return JobHandle(job);
    }
    if (superseded && superseded->requestCancel("superseded")) superseded->notifyDone();
    pump();
    return JobHandle(job);
}

void JobQueue::pump() {
    std::vector<std::shared_ptr<Job>> start;
    {
        std::lock_guard lock(mutex_);
        for (auto it = queue_.begin(); it != queue_.end();) {
            Job& j = **it;
            if (j.isDone()) {  // cancelled while queued
                it = queue_.erase(it);
                continue;
            }
            const std::string& w = j.spec.writesTo;
            if (!w.empty() && writers_[w] >= writersPerWarehouse_) {
                ++it;  // waits for a writer of its warehouse; later jobs may go ahead
                continue;
            }
            if (!w.empty()) ++writers_[w];
            running_.push_back(*it);
            start.push_back(*it);
            it = queue_.erase(it);
        }
    }
    for (auto& job : start)
        workers_.post([this, job] {
            if (job->start()) job->run();
            job->notifyDone();
            finished(job);
        });
}

void JobQueue::finished(const std::shared_ptr<Job>& job) {
    {
        std::lock_guard lock(mutex_);
        running_.erase(std::find(running_.begin(), running_.end(), job));
        if (!job->spec.writesTo.empty()) --writers_[job->spec.writesTo];
        if (!job->spec.key.empty())
            if (auto it = keys_.find(job->spec.key);
                it != keys_.end() && (it->second.expired() || it->second.lock() == job))
                keys_.erase(it);
    }
    pump();
}

void JobQueue::cancelKey(const std::string& key) {
    std::shared_ptr<Job> job;
    {
        std::lock_guard lock(mutex_);
        if (auto it = keys_.find(key); it != keys_.end()) job = it->second.lock();
    }
    if (job && job->requestCancel("cancelled")) job->notifyDone();
}

void JobQueue::cancelAll() {
    std::vector<std::shared_ptr<Job>> all;
    {
        std::lock_guard lock(mutex_);
        all.assign(queue_.begin(), queue_.end());
        all.insert(all.end(), running_.begin(), running_.end());
    }
    for (auto& j : all)
        if (j->requestCancel("cancelled")) j->notifyDone();
}

void JobQueue::shutdown() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cancelAll();
}

std::vector<JobHandle> JobQueue::unfinished() const {
    std::lock_guard lock(mutex_);
    std::vector<JobHandle> out;
    for (const auto& j : running_) out.emplace_back(j);
    for (const auto& j : queue_)
        if (!j->isDone()) out.emplace_back(j);
    return out;
}

}  // namespace deskbase
