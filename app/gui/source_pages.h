#pragma once
// Sources in the window (docs/app.md, "Sources"): the sidebar's Sources section gets Run now,
// Edit…, New source… and Delete…; the Pipeline menu New source…; the source editor; "Save as
// source…" after a file dropped on the window was imported (the editor prefilled with the file's
// folder, the table and the options used); the SourceRunner's watcher over the open workspace;
// a run's progress and outcome in the status bar and the tray icon (a notification on failure);
// and, after a run loaded rows, the open dashboards refresh (their cards over the changed tables
// run again: the imports bumped those tables' data versions, so the cache does not serve them).
#include <QObject>
#include <QPointer>
#include <QString>

#include "core/ingest/import_job.h"
#include "core/sources/source_spec.h"

class QMenu;
class QPushButton;
class QSystemTrayIcon;

namespace deskbase::widgets {
struct SchemaItem;
}

namespace deskbase::gui {

class MainWindow;
class SourceEditor;
class SourceRunner;

class SourcePages : public QObject {
    Q_OBJECT
public:
    explicit SourcePages(MainWindow* window);
    ~SourcePages() override;

    SourceRunner* runner() const { return runner_; }
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

    void addSidebarActions(QMenu* menu, const widgets::SchemaItem& item);

signals:
    void runShown(const QString& source, const QString& line, bool failed);

private:
    SourceEditor* openEditor();
    void showOutcome(const QString& source, const QString& line, bool failed, const QStringList& tables);
    void showStatus(const QString& text, bool failed = false);

    MainWindow* window_;
    SourceRunner* runner_;
    QSystemTrayIcon* tray_ = nullptr;  // when the desktop has a tray
    QPushButton* saveAsButton_;
    QPointer<SourceEditor> editor_;
    ImportOptions lastImport_;
    QString lastOutcome_;
};

}  // namespace deskbase::gui
