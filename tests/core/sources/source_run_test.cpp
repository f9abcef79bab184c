// A source run on real files and folders, on SQLite and on PostgreSQL
// (DESKBASE_CONFORMANCE_BACKEND): a file dropped in a folder lands in its table with its checks
// run and the models downstream rebuilt, all in the run log; the same content loads once; a
// unique key updates rows; a replace source does not reload a file touched with the same content;
// a failed file is recorded and not retried until it changes; a file
// still changing waits; a missing folder is one run-history line; two runners never share a
// source, and a killed runner's lock is taken over.
#include "core/sources/source_run.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QLockFile>
#include <QtTest>

#include "core/pipeline/run_log.h"
#include "core/runtime/runtime.h"
#include "core/sources/source_report.h"
#include "tests/core/warehouse/conformance/backend_fixture.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/unprivileged.h"
#include "tests/support/warehouse_probe.h"

using namespace deskbase;

namespace {

// Sets a file's modification time `secondsAgo` before now.
void age(const std::string& path, int secondsAgo) {
    struct timespec times[2];
    clock_gettime(CLOCK_REALTIME, &times[0]);
    times[0].tv_sec -= secondsAgo;
    times[1] = times[0];
    if (utimensat(AT_FDCWD, path.c_str(), times, 0) != 0) qFatal("cannot set the time of %s", path.c_str());
}

}  // namespace

class SourceRunTest : public QObject {
    Q_OBJECT
private:
    test::BackendFixture backend_;
    std::unique_ptr<Warehouse> w_;
    std::unique_ptr<test::TempWorkspace> ws_;
    std::unique_ptr<Runtime> runtime_;

    void write(const std::string& name, const std::string& text, int secondsAgo = 60) {
        QVERIFY(QDir().mkpath(QFileInfo(QString::fromStdString(ws_->file(name))).absolutePath()));
        ws_->write(name, text);
        age(ws_->file(name), secondsAgo);
    }
    SourceSpec spec(const std::string& json) {
        auto s = sourceSpecFromText(json, "sources/orders.json");
        if (!s) qFatal("%s", s.status().message().c_str());
        return *s;
    }
    SourceRunReport run(const SourceSpec& s, FileStability* stability = nullptr,
                        std::optional<WallTime> now = {}) {
        SourceRunOptions o;
        o.workspaceDir = ws_->path();
        o.target = backend_.target();
        o.stability = stability;
        if (now) o.now = [t = *now] { return t; };
        return runSource(*runtime_, s, o);
    }
    std::int64_t count(const std::string& sql) { return test::scalarInt(*w_, sql); }

private slots:
    void initTestCase();
    void init();
    void droppedFileLandsWithChecksAndModelsDownstream();
    void sameContentLoadsOnce();
    void uniqueKeyUpdatesRows();
    void replaceSkipsAFileTouchedWithTheSameContent();
    void failedFileIsNotRetriedUntilItChanges();
    void unreadableFileIsOneLineAndTheOthersLoad();
    void fileStillChangingWaits();
    void missingFolderIsOneRunHistoryLine();
    void secondRunnerIsKeptOffAndAKilledRunnersLockIsTakenOver();
};

void SourceRunTest::initTestCase() {
    auto s = backend_.setUp();
    QVERIFY2(s, s.message().c_str());
}
void SourceRunTest::init() {
    runtime_.reset();
    w_.reset();
    auto w = backend_.freshWarehouse();
    QVERIFY2(w, w.status().message().c_str());
    w_ = std::move(*w);
    ws_ = std::make_unique<test::TempWorkspace>();
    runtime_ = std::make_unique<Runtime>();
}

