#pragma once
// Opens dashboards as pages of the main window: one tab per dashboard file (activating it again
// shows the open tab), cards run against the session's connection on the workspace's runtime
// (closing a tab cancels its runs), and open dashboards refresh after an import. Also the
// window's dashboard commands: New dashboard (a name, a file, edit mode), Add to dashboard (a
// question onto an existing or a new dashboard, in the first free place, in edit mode), and the
// sidebar's context actions for both, and the wall display (fullscreen with the window's menus, sidebar, tabs
// and status bar hidden).
#include <QObject>
#include <QString>
#include <map>
#include <vector>

class QMenu;

namespace deskbase::widgets {
class DashboardView;
struct SchemaItem;
}  // namespace deskbase::widgets

namespace deskbase::gui {

class AddToDashboardDialog;
class MainWindow;

class DashboardPages : public QObject {
    Q_OBJECT
public:
    explicit DashboardPages(MainWindow* window);

    // Shows the dashboard, opening it when needed; nullptr with a message when it cannot be read.
    widgets::DashboardView* open(const QString& path);
    widgets::DashboardView* page(const QString& path) const;
    std::vector<widgets::DashboardView*> openPages() const;

    // File → New dashboard: asks for a name, then createDashboard().
    widgets::DashboardView* newDashboard();
    // Writes dashboards/<name>.json (never over an existing file) and opens it in edit mode.
    widgets::DashboardView* createDashboard(const QString& name);

    // Add to dashboard for a saved question (absolute path): asks which dashboard (or a new one)
    // with a non-modal dialog, then addToDashboard().
    AddToDashboardDialog* askAddToDashboard(const QString& questionPath);
    // Opens the dashboard in edit mode with a card of the question in the first free place.
    widgets::DashboardView* addToDashboard(const QString& questionPath, const QString& dashboardPath);
    // The query page's question: saved first when it has no file or unsaved edits.
    AddToDashboardDialog* addQueryToDashboard();

    // The sidebar's right-click menu: Add to dashboard on a question, New dashboard on a dashboard
    // or the Dashboards section.
    void addSidebarActions(QMenu* menu, const widgets::SchemaItem& item);

    // Every open dashboard's cards run again; the cache serves those over unchanged tables.
    void refreshAll();

signals:
    void statusMessage(QWidget* page, const QString& richText);  // e.g. "Saved sales_overview.json"

private:
    void showWallDisplay(widgets::DashboardView* view, bool on);
    MainWindow* window_;
    std::map<QString, widgets::DashboardView*> pages_;  // by canonical path; views are tab-owned
    QString lastDashboard_;                             // offered first by the next Add to dashboard
};

}  // namespace deskbase::gui
