// deskbase watch as a user (or systemd) runs it: a subprocess on a real workspace. A file dropped
// into a watched folder ends up in its table with its checks run and the models downstream
// rebuilt (SQLite and PostgreSQL); a file written slowly in chunks is imported once, whole; the
// same file dropped twice loads once; a broken source file and a missing folder are one
// run-history line each and the watcher keeps going; SIGTERM and SIGINT stop it cleanly.
// Outcomes are waited for in the run log (generous deadlines), never assumed after a sleep.
#include <fcntl.h>
#include <sys/stat.h>

#include <QtTest>
#include <csignal>

#include "core/pipeline/run_log.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/pg_server.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/test_paths.h"
#include "tests/support/warehouse_probe.h"

using namespace deskbase;

namespace {

constexpr int kDeadlineMs = 60000;

void writeFile(const std::string& path, const std::string& text) {
    QVERIFY(QDir().mkpath(QFileInfo(QString::fromStdString(path)).absolutePath()));
    QFile f(QString::fromStdString(path));
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(text.data(), qint64(text.size())), qint64(text.size()));
}

// The finished runs of `kind` named `name` (run log), oldest first.
std::vector<RunRecord> runsOf(const std::string& target, const std::string& kind, const std::string& name) {
    std::vector<RunRecord> out;
    auto w = Warehouse::open(target);
    if (!w) return out;
    auto runs = recentRuns(**w, 1000);
    if (!runs) return out;
    for (auto it = runs->rbegin(); it != runs->rend(); ++it)
        if (it->kind == kind && it->name == name && it->status != "running") out.push_back(*it);
    return out;
}

std::vector<RunRecord> sourceRuns(const std::string& target, const std::string& name) {
    return runsOf(target, "source", name);
}

// Waits until `name` has at least `n` finished runs of `kind`; returns them.
std::vector<RunRecord> waitForRuns(const std::string& target, const std::string& name, std::size_t n,
                                   const std::string& kind = "source") {
    QElapsedTimer t;
    t.start();
    for (;;) {
        auto runs = runsOf(target, kind, name);
        if (runs.size() >= n || t.elapsed() > kDeadlineMs) return runs;
        QTest::qWait(100);
    }
}

std::string readAll(const std::string& path) {
    QFile f(QString::fromStdString(path));
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString()
                                       : std::string("(cannot read ") + path + ")";
}

class Watcher {
public:
    Watcher(const std::string& workspace, const std::vector<std::string>& extra = {}) {
        QStringList args = {QStringLiteral("watch"), QStringLiteral("--workspace"),
                            QString::fromStdString(workspace), QStringLiteral("--poll"),
                            QStringLiteral("0.2")};
        for (const auto& a : extra) args << QString::fromStdString(a);
        p.start(QString::fromStdString(test::deskbaseBinary()), args);
    }
    ~Watcher() {
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished();
        }
    }
    // Sends the signal and waits for a clean exit; returns stderr.
    std::string stop(int signal = SIGTERM) {
        ::kill(pid_t(p.processId()), signal);
        if (!p.waitForFinished(kDeadlineMs)) return "did not stop";
        exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        return p.readAllStandardError().toStdString();
    }
    QProcess p;
    int exitCode = -1;
};

}  // namespace

class WatchCliTest : public QObject {
    Q_OBJECT
private:
    void droppedFileLands(const std::string& postgres);
private slots:
    void droppedFileLandsWithChecksAndModels();
    void droppedFileLandsInPostgres();
    void slowlyWrittenFileIsImportedOnceWhole();
    void sameFileDroppedTwiceLoadsOnce();
    void brokenSourcesAreOneLineEachAndTheWatcherKeepsGoing();
    void sigintStopsToo();
    void printsASystemdUnit();
    void reportFollowsAWatchedSource();
    void reportFollowsAWatchedSourceInPostgres();
    void scheduledReportCatchesUpOnce();

private:
    void reportFollows(const std::string& postgres);
};