void SourceRunTest::droppedFileLandsWithChecksAndModelsDownstream() {
    write("checks/orders.json", R"({"checks": [{"check": "not_null", "column": "id"}]})");
    write("models/order_totals.sql",
          "select count(*) as orders, max(amount) as amount "
          "from {{ source('shop', 'orders') }}");
    write("models/big_totals.sql", "select * from {{ ref('order_totals') }} where amount > 10");
    write("models/unrelated.sql", "select 1 as one");
    write("inbox/monday.csv", "id,amount\n1,5\n2,7\n3,11\n");
    const auto s = spec(R"({"path": "inbox/", "table": "orders", "watch": true})");
    auto r = run(s);
    QCOMPARE(r.status, std::string("success"));
    QCOMPARE(r.files.size(), std::size_t(1));
    QCOMPARE(r.files[0].path, std::string("inbox/monday.csv"));
    QCOMPARE(r.files[0].status, std::string("loaded"));
    QCOMPARE(r.files[0].rows, std::int64_t(3));
    QCOMPARE(count("SELECT COUNT(*) FROM orders"), std::int64_t(3));
    QCOMPARE(r.checks.size(), std::size_t(1));
    QVERIFY(r.checks[0].status == CheckStatus::Pass);
    // order_totals (reads the table) and big_totals (downstream of it); not the unrelated model.
    QVERIFY(r.build);
    QCOMPARE(r.build->models.size(), std::size_t(2));
    QCOMPARE(count("SELECT orders FROM order_totals"), std::int64_t(3));
    QCOMPARE(count("SELECT amount FROM big_totals"), std::int64_t(11));
    QVERIFY(!*w_->tableExists("unrelated"));

    auto runs = recentRuns(*w_);
    QVERIFY(runs);
    auto source =
        std::find_if(runs->begin(), runs->end(), [](const RunRecord& x) { return x.kind == "source"; });
    QVERIFY(source != runs->end());
    QCOMPARE(source->id, r.runId);
    QCOMPARE(source->name, std::string("orders"));
    QCOMPARE(source->status, std::string("success"));
    auto steps = runSteps(*w_, r.runId);
    QVERIFY(steps);
    QCOMPARE(steps->size(), std::size_t(3));
    QCOMPARE((*steps)[0].kind + " " + (*steps)[0].name + " " + (*steps)[0].status,
             std::string("import inbox/monday.csv success"));
    QCOMPARE((*steps)[0].rows, std::optional<std::int64_t>(3));
    QCOMPARE((*steps)[1].kind + " " + (*steps)[1].status, std::string("checks pass"));
    QCOMPARE((*steps)[2].kind + " " + (*steps)[2].name, std::string("build order_totals, big_totals"));
    QCOMPARE(lastCheckResults(*w_, "orders")->size(), std::size_t(1));
}

