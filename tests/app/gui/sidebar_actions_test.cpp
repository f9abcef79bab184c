// Rename, duplicate and delete from the sidebar, as a user does them (F2, Delete, the context
// menu, the dialogs answered by pressing their buttons): a renamed question's dashboards keep
// working and its open tab follows; deleting a question used by dashboards says which and asks;
// deleting a table asks, is all or nothing, and takes its rejects along; Cancel changes nothing.
#include "app/gui/sidebar_actions.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QStandardPaths>
#include <QTreeView>
#include <QtTest>
#include <filesystem>

#include "app/gui/import_controller.h"
#include "app/gui/main_window.h"
#include "app/gui/query_page.h"
#include "app/gui/query_tabs.h"
#include "app/gui/workspace_controller.h"
#include "core/dashboard/dashboard.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/modal_answer.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/warehouse_probe.h"
#include "widgets/dashboard/dashboard_card.h"
#include "widgets/dashboard/dashboard_view.h"
#include "widgets/editor/sql_editor.h"
#include "widgets/schema/schema_browser.h"
#include "widgets/schema/schema_model.h"

using namespace deskbase;
using namespace deskbase::gui;
using Kind = widgets::SchemaModel::Kind;

namespace {
const char* kBoard = R"({"name": "Sales", "cards": [
  {"id": "total", "question": "revenue.json", "x": 0, "y": 0, "w": 8, "h": 4},
  {"id": "note", "text": "hello", "x": 8, "y": 0, "w": 8, "h": 4}]})";
}  // namespace

