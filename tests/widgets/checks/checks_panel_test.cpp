// ChecksPanel and its models: the last results of a real check run on a real SQLite table, the
// sample of the selected check, Run checks and Show failing rows (whose SQL lists exactly the
// failing rows), under QAbstractItemModelTester; percent text never reads 0% or 100% falsely.
#include "widgets/checks/checks_panel.h"

#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

#include "core/checks/check_file.h"
#include "core/pipeline/check_run.h"
#include "core/pipeline/run_log.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/warehouse_probe.h"
#include "widgets/checks/check_result_models.h"

using namespace deskbase;
using namespace deskbase::widgets;

class ChecksPanelTest : public QObject {
    Q_OBJECT
    test::TempWorkspace ws_;
    std::unique_ptr<Warehouse> w_;

private slots:
    void initTestCase() {
        auto w = Warehouse::open(ws_.sqlitePath());
        QVERIFY(w.isOk());
        w_ = std::move(*w);
        QVERIFY(w_->execute("CREATE TABLE orders (id INTEGER, status TEXT)").isOk());
        // 'lost' twice and 'gone' once are not accepted; id 3 is there twice.
        QVERIFY(w_->execute("INSERT INTO orders VALUES (1, 'paid'), (2, 'lost'), (3, 'lost'), (3, 'paid'), "
                            "(5, 'gone'), (6, 'paid')")
                    .isOk());
        auto file = checkFileFromText(R"({"checks": [
            {"check": "not_null", "column": "id"},
            {"check": "accepted_values", "column": "status", "values": ["paid"], "severity": "warn"},
            {"check": "unique", "columns": ["id"]}]})",
                                      "checks/orders.json", "orders");
        QVERIFY2(file.isOk(), file.status().message().c_str());
        QVERIFY(runAndRecordChecks(*w_, {*file}).runId > 0);
    }

    void percentText_data() {
        QTest::addColumn<double>("percent");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0.0 << "0%";
        QTest::newRow("half") << 12.5 << "12.5%";
        QTest::newRow("third") << 100.0 / 3 << "33.33%";
        QTest::newRow("tiny is not zero") << 0.001 << "0.001%";
        QTest::newRow("almost all is not all") << 99.9999 << "99.9999%";
        QTest::newRow("all") << 100.0 << "100%";
    }
    void percentText() {
        QFETCH(double, percent);
        QFETCH(QString, text);
        QCOMPARE(CheckResultsModel::percentText(percent), text);
        QVERIFY(CheckResultsModel::percentText(std::nullopt).isEmpty());
    }

    void showsTheLastRun() {
        auto results = lastCheckResults(*w_, "orders");
        QVERIFY(results.isOk());
        QCOMPARE(results->size(), std::size_t(3));
        ChecksPanel panel;
        QAbstractItemModelTester resultsTester(panel.results(),
                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester sampleTester(panel.sample(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.setTable(QStringLiteral("orders"));
        panel.setResults(std::move(*results), QStringLiteral("2026-12-01 10:00"));
        QVERIFY(panel.summaryText().contains(QStringLiteral("1 pass")));
        QVERIFY(panel.summaryText().contains(QStringLiteral("1 warn")));
        QVERIFY(panel.summaryText().contains(QStringLiteral("1 fail")));
        auto* m = panel.results();
        QCOMPARE(m->rowCount(), 3);
        QCOMPARE(m->index(0, CheckResultsModel::Status).data().toString(), QStringLiteral("pass"));
        QCOMPARE(m->index(1, CheckResultsModel::Status).data().toString(), QStringLiteral("warn"));
        QCOMPARE(m->index(1, CheckResultsModel::Failing).data().toString(), QStringLiteral("3"));
        QCOMPARE(m->index(1, CheckResultsModel::Percent).data().toString(), QStringLiteral("50%"));  // 3 of 6
        QCOMPARE(m->index(2, CheckResultsModel::Status).data().toString(), QStringLiteral("fail"));
        QCOMPARE(m->index(2, CheckResultsModel::ColumnName).data().toString(), QStringLiteral("id"));

        // The first result that did not pass is selected; its sample: lost (2 rows), gone (1).
        QCOMPARE(panel.resultsView()->selectionModel()->selectedRows().value(0).row(), 1);
        auto* s = panel.sample();
        QCOMPARE(s->rowCount(), 2);
        QCOMPARE(s->index(0, 0).data().toString(), QStringLiteral("lost"));
        QCOMPARE(s->index(0, 1).data().toString(), QStringLiteral("2"));
        QCOMPARE(s->index(1, 0).data().toString(), QStringLiteral("gone"));
        QCOMPARE(s->headerData(0, Qt::Horizontal).toString(), QStringLiteral("status"));

        // Show failing rows: the SQL lists the three rows whose status is not accepted.
        QSignalSpy rows(&panel, &ChecksPanel::failingRowsRequested);
        QVERIFY(panel.failingRowsButton()->isEnabled());
        panel.failingRowsButton()->click();
        QCOMPARE(rows.size(), 1);
        const std::string sql = rows[0][0].toString().toStdString();
        QCOMPARE(test::scalarInt(*w_, "SELECT COUNT(*) FROM (" + sql + ") AS failing"), std::int64_t(3));

        // The passing check has nothing to show.
        panel.selectResult(0);
        QVERIFY(!panel.failingRowsButton()->isEnabled());
        QCOMPARE(s->rowCount(), 0);

        QSignalSpy run(&panel, &ChecksPanel::runRequested);
        panel.runButton()->click();
        QCOMPARE(run.size(), 1);
        QCOMPARE(run[0][0].toString(), QStringLiteral("orders"));
        panel.setRunning(true);
        QVERIFY(!panel.runButton()->isEnabled());
    }

    void noResultsSaysSo() {
        ChecksPanel panel;
        QAbstractItemModelTester tester(panel.results(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.setTable(QStringLiteral("people"));
        panel.setResults({}, {});
        QVERIFY(panel.summaryText().contains(QStringLiteral("Run checks")));
        QVERIFY(!panel.failingRowsButton()->isEnabled());
        QVERIFY(panel.runButton()->isEnabled());
    }
};

QTEST_MAIN(ChecksPanelTest)
#include "checks_panel_test.moc"
