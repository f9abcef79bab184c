// Several SQL tabs at once: Ctrl+T opens one, Ctrl+W closes one, Ctrl+Tab goes to the next; each
// tab has its own editor, parameters and result; opening a question or a table focuses the tab
// that shows it, else reuses a blank current tab, else opens a new one — the editor's text is
// never replaced by opening something.
#include <QApplication>
#include <QStandardPaths>
#include <QTabWidget>
#include <QtTest>

#include "app/gui/main_menus.h"
#include "app/gui/main_window.h"
#include "app/gui/page_tabs.h"
#include "app/gui/query_page.h"
#include "app/gui/query_tabs.h"
#include "app/gui/workspace_controller.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"
#include "widgets/editor/parameter_bar.h"
#include "widgets/editor/sql_editor.h"
#include "widgets/grid/result_grid.h"
#include "widgets/grid/result_table_model.h"
#include "widgets/schema/schema_browser.h"

using namespace deskbase;
using namespace deskbase::gui;

class QueryTabsTest : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TempWorkspace> dir_;
    std::unique_ptr<MainWindow> window_;

    QString question(const char* file) const { return QString::fromStdString(dir_->file(std::string("work/questions/") + file)); }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("DeskbaseTest"));
        QApplication::setApplicationName(QStringLiteral("tst_query_tabs"));
    }

    void init() {
        dir_ = std::make_unique<test::TempWorkspace>();
        window_ = std::make_unique<MainWindow>();
        QVERIFY(window_->openWorkspace(QString::fromStdString(dir_->file("work"))));
        auto w = Warehouse::open(dir_->file("work/warehouse.db"));
        QVERIFY(w);
        QVERIFY((*w)->execute("CREATE TABLE cities (name TEXT, people INTEGER)"));
        QVERIFY((*w)->execute("INSERT INTO cities VALUES ('Lyon', 520000), ('Nice', 340000)"));
        dir_->write("work/questions/big.json", R"({"name": "Big cities", "sql": "SELECT name FROM cities WHERE people > {{min}}",
  "parameters": [{"name": "min", "type": "number", "default": 400000}]})");
        dir_->write("work/questions/all.json", R"({"name": "All cities", "sql": "SELECT name FROM cities ORDER BY name"})");
        window_->workspace()->workspace()->reload();
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }

    void cleanup() {
        for (QueryPage* p : window_->queryTabs()->all()) p->setWindowModified(false);
        window_.reset();
        dir_.reset();
    }

    void threeTabsKeepTheirOwnWork() {
        QueryTabs* tabs = window_->queryTabs();
        QueryPage* one = window_->queryPage();
        one->editor()->setPlainText(QStringLiteral("SELECT 1 AS a"));
        window_->menus()->newTab->trigger();  // Ctrl+T
        QueryPage* two = window_->queryPage();
        QVERIFY(two != one);
        QVERIFY(two->editor()->toPlainText().isEmpty());
        two->editor()->setPlainText(QStringLiteral("SELECT 'x' AS b, 'y' AS c UNION ALL SELECT 'z', 'w'"));
        window_->menus()->newTab->trigger();
        QueryPage* three = window_->queryPage();
        three->editor()->setPlainText(QStringLiteral("SELECT {{n}} AS n"));
        three->parameters()->setValue(QStringLiteral("n"), QStringLiteral("7"));
        QCOMPARE(tabs->all().size(), 3);
        for (QueryPage* p : {one, two, three}) {
            window_->showPage(p);
            window_->menus()->run->trigger();
            QTRY_VERIFY(!p->grid()->model()->isRunning());
        }
        QCOMPARE(one->grid()->model()->rowCount(), 1);
        QCOMPARE(one->grid()->model()->columnCount(), 1);
        QCOMPARE(two->grid()->model()->rowCount(), 2);
        QCOMPARE(two->grid()->model()->columnCount(), 2);
        QCOMPARE(three->grid()->model()->index(0, 0).data().toString(), QStringLiteral("7"));
        QVERIFY(!one->parameters()->isVisibleTo(one));
        QCOMPARE(one->editor()->toPlainText(), QStringLiteral("SELECT 1 AS a"));
        // The tabs are named apart.
        QStringList titles;
        for (QueryPage* p : {one, two, three}) titles << p->windowTitle();
        QCOMPARE(titles.size(), int(QSet<QString>(titles.begin(), titles.end()).size()));
    }

    void ctrlTabCyclesAndCtrlWCloses() {
        QueryPage* one = window_->queryPage();
        QueryPage* two = window_->queryTabs()->newTab();
        QueryPage* three = window_->queryTabs()->newTab();
        QCOMPARE(window_->pageTabs()->current(), three);
        three->editor()->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ControlModifier);
        QCOMPARE(window_->pageTabs()->current(), one);  // wraps around
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : window_.get(), Qt::Key_Tab,
                        Qt::ControlModifier);
        QCOMPARE(window_->pageTabs()->current(), two);
        window_->menus()->previousTab->trigger();
        QCOMPARE(window_->pageTabs()->current(), one);
        QTest::keyClick(window_.get(), Qt::Key_W, Qt::ControlModifier);
        QCOMPARE(window_->pages()->count(), 2);
        QVERIFY(!window_->queryTabs()->all().contains(one));
        // Closing the last tab leaves a blank one to type in.
        window_->pageTabs()->close(two);
        window_->pageTabs()->close(three);
        QCOMPARE(window_->pages()->count(), 1);
        QVERIFY(window_->queryPage()->isBlank());
    }

    void openingAQuestionFocusesItsTab() {
        QueryTabs* tabs = window_->queryTabs();
        QueryPage* blank = window_->queryPage();
        QueryPage* big = tabs->openQuestion(question("big.json"));
        QCOMPARE(big, blank);  // the blank tab is reused
        QCOMPARE(big->windowTitle(), QStringLiteral("Big cities"));
        QTRY_VERIFY(!big->grid()->model()->isRunning());
        QCOMPARE(big->grid()->model()->rowCount(), 1);  // the default 400000 bound as a number
        QueryPage* all = tabs->openQuestion(question("all.json"));
        QVERIFY(all != big);  // a question is open here: a new tab
        QCOMPARE(tabs->all().size(), 2);
        QCOMPARE(tabs->openQuestion(question("big.json")), big);  // focused, not opened again
        QCOMPARE(window_->pageTabs()->current(), big);
        QCOMPARE(tabs->all().size(), 2);
        QCOMPARE(big->editor()->toPlainText(), QStringLiteral("SELECT name FROM cities WHERE people > {{min}}"));
    }

    void openingATableOpensOrFocusesItsTab() {
        QueryTabs* tabs = window_->queryTabs();
        QueryPage* typed = window_->queryPage();
        typed->editor()->setPlainText(QStringLiteral("SELECT 'mine'"));
        QueryPage* cities = tabs->openTable(QStringLiteral("cities"));
        QVERIFY(cities != typed);
        QCOMPARE(typed->editor()->toPlainText(), QStringLiteral("SELECT 'mine'"));
        QCOMPARE(cities->windowTitle(), QStringLiteral("cities"));
        QTRY_COMPARE(cities->grid()->model()->rowCount(), 2);
        QCOMPARE(tabs->openTable(QStringLiteral("cities")), cities);
        QCOMPARE(tabs->all().size(), 2);
        // The sidebar's double-click goes the same way.
        window_->showPage(typed);
        emit window_->sidebar()->tableActivated(QStringLiteral("cities"));
        QCOMPARE(window_->pageTabs()->current(), cities);
    }

    // Menu actions act on the current tab only.
    void menusActOnTheCurrentTab() {
        QueryPage* one = window_->queryPage();
        one->editor()->setPlainText(QStringLiteral("SELECT 1"));
        QueryPage* two = window_->queryTabs()->newTab();
        two->editor()->setPlainText(QStringLiteral("SELECT 2"));
        window_->menus()->run->trigger();
        QTRY_VERIFY(!two->grid()->model()->isRunning());
        QCOMPARE(two->grid()->model()->rowCount(), 1);
        QVERIFY(one->grid()->model()->query().sql.empty());  // not run
        window_->menus()->showChart->trigger();
        QVERIFY(two->isChartShown());
        QVERIFY(!one->isChartShown());
    }
};

QTEST_MAIN(QueryTabsTest)
#include "query_tabs_test.moc"
