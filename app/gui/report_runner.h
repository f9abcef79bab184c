#pragma once
// Reports and alerts running by themselves while the window is open (docs/reports.md, "Running by
// themselves"): core's ReportWatcher over the open workspace, as `deskbase watch` runs it: on
// their schedule (a report that never ran, or whose ticks were missed while nothing ran: once, on
// open) and after a source whose run loaded something (sourceRan(), from the SourceRunner's
// outcome). A question's report or alert runs as a job on the workspace runtime, a dashboard is
// drawn on the GUI thread by the widgets' renderer; each run is in the run history (the Runs page
// shows it). Outcomes come back as ran(), on the GUI thread.
#include <QObject>
#include <QString>
#include <memory>

namespace deskbase {
class ReportWatcher;
struct ReportOutcome;
}  // namespace deskbase

namespace deskbase::gui {

class WorkspaceController;

// One line for a report's outcome: "weekly: success, wrote reports-out/weekly-….pdf",
// "low_stock: fired — 3 rows", or the error.
QString reportOutcomeText(const std::string& workspaceDir, const ReportOutcome& o);

class ReportRunner : public QObject {
    Q_OBJECT
public:
    explicit ReportRunner(WorkspaceController& workspace, QObject* parent = nullptr);
    ~ReportRunner() override;

    // Watches the open workspace's reports from now on (again after a workspace switch): the
    // schedules are looked at at once (catch-up), then every `pollMs`.
    void startWatching(int pollMs = 2000);
    void stopWatching();
    bool isWatching() const { return watcher_ != nullptr; }
    // A report is queued or running.
    bool busy() const;
    // A run of `source` loaded something: the reports "after" it run.
    void sourceRan(const QString& source);

signals:
    // `status`: "success", "skipped", "error"; alerts "fired" / "quiet".
    void ran(const QString& report, const QString& status, const QString& line);
    void problem(const QString& message);  // a broken report file (once), or a retry to come

private:
    WorkspaceController& workspace_;
    std::unique_ptr<ReportWatcher> watcher_;
};

}  // namespace deskbase::gui
