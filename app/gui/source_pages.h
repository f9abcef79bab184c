#pragma once
// Sources in the window (docs/app.md, "Sources"): the sidebar's Sources section gets Run now,
// Edit…, New source… and Delete…; the Pipeline menu New source…; the source editor; "Save as
// source…" after a file dropped on the window was imported (the editor prefilled with the file's
// folder, the table and the options used); the SourceRunner's watcher over the open workspace;
// a run's progress and outcome in the status bar and the tray icon (a notification on failure);
// the ReportRunner's reports and alerts (a source's run that loaded rows runs the reports after
// it; a fired alert is a tray notification, or without a tray a status-bar line and the Runs
// page's message);
// and, after a run loaded rows, the open dashboards refresh (their cards over the changed tables
// run again: the imports bumped those tables' data versions, so the cache does not serve them).
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

#include "core/ingest/import_job.h"
#include "core/sources/source_spec.h"
#include "widgets/schema/schema_model.h"

class QMenu;
class QPushButton;
class QSystemTrayIcon;

namespace deskbase::widgets {
struct SchemaItem;
}

namespace deskbase::gui {

// A sidebar item that runs (a source, a report): what its context menu's actions do.
struct RunnableActions {
    QString newText;  // "New source…"
    std::function<void(const QString&)> run, edit, remove;
    std::function<void()> create;
};
// Run now, Edit…, New…, Delete… before the menu's own on an item of `kind`; New… alone on its
// section.
void addRunnableActions(QMenu* menu, const widgets::SchemaItem& item, widgets::SchemaModel::Kind kind,
                        const widgets::SchemaModel* model, const RunnableActions& actions);

class MainWindow;
class ReportRunner;
class SourceEditor;
class SourceRunner;

class SourcePages : public QObject {
    Q_OBJECT
public:
    explicit SourcePages(MainWindow* window);
    ~SourcePages() override;

    SourceRunner* runner() const { return runner_; }
    ReportRunner* reportRunner() const { return reports_; }
    // The editor for sources/<name>.json, or for a new source (prefilled); non-modal, one at a time.
    SourceEditor* editSource(const QString& name);
    SourceEditor* newSource(const SourceSpec* prefill = nullptr);
    // Asks, then removes sources/<name>.json.
    void deleteSource(const QString& name);
    void runNow(const QString& name);
    // After a dropped file loaded: the editor prefilled for files like it.
    SourceEditor* saveAsSource(const ImportOptions& used);
    SourceEditor* editor() const;  // the open editor, if any
    QPushButton* saveAsSourceButton() const { return saveAsButton_; }
    QSystemTrayIcon* tray() const { return tray_; }
    QString lastOutcome() const { return lastOutcome_; }  // the last run's line, as shown
    QString lastReportOutcome() const { return lastReportOutcome_; }

    void addSidebarActions(QMenu* menu, const widgets::SchemaItem& item);

signals:
    void runShown(const QString& source, const QString& line, bool failed);
    // A report or alert the watcher ran; `notified`: an alert fired or a run failed.
    void reportShown(const QString& report, const QString& line, bool notified);

private:
    SourceEditor* openEditor();
    void showOutcome(const QString& source, const QString& line, bool failed, const QStringList& tables);
    void showReportOutcome(const QString& report, const QString& status, const QString& line);
    void showStatus(const QString& text, bool failed = false);

    MainWindow* window_;
    SourceRunner* runner_;
    ReportRunner* reports_;            // reports on their schedule and after a source, while open
    QSystemTrayIcon* tray_ = nullptr;  // when the desktop has a tray
    QPushButton* saveAsButton_;
    QPointer<SourceEditor> editor_;
    ImportOptions lastImport_;
    QString lastOutcome_;
    QString lastReportOutcome_;
};

}  // namespace deskbase::gui
