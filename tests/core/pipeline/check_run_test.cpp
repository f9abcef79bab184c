// runAndRecordChecks: the results of every file, one recorded run of kind "check" with a step per
// file, the blocking list; worstStatus over families of results.
#include "core/pipeline/check_run.h"

#include <QtTest>

#include "core/checks/check_file.h"
#include "core/pipeline/run_log.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;

class CheckRunTest : public QObject {
    Q_OBJECT
private slots:
    void worst_data() {
        QTest::addColumn<QString>("statuses");
        QTest::addColumn<QString>("worst");
        QTest::newRow("none") << ""
                              << "pass";
        QTest::newRow("all pass") << "pass pass"
                                  << "pass";
        QTest::newRow("warn wins over pass") << "pass warn pass"
                                             << "warn";
        QTest::newRow("fail over warn") << "warn fail"
                                        << "fail";
        QTest::newRow("error over all") << "fail error warn"
                                        << "error";
    }
    void worst() {
        QFETCH(QString, statuses);
        QFETCH(QString, worst);
        std::vector<CheckResult> results;
        for (const auto& s : statuses.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            CheckResult r;
            r.status = *parseCheckStatus(s.toStdString());
            results.push_back(r);
        }
        QCOMPARE(QString::fromStdString(std::string(checkStatusName(worstStatus(results)))), worst);
    }

    void runsAndRecords() {
        test::TempWorkspace ws;
        auto opened = Warehouse::open(ws.sqlitePath());
        QVERIFY(opened.isOk());
        Warehouse& w = **opened;
        QVERIFY(w.execute("CREATE TABLE orders (id INTEGER, status TEXT)").isOk());
        QVERIFY(w.execute("INSERT INTO orders VALUES (1, 'paid'), (2, 'lost'), (2, 'paid'), (NULL, 'paid')")
                    .isOk());
        auto file = checkFileFromText(R"({"table": "orders", "checks": [
            {"check": "not_null", "column": "id"},
            {"check": "accepted_values", "column": "status", "values": ["paid"], "severity": "warn"},
            {"check": "row_count", "min": 1}]})",
                                      "checks/orders.json", "orders");
        QVERIFY2(file.isOk(), file.status().message().c_str());
        const CheckRunOutcome out = runAndRecordChecks(w, {*file});
        QVERIFY(out.warnings.empty());
        QCOMPARE(out.results.size(), std::size_t(3));
        // One NULL id (error severity: fail, blocking); one status not accepted (warn); rows: pass.
        QCOMPARE(out.results[0].status, CheckStatus::Fail);
        QCOMPARE(out.results[0].failures, std::int64_t(1));
        QCOMPARE(out.results[1].status, CheckStatus::Warn);
        QCOMPARE(out.results[1].failures, std::int64_t(1));
        QCOMPARE(out.results[2].status, CheckStatus::Pass);
        QCOMPARE(out.blocking, std::vector<std::string>{"orders: " + out.results[0].name});
        QVERIFY(out.runId > 0);

        auto runs = recentRuns(w, 5);
        QVERIFY(runs.isOk());
        QCOMPARE(runs->size(), std::size_t(1));
        QCOMPARE((*runs)[0].id, out.runId);
        QCOMPARE((*runs)[0].kind, std::string("check"));
        QCOMPARE((*runs)[0].status, std::string("error"));
        auto steps = runSteps(w, out.runId);
        QVERIFY(steps.isOk());
        QCOMPARE(steps->size(), std::size_t(1));
        QCOMPARE((*steps)[0].name, std::string("orders"));
        QCOMPARE((*steps)[0].status, std::string("fail"));
        auto last = lastCheckResults(w, "orders");
        QVERIFY(last.isOk());
        QCOMPARE(last->size(), std::size_t(3));
        QCOMPARE((*last)[1].status, CheckStatus::Warn);

        // Fixed data: the next run passes and is the newest.
        QVERIFY(w.execute("DELETE FROM orders WHERE id IS NULL OR status <> 'paid'").isOk());
        const CheckRunOutcome again = runAndRecordChecks(w, {*file});
        QVERIFY(again.blocking.empty());
        QCOMPARE(worstStatus(again.results), CheckStatus::Pass);
        QVERIFY(again.runId > out.runId);
        auto latest = recentRuns(w, 5);
        QVERIFY(latest.isOk());
        QCOMPARE((*latest)[0].status, std::string("success"));
    }

    void cancelledBeforeStartEndsAsErrors() {
        test::TempWorkspace ws;
        auto opened = Warehouse::open(ws.sqlitePath());
        QVERIFY(opened.isOk());
        QVERIFY((*opened)->execute("CREATE TABLE t (a INTEGER)").isOk());
        auto file =
            checkFileFromText(R"({"checks": [{"check": "not_null", "column": "a"}]})", "checks/t.json", "t");
        QVERIFY(file.isOk());
        const std::atomic<bool> stop{true};
        const CheckRunOutcome out = runAndRecordChecks(**opened, {*file}, &stop);
        QCOMPARE(out.results.size(), std::size_t(1));
        QCOMPARE(out.results[0].status, CheckStatus::Error);
    }
};

QTEST_GUILESS_MAIN(CheckRunTest)
#include "check_run_test.moc"
