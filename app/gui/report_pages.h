#pragma once
// Reports in the window (the sidebar's Reports section, Pipeline → New report…, Edit report…):
// the report editor
// (widgets::ReportEditor) for reports/<name>.json, filled with the workspace's dashboards,
// questions and sources; "Save and run now" runs the report on the runtime through the Runs page
// (app/gui/runs_page.h) and says which file it wrote.
#include <QObject>
#include <QPointer>
#include <QString>

#include "widgets/reports/report_editor.h"

class QMenu;

namespace deskbase::widgets {
struct SchemaItem;
}

namespace deskbase::gui {

class MainWindow;

class ReportPages : public QObject {
    Q_OBJECT
public:
    explicit ReportPages(MainWindow* window);

    // The editor for report `name` ("" for a new one); not modal, so the window stays usable.
    widgets::ReportEditor* edit(const QString& name);
    widgets::ReportEditor* editor() const { return editor_; }  // the open one, if any
    // Asks which report to edit (a list of reports/*.json), then edit().
    void chooseAndEdit();
    void runNow(const QString& name);  // the outcome comes as ran()
    // Asks, then removes reports/<name>.json (its files and run history stay).
    void deleteReport(const QString& name);
    // The sidebar's Reports: Run now, Edit…, New report…, Delete… (the section: New report…).
    void addSidebarActions(QMenu* menu, const widgets::SchemaItem& item);

signals:
    void ran(const QString& line);  // "weekly: success, wrote /…/weekly-2026-12-01-0800.pdf"

private:
    MainWindow* window_;
    QPointer<widgets::ReportEditor> editor_;
};

}  // namespace deskbase::gui
