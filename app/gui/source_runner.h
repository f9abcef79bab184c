#pragma once
// Sources running while the window is open (docs/sources.md, "Running them"): a SourceWatcher
// over the open workspace (watched folders and schedules, as `deskbase watch` does) and "Run now"
// of one source, both as jobs on the workspace runtime; results come back on the GUI thread
// through the mailbox. A broken source file run now fails with its one-line error, recorded in
// the run history as `deskbase run` records it.
#include <QObject>
#include <QString>
#include <QStringList>
#include <map>
#include <memory>

#include "core/runtime/job_queue.h"
#include "core/runtime/mailbox.h"

namespace deskbase {
class SourceWatcher;
struct SourceRunReport;
}  // namespace deskbase

namespace deskbase::gui {

class WorkspaceController;

class SourceRunner : public QObject {
    Q_OBJECT
public:
    explicit SourceRunner(WorkspaceController& workspace, QObject* parent = nullptr);
    ~SourceRunner() override;

    // Watches the open workspace's sources from now on (again after a workspace switch).
    void startWatching();
    void stopWatching();
    bool isWatching() const { return watcher_ != nullptr; }
    // False when that source is being run now already.
    bool runNow(const QString& name);
    bool isRunning(const QString& name) const;

signals:
    // A run is going: `file` is being imported ("" when a Run now starts).
    void runStarted(const QString& source, const QString& file);
    // `line`: sourceRunLine() ("orders: 1 file loaded (3 rows)"); `tables`: what changed (the
    // table and the models rebuilt) when a file loaded.
    void runFinished(const QString& source, const QString& status, const QString& line, bool failed,
                     const QStringList& tables);
    void problem(const QString& message);  // a broken source file the watcher found (once)

private:
    void report(const SourceRunReport& r);

    WorkspaceController& workspace_;
    std::unique_ptr<SourceWatcher> watcher_;
    std::map<QString, JobHandle> runs_;
    Mailbox mailbox_;
};

}  // namespace deskbase::gui
