#pragma once
// The window's actions and menus with their shortcuts. Holds no behaviour: the main window
// connects each action to the controller or page that does the work. The Help menu's shortcut
// list is read from these actions (ShortcutsDialog), never written by hand.
//
// Undo, Redo, Cut, Copy, Paste and Select all only show their standard keys (text after a tab):
// the focused widget handles those keys itself (editors, the grid's Copy, a dashboard canvas), so
// a window-wide shortcut would make them ambiguous. Their menu items act on the focused widget.
#include <QObject>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;

namespace deskbase::gui {

struct MainMenus {
    explicit MainMenus(QMainWindow* window);

    QMenu* fileMenu;
    QAction* newTab;         // Ctrl+T
    QAction* closeTab;       // Ctrl+W
    QAction* openWorkspace;  // Ctrl+O
    QAction* newDashboard;   // Ctrl+Shift+N (dashboards: DashboardPages)
    QMenu* recentWorkspaces;
    QAction* importFiles;  // Ctrl+I
    QMenu* recentFiles;
    QAction* connectionSettings;
    QAction* quit;  // Ctrl+Q

    QMenu* editMenu;
    QAction* undo;  // Ctrl+Z (shown)
    QAction* redo;  // Ctrl+Shift+Z (shown)
    QAction* cut;
    QAction* copy;
    QAction* paste;
    QAction* selectAll;
    QAction* find;          // Ctrl+F
    QAction* findNext;      // F3
    QAction* findPrevious;  // Shift+F3
    QAction* preferences;   // Ctrl+,

    QMenu* queryMenu;
    QAction* newQuery;        // Ctrl+N
    QAction* run;             // Ctrl+Enter
    QAction* cancel;          // Ctrl+.
    QAction* saveQuestion;    // Ctrl+S (saves the current page, whatever it is)
    QAction* saveQuestionAs;  // Ctrl+Shift+S
    QAction* showTable;       // Ctrl+1
    QAction* showChart;       // Ctrl+2
    QAction* addToDashboard;  // the open question onto a dashboard (DashboardPages)
    QAction* exportResult;    // Ctrl+E

    QMenu* viewMenu;
    QAction* nextTab;        // Ctrl+Tab, Ctrl+PgDown
    QAction* previousTab;    // Ctrl+Shift+Tab, Ctrl+PgUp
    QAction* refreshSchema;  // F5
    QAction* fullScreen;     // F11
    QActionGroup* theme;     // data: "system" | "light" | "dark"

    QMenu* pipelineMenu;  // (PipelinePages)
    QAction* newModel;
    QAction* buildAll;     // Ctrl+Shift+B
    QAction* lineage;      // Ctrl+Shift+L
    QAction* tableChecks;  // the checks of the table or model selected in the sidebar
    QAction* editChecks;

    QMenu* helpMenu;
    QAction* shortcuts;      // Ctrl+/
    QAction* documentation;  // F1
    QAction* about;
};

}  // namespace deskbase::gui
