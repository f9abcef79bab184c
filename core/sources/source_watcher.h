#pragma once
// Runs a workspace's sources by themselves while it is open (the app) or under `deskbase watch`:
// watched folders (QFileSystemWatcher, and a poll for folders it cannot watch, like network
// mounts), schedules (a source due when started runs once: catch-up), and "after" chains. One
// source run at a time, as a job on the runtime (core/sources/source_run.h); a broken source
// file is one run-history line when it breaks (again when its message changes), not every poll.
// Lives on the thread that creates it (it needs that thread's event loop).
#include <QObject>
#include <QTimeZone>
#include <QTimer>
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "core/runtime/job_queue.h"
#include "core/runtime/mailbox.h"
#include "core/sources/source_run.h"

class QFileSystemWatcher;

namespace deskbase {

class Runtime;

struct SourceWatcherOptions {
    std::string workspaceDir;
    std::string target;
    int pollMs = 2000;  // how often folders are listed and schedules looked at
    QTimeZone zone = QTimeZone::systemTimeZone();
    std::function<void(const SourceRunReport&)> onRun;  // each run that did something or failed
    std::function<void(const std::string&)> onProblem;  // a broken source file (one line), once
    // A run failed for a transient reason and runs again after the source's retry delay (one
    // line: "orders: database is locked; again in 30 s (attempt 2 of 3)").
    std::function<void(const std::string&)> onRetry;
    // A file of `source` is being imported (on the watcher's thread, before the import).
    std::function<void(const std::string& source, const std::string& file)> onFileStarted;
};

class SourceWatcher : public QObject {
public:
    SourceWatcher(Runtime& runtime, SourceWatcherOptions options, QObject* parent = nullptr);
    ~SourceWatcher() override;  // stop()

    void start();  // looks at everything at once, then keeps watching
    // Cancels the run under way (its import rolls back) and waits for it; nothing runs later.
    void stop();
    bool running() const { return inFlight_.isValid(); }

private:
    struct SourceState {
        FileStability stability;
        std::optional<SysSeconds> lastRun;  // start of its newest run; read once from the run log
        bool lastRunKnown = false;
        std::string lastListError;
        // After a transient failure: the retry's number, and no run before its delay is over.
        int nextAttempt = 1;
        std::chrono::steady_clock::time_point retryAfter{};
    };
    struct Pending {
        bool recordIdle = false;  // a scheduled or chained run is recorded even when idle
        int attempt = 1;          // 2 and up: a retry after a transient failure
    };

    void tick();    // reload the sources, queue what is due, start the next run
    void reload();  // sources/*.json, folders to watch, problems
    void queue(const std::string& name, bool recordIdle, int attempt = 1);
    void startNext();
    void finished(const std::string& name, int attempt, const SourceRunReport& report);

    Runtime& runtime_;
    SourceWatcherOptions options_;
    Mailbox mailbox_;
    QTimer poll_;
    std::unique_ptr<QFileSystemWatcher> fsWatcher_;
    WorkspaceSources sources_;
    std::map<std::string, SourceState> state_;
    std::map<std::string, Pending> pending_;
    std::set<std::string> problemsSeen_;
    JobHandle inFlight_;
    std::atomic<bool> stop_{false};
    bool stopped_ = false;
};

}  // namespace deskbase
