#include "app/gui/main_menus.h"

#include <QAction>
#include <QActionGroup>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

namespace deskbase::gui {

MainMenus::MainMenus(QMainWindow* window) {
    QMenuBar* bar = window->menuBar();
    QMenu* file = bar->addMenu(QObject::tr("&File"));
    openWorkspace = file->addAction(QObject::tr("&Open workspace…"));
    openWorkspace->setShortcut(QKeySequence(QStringLiteral("Ctrl+O")));
    recentWorkspaces = file->addMenu(QObject::tr("Recent &workspaces"));
    file->addSeparator();
    // Dashboards
    newDashboard = file->addAction(QObject::tr("New &dashboard…"));
    newDashboard->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+N")));
    file->addSeparator();
    importFiles = file->addAction(QObject::tr("&Import files…"));
    importFiles->setShortcut(QKeySequence(QStringLiteral("Ctrl+I")));
    recentFiles = file->addMenu(QObject::tr("Import &recent file"));
    file->addSeparator();
    connectionSettings = file->addAction(QObject::tr("&Connection settings…"));
    file->addSeparator();
    quit = file->addAction(QObject::tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu* query = bar->addMenu(QObject::tr("&Query"));
    newQuery = query->addAction(QObject::tr("&New query"));
    newQuery->setShortcut(QKeySequence(QStringLiteral("Ctrl+N")));
    run = query->addAction(QObject::tr("&Run"));
    run->setShortcuts(
        {QKeySequence(QStringLiteral("Ctrl+Return")), QKeySequence(QStringLiteral("Ctrl+Enter"))});
    cancel = query->addAction(QObject::tr("&Cancel"));
    cancel->setShortcut(QKeySequence(QStringLiteral("Ctrl+.")));
    query->addSeparator();
    saveQuestion = query->addAction(QObject::tr("&Save question"));
    saveQuestion->setShortcut(QKeySequence(QStringLiteral("Ctrl+S")));
    saveQuestionAs = query->addAction(QObject::tr("Save question &as…"));
    saveQuestionAs->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+S")));
    // Dashboards
    addToDashboard = query->addAction(QObject::tr("Add to &dashboard…"));
    query->addSeparator();
    exportResult = query->addAction(QObject::tr("&Export result…"));
    exportResult->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));

    QMenu* view = bar->addMenu(QObject::tr("&View"));
    refreshSchema = view->addAction(QObject::tr("&Refresh sidebar"));
    refreshSchema->setShortcut(QKeySequence(QStringLiteral("F5")));
    fullScreen = view->addAction(QObject::tr("&Full screen"));
    fullScreen->setShortcut(QKeySequence(QStringLiteral("F11")));
    fullScreen->setCheckable(true);
    QMenu* themeMenu = view->addMenu(QObject::tr("&Theme"));
    theme = new QActionGroup(window);
    theme->setExclusive(true);
    for (const auto& [key, label] :
         {std::pair{"system", QObject::tr("Follow the &system")}, std::pair{"light", QObject::tr("&Light")},
          std::pair{"dark", QObject::tr("&Dark")}}) {
        QAction* a = themeMenu->addAction(label);
        a->setCheckable(true);
        a->setData(QString::fromLatin1(key));
        theme->addAction(a);
    }

    QMenu* help = bar->addMenu(QObject::tr("&Help"));
    about = help->addAction(QObject::tr("&About Deskbase"));
}

}  // namespace deskbase::gui