class SidebarActionsTest : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TempWorkspace> dir_;
    std::unique_ptr<MainWindow> window_;

    QString file(const std::string& rel) const { return QString::fromStdString(dir_->file("work/" + rel)); }
    widgets::SchemaBrowser* sidebar() const { return window_->sidebar(); }

    // Selects the entry and presses a key in the tree, as a user does.
    void pressOn(Kind kind, const QString& nameOrPath, Qt::Key key) {
        QVERIFY(sidebar()->select(kind, nameOrPath));
        QApplication::setActiveWindow(window_.get());  // as a click on the window does
        sidebar()->view()->setFocus();
        QTest::keyClick(sidebar()->view(), key);
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("DeskbaseTest"));
        QApplication::setApplicationName(QStringLiteral("tst_sidebar_actions"));
    }

    void init() {
        dir_ = std::make_unique<test::TempWorkspace>();
        window_ = std::make_unique<MainWindow>();
        QVERIFY(window_->openWorkspace(QString::fromStdString(dir_->file("work"))));
        dir_->write("work/questions/revenue.json", R"({"name": "Revenue", "sql": "SELECT 10 AS revenue"})");
        dir_->write("work/dashboards/sales.json", kBoard);
        auto w = Warehouse::open(dir_->file("work/warehouse.db"));
        QVERIFY(w);
        QVERIFY((*w)->execute("CREATE TABLE orders (id INTEGER, amount REAL)"));
        QVERIFY((*w)->execute("INSERT INTO orders VALUES (1, 9.5), (2, 20)"));
        QVERIFY((*w)->execute("CREATE TABLE orders__rejects (line INTEGER, reason TEXT)"));
        window_->workspace()->refreshSchema();
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QTRY_VERIFY(sidebar()->model()->tableIndex(QStringLiteral("orders")).isValid());
        QTRY_COMPARE(sidebar()->model()->rowCount(sidebar()->model()->sectionIndex(Kind::Question)), 1);
    }

    void cleanup() {
        for (QueryPage* p : window_->queryTabs()->all()) p->setWindowModified(false);
        window_.reset();
        dir_.reset();
    }

    void renamedQuestionKeepsItsDashboardAndTab() {
        QueryPage* tab = window_->queryTabs()->openQuestion(file("questions/revenue.json"));
        window_->activateDashboard(file("dashboards/sales.json"));
        widgets::DashboardView* board = window_->findChild<widgets::DashboardView*>();
        QVERIFY(board);
        QVERIFY(board->waitUntilLoaded(30000));
        auto asked = test::answerInput(QStringLiteral("Net revenue"));
        pressOn(Kind::Question, file("questions/revenue.json"), Qt::Key_F2);
        QCOMPARE(asked->times, 1);
        QVERIFY(!QFile::exists(file("questions/revenue.json")));
        QVERIFY(QFile::exists(file("questions/net_revenue.json")));
        auto saved = dashboard::loadDashboard(dir_->file("work/dashboards/sales.json"));
        QVERIFY(saved);
        QCOMPARE(QString::fromStdString(saved->card("total")->question), QStringLiteral("net_revenue.json"));
        // The open tab follows the file; the open dashboard was reloaded and its card still runs.
        QCOMPARE(tab->questionPath(), file("questions/net_revenue.json"));
        QCOMPARE(tab->windowTitle(), QStringLiteral("Net revenue"));
        QVERIFY(!tab->isWindowModified());
        QVERIFY(board->waitUntilLoaded(30000));
        QCOMPARE(board->card("total")->state(), widgets::DashboardCard::State::Ready);
        QTRY_VERIFY(sidebar()->select(Kind::Question, file("questions/net_revenue.json")));
        QCOMPARE(sidebar()->currentItem().name, QStringLiteral("Net revenue"));
    }

    void renameMessageNamesTheQuestionAndCountsItsDashboards() {
        // Two dashboards use the question: the message once said "Renamed the question to 2;
        // “Net revenue” dashboards updated" (the count filled the name's place).
        dir_->write("work/dashboards/other.json", kBoard);
        window_->workspace()->workspace()->reload();  // sees the new file now, not when a watcher fires
        QSignalSpy said(window_->sidebarActions(), &SidebarActions::statusMessage);
        auto asked = test::answerInput(QStringLiteral("Net revenue"));
        pressOn(Kind::Question, file("questions/revenue.json"), Qt::Key_F2);
        QCOMPARE(asked->times, 1);
        QVERIFY(QFile::exists(file("questions/net_revenue.json")));
        QCOMPARE(said.size(), 1);
        QCOMPARE(said[0][0].toString(),
                 QStringLiteral("Renamed the question to “Net revenue”; 2 dashboards updated"));
    }

    void deletingAQuestionUsedByADashboardSaysWhichAndAsks() {
        QueryPage* tab = window_->queryTabs()->openQuestion(file("questions/revenue.json"));
        auto cancel = test::answerBox(QStringLiteral("confirmBox"), QMessageBox::Cancel);
        pressOn(Kind::Question, file("questions/revenue.json"), Qt::Key_Delete);
        QCOMPARE(cancel->times, 1);
        QVERIFY2(cancel->text.contains(QStringLiteral("“Sales” (1 card)")), qPrintable(cancel->text));
        QVERIFY(QFile::exists(file("questions/revenue.json")));
        QCOMPARE(dashboard::loadDashboard(dir_->file("work/dashboards/sales.json"))->cards.size(),
                 std::size_t(2));

        auto yes = test::answerBoxWith(QStringLiteral("confirmBox"), QStringLiteral("Delete question"));
        pressOn(Kind::Question, file("questions/revenue.json"), Qt::Key_Delete);
        QCOMPARE(yes->times, 1);
        QVERIFY(!QFile::exists(file("questions/revenue.json")));
        const auto board = dashboard::loadDashboard(dir_->file("work/dashboards/sales.json"));
        QCOMPARE(board->cards.size(), std::size_t(1));
        QVERIFY(board->card("note"));
        // The tab keeps the SQL as an unsaved query: closing it would ask.
        QCOMPARE(tab->editor()->toPlainText(), QStringLiteral("SELECT 10 AS revenue"));
        QVERIFY(tab->questionPath().isEmpty());
        QVERIFY(tab->isWindowModified());
        QTRY_COMPARE(sidebar()->model()->rowCount(sidebar()->model()->sectionIndex(Kind::Question)), 0);
    }

    void deletingATableAsksAndTakesItsRejects() {
        QSignalSpy changed(window_->sidebarActions(), &SidebarActions::tableChanged);
        auto cancel = test::answerBox(QStringLiteral("confirmBox"), QMessageBox::Cancel);
        pressOn(Kind::Table, QStringLiteral("orders"), Qt::Key_Delete);
        QCOMPARE(cancel->times, 1);
        QVERIFY2(cancel->text.contains(QStringLiteral("(2 rows)")), qPrintable(cancel->text));
        QVERIFY2(cancel->text.contains(QStringLiteral("orders__rejects")), qPrintable(cancel->text));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(test::scalarInt(dir_->file("work/warehouse.db"), "SELECT count(*) FROM orders"), 2);

        auto yes = test::answerBoxWith(QStringLiteral("confirmBox"), QStringLiteral("Delete table"));
        pressOn(Kind::Table, QStringLiteral("orders"), Qt::Key_Delete);
        QTRY_COMPARE(changed.size(), 1);
        QVERIFY(changed[0][0].toBool());
        auto w = Warehouse::open(dir_->file("work/warehouse.db"));
        QVERIFY(!*(*w)->tableExists("orders"));
        QVERIFY(!*(*w)->tableExists("orders__rejects"));
        QVERIFY(*(*w)->dataVersion("orders") > 0);  // cached results of it are not served again
        QTRY_VERIFY(!sidebar()->model()->tableIndex(QStringLiteral("orders")).isValid());
    }

    void tableRenameAndDuplicateFromTheMenu() {
        QSignalSpy changed(window_->sidebarActions(), &SidebarActions::tableChanged);
        QueryPage* tab = window_->queryTabs()->openTable(QStringLiteral("orders"));
        widgets::SchemaItem item;
        item.kind = Kind::Table;
        item.name = QStringLiteral("orders");
        std::unique_ptr<QMenu> menu(sidebar()->contextMenu(item));
        QAction* rename = nullptr;
        QAction* duplicate = nullptr;
        for (QAction* a : menu->actions()) {
            if (a->text() == QStringLiteral("Rename…")) rename = a;
            if (a->text() == QStringLiteral("Duplicate")) duplicate = a;
        }
        QVERIFY(rename && duplicate);
        auto asked = test::answerInput(QStringLiteral("sales"));
        rename->trigger();
        QCOMPARE(asked->times, 1);
        QTRY_COMPARE(changed.size(), 1);
        QVERIFY(changed[0][0].toBool());
        QCOMPARE(test::scalarInt(dir_->file("work/warehouse.db"), "SELECT count(*) FROM sales"), 2);
        QCOMPARE(tab->tableName(), QStringLiteral("sales"));  // the unmodified tab followed
        QVERIFY(tab->editor()->toPlainText().contains(QStringLiteral("\"sales\"")));
        QTRY_VERIFY(sidebar()->model()->tableIndex(QStringLiteral("sales")).isValid());

        window_->sidebarActions()->duplicateTable(QStringLiteral("sales"));
        QTRY_COMPARE(changed.size(), 2);
        QCOMPARE(test::scalarInt(dir_->file("work/warehouse.db"), "SELECT count(*) FROM sales_copy"), 2);
        // A taken name is refused with a message and nothing changes.
        window_->sidebarActions()->renameTable(QStringLiteral("sales"), QStringLiteral("sales_copy"));
        QTRY_COMPARE(changed.size(), 3);
        QVERIFY(!changed[2][0].toBool());
        QCOMPARE(test::scalarInt(dir_->file("work/warehouse.db"), "SELECT count(*) FROM sales"), 2);
    }

    void duplicateAndRenameADashboard() {
        widgets::SchemaItem item;
        item.kind = Kind::Dashboard;
        item.path = file("dashboards/sales.json");
        item.name = QStringLiteral("Sales");
        window_->sidebarActions()->duplicate(item);
        QVERIFY(QFile::exists(file("dashboards/sales_copy.json")));
        QCOMPARE(QString::fromStdString(
                     dashboard::loadDashboard(dir_->file("work/dashboards/sales_copy.json"))->name),
                 QStringLiteral("Sales (copy)"));
        // An open dashboard is closed, renamed and opened again under its new file.
        window_->activateDashboard(file("dashboards/sales.json"));
        QVERIFY(window_->findChild<widgets::DashboardView*>());
        QVERIFY(window_->sidebarActions()->renameDashboard(file("dashboards/sales.json"),
                                                           QStringLiteral("Sales 2024")));
        QVERIFY(QFile::exists(file("dashboards/sales_2024.json")));
        QTRY_VERIFY(window_->findChildren<widgets::DashboardView*>().size() == 1);
        QCOMPARE(QString::fromStdString(window_->findChild<widgets::DashboardView*>()->path()),
                 file("dashboards/sales_2024.json"));
    }

    void menusOfferWhatFitsTheItem_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("actions");
        const QStringList edits{QStringLiteral("Rename…"), QStringLiteral("Duplicate"),
                                QStringLiteral("Delete…")};
        const QStringList checks{QStringLiteral("Checks"), QStringLiteral("Edit checks…")};
        QTest::newRow("table") << int(Kind::Table)
                               << (QStringList{QStringLiteral("Open"), QStringLiteral("Copy name")} + checks +
                                   edits);
        QTest::newRow("model") << int(Kind::Model)
                               << (QStringList{QStringLiteral("Open"), QStringLiteral("Copy name"),
                                               QStringLiteral("Build downstream")} +
                                   checks);
        QTest::newRow("question") << int(Kind::Question)
                                  << (QStringList{QStringLiteral("Open"),
                                                  QStringLiteral("Open in the current tab"),
                                                  QStringLiteral("Add to dashboard…")} +
                                      edits);
        QTest::newRow("dashboard") << int(Kind::Dashboard)
                                   << (QStringList{QStringLiteral("Open"), QStringLiteral("New dashboard…")} +
                                       edits);
        QTest::newRow("column") << int(Kind::Column) << QStringList{QStringLiteral("Copy name")};
    }
    void menusOfferWhatFitsTheItem() {
        QFETCH(int, kind);
        QFETCH(QStringList, actions);
        widgets::SchemaItem item;
        item.kind = Kind(kind);
        item.name = QStringLiteral("x");
        std::unique_ptr<QMenu> menu(sidebar()->contextMenu(item));
        QStringList got;
        for (QAction* a : menu->actions())
            if (!a->isSeparator() && a->text() != QStringLiteral("Refresh")) got << a->text();
        QCOMPARE(got, actions);
    }
};

QTEST_MAIN(SidebarActionsTest)
#include "sidebar_actions_test.moc"
