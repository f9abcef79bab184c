#pragma once
// The Runs page in the window (Pipeline → Runs): the run history's grid (core/pipeline/runs_grid.h)
// drawn by widgets::RunsPanel, read off the GUI thread on the workspace runtime; a clicked run's
// steps read the same way; "Re-run" runs the row's target as a runtime job (a source: its run and
// the reports after it; a model: a build of it; a report or alert: its run, a dashboard drawn on
// the GUI thread). The grid is read again when a run ends: after a re-run, and every few seconds
// while the page is shown (runs of the watcher or of another program), only when the history
// changed.
#include <QObject>
#include <QPointer>
#include <QTimer>

#include "core/pipeline/runs_grid.h"
#include "core/runtime/job_queue.h"
#include "core/runtime/mailbox.h"
#include "widgets/runs/runs_panel.h"

namespace deskbase::gui {

class MainWindow;

class RunsPage : public QObject {
    Q_OBJECT
public:
    explicit RunsPage(MainWindow* window);
    ~RunsPage() override;

    widgets::RunsPanel* open();  // shows the page (making it when needed) and reads the history
    widgets::RunsPanel* panel() const { return panel_; }
    void reload();
    void rerun(const QString& kind, const QString& name);
    bool isRerunning() const { return rerun_.isValid(); }
    // The file the last re-run's report wrote (as core gave it), empty when it wrote none.
    QString lastWrittenFile() const { return lastWritten_; }

signals:
    void gridLoaded();                        // the panel shows the history as it is now
    void rerunFinished(const QString& line);  // one line: what the re-run did

private:
    RunsGridTargets targets() const;
    void loadSteps(std::int64_t runId);
    void rerunFinishedWith(const QString& line);

    MainWindow* window_;
    QPointer<widgets::RunsPanel> panel_;  // tab-owned
    Mailbox mailbox_;
    QTimer poll_;
    JobHandle load_, steps_, rerun_;
    std::string signature_;  // the newest run's id and status the panel shows
    QString lastWritten_;
};

}  // namespace deskbase::gui
