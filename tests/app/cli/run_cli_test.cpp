// deskbase run as cron or a person runs it: once, then exit 0/1. Sources named or all of them;
// --due picks the scheduled sources whose tick came (never run: due) and catches up once;
// --report json; "after" chains; a broken source file is one line on stderr and in the run
// history, with exit 1.
#include <QtTest>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/dashboard/demo_workspace.h"
#include "core/pipeline/run_log.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/pg_server.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/test_paths.h"
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

std::int64_t reportRunCount(const std::string& target, const std::string& name) {
    return test::scalarInt(
        target, "SELECT COUNT(*) FROM deskbase_runs WHERE kind = 'report' AND name = '" + name + "'");
}

// The files in a folder, sorted (a report's dated outputs).
std::vector<std::string> filesIn(const std::string& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        out.push_back(it->path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

std::string readAll(const std::string& path) {
    QFile f(QString::fromStdString(path));
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString()
                                       : std::string("(cannot read ") + path + ")";
}

// `deskbase ARGS` started in the background; waits for a line on stderr, then for the end.
class Running {
public:
    explicit Running(const std::vector<std::string>& args) {
        QStringList a;
        for (const auto& x : args) a << QString::fromStdString(x);
        p.start(QString::fromStdString(test::deskbaseBinary()), a);
    }
    ~Running() {
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished();
        }
    }
    // True once stderr holds `text` (before the process ends).
    bool waitForErr(const std::string& text) {
        QElapsedTimer t;
        t.start();
        while (err.find(text) == std::string::npos) {
            if (p.state() == QProcess::NotRunning || t.elapsed() > 120000) return false;
            p.waitForReadyRead(200);
            err += p.readAllStandardError().toStdString();
        }
        return true;
    }
    int finish() {
        if (!p.waitForFinished(120000)) return -1;
        err += p.readAllStandardError().toStdString();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    QProcess p;
    std::string err;
};

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
    void reportsAfterTheSourceRunWithIt();
    void reportAfterAMissingSourceIsOneLine();
    void dueRunsScheduledReportsOnce();
    void dueDrawsAScheduledDashboardPdf();
    void badReportScheduleIsOneLine();
    void lockedWarehouseIsRetried();
    void stoppedServerIsRetried();
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
    // (Not an empty file: that loads as an empty table since issue 15.)
    writeFile(ws.file("in/bad.csv"), std::string("a\n\0\n", 4));
    auto r = test::runDeskbase({"run", "orders", "--workspace", ws.path()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.find("orders: 1 failed: in/bad.csv looks like a binary file") != std::string::npos, r.err.c_str());
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

// `deskbase run SOURCE` runs the reports "after" it once the source loaded something; a run that
// found nothing new runs none.
void RunCliTest::reportsAfterTheSourceRunWithIt() {
    test::TempWorkspace ws;
    const std::string db = ws.file("warehouse.db");
    writeFile(ws.file("sources/orders.json"), R"({"path": "in/", "table": "orders"})");
    writeFile(ws.file("questions/order_list.json"),
              R"({"name": "Order list", "sql": "select id, amount from orders order by id"})");
    writeFile(ws.file("reports/orders_csv.json"),
              R"({"question": "order_list", "format": "csv", "out": "out", "after": ["orders"]})");
    writeFile(ws.file("reports/other.json"),
              R"({"question": "order_list", "format": "csv", "after": ["x"]})");
    writeFile(ws.file("in/a.csv"), "id,amount\n1,5\n2,7\n");
    auto r = test::runDeskbase({"run", "orders", "--workspace", ws.path()});
    QVERIFY2(r.exitCode == 0, r.err.c_str());
    QVERIFY2(r.err.find("orders_csv: success, wrote out/orders_csv-") != std::string::npos, r.err.c_str());
    QCOMPARE(reportRunCount(db, "orders_csv"), std::int64_t(1));
    QCOMPARE(reportRunCount(db, "other"), std::int64_t(0));
    const auto files = filesIn(ws.file("out"));
    QCOMPARE(files.size(), std::size_t(1));
    QCOMPARE(readAll(ws.file("out/" + files[0])),
             std::string("id,amount\r\n1,5\r\n2,7\r\n"));  // RFC 4180, as Export writes
    // Nothing new: the source is idle, the report does not run again.
    auto again = test::runDeskbase({"run", "orders", "--workspace", ws.path()});
    QVERIFY2(again.exitCode == 0, again.err.c_str());
    QCOMPARE(reportRunCount(db, "orders_csv"), std::int64_t(1));
    // A new file: it runs, and --report json lists it.
    writeFile(ws.file("in/b.csv"), "id,amount\n3,9\n");
    auto json = test::runDeskbase({"run", "orders", "--workspace", ws.path(), "--report", "json"});
    QVERIFY2(json.exitCode == 0, json.err.c_str());
    const auto j = nlohmann::json::parse(json.out);
    QCOMPARE(j["reports"].size(), std::size_t(1));
    QCOMPARE(j["reports"][0]["name"].get<std::string>(), std::string("orders_csv"));
    QCOMPARE(j["reports"][0]["status"].get<std::string>(), std::string("success"));
    QCOMPARE(j["reports"][0]["rows"].get<int>(), 3);
    QCOMPARE(reportRunCount(db, "orders_csv"), std::int64_t(2));
}

// A report "after" a source that does not exist would never run: `deskbase run` (all sources)
// says so in one line and exits 1; the sources still run.
void RunCliTest::reportAfterAMissingSourceIsOneLine() {
    test::TempWorkspace ws;
    writeFile(ws.file("sources/orders.json"), R"({"path": "in/", "table": "orders"})");
    writeFile(ws.file("questions/order_list.json"),
              R"({"name": "Order list", "sql": "select id from orders"})");
    writeFile(ws.file("reports/typo.json"),
              R"({"question": "order_list", "format": "csv", "after": ["ordrs"]})");
    writeFile(ws.file("in/a.csv"), "id\n1\n");
    auto r = test::runDeskbase({"run", "--workspace", ws.path()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.find("reports/typo.json: \"after\": no source named ordrs (sources/ordrs.json)\n") !=
                 std::string::npos,
             r.err.c_str());
    QVERIFY2(r.err.find("orders: 1 file loaded (1 row)") != std::string::npos, r.err.c_str());
    QVERIFY2(r.err.find("1 report failed") != std::string::npos, r.err.c_str());
    QCOMPARE(test::scalarInt(ws.file("warehouse.db"), "SELECT COUNT(*) FROM orders"), std::int64_t(1));
}

// `deskbase run --due` runs a report whose schedule is due (never ran: at once), once; again
// right away: not; its last run weeks ago (ticks missed): once, not once per missed tick.
void RunCliTest::dueRunsScheduledReportsOnce() {
    test::TempWorkspace ws;
    const std::string db = ws.file("warehouse.db");
    writeFile(ws.file("questions/numbers.json"),
              R"({"name": "Numbers", "sql": "select 1 as n union select 2"})");
    writeFile(ws.file("reports/weekly.json"),
              R"({"question": "numbers", "format": "csv", "out": "out", "schedule": "weekly mon 08:00"})");
    writeFile(ws.file("reports/by_hand.json"), R"({"question": "numbers", "format": "csv", "out": "out"})");
    auto r = test::runDeskbase({"run", "--due", "--workspace", ws.path()});
    QVERIFY2(r.exitCode == 0, r.err.c_str());
    QCOMPARE(reportRunCount(db, "weekly"), std::int64_t(1));
    QCOMPARE(reportRunCount(db, "by_hand"), std::int64_t(0));
    QCOMPARE(filesIn(ws.file("out")).size(), std::size_t(1));
    QCOMPARE(test::runDeskbase({"run", "--due", "--workspace", ws.path()}).exitCode, 0);
    QCOMPARE(reportRunCount(db, "weekly"), std::int64_t(1));
    {
        auto w = Warehouse::open(db);
        QVERIFY(w);
        QVERIFY((*w)->execute(
            "UPDATE deskbase_runs SET started_at = '2026-01-05 08:00:00' WHERE name = 'weekly'"));
    }
    QCOMPARE(test::runDeskbase({"run", "--due", "--workspace", ws.path()}).exitCode, 0);
    QCOMPARE(reportRunCount(db, "weekly"), std::int64_t(2));
    QCOMPARE(test::runDeskbase({"run", "--due", "--workspace", ws.path()}).exitCode, 0);
    QCOMPARE(reportRunCount(db, "weekly"), std::int64_t(2));
}

// A dashboard report needs the widgets: `deskbase run --due` draws it offscreen, with no display.
void RunCliTest::dueDrawsAScheduledDashboardPdf() {
    test::TempWorkspace ws;
    dashboard::DemoSizes sizes;
    sizes.customers = 100;
    sizes.orders = 600;
    auto s = dashboard::ensureDemoWorkspace(ws.path(), sizes);
    QVERIFY2(s.isOk(), s.message().c_str());
    QVERIFY(test::usePrivateRuntimeDir(ws));
    writeFile(ws.file("reports/weekly_sales.json"),
              R"({"dashboard": "sales_overview", "format": "pdf", "schedule": "weekly mon 08:00"})");
    auto r = test::runDeskbase({"run", "--due", "--workspace", ws.path()}, 240000);
    QVERIFY2(r.exitCode == 0, r.err.c_str());
    const auto files = filesIn(ws.file("reports-out"));
    QCOMPARE(files.size(), std::size_t(1));
    const std::string pdf = readAll(ws.file("reports-out/" + files[0]));
    QVERIFY(pdf.rfind("%PDF-", 0) == 0);
    QVERIFY2(pdf.size() > 20000, std::to_string(pdf.size()).c_str());  // the drawn cards
    QCOMPARE(reportRunCount(ws.file("warehouse.db"), "weekly_sales"), std::int64_t(1));
}

void RunCliTest::badReportScheduleIsOneLine() {
    test::TempWorkspace ws;
    writeFile(ws.file("questions/numbers.json"), R"({"name": "Numbers", "sql": "select 1 as n"})");
    writeFile(ws.file("reports/bad.json"),
              R"({"question": "numbers", "format": "csv", "schedule": "0 25 * * *"})");
    writeFile(ws.file("reports/good.json"),
              R"({"question": "numbers", "format": "csv", "schedule": "hourly"})");
    auto r = test::runDeskbase({"run", "--due", "--workspace", ws.path()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.find("reports/bad.json: \"schedule\": cron field 2 (hour): 25 is out of range 0-23\n") !=
                 std::string::npos,
             r.err.c_str());
    QVERIFY2(r.err.find("deskbase run: 1 report failed") != std::string::npos, r.err.c_str());
    QCOMPARE(reportRunCount(ws.file("warehouse.db"), "good"), std::int64_t(1));  // the rest ran
}

// The warehouse file locked by another program: the run fails (after SQLite's busy wait), says it
// will try again, and the next attempt, once the lock is gone, loads the file. The run history
// has the attempt's number. A permanent failure (an empty file) is not retried.
void RunCliTest::lockedWarehouseIsRetried() {
    test::TempWorkspace ws;
    const std::string db = ws.file("warehouse.db");
    writeFile(ws.file("sources/orders.json"),
              R"({"path": "in/", "table": "orders", "retries": 3, "retry_delay_seconds": 0.2})");
    writeFile(ws.file("in/a.csv"), "id,amount\n1,5\n2,7\n");
    auto lock = test::lockedSqliteFile(db);
    QVERIFY(lock);
    Running run({"run", "orders", "--workspace", ws.path()});
    QVERIFY2(run.waitForErr("database is locked; again in 0.2 s (attempt 2 of 4)"), run.err.c_str());
    QVERIFY(lock->execute("COMMIT"));
    lock.reset();
    QCOMPARE(run.finish(), 0);
    QVERIFY2(run.err.find("orders: 1 file loaded (2 rows)") != std::string::npos, run.err.c_str());
    QCOMPARE(test::scalarInt(db, "SELECT COUNT(*) FROM orders"), std::int64_t(2));
    auto w = Warehouse::open(db);
    QVERIFY(w);
    auto last = lastRunOf(**w, "source", "orders");
    QVERIFY(last && *last);
    QCOMPARE((*last)->status, std::string("success"));
    QVERIFY2((*last)->attempt >= 2, std::to_string((*last)->attempt).c_str());

    writeFile(ws.file("in/bad.csv"), std::string("a\n\0\n", 4));  // a permanent failure (binary)
    auto permanent = test::runDeskbase({"run", "orders", "--workspace", ws.path()});
    QCOMPARE(permanent.exitCode, 1);
    QVERIFY2(permanent.err.find("again in") == std::string::npos, permanent.err.c_str());
    auto failed = lastRunOf(**w, "source", "orders");
    QCOMPARE((*failed)->attempt, 1);
}

// The PostgreSQL server away at run time: retried, and loaded once it is back.
void RunCliTest::stoppedServerIsRetried() {
    auto server = test::PgServer::start();
    QVERIFY2(server, server.status().message().c_str());
    const std::string target = (*server)->uri("postgres");
    test::TempWorkspace ws;
    writeFile(ws.file("sources/orders.json"),
              R"({"path": "in/", "table": "orders", "retries": 5, "retry_delay_seconds": 0.5})");
    writeFile(ws.file("in/a.csv"), "id,amount\n1,5\n2,7\n3,1\n");
    QVERIFY((*server)->stop());
    Running run({"run", "orders", "--workspace", ws.path(), "--db", target});
    QVERIFY2(run.waitForErr("; again in 0.5 s (attempt 2 of 6)"), run.err.c_str());
    QVERIFY((*server)->restart());
    QCOMPARE(run.finish(), 0);
    QCOMPARE(test::scalarInt(target, "SELECT COUNT(*) FROM orders"), std::int64_t(3));
    auto w = Warehouse::open(target);
    QVERIFY(w);
    auto last = lastRunOf(**w, "source", "orders");
    QVERIFY(last && *last);
    QCOMPARE((*last)->status, std::string("success"));
    QVERIFY2((*last)->attempt >= 2, std::to_string((*last)->attempt).c_str());
}

QTEST_GUILESS_MAIN(RunCliTest)
#include "run_cli_test.moc"
