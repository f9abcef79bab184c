#pragma once
// Long work that is not one query: an import, an export, a copy of many rows, a schema load, a
// preview, the demo's first start (later builds, checks, reports, watchers). Jobs run on the
// runtime's job workers, never on the query workers dashboards need. Each job reports progress,
// can be cancelled (its connections are interrupted off the cancelling thread), and a newer job
// with the same key supersedes an unfinished one. At most `writersPerWarehouse` jobs that write
// one warehouse run at a time; the others wait in the queue while jobs for other warehouses go
// ahead of them.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace deskbase {

class ConnectionPool;
class Interrupter;
class Warehouse;
class WorkerPool;
class Job;
class JobHandle;

enum class JobState { Queued, Running, Finished, Failed, Cancelled };

struct JobProgress {
    double fraction = -1;     // 0..1; -1: unknown
    std::uint64_t items = 0;  // rows or files done
    std::uint64_t bytes = 0;  // bytes read or written
    std::string text;         // one line, or empty
};

// What a running job sees. Its own thread calls it; cancelled() and setProgress() may also be
// called from threads the job waits for (an executor run streaming its rows).
class JobContext {
public:
    bool cancelled() const;
    const std::atomic<bool>& cancelFlag() const;
    void setProgress(JobProgress progress);
    // Runs `f` once when the job is cancelled or superseded (at once if it already is), on the
    // interrupter's thread: e.g. ImportJob::cancel. Keep it quick; it must not throw.
    void onCancel(std::function<void()> f);
    // A connection to `target` from the runtime's pool; the job's cancel interrupts it and it goes
    // back to the pool when the job ends.
    Result<Warehouse*> connection(const std::string& target);
    // A connection of the job's own (an import wants a session nobody else used), closed at the end.
    Result<Warehouse*> freshConnection(const std::string& target);

private:
    friend class Job;
    explicit JobContext(Job& job) : job_(job) {}
    Job& job_;
};

struct JobSpec {
    std::string kind;      // "import", "export", "copy", "schema", "preview", "demo", ...: for status lines
    std::string key;       // non-empty: supersedes an unfinished job with the same key
    std::string writesTo;  // the warehouse target this job writes, if any
    // The work; its Status is the job's outcome ("cancelled" when it stopped for a cancel).
    std::function<Status(JobContext&)> run;
    // Called once when the job is over, on the job's thread (or on the cancelling thread for a job
    // cancelled while queued). Post to a Mailbox from here.
    std::function<void(const JobHandle&)> onDone;
};

// A cheap, copyable reference to one job. Thread-safe.
class JobHandle {
public:
    JobHandle() = default;
    explicit JobHandle(std::shared_ptr<Job> job) : job_(std::move(job)) {}

    bool isValid() const { return job_ != nullptr; }
    std::uint64_t id() const;
    JobState state() const;
    bool isDone() const;
    void cancel();                        // never blocks
    bool wait(int timeoutMs = -1) const;  // true once the job is over and its onDone has run
    Status status() const;                // the outcome once isDone()
    JobProgress progress() const;

private:
    std::shared_ptr<Job> job_;
};

class JobQueue {
public:
    JobQueue(WorkerPool& workers, Interrupter& interrupter, ConnectionPool& connections,
             int writersPerWarehouse);
    ~JobQueue();  // call shutdown() and let the workers finish first (Runtime does)
    JobQueue(const JobQueue&) = delete;
    JobQueue& operator=(const JobQueue&) = delete;

    JobHandle submit(JobSpec spec);
    void cancelKey(const std::string& key);
    void cancelAll();
    void shutdown();  // cancels every job; later submits fail at once
    std::vector<JobHandle> unfinished() const;

private:
    friend class Job;
    void pump();  // starts the queued jobs that may run now
    void finished(const std::shared_ptr<Job>& job);

    WorkerPool& workers_;
    Interrupter& interrupter_;
    ConnectionPool& connections_;
    const int writersPerWarehouse_;
    mutable std::mutex mutex_;
    std::deque<std::shared_ptr<Job>> queue_;
    std::vector<std::shared_ptr<Job>> running_;
    std::map<std::string, int> writers_;  // warehouse -> jobs writing it now
    std::map<std::string, std::weak_ptr<Job>> keys_;
    std::uint64_t nextId_ = 1;
    bool stopping_ = false;
};

}  // namespace deskbase
