#pragma once
// Opens dashboards as pages of the main window: one tab per dashboard file (activating it again
// shows the open tab), cards run against the session's connection on the workspace's runtime
// (closing a tab cancels its runs), and open dashboards refresh after an import and recolour on
// a theme change.
#include <QObject>
#include <QString>
#include <map>

namespace deskbase::widgets {
class DashboardView;
}

namespace deskbase::gui {

class MainWindow;

class DashboardPages : public QObject {
    Q_OBJECT
public:
    explicit DashboardPages(MainWindow* window);

    // Shows the dashboard, opening it when needed; nullptr with a message when it cannot be read.
    widgets::DashboardView* open(const QString& path);
    widgets::DashboardView* page(const QString& path) const;

private:
    void refreshAll();
    MainWindow* window_;
    std::map<QString, widgets::DashboardView*> pages_;  // by canonical path; views are tab-owned
};

}  // namespace deskbase::gui