// A PostgreSQL target, or empty: the workspace's own warehouse.db.
void WatchCliTest::droppedFileLands(const std::string& postgres) {
    test::TempWorkspace ws;
    writeFile(ws.file("sources/orders.json"),
              R"({"path": "inbox/", "table": "orders", "watch": true, "stable_seconds": 0.3})");
    writeFile(ws.file("checks/orders.json"), R"({"checks": [{"check": "unique", "column": "id"}]})");
    writeFile(ws.file("models/order_count.sql"), "select count(*) as n from {{ source('shop', 'orders') }}");
    QVERIFY(QDir().mkpath(QString::fromStdString(ws.file("inbox"))));
    const std::string target = postgres.empty() ? ws.file("warehouse.db") : postgres;
    Watcher watcher(ws.path(), postgres.empty() ? std::vector<std::string>{}
                                                : std::vector<std::string>{"--db", postgres});
    QVERIFY(watcher.p.waitForStarted());
    writeFile(ws.file("inbox/tuesday.csv"), "id,amount\n1,5\n2,7\n2,9\n");
    auto runs = waitForRuns(target, "orders", 1);
    QCOMPARE(runs.size(), std::size_t(1));
    // The error-severity check failed: the run is an error, the import is kept (on_failure: warn).
    QCOMPARE(runs[0].status, std::string("error"));
    QCOMPARE(runs[0].error, std::string("1 check failed (orders: unique(id))"));
    QCOMPARE(test::scalarInt(target, "SELECT COUNT(*) FROM orders"), std::int64_t(3));
    QCOMPARE(test::scalarInt(target, "SELECT n FROM order_count"), std::int64_t(3));
    auto w = Warehouse::open(target);
    QVERIFY(w);
    auto checks = lastCheckResults(**w, "orders");
    QVERIFY(checks);
    QCOMPARE(checks->size(), std::size_t(1));
    QVERIFY(checks->front().status == CheckStatus::Fail);  // 2 appears twice; the import is not refused
    auto steps = runSteps(**w, runs[0].id);
    QCOMPARE(steps->size(), std::size_t(3));
    QCOMPARE((*steps)[0].name, std::string("inbox/tuesday.csv"));
    QCOMPARE((*steps)[1].kind + " " + (*steps)[1].status, std::string("checks fail"));
    QCOMPARE((*steps)[2].kind + " " + (*steps)[2].name + " " + (*steps)[2].status,
             std::string("build order_count success"));
    const std::string err = watcher.stop();
    QCOMPARE(watcher.exitCode, 0);
    QVERIFY2(
        err.find("orders: 1 file loaded (3 rows); built order_count: 1 check failed (orders: unique(id))") !=
            std::string::npos,
        err.c_str());
    QVERIFY2(err.find("deskbase watch: stopped") != std::string::npos, err.c_str());
}

void WatchCliTest::droppedFileLandsWithChecksAndModels() {
    droppedFileLands({});
}

void WatchCliTest::droppedFileLandsInPostgres() {
    auto server = test::PgServer::start();
    QVERIFY2(server, server.status().message().c_str());
    const std::string target = (*server)->uri("postgres");
    droppedFileLands(target);
}

