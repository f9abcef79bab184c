// Desktop habits of the window: the Help menu's shortcut list is read from the real actions (a
// shortcut changed on an action shows up changed), the Edit menu acts on the focused widget
// (Undo and Redo else on the current page: a query tab's editor, a dashboard's edits),
// Preferences apply, Help points at a docs folder that exists, and the sidebar's row counts follow
// a change made by another program when the window is activated again.
#include "app/gui/main_menus.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QMenu>
#include <QMenuBar>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTreeView>
#include <QtTest>

#include "app/gui/app_settings.h"
#include "app/gui/dashboard_pages.h"
#include "app/gui/edit_commands.h"
#include "app/gui/main_window.h"
#include "app/gui/preferences_dialog.h"
#include "app/gui/query_page.h"
#include "app/gui/query_tabs.h"
#include "app/gui/shortcuts_dialog.h"
#include "app/gui/workspace_controller.h"
#include "core/dashboard/dashboard.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/modal_answer.h"
#include "tests/support/temp_workspace.h"
#include "widgets/dashboard/dashboard_toolbar.h"
#include "widgets/dashboard/dashboard_view.h"
#include "widgets/editor/sql_editor.h"
#include "widgets/grid/result_grid.h"
#include "widgets/grid/result_table_model.h"
#include "widgets/schema/schema_browser.h"
#include "widgets/schema/schema_model.h"
#include "widgets/theme/theme.h"

using namespace deskbase;
using namespace deskbase::gui;

namespace {
// Every (action text, key) the menus hold, walked here on its own, the way a user reads them.
QStringList menuKeys(const QMenuBar* bar) {
    QStringList out;
    std::function<void(const QList<QAction*>&)> walk = [&](const QList<QAction*>& actions) {
        for (QAction* a : actions) {
            if (a->menu())
                walk(a->menu()->actions());
            else if (!a->shortcut().isEmpty())
                out << a->shortcut().toString(QKeySequence::NativeText);
            else if (a->text().contains(QLatin1Char('\t')))
                out << a->text().section(QLatin1Char('\t'), 1);
        }
    };
    for (QAction* top : bar->actions()) walk(top->menu()->actions());
    return out;
}

bool hasRow(const std::vector<ShortcutRow>& rows, const QString& action, const QString& keys) {
    for (const auto& r : rows)
        if (r.action == action && r.keys == keys) return true;
    return false;
}
}  // namespace

class MainMenusTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("DeskbaseTest"));
        QApplication::setApplicationName(QStringLiteral("tst_main_menus"));
    }

    void shortcutListComesFromTheActions() {
        MainWindow window;
        const auto rows = window.shortcutRows();
        QStringList listed;
        for (const auto& r : rows)
            if (r.area != QStringLiteral("Sidebar")) listed << r.keys.section(QStringLiteral(", "), 0, 0);
        QCOMPARE(listed, menuKeys(window.menuBar()));
        QVERIFY(hasRow(rows, QStringLiteral("New tab"), QStringLiteral("Ctrl+T")));
        QVERIFY(hasRow(rows, QStringLiteral("Close tab"), QStringLiteral("Ctrl+W")));
        QVERIFY(hasRow(rows, QStringLiteral("Next tab"), QStringLiteral("Ctrl+Tab, Ctrl+PgDown")));
        QVERIFY(hasRow(rows, QStringLiteral("Run"), QStringLiteral("Ctrl+Return, Ctrl+Enter")));
        QVERIFY(hasRow(rows, QStringLiteral("Undo"), QStringLiteral("Ctrl+Z")));
        QVERIFY(hasRow(rows, QStringLiteral("Rename"), QStringLiteral("F2")));
        QVERIFY(hasRow(rows, QStringLiteral("Delete"), QStringLiteral("Del")));
        // Change a key: the list follows, because it is read from the action.
        window.menus()->exportResult->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+E")));
        QVERIFY(
            hasRow(window.shortcutRows(), QStringLiteral("Export result"), QStringLiteral("Ctrl+Shift+E")));
        QVERIFY(!hasRow(window.shortcutRows(), QStringLiteral("Export result"), QStringLiteral("Ctrl+E")));
        ShortcutsDialog dialog(window.shortcutRows());
        QCOMPARE(dialog.table()->rowCount(), int(window.shortcutRows().size()));
    }

    void editMenuActsOnTheFocusedWidget() {
        test::TempWorkspace ws;
        MainWindow window;
        QVERIFY(window.openWorkspace(QString::fromStdString(ws.file("work"))));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QueryPage* page = window.queryPage();
        QApplication::setActiveWindow(&window);
        page->editor()->setFocus();
        QTRY_VERIFY(page->editor()->hasFocus());
        QTest::keyClicks(page->editor(), QStringLiteral("SELECT 5 AS five"));
        page->editor()->completer()->popup()->hide();  // typing offered completions; Esc would too
        QApplication::setActiveWindow(&window);
        emit window.menus()->editMenu->aboutToShow();
        QVERIFY(window.menus()->undo->isEnabled());
        window.menus()->selectAll->trigger();
        window.menus()->copy->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("SELECT 5 AS five"));
        window.menus()->cut->trigger();
        QVERIFY(page->editor()->toPlainText().isEmpty());
        window.menus()->undo->trigger();
        QCOMPARE(page->editor()->toPlainText(), QStringLiteral("SELECT 5 AS five"));
        page->editor()->moveCursor(QTextCursor::End);
        window.menus()->paste->trigger();
        QCOMPARE(page->editor()->toPlainText(), QStringLiteral("SELECT 5 AS fiveSELECT 5 AS five"));
        // In the grid, Copy copies the selected cells.
        page->editor()->setPlainText(QStringLiteral("SELECT 5 AS five"));
        page->run();
        QTRY_VERIFY(!page->grid()->model()->isRunning());
        page->editor()->completer()->popup()->hide();  // a click on the grid would close it
        QApplication::setActiveWindow(&window);
        page->grid()->view()->setFocus();
        QTRY_VERIFY(page->grid()->view()->hasFocus());
        window.menus()->selectAll->trigger();
        window.menus()->copy->trigger();
        QTRY_COMPARE(QApplication::clipboard()->text(), QStringLiteral("5"));
        emit window.menus()->editMenu->aboutToShow();
        QVERIFY(!window.menus()->paste->isEnabled());  // nothing to paste into a grid
        page->setWindowModified(false);
    }

    // Regression (issue 10 walkthrough): Edit > Undo and Redo were greyed while a dashboard's own
    // Undo was enabled (the focus was not on its canvas). They act on the current page: the
    // dashboard's edit undo stack, or a query tab's SQL editor.
    void editMenuUndoActsOnTheCurrentPage() {
        test::TempWorkspace ws;
        const QString dir = QString::fromStdString(ws.file("work"));
        MainWindow window;
        QVERIFY(window.openWorkspace(dir));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::setActiveWindow(&window);
        MainMenus& m = *window.menus();
        auto enabled = [&](QAction* a) {
            emit m.editMenu->aboutToShow();
            const bool on = a->isEnabled();
            emit m.editMenu->aboutToHide();
            return on;
        };
        // A query tab: typed SQL, the focus in the sidebar.
        QueryPage* query = window.queryPage();
        query->editor()->setPlainText(QString());
        query->editor()->insertPlainText(QStringLiteral("SELECT 1"));
        window.sidebar()->view()->setFocus();
        QTRY_VERIFY(window.sidebar()->view()->hasFocus());
        QVERIFY(enabled(m.undo));
        m.undo->trigger();
        QVERIFY(query->editor()->toPlainText().isEmpty());
        QVERIFY(enabled(m.redo));
        m.redo->trigger();
        QCOMPARE(query->editor()->toPlainText(), QStringLiteral("SELECT 1"));

        // A dashboard being edited, the focus on its toolbar.
        auto path = dashboard::createDashboard((dir + QStringLiteral("/dashboards")).toStdString(), "Undo");
        QVERIFY(path.isOk());
        window.activateDashboard(QString::fromStdString(*path));
        widgets::DashboardView* view = window.dashboards()->page(QString::fromStdString(*path));
        QVERIFY(view);
        view->setEditMode(true);
        QVERIFY(!enabled(m.undo));  // nothing to undo yet
        view->addTextCard(QStringLiteral("a note"));
        QVERIFY(view->undoStack()->canUndo());
        view->toolbar()->setFocus();
        window.sidebar()->view()->setFocus();
        QTRY_VERIFY(window.sidebar()->view()->hasFocus());
        QVERIFY(enabled(m.undo));
        QVERIFY(!enabled(m.redo));
        m.undo->trigger();
        QVERIFY(view->dashboard().cards.empty());
        QVERIFY(enabled(m.redo));
        m.redo->trigger();
        QCOMPARE(view->dashboard().cards.size(), std::size_t(1));
        // Out of edit mode the edits are not undone from the menu.
        QVERIFY(view->save().isOk());
        view->setEditMode(false);
        QVERIFY(!enabled(m.undo));
        query->setWindowModified(false);
    }

    void preferencesApply() {
        MainWindow window;
        QueryPage* page = window.queryPage();
        auto seen = test::answerDialog(QStringLiteral("preferencesDialog"), [](QDialog* d) {
            auto* p = static_cast<PreferencesDialog*>(d);
            p->themeCombo()->setCurrentIndex(p->themeCombo()->findData(QStringLiteral("dark")));
            p->fontSizeSpin()->setValue(17);
        });
        window.menus()->preferences->trigger();
        QCOMPARE(seen->times, 1);
        QVERIFY(widgets::isDarkTheme());
        QCOMPARE(page->editor()->font().pointSize(), 17);
        QCOMPARE(AppSettings().editorFontSize(), 17);
        QCOMPARE(window.queryTabs()->newTab()->editor()->font().pointSize(), 17);  // new tabs too
        window.setTheme(QStringLiteral("light"));
        window.setEditorFontSize(0);
    }

    void helpPointsAtTheDocs() {
        const QDir docs(MainWindow::docsFolder());
        QVERIFY2(docs.exists(QStringLiteral("app.md")), qPrintable(docs.path()));
    }

    // Regression: the sidebar kept old row counts after another program changed a table.
    void rowCountsFollowAnotherProgram() {
        test::TempWorkspace ws;
        MainWindow window;
        QVERIFY(window.openWorkspace(QString::fromStdString(ws.file("work"))));
        {
            auto w = Warehouse::open(ws.file("work/warehouse.db"));
            QVERIFY((*w)->execute("CREATE TABLE t (n INTEGER)"));
            QVERIFY((*w)->execute("INSERT INTO t VALUES (1), (2), (3)"));
        }
        window.workspace()->refreshSchema();
        auto* model = window.sidebar()->model();
        QTRY_COMPARE(model->tableIndex(QStringLiteral("t")).siblingAtColumn(1).data().toString(),
                     QStringLiteral("3 rows"));
        {
            auto other = Warehouse::open(ws.file("work/warehouse.db"));  // "another program"
            QVERIFY((*other)->execute("INSERT INTO t VALUES (4), (5)"));
        }
        QVERIFY(widgets::warehouseChangedSince(window.workspace()->schema(), ws.file("work/warehouse.db")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QEvent activation(QEvent::ActivationChange);
        QApplication::setActiveWindow(&window);
        QApplication::sendEvent(&window, &activation);
        QTRY_COMPARE(model->tableIndex(QStringLiteral("t")).siblingAtColumn(1).data().toString(),
                     QStringLiteral("5 rows"));
        QVERIFY(!widgets::warehouseChangedSince(window.workspace()->schema(), ws.file("work/warehouse.db")));
    }
};

QTEST_MAIN(MainMenusTest)
#include "main_menus_test.moc"
