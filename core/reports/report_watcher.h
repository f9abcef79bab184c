#pragma once
// Runs a workspace's reports and alerts by themselves, beside the SourceWatcher
// (core/sources/source_watcher.h), while the app is open or under `deskbase watch`: a report is
// due on its "schedule" (never run: at once; ticks missed while nothing ran: once), after a run of
// a source it names in "after" (sourceRan()), or when asked (runNow(): "Run report now",
// "Re-run"). One report at a time. A question's report or alert runs as a job on the runtime; a
// dashboard is drawn on this object's thread by the renderer the app gives (widgets draw, core
// stays GUI-free). A run that failed for a transient reason (a locked file, a server away) runs
// again after the report's retry delay (core/pipeline/retry.h). A broken report file is reported
// once (again when its message changes). Lives on the thread that creates it.
#include <QObject>
#include <QTimeZone>
#include <QTimer>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "core/checks/freshness.h"
#include "core/reports/report_file.h"
#include "core/reports/report_run.h"
#include "core/runtime/job_queue.h"
#include "core/runtime/mailbox.h"

namespace deskbase {

class Runtime;

struct ReportWatcherOptions {
    std::string workspaceDir;
    std::string historyTarget;  // the run history (`--db`); empty: the workspace's default warehouse
    int pollMs = 2000;          // how often reports/*.json and schedules are looked at
    QTimeZone zone = QTimeZone::systemTimeZone();
    DashboardRenderer renderDashboard;  // called on this object's thread; unset: dashboards fail
    std::function<void(const ReportSpec&, const ReportOutcome&)> onRun;  // each finished run
    std::function<void(const std::string&)> onProblem;  // a broken report file (one line), once
    // A retry is due (one line: "weekly: database is locked; again in 30 s (attempt 2 of 3)").
    std::function<void(const std::string&)> onRetry;
};

class ReportWatcher : public QObject {
public:
    ReportWatcher(Runtime& runtime, ReportWatcherOptions options, QObject* parent = nullptr);
    ~ReportWatcher() override;  // stop()

    void start();  // looks at the schedules at once, then keeps looking
    void stop();   // waits for the run under way; nothing runs later
    // A source's run did something: the reports "after" it are queued.
    void sourceRan(const std::string& source);
    // Queues one report by name; false when there is no such report.
    bool runNow(const std::string& report);
    bool busy() const { return inFlight_.isValid() || drawing_ || !pending_.empty(); }

private:
    void tick();
    void reload();
    void queue(const std::string& name, int attempt);
    void startNext();
    void finished(const ReportSpec& spec, int attempt, const ReportOutcome& outcome);
    ReportRunOptions runOptions(int attempt) const;
    std::string history() const;

    Runtime& runtime_;
    ReportWatcherOptions options_;
    Mailbox mailbox_;
    QTimer poll_;
    WorkspaceReports reports_;
    std::map<std::string, std::optional<SysSeconds>> lastRun_;  // read once from the run history
    std::map<std::string, int> pending_;                        // name -> attempt
    std::set<std::string> problemsSeen_;
    JobHandle inFlight_;
    bool drawing_ = false;  // a dashboard is being drawn on this thread (its own event loop runs)
    bool stopped_ = true;
};

}  // namespace deskbase