void SourceRunTest::sameContentLoadsOnce() {
    write("inbox/a.csv", "id,amount\n1,5\n2,7\n");
    const auto s = spec(R"({"path": "inbox/*.csv", "table": "orders"})");
    QCOMPARE(run(s).loaded(), 1);
    auto again = run(s);  // the same file, unchanged: not even looked at
    QCOMPARE(again.files.size(), std::size_t(0));
    QCOMPARE(again.status, std::string("idle"));
    write("inbox/b.csv", "id,amount\n1,5\n2,7\n");  // the same content under another name
    auto copy = run(s);
    QCOMPARE(copy.files.size(), std::size_t(1));
    QCOMPARE(copy.files[0].status, std::string("duplicate"));
    QCOMPARE(copy.status, std::string("success"));
    QCOMPARE(count("SELECT COUNT(*) FROM orders"), std::int64_t(2));
    // Across restarts: a new runtime and a fresh look at the folder load nothing more.
    runtime_ = std::make_unique<Runtime>();
    QCOMPARE(run(s).loaded(), 0);
    QCOMPARE(count("SELECT COUNT(*) FROM orders"), std::int64_t(2));
}

void SourceRunTest::uniqueKeyUpdatesRows() {
    const auto s = spec(R"({"path": "inbox/", "table": "customers", "unique_key": "id"})");
    write("inbox/1.csv", "id,name,city\n1,Ann,Oslo\n2,Bob,Rome\n", 120);
    QCOMPARE(run(s).loaded(), 1);
    // Bob moves (twice in one file: the last row wins), Cid is new.
    write("inbox/2.csv", "id,name,city\n2,Bob,Paris\n3,Cid,Lima\n2,Bob,Kyiv\n", 60);
    auto r = run(s);
    QCOMPARE(r.loaded(), 1);
    QCOMPARE(r.files[0].updated, std::int64_t(1));
    QCOMPARE(count("SELECT COUNT(*) FROM customers"), std::int64_t(3));
    QCOMPARE(test::scalarText(*w_, "SELECT city FROM customers WHERE id = 2"), std::string("Kyiv"));
    QCOMPARE(test::scalarText(*w_, "SELECT city FROM customers WHERE id = 1"), std::string("Oslo"));
    // A row without a key fails the file, and nothing of it is merged.
    write("inbox/3.csv", "id,name,city\n4,Dan,Bern\n,Eve,Riga\n", 30);
    auto bad = run(s);
    QCOMPARE(bad.files[0].status, std::string("failed"));
    QVERIFY2(bad.files[0].error.find("1 row has no value in the unique key (id)") != std::string::npos,
             bad.files[0].error.c_str());
    QCOMPARE(count("SELECT COUNT(*) FROM customers"), std::int64_t(3));
}

// A replace source's file copied again (a new modification time, the same bytes) is not
// reloaded: the table holds its content already, and the run history says "unchanged". New bytes
// reload it.
void SourceRunTest::replaceSkipsAFileTouchedWithTheSameContent() {
    const std::string first = "id,amount\n1,5\n2,7\n";
    write("exports/sales.csv", first, 120);
    const auto s = spec(R"({"path": "exports/sales.csv", "table": "sales", "mode": "replace"})");
    QCOMPARE(run(s).loaded(), 1);
    const auto loads = [&] {
        return count("SELECT COUNT(*) FROM deskbase_ingestions WHERE table_name = 'sales'");
    };
    QCOMPARE(loads(), std::int64_t(1));

    write("exports/sales.csv", first, 60);  // written again: same size, another time
    auto touched = run(s);
    QCOMPARE(touched.status, std::string("success"));
    QCOMPARE(touched.files.size(), std::size_t(1));
    QCOMPARE(touched.files[0].status, std::string("unchanged"));
    QCOMPARE(touched.loaded(), 0);
    QCOMPARE(loads(), std::int64_t(1));  // nothing reloaded
    QCOMPARE(sourceRunLine(touched), std::string("orders: 1 unchanged"));
    auto steps = runSteps(*w_, touched.runId);
    QVERIFY(steps);
    QCOMPARE(steps->size(), std::size_t(1));
    QCOMPARE((*steps)[0].kind + " " + (*steps)[0].status, std::string("import skipped"));
    QVERIFY2((*steps)[0].error.rfind("unchanged", 0) == 0, (*steps)[0].error.c_str());
    QCOMPARE(run(s).files.size(), std::size_t(0));  // and not looked at again

    write("exports/sales.csv", "id,amount\n1,5\n2,8\n", 30);  // the same size, new bytes
    auto changed = run(s);
    QCOMPARE(changed.loaded(), 1);
    QCOMPARE(loads(), std::int64_t(2));
    QCOMPARE(count("SELECT MAX(amount) FROM sales"), std::int64_t(8));  // the new bytes
}

void SourceRunTest::failedFileIsNotRetriedUntilItChanges() {
    write("inbox/a.csv", "id,amount\n1,5\n", 120);
    const auto s = spec(R"({"path": "inbox/", "table": "orders", "move_failed": true})");
    QCOMPARE(run(s).loaded(), 1);
    write("inbox/b.csv", "id,total\n2,7\n", 60);  // another column: cannot append
    auto r = run(s);
    QCOMPARE(r.status, std::string("error"));
    QCOMPARE(r.files[0].status, std::string("failed"));
    QCOMPARE(r.files[0].movedTo, std::string("inbox/failed/b.csv"));
    QVERIFY2(r.error.rfind("inbox/b.csv: cannot append to orders: columns differ", 0) == 0, r.error.c_str());
    QVERIFY(r.error.find('\n') == std::string::npos);
    auto steps = runSteps(*w_, r.runId);
    QCOMPARE(steps->front().status, std::string("error"));
    QCOMPARE(steps->front().error, r.error);

    // Without moving: a failed file stays, and is not tried again until it changes.
    const auto stay = spec(R"({"path": "inbox2/", "table": "orders"})");
    write("inbox2/c.csv", "id,total\n3,7\n", 60);
    QCOMPARE(run(stay).files[0].status, std::string("failed"));
    auto again = run(stay);
    QCOMPARE(again.files.size(), std::size_t(0));
    write("inbox2/c.csv", "id,amount\n3,7\n", 30);  // fixed
    auto fixed = run(stay);
    QCOMPARE(fixed.loaded(), 1);
    QCOMPARE(count("SELECT COUNT(*) FROM orders"), std::int64_t(2));
}

// Root reads every file: under root (CI) the test runs again as nobody. The permission is the
// file system's business, not the warehouse's, so that run uses SQLite whatever this one uses.
void SourceRunTest::unreadableFileIsOneLineAndTheOthersLoad() {
    if (test::isPrivileged()) {
        const QByteArray backend = qgetenv("DESKBASE_CONFORMANCE_BACKEND");
        qputenv("DESKBASE_CONFORMANCE_BACKEND", "sqlite");
        const auto child = test::rerunAsNobody("SourceRunTest");
        qputenv("DESKBASE_CONFORMANCE_BACKEND", backend);
        QVERIFY2(child.passed, qPrintable(child.output));
        return;
    }
    write("inbox/a.csv", "id,amount\n1,5\n", 120);
    write("inbox/b.csv", "id,amount\n2,5\n", 60);
    QVERIFY(::chmod(ws_->file("inbox/a.csv").c_str(), 0) == 0);
    auto r = run(spec(R"({"path": "inbox/", "table": "orders"})"));
    QCOMPARE(r.files.size(), std::size_t(2));
    QCOMPARE(r.files[0].status, std::string("failed"));
    QCOMPARE(r.files[1].status, std::string("loaded"));
    QVERIFY(r.error.rfind("inbox/a.csv", 0) == 0);
}

void SourceRunTest::fileStillChangingWaits() {
    // Written 1 s ago, a 5 s wait: not taken; the tracker sees it grow; taken 5 s after it stopped.
    write("inbox/a.csv", "id,amount\n1,5\n", 1);
    const auto s = spec(R"({"path": "inbox/", "table": "orders", "stable_seconds": 5})");
    FileStability stability;
    const auto t0 = std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    auto first = run(s, &stability, t0);
    QCOMPARE(first.files.size(), std::size_t(1));
    QCOMPARE(first.files[0].status, std::string("waiting"));
    QVERIFY(!*w_->tableExists("orders"));
    write("inbox/a.csv", "id,amount\n1,5\n2,6\n", 0);  // the copy goes on
    QCOMPARE(run(s, &stability, t0 + std::chrono::seconds(6)).files[0].status, std::string("waiting"));
    auto done = run(s, &stability, t0 + std::chrono::seconds(12));
    QCOMPARE(done.loaded(), 1);
    QCOMPARE(count("SELECT COUNT(*) FROM orders"), std::int64_t(2));  // whole
}

void SourceRunTest::missingFolderIsOneRunHistoryLine() {
    auto r = run(spec(R"({"path": "nowhere/", "table": "orders"})"));
    QCOMPARE(r.status, std::string("error"));
    QCOMPARE(r.error, std::string("nowhere/: no such folder"));
    auto runs = recentRuns(*w_);
    QCOMPARE(runs->front().status, std::string("error"));
    QCOMPARE(runs->front().error, r.error);
    QCOMPARE(runs->front().name, std::string("orders"));
    QVERIFY(lastSourceRun(backend_.target(), "orders"));
    QVERIFY(!lastSourceRun(backend_.target(), "other"));
    QVERIFY(recordSourceProblem(backend_.target(), "broken", "sources/broken.json: \"schedule\": bad") > 0);
    QCOMPARE(recentRuns(*w_)->front().error, std::string("sources/broken.json: \"schedule\": bad"));
}

void SourceRunTest::secondRunnerIsKeptOffAndAKilledRunnersLockIsTakenOver() {
    write("inbox/a.csv", "id,amount\n1,5\n");
    runtime_.reset();  // no worker threads while forking
    const auto s = spec(R"({"path": "inbox/", "table": "orders"})");
    const QString lockPath = QString::fromStdString(ws_->file(".deskbase/locks/orders.lock"));
    QVERIFY(QDir().mkpath(QFileInfo(lockPath).absolutePath()));
    // A runner that holds the lock: another process (a child that takes it and waits).
    int ready[2];
    QVERIFY(pipe(ready) == 0);
    const pid_t child = fork();
    if (child == 0) {
        QLockFile held(lockPath);
        held.setStaleLockTime(0);
        const char ok = held.tryLock(0) ? 'y' : 'n';
        (void)!::write(ready[1], &ok, 1);
        pause();  // until killed: the lock file stays behind, as after a crash
        _exit(0);
    }
    char ok = 0;
    QVERIFY(::read(ready[0], &ok, 1) == 1);
    QCOMPARE(ok, 'y');
    runtime_ = std::make_unique<Runtime>();
    auto busy = run(s);
    runtime_.reset();
    QCOMPARE(busy.status, std::string("busy"));
    QVERIFY(!*w_->tableExists("orders"));
    ::kill(child, SIGKILL);
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QVERIFY(QFileInfo::exists(lockPath));  // left behind by the killed runner
    runtime_ = std::make_unique<Runtime>();
    auto taken = run(s);
    QCOMPARE(taken.status, std::string("success"));
    QCOMPARE(taken.loaded(), 1);
}

QTEST_GUILESS_MAIN(SourceRunTest)
#include "source_run_test.moc"