void WatchCliTest::slowlyWrittenFileIsImportedOnceWhole() {
    test::TempWorkspace ws;
    writeFile(ws.file("sources/events.json"),
              R"({"path": "drop/*.csv", "table": "events", "watch": true, "stable_seconds": 2})");
    QVERIFY(QDir().mkpath(QString::fromStdString(ws.file("drop"))));
    const std::string target = ws.file("warehouse.db");
    Watcher watcher(ws.path());
    QVERIFY(watcher.p.waitForStarted());
    // 10 chunks of 100 rows, 200 ms apart: the file keeps changing for about 2 s.
    QFile f(QString::fromStdString(ws.file("drop/events.csv")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("id,kind\n");
    int id = 0;
    for (int chunk = 0; chunk < 10; ++chunk) {
        std::string rows;
        for (int i = 0; i < 100; ++i) rows += std::to_string(++id) + ",click\n";
        f.write(rows.data(), qint64(rows.size()));
        f.flush();
        QTest::qWait(200);  // a slow copy (this is the input, not the proof)
    }
    f.close();
    auto runs = waitForRuns(target, "events", 1);
    QCOMPARE(runs.size(), std::size_t(1));
    QCOMPARE(test::scalarInt(target, "SELECT COUNT(*) FROM events"), std::int64_t(1000));
    QCOMPARE(test::scalarInt(target, "SELECT COUNT(*) FROM deskbase_ingestions"), std::int64_t(1));
    auto w = Warehouse::open(target);
    auto steps = runSteps(**w, runs[0].id);
    QCOMPARE(steps->size(), std::size_t(1));
    QCOMPARE(steps->front().rows, std::optional<std::int64_t>(1000));
    watcher.stop();
    QCOMPARE(watcher.exitCode, 0);
}

void WatchCliTest::sameFileDroppedTwiceLoadsOnce() {
    test::TempWorkspace ws;
    writeFile(
        ws.file("sources/orders.json"),
        R"({"path": "inbox/", "table": "orders", "watch": true, "stable_seconds": 0.3, "move_processed": true})");
    QVERIFY(QDir().mkpath(QString::fromStdString(ws.file("inbox"))));
    const std::string target = ws.file("warehouse.db");
    Watcher watcher(ws.path());
    QVERIFY(watcher.p.waitForStarted());
    const std::string csv = "id,amount\n1,5\n2,7\n";
    writeFile(ws.file("inbox/a.csv"), csv);
    QCOMPARE(waitForRuns(target, "orders", 1).size(), std::size_t(1));
    QVERIFY(QFileInfo::exists(QString::fromStdString(ws.file("inbox/processed/a.csv"))));
    writeFile(ws.file("inbox/a.csv"), csv);  // dropped again
    auto runs = waitForRuns(target, "orders", 2);
    QCOMPARE(runs.size(), std::size_t(2));
    QCOMPARE(test::scalarInt(target, "SELECT COUNT(*) FROM orders"), std::int64_t(2));
    auto w = Warehouse::open(target);
    auto steps = runSteps(**w, runs[1].id);
    QCOMPARE(steps->front().status, std::string("skipped"));
    QCOMPARE(steps->front().error, std::string("its content was already loaded into orders"));
    QVERIFY(QFileInfo::exists(QString::fromStdString(ws.file("inbox/processed/a-2.csv"))));
    watcher.stop();
}

void WatchCliTest::brokenSourcesAreOneLineEachAndTheWatcherKeepsGoing() {
    test::TempWorkspace ws;
    writeFile(ws.file("sources/bad.json"),
              R"({"path": "x/", "watch": true, "schedule": "every day at noon"})");
    writeFile(ws.file("sources/lost.json"), R"({"path": "nowhere/", "watch": true})");
    writeFile(ws.file("sources/good.json"), R"({"path": "inbox/", "watch": true, "stable_seconds": 0.3})");
    QVERIFY(QDir().mkpath(QString::fromStdString(ws.file("inbox"))));
    const std::string target = ws.file("warehouse.db");
    Watcher watcher(ws.path());
    QVERIFY(watcher.p.waitForStarted());
    auto bad = waitForRuns(target, "bad", 1);
    QCOMPARE(bad.size(), std::size_t(1));
    QCOMPARE(bad[0].status, std::string("error"));
    QVERIFY2(bad[0].error.rfind("sources/bad.json: \"schedule\": ", 0) == 0, bad[0].error.c_str());
    auto lost = waitForRuns(target, "lost", 1);
    QCOMPARE(lost.size(), std::size_t(1));
    QCOMPARE(lost[0].error, std::string("nowhere/: no such folder"));
    // The good source still works; by the time it has, many polls passed: each problem is still one line.
    writeFile(ws.file("inbox/a.csv"), "id\n1\n");
    QCOMPARE(waitForRuns(target, "good", 1).size(), std::size_t(1));
    QCOMPARE(test::scalarInt(target, "SELECT COUNT(*) FROM good"), std::int64_t(1));
    QCOMPARE(sourceRuns(target, "bad").size(), std::size_t(1));
    QCOMPARE(sourceRuns(target, "lost").size(), std::size_t(1));
    const std::string err = watcher.stop();
    QCOMPARE(watcher.exitCode, 0);
    QVERIFY2(err.find("sources/bad.json: \"schedule\"") != std::string::npos, err.c_str());
}

void WatchCliTest::sigintStopsToo() {
    test::TempWorkspace ws;
    Watcher watcher(ws.path());
    QVERIFY(watcher.p.waitForStarted());
    watcher.p.setReadChannel(QProcess::StandardError);
    QVERIFY(watcher.p.waitForReadyRead(kDeadlineMs));  // "deskbase watch: watching ..." once it is up
    const std::string err = watcher.stop(SIGINT);
    QCOMPARE(watcher.exitCode, 0);
    QVERIFY2(err.find("deskbase watch: stopped") != std::string::npos, err.c_str());
}

void WatchCliTest::printsASystemdUnit() {
    test::TempWorkspace ws;
    auto r = test::runDeskbase({"watch", "--workspace", ws.path(), "--print-systemd-unit"});
    QCOMPARE(r.exitCode, 0);
    const std::string dir = QDir(QString::fromStdString(ws.path())).absolutePath().toStdString();
    const std::string exec = QFileInfo(QString::fromStdString(test::deskbaseBinary())).absoluteFilePath().toStdString();
    QVERIFY2(r.out.find("ExecStart=" + exec + " watch --workspace " + dir + "\n") != std::string::npos,
             r.out.c_str());
    QVERIFY(r.out.find("[Install]\nWantedBy=default.target\n") != std::string::npos);
    QVERIFY(r.out.find("Restart=on-failure") != std::string::npos);
}

// A file dropped into a watched folder: loaded, then the report "after" the source writes the
// table's rows to a CSV, recorded as a "report" run. On PostgreSQL the workspace's default
// connection is the server: the source loads there, the question reads there, the history is there.
void WatchCliTest::reportFollows(const std::string& postgres) {
    test::TempWorkspace ws;
    if (!postgres.empty())
        writeFile(ws.file("deskbase.json"), R"({"connections": [{"name": "pg", "target": ")" + postgres +
                                                R"("}], "default_connection": "pg"})");
    writeFile(ws.file("sources/orders.json"),
              R"({"path": "inbox/", "table": "orders", "watch": true, "stable_seconds": 0.3})");
    writeFile(ws.file("questions/order_list.json"),
              R"({"name": "Order list", "sql": "select id, amount from orders order by id"})");
    writeFile(ws.file("reports/orders_csv.json"),
              R"({"question": "order_list", "format": "csv", "out": "out", "after": ["orders"]})");
    QVERIFY(QDir().mkpath(QString::fromStdString(ws.file("inbox"))));
    const std::string target = postgres.empty() ? ws.file("warehouse.db") : postgres;
    Watcher watcher(ws.path());
    QVERIFY(watcher.p.waitForStarted());
    writeFile(ws.file("inbox/a.csv"), "id,amount\n1,5\n2,7\n");
    auto reports = waitForRuns(target, "orders_csv", 1, "report");
    QCOMPARE(reports.size(), std::size_t(1));
    QCOMPARE(reports[0].status, std::string("success"));
    QDir out(QString::fromStdString(ws.file("out")));
    const QStringList files = out.entryList(QDir::Files);
    QCOMPARE(files.size(), 1);
    QCOMPARE(readAll(out.filePath(files[0]).toStdString()),
             std::string("id,amount\r\n1,5\r\n2,7\r\n"));  // RFC 4180, as Export writes
    const std::string err = watcher.stop();
    QCOMPARE(watcher.exitCode, 0);
    QVERIFY2(err.find("orders_csv: success, wrote out/orders_csv-") != std::string::npos, err.c_str());
}

void WatchCliTest::reportFollowsAWatchedSource() {
    reportFollows({});
}

void WatchCliTest::reportFollowsAWatchedSourceInPostgres() {
    auto server = test::PgServer::start();
    QVERIFY2(server, server.status().message().c_str());
    reportFollows((*server)->uri("postgres"));
}

// A weekly report that last ran weeks ago runs once when the watcher starts (catch-up), not once
// per missed week and not on every poll: by the time a source dropped later has run, many polls
// passed, and the report still ran once.
void WatchCliTest::scheduledReportCatchesUpOnce() {
    test::TempWorkspace ws;
    const std::string target = ws.file("warehouse.db");
    writeFile(ws.file("questions/numbers.json"), R"({"name": "Numbers", "sql": "select 1 as n"})");
    writeFile(ws.file("reports/weekly.json"),
              R"({"question": "numbers", "format": "csv", "out": "out", "schedule": "weekly mon 08:00"})");
    writeFile(ws.file("sources/later.json"), R"({"path": "inbox/", "watch": true, "stable_seconds": 0.3})");
    QVERIFY(QDir().mkpath(QString::fromStdString(ws.file("inbox"))));
    {
        auto w = Warehouse::open(target);
        QVERIFY(w);
        auto run = startRun(**w, "report", "weekly");
        QVERIFY(run);
        QVERIFY(finishRun(**w, *run, "success"));
        QVERIFY((*w)->execute("UPDATE deskbase_runs SET started_at = '2026-01-05 08:00:00'"));
    }
    Watcher watcher(ws.path());
    QVERIFY(watcher.p.waitForStarted());
    QCOMPARE(waitForRuns(target, "weekly", 2, "report").size(), std::size_t(2));
    writeFile(ws.file("inbox/a.csv"), "id\n1\n");
    QCOMPARE(waitForRuns(target, "later", 1).size(), std::size_t(1));
    QCOMPARE(runsOf(target, "report", "weekly").size(), std::size_t(2));
    QCOMPARE(QDir(QString::fromStdString(ws.file("out"))).entryList(QDir::Files).size(), 1);
    watcher.stop();
    QCOMPARE(watcher.exitCode, 0);
}

QTEST_GUILESS_MAIN(WatchCliTest)
#include "watch_cli_test.moc"
