// deskbase run as cron or a person runs it: once, then exit 0/1. Sources named or all of them;
// --due picks the scheduled sources whose tick came (never run: due) and catches up once;
// --report json; "after" chains; a broken source file is one line on stderr and in the run
// history, with exit 1.
#include <QtTest>
#include <nlohmann/json.hpp>

#include "core/pipeline/run_log.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/warehouse_probe.h"

using namespace deskbase;

namespace {

void writeFile(const std::string& path, const std::string& text) {
    QVERIFY(QDir().mkpath(QFileInfo(QString::fromStdString(path)).absolutePath()));
    QFile f(QString::fromStdString(path));
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(text.data(), qint64(text.size())), qint64(text.size()));
    f.close();
    // Written a minute ago: stable at once (the stability wait is source_run_test's business).
    const QDateTime past = QDateTime::currentDateTimeUtc().addSecs(-60);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.setFileTime(past, QFileDevice::FileModificationTime));
}

std::int64_t sourceRunCount(const std::string& target, const std::string& name) {
    return test::scalarInt(
        target, "SELECT COUNT(*) FROM deskbase_runs WHERE kind = 'source' AND name = '" + name + "'");
}

}  // namespace

class RunCliTest : public QObject {
    Q_OBJECT
private slots:
    void runsEverySourceAndReportsJson();
    void dueRunsWhatIsDueOnce();
    void afterChainsRunTheFollowingSource();
    void brokenSourceFileIsOneLineAndExitOne();
    void failedFileExitsOne();
    void unknownSourceAndBadUsage();
};

