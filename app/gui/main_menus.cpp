#include "app/gui/main_menus.h"

#include <QAction>
#include <QActionGroup>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

namespace deskbase::gui {

namespace {
QAction* add(QMenu* menu, const QString& text, const QList<QKeySequence>& keys = {}) {
    QAction* a = menu->addAction(text);
    a->setShortcuts(keys);
    return a;
}

QKeySequence key(const char* text) {
    return QKeySequence(QString::fromLatin1(text));
}

// The key is shown in the menu but left to the focused widget (see main_menus.h).
QAction* shown(QMenu* menu, const QString& text, QKeySequence::StandardKey standard) {
    const QString keys = QKeySequence(standard).toString(QKeySequence::NativeText);
    return menu->addAction(keys.isEmpty() ? text : text + QLatin1Char('\t') + keys);
}
}  // namespace

MainMenus::MainMenus(QMainWindow* window) {
    QMenuBar* bar = window->menuBar();
    fileMenu = bar->addMenu(QObject::tr("&File"));
    newTab = add(fileMenu, QObject::tr("New &tab"), {key("Ctrl+T")});
    closeTab = add(fileMenu, QObject::tr("&Close tab"), {key("Ctrl+W")});
    fileMenu->addSeparator();
    openWorkspace = add(fileMenu, QObject::tr("&Open workspace…"), {key("Ctrl+O")});
    recentWorkspaces = fileMenu->addMenu(QObject::tr("Recent &workspaces"));
    fileMenu->addSeparator();
    newDashboard = add(fileMenu, QObject::tr("New &dashboard…"), {key("Ctrl+Shift+N")});
    fileMenu->addSeparator();
    importFiles = add(fileMenu, QObject::tr("&Import files…"), {key("Ctrl+I")});
    recentFiles = fileMenu->addMenu(QObject::tr("Import &recent file"));
    fileMenu->addSeparator();
    connectionSettings = add(fileMenu, QObject::tr("Co&nnection settings…"));
    fileMenu->addSeparator();
    quit = add(fileMenu, QObject::tr("&Quit"), {QKeySequence(QKeySequence::Quit)});

    editMenu = bar->addMenu(QObject::tr("&Edit"));
    undo = shown(editMenu, QObject::tr("&Undo"), QKeySequence::Undo);
    redo = shown(editMenu, QObject::tr("&Redo"), QKeySequence::Redo);
    editMenu->addSeparator();
    cut = shown(editMenu, QObject::tr("Cu&t"), QKeySequence::Cut);
    copy = shown(editMenu, QObject::tr("&Copy"), QKeySequence::Copy);
    paste = shown(editMenu, QObject::tr("&Paste"), QKeySequence::Paste);
    selectAll = shown(editMenu, QObject::tr("Select &all"), QKeySequence::SelectAll);
    editMenu->addSeparator();
    find = add(editMenu, QObject::tr("&Find in the SQL…"), {key("Ctrl+F")});
    findNext = add(editMenu, QObject::tr("Find &next"), {key("F3")});
    findPrevious = add(editMenu, QObject::tr("Find pre&vious"), {key("Shift+F3")});
    editMenu->addSeparator();
    preferences = add(editMenu, QObject::tr("Pr&eferences…"), {key("Ctrl+,")});

    queryMenu = bar->addMenu(QObject::tr("&Query"));
    newQuery = add(queryMenu, QObject::tr("&New query in this tab"), {key("Ctrl+N")});
    run = add(queryMenu, QObject::tr("&Run"), {key("Ctrl+Return"), key("Ctrl+Enter")});
    cancel = add(queryMenu, QObject::tr("&Cancel"), {key("Ctrl+.")});
    queryMenu->addSeparator();
    saveQuestion = add(queryMenu, QObject::tr("&Save"), {key("Ctrl+S")});
    saveQuestionAs = add(queryMenu, QObject::tr("Save question &as…"), {key("Ctrl+Shift+S")});
    addToDashboard = add(queryMenu, QObject::tr("Add to &dashboard…"));
    queryMenu->addSeparator();
    showTable = add(queryMenu, QObject::tr("Show as &table"), {key("Ctrl+1")});
    showChart = add(queryMenu, QObject::tr("Show as c&hart"), {key("Ctrl+2")});
    queryMenu->addSeparator();
    exportResult = add(queryMenu, QObject::tr("&Export result…"), {key("Ctrl+E")});

    viewMenu = bar->addMenu(QObject::tr("&View"));
    nextTab = add(viewMenu, QObject::tr("&Next tab"), {key("Ctrl+Tab"), key("Ctrl+PgDown")});
    previousTab = add(viewMenu, QObject::tr("&Previous tab"), {key("Ctrl+Shift+Tab"), key("Ctrl+PgUp")});
    viewMenu->addSeparator();
    refreshSchema = add(viewMenu, QObject::tr("&Refresh sidebar"), {key("F5")});
    fullScreen = add(viewMenu, QObject::tr("&Full screen"), {key("F11")});
    fullScreen->setCheckable(true);
    QMenu* themeMenu = viewMenu->addMenu(QObject::tr("&Theme"));
    theme = new QActionGroup(window);
    theme->setExclusive(true);
    for (const auto& [name, label] :
         {std::pair{"system", QObject::tr("Follow the &system")}, std::pair{"light", QObject::tr("&Light")},
          std::pair{"dark", QObject::tr("&Dark")}}) {
        QAction* a = themeMenu->addAction(label);
        a->setCheckable(true);
        a->setData(QString::fromLatin1(name));
        theme->addAction(a);
    }

    pipelineMenu = bar->addMenu(QObject::tr("&Pipeline"));
    newModel = add(pipelineMenu, QObject::tr("New &model…"));
    buildAll = add(pipelineMenu, QObject::tr("&Build all models"), {key("Ctrl+Shift+B")});
    lineage = add(pipelineMenu, QObject::tr("&Lineage"), {key("Ctrl+Shift+L")});
    pipelineMenu->addSeparator();
    tableChecks = add(pipelineMenu, QObject::tr("&Checks of the selected table"));
    editChecks = add(pipelineMenu, QObject::tr("&Edit checks of the selected table…"));

    helpMenu = bar->addMenu(QObject::tr("&Help"));
    shortcuts = add(helpMenu, QObject::tr("&Keyboard shortcuts"), {key("Ctrl+/")});
    documentation = add(helpMenu, QObject::tr("&Documentation folder"), {key("F1")});
    helpMenu->addSeparator();
    about = add(helpMenu, QObject::tr("&About Deskbase"));
}

}  // namespace deskbase::gui
