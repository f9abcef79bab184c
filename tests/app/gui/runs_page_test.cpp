// The Runs page in the real window (offscreen): Pipeline → Runs shows the run history's grid read
// from the workspace's SQLite warehouse (a row per source, model and report, even before a first
// run); a click on a run shows its steps; "Re-run" on a source runs it as a runtime job (the new
// file is loaded, the report after it writes its file) and the grid then has the new run on the
// right. Real files, real warehouse, the real binary's code.
#include "app/gui/runs_page.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTreeWidget>
#include <QtTest>

#include "app/gui/main_window.h"
#include "app/gui/source_pages.h"
#include "app/gui/workspace_controller.h"
#include "core/pipeline/run_log.h"
#include "core/sources/source_run.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/warehouse_probe.h"
#include "widgets/runs/runs_grid_model.h"
#include "widgets/runs/runs_panel.h"

using namespace deskbase;
using namespace deskbase::gui;

class RunsPageTest : public QObject {
    Q_OBJECT
    test::TempWorkspace ws_;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("DeskbaseTest"));
        QApplication::setApplicationName(QStringLiteral("tst_runs_page"));
        ws_.write("sources/orders.json", R"({"path": "in/", "table": "orders", "stable_seconds": 0})");
        ws_.write("questions/order_list.json", R"({"name": "Order list", "sql": "select id from orders"})");
        ws_.write("reports/orders_csv.json",
                  R"({"question": "order_list", "format": "csv", "out": "out", "after": ["orders"]})");
        ws_.write("reports/late.json", R"({"question": "order_list", "alert": {"when": "rows"}})");
        ws_.write("models/order_count.sql", "select count(*) as n from {{ source('shop', 'orders') }}");
        ws_.write("in/a.csv", "id\n1\n2\n");
    }

    void gridStepsAndRerun() {
        MainWindow window;
        QVERIFY(window.openWorkspace(QString::fromStdString(ws_.path())));
        QAction* action = window.findChild<QAction*>(QStringLiteral("pipelineRuns"));
        QVERIFY(action);
        RunsPage* page = window.runs();
        QSignalSpy loaded(page, &RunsPage::gridLoaded);
        action->trigger();
        widgets::RunsPanel* panel = page->panel();
        QVERIFY(panel);
        QCOMPARE(window.pages()->currentWidget(), panel);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 1, 30000);
        const RunsGrid& grid = panel->model()->grid();
        // Nothing ran yet: each target has its row, no column.
        QCOMPARE(grid.columns, 0);
        QVERIFY(grid.rowOf("source", "orders") >= 0);
        QVERIFY(grid.rowOf("model", "order_count") >= 0);
        QVERIFY(grid.rowOf("report", "orders_csv") >= 0);
        QVERIFY(grid.rowOf("alert", "late") >= 0);

        // Re-run the source from its row (its name in the row header picks it).
        const int row = grid.rowOf("source", "orders");
        emit panel->view()->verticalHeader()->sectionClicked(row);
        QVERIFY(panel->rerunButton()->isEnabled());
        QSignalSpy finished(page, &RunsPage::rerunFinished);
        panel->rerunButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 60000);
        const QString line = finished[0][0].toString();
        QVERIFY2(line.startsWith(QStringLiteral("orders: 1 file loaded (2 rows); built order_count")),
                 qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("orders_csv: success, wrote ")), qPrintable(line));
        QCOMPARE(test::scalarInt(ws_.file("warehouse.db"), "SELECT COUNT(*) FROM orders"), std::int64_t(2));
        QCOMPARE(QDir(QString::fromStdString(ws_.file("out"))).entryList(QDir::Files).size(), 1);

        // The grid is read again: the source, its model and its report each have a run, newest right.
        QTRY_VERIFY_WITH_TIMEOUT(panel->model()->grid().columns == 1, 30000);
        const RunsGrid& after = panel->model()->grid();
        for (const auto& [kind, name] : std::vector<std::pair<std::string, std::string>>{
                 {"source", "orders"}, {"model", "order_count"}, {"report", "orders_csv"}}) {
            const RunsGridCell* c = after.cell(after.rowOf(kind, name), 0);
            QVERIFY2(c, name.c_str());
            QCOMPARE(c->status, std::string("success"));
        }
        QVERIFY(!after.cell(after.rowOf("alert", "late"), 0));

        // A click on the source's run: its steps (the import, then the build).
        const QModelIndex cell = panel->model()->index(after.rowOf("source", "orders"), 0);
        emit panel->view()->clicked(cell);
        QTRY_VERIFY_WITH_TIMEOUT(panel->stepsView()->topLevelItemCount() == 2, 30000);
        QCOMPARE(panel->stepsView()->topLevelItem(0)->text(0), QStringLiteral("import"));
        QCOMPARE(panel->stepsView()->topLevelItem(0)->text(1), QStringLiteral("in/a.csv"));
        QCOMPARE(panel->stepsView()->topLevelItem(0)->text(3), QStringLiteral("2"));
        QCOMPARE(panel->stepsView()->topLevelItem(1)->text(0), QStringLiteral("build"));
    }

    // Seen under Xvfb: a file dropped into a watched folder was on the Runs page only at the next
    // poll (up to 3 s; never while the page was behind another tab), a report's run at once.
    void aSourceRunInTheWindowIsOnTheRunsPageAtOnce() {
        test::TempWorkspace ws;
        ws.write("sources/orders.json", R"({"path": "in/", "table": "orders", "stable_seconds": 0})");
        ws.write("in/a.csv", "id\n1\n2\n");
        MainWindow window;
        QVERIFY(window.openWorkspace(QString::fromStdString(ws.path())));
        RunsPage* page = window.runs();
        QSignalSpy loaded(page, &RunsPage::gridLoaded);
        widgets::RunsPanel* panel = page->open();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 1, 30000);
        QCOMPARE(panel->model()->grid().columns, 0);
        panel->hide();  // behind another page: the poll reads nothing
        QSignalSpy shown(window.sources(), &SourcePages::runShown);
        window.sources()->runNow(QStringLiteral("orders"));
        QTRY_VERIFY_WITH_TIMEOUT(shown.size() == 1, 60000);
        QVERIFY2(shown[0][1].toString().startsWith(QStringLiteral("orders: 1 file loaded (2 rows)")),
                 qPrintable(shown[0][1].toString()));
        QTRY_VERIFY_WITH_TIMEOUT(panel->model()->grid().columns == 1, 10000);
        const RunsGrid& grid = panel->model()->grid();
        const RunsGridCell* c = grid.cell(grid.rowOf("source", "orders"), 0);
        QVERIFY(c);
        QCOMPARE(c->status, std::string("success"));
    }
};

QTEST_MAIN(RunsPageTest)
#include "runs_page_test.moc"