void RunCliTest::runsEverySourceAndReportsJson() {
    test::TempWorkspace ws;
    writeFile(ws.file("sources/orders.json"), R"({"path": "inbox/*.csv", "table": "orders"})");
    writeFile(ws.file("inbox/a.csv"), "id,amount\n1,5\n2,7\n");
    writeFile(ws.file("inbox/notes.md"), "not matched");
    auto r = test::runDeskbase({"run", "--workspace", ws.path(), "--report", "json"});
    QVERIFY2(r.exitCode == 0, r.err.c_str());
    const auto j = nlohmann::json::parse(r.out);
    QCOMPARE(j["sources"].size(), std::size_t(1));
    const auto& s = j["sources"][0];
    QCOMPARE(s["name"].get<std::string>(), std::string("orders"));
    QCOMPARE(s["status"].get<std::string>(), std::string("success"));
    QCOMPARE(s["files"].size(), std::size_t(1));
    QCOMPARE(s["files"][0]["path"].get<std::string>(), std::string("inbox/a.csv"));
    QCOMPARE(s["files"][0]["status"].get<std::string>(), std::string("loaded"));
    QCOMPARE(s["files"][0]["rows"].get<int>(), 2);
    QVERIFY(s["run_id"].is_number());
    QCOMPARE(test::scalarInt(ws.file("warehouse.db"), "SELECT COUNT(*) FROM orders"), std::int64_t(2));
    // Again: nothing new, exit 0, a line saying so.
    auto again = test::runDeskbase({"run", "--workspace", ws.path()});
    QVERIFY2(again.exitCode == 0, again.err.c_str());
    QVERIFY2(again.err.find("orders: no new files") != std::string::npos, again.err.c_str());
}

void RunCliTest::dueRunsWhatIsDueOnce() {
    test::TempWorkspace ws;
    const std::string db = ws.file("warehouse.db");
    writeFile(ws.file("sources/daily.json"), R"({"path": "daily/", "schedule": "daily 06:30"})");
    writeFile(ws.file("sources/yearly.json"), R"({"path": "yearly/", "schedule": "@yearly"})");
    writeFile(ws.file("sources/manual.json"), R"({"path": "manual/"})");
    QVERIFY(QDir().mkpath(QString::fromStdString(ws.file("daily"))));
    QVERIFY(QDir().mkpath(QString::fromStdString(ws.file("yearly"))));
    QVERIFY(QDir().mkpath(QString::fromStdString(ws.file("manual"))));
    // yearly ran just now (by hand); daily never ran; manual has no schedule.
    QCOMPARE(test::runDeskbase({"run", "yearly", "--workspace", ws.path()}).exitCode, 0);
    auto r = test::runDeskbase({"run", "--due", "--workspace", ws.path()});
    QVERIFY2(r.exitCode == 0, r.err.c_str());
    QCOMPARE(sourceRunCount(db, "daily"), std::int64_t(1));   // never ran: due
    QCOMPARE(sourceRunCount(db, "yearly"), std::int64_t(1));  // ran now: not due before 1 January
    QCOMPARE(sourceRunCount(db, "manual"), std::int64_t(0));
    // Running again right away runs nothing: daily's next tick is ahead.
    QCOMPARE(test::runDeskbase({"run", "--due", "--workspace", ws.path()}).exitCode, 0);
    QCOMPARE(sourceRunCount(db, "daily"), std::int64_t(1));
    // Its last run a week ago (seven ticks missed): due, and runs once.
    QCOMPARE(test::scalarInt(db, "SELECT COUNT(*) FROM deskbase_runs WHERE name = 'daily'"), std::int64_t(1));
    {
        auto w = Warehouse::open(db);
        QVERIFY(w);
        QVERIFY((*w)->execute(
            "UPDATE deskbase_runs SET started_at = '2000-01-01 00:00:00' WHERE name = 'daily'"));
    }
    QCOMPARE(test::runDeskbase({"run", "--due", "--workspace", ws.path()}).exitCode, 0);
    QCOMPARE(sourceRunCount(db, "daily"), std::int64_t(2));
    QCOMPARE(test::runDeskbase({"run", "--due", "--workspace", ws.path()}).exitCode, 0);
    QCOMPARE(sourceRunCount(db, "daily"), std::int64_t(2));
}

void RunCliTest::afterChainsRunTheFollowingSource() {
    test::TempWorkspace ws;
    writeFile(ws.file("sources/customers.json"), R"({"path": "customers.csv"})");
    writeFile(ws.file("sources/orders.json"), R"({"path": "orders.csv", "after": "customers"})");
    writeFile(ws.file("customers.csv"), "id\n1\n");
    writeFile(ws.file("orders.csv"), "id,customer\n1,1\n");
    auto r = test::runDeskbase({"run", "customers", "--workspace", ws.path()});
    QVERIFY2(r.exitCode == 0, r.err.c_str());
    QVERIFY2(r.err.find("customers: 1 file loaded (1 row)") != std::string::npos, r.err.c_str());
    QVERIFY2(r.err.find("orders: 1 file loaded (1 row)") != std::string::npos, r.err.c_str());
    QCOMPARE(test::scalarInt(ws.file("warehouse.db"), "SELECT COUNT(*) FROM orders"), std::int64_t(1));
}

void RunCliTest::brokenSourceFileIsOneLineAndExitOne() {
    test::TempWorkspace ws;
    writeFile(ws.file("sources/good.json"), R"({"path": "good.csv"})");
    writeFile(ws.file("sources/bad.json"), R"({"path": "x.csv", "schedule": "now and then"})");
    writeFile(ws.file("good.csv"), "id\n1\n");
    auto r = test::runDeskbase({"run", "--workspace", ws.path()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(
        r.err.find("sources/bad.json: \"schedule\": \"now and then\" is not a schedule") != std::string::npos,
        r.err.c_str());
    QVERIFY2(r.err.find("deskbase run: 1 source failed") != std::string::npos, r.err.c_str());
    // The good one ran; the bad one is a line in the run history.
    QCOMPARE(test::scalarInt(ws.file("warehouse.db"), "SELECT COUNT(*) FROM good"), std::int64_t(1));
    QCOMPARE(test::scalarText(ws.file("warehouse.db"), "SELECT status FROM deskbase_runs WHERE name = 'bad'"),
             std::string("error"));
}

void RunCliTest::failedFileExitsOne() {
    test::TempWorkspace ws;
    writeFile(ws.file("sources/orders.json"), R"({"path": "in/", "table": "orders"})");
    writeFile(ws.file("in/empty.csv"), "");
    auto r = test::runDeskbase({"run", "orders", "--workspace", ws.path()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.find("orders: 1 failed: in/empty.csv is empty") != std::string::npos, r.err.c_str());
    QVERIFY2(r.err.find("deskbase run: 1 source failed") != std::string::npos, r.err.c_str());
}

void RunCliTest::unknownSourceAndBadUsage() {
    test::TempWorkspace ws;
    writeFile(ws.file("sources/orders.json"), R"({"path": "in/"})");
    auto r = test::runDeskbase({"run", "nope", "--workspace", ws.path()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.find("deskbase run: no source named nope") != std::string::npos, r.err.c_str());
    auto both = test::runDeskbase({"run", "orders", "--due", "--workspace", ws.path()});
    QCOMPARE(both.exitCode, 2);
    auto none = test::runDeskbase({"run", "--workspace", ws.file("sources")});
    QCOMPARE(none.exitCode, 1);
    QVERIFY2(none.err.find("no sources in") != std::string::npos, none.err.c_str());
}

QTEST_GUILESS_MAIN(RunCliTest)
#include "run_cli_test.moc"
