#pragma once
// The window's actions and menus with their shortcuts. Holds no behaviour: the main window
// connects each action to the controller or page that does the work.
#include <QObject>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;

namespace deskbase::gui {

struct MainMenus {
    explicit MainMenus(QMainWindow* window);

    QAction* openWorkspace;  // Ctrl+O
    QAction* newDashboard;   // Ctrl+Shift+N (dashboards: DashboardPages)
    QMenu* recentWorkspaces;
    QAction* importFiles;  // Ctrl+I
    QMenu* recentFiles;
    QAction* connectionSettings;
    QAction* quit;            // Ctrl+Q
    QAction* newQuery;        // Ctrl+N
    QAction* run;             // Ctrl+Enter
    QAction* cancel;          // Escape (in the SQL page)
    QAction* saveQuestion;    // Ctrl+S
    QAction* saveQuestionAs;  // Ctrl+Shift+S
    QAction* addToDashboard;  // the open question onto a dashboard (DashboardPages)
    QAction* exportResult;    // Ctrl+E
    QAction* refreshSchema;   // F5
    QAction* fullScreen;      // F11
    QActionGroup* theme;      // data: "system" | "light" | "dark"
    QAction* about;
};

}  // namespace deskbase::gui
