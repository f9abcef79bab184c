// The executor: runs off the calling thread, preview limits and streaming, errors, cancellation
// of a long query, supersession by slot key, concurrent runs on separate connections, caching.
#include <QtTest>

#include <atomic>
#include <chrono>

#include "core/ingest/import_job.h"
#include "core/exec/query_executor.h"
#include "core/exec/query_watcher.h"
#include "core/cache/result_cache.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;

namespace {

// Runs for many seconds on SQLite unless interrupted.
const std::string kLongQuery =
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c";

double msSince(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

bool waitForState(const QueryHandle& h, QueryState s, int timeoutMs = 3000) {
    const auto start = std::chrono::steady_clock::now();
    while (h.state() != s) {
        if (msSince(start) > timeoutMs) return false;
        QThread::msleep(2);
    }
    return true;
}

}  // namespace

class QueryExecutorTest : public QObject {
    Q_OBJECT
private:
    test::TempWorkspace ws_;
    std::string db_;

    QueryRequest request(const std::string& sql, std::vector<Value> params = {}) {
        QueryRequest r;
        r.target = db_;
        r.sql = sql;
        r.params = std::move(params);
        r.useCache = false;
        return r;
    }

private slots:
    void initTestCase() {
        db_ = ws_.sqlitePath();
        auto w = Warehouse::open(db_);
        QVERIFY(w);
        QVERIFY((*w)->execute("CREATE TABLE t (id INTEGER, name TEXT, score REAL)"));
        QVERIFY((*w)->execute("WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 5000) "
                              "INSERT INTO t SELECT i, 'n' || i, i * 0.5 FROM s"));
    }

    void runsAndReturnsTypedColumns() {
        QueryExecutor ex;
        auto r = ex.runAndWait(request("SELECT id, name, score FROM t WHERE id <= ?1 ORDER BY id", {Value{std::int64_t(3)}}));
        QVERIFY2(r, r.isOk() ? "" : r.message().c_str());
        QCOMPARE(int(r->columns.size()), 3);
        QCOMPARE(QString::fromStdString(r->columns[1].name), QStringLiteral("name"));
        QCOMPARE(r->columns[0].type, ColumnType::Integer);
        QCOMPARE(r->columns[2].type, ColumnType::Real);
        QCOMPARE(int(r->rows.size()), 3);
        QCOMPARE(std::get<std::string>(r->rows[2][1]), std::string("n3"));
        QVERIFY(!r->truncated);
        QVERIFY(!r->fromCache);
    }

    void previewLimitAndFullStream() {
        QueryExecutor ex;
        auto req = request("SELECT id FROM t ORDER BY id");
        req.rowLimit = 100;
        auto preview = ex.runAndWait(req);
        QVERIFY(preview);
        QCOMPARE(int(preview->rows.size()), 100);
        QVERIFY(preview->truncated);

        auto exact = request("SELECT id FROM t WHERE id <= 100");
        exact.rowLimit = 100;
        auto r = ex.runAndWait(exact);
        QVERIFY(r && r->rows.size() == 100 && !r->truncated);

        // The full result for export: streamed in blocks, beyond the preview limit.
        std::atomic<std::int64_t> streamed{0}, sum{0};
        auto full = request("SELECT id FROM t ORDER BY id");
        full.rowLimit = 10;
        full.onRows = [&](const std::vector<Column>& cols, const std::vector<Row>& block) {
            if (cols.size() != 1) return false;
            streamed += std::int64_t(block.size());
            for (const auto& row : block) sum += std::get<std::int64_t>(row[0]);
            return true;
        };
        auto s = ex.runAndWait(full);
        QVERIFY(s);
        QCOMPARE(streamed.load(), std::int64_t(5000));
        QCOMPARE(sum.load(), std::int64_t(5000) * 5001 / 2);
        QCOMPARE(int(s->rows.size()), 10);
    }

    void badSqlIsAnError() {
        QueryExecutor ex;
        auto r = ex.runAndWait(request("SELEC nonsense"));
        QVERIFY(!r);
        QVERIFY(QString::fromStdString(r.message()).contains(QStringLiteral("syntax")));
        auto missing = ex.runAndWait(request("SELECT * FROM no_such_table"));
        QVERIFY(!missing);
        QVERIFY(QString::fromStdString(missing.message()).contains(QStringLiteral("no_such_table")));
    }

    void completionCallback() {
        QueryExecutor ex;
        std::atomic<int> calls{0};
        std::atomic<std::size_t> rows{0};
        auto req = request("SELECT id FROM t");
        req.onFinished = [&](const Result<QueryResult>& r) {
            if (r) rows = r->rows.size();
            ++calls;
        };
        auto h = ex.submit(req);
        QVERIFY(h.wait(10000));
        QTRY_COMPARE(calls.load(), 1);
        QCOMPARE(rows.load(), std::size_t(5000));
        QCOMPARE(h.state(), QueryState::Finished);
    }

    void cancelLongQueryReturnsPromptly() {
        QueryExecutor ex;
        auto h = ex.submit(request(kLongQuery));
        QVERIFY(waitForState(h, QueryState::Running));
        QThread::msleep(150);  // well inside sqlite3_step
        QVERIFY(!h.isDone());
        const auto t = std::chrono::steady_clock::now();
        h.cancel();
        QVERIFY(h.wait(5000));
        const double ms = msSince(t);
        qInfo("cancelled after %.1f ms", ms);
        QVERIFY2(ms < 1000, qPrintable(QStringLiteral("cancel took %1 ms").arg(ms)));
        QCOMPARE(h.state(), QueryState::Cancelled);
        QCOMPARE(QString::fromStdString(h.result().message()), QStringLiteral("cancelled"));
    }

    // A cancel that lands right after submit (before the statement starts) is not lost.
    void cancelRightAfterSubmit() {
        QueryExecutor ex;
        for (int i = 0; i < 5; ++i) {
            auto h = ex.submit(request(kLongQuery));
            const auto t = std::chrono::steady_clock::now();
            QThread::usleep(i * 300);
            h.cancel();
            QVERIFY(h.wait(5000));
            QVERIFY2(msSince(t) < 1000, "cancel was lost");
            QCOMPARE(h.state(), QueryState::Cancelled);
        }
    }

    void newerRunSupersedesOlder() {
        QueryExecutor ex;
        auto old = request(kLongQuery);
        old.slotKey = "card-1";
        auto first = ex.submit(old);
        QVERIFY(waitForState(first, QueryState::Running));
        auto fresh = request("SELECT count(*) FROM t");
        fresh.slotKey = "card-1";
        const auto t = std::chrono::steady_clock::now();
        auto second = ex.submit(fresh);
        QVERIFY(second.wait(5000));
        QVERIFY(first.wait(5000));
        QVERIFY(msSince(t) < 1000);
        QCOMPARE(QString::fromStdString(first.result().message()), QStringLiteral("superseded"));
        QVERIFY(second.result());
        QCOMPARE(std::get<std::int64_t>(second.result()->rows[0][0]), std::int64_t(5000));
        // Another slot is not affected.
        auto other = request("SELECT 1");
        other.slotKey = "card-2";
        QVERIFY(ex.runAndWait(other));
    }

    void concurrentRunsUseSeparateConnections() {
        QueryExecutor ex(ExecutorOptions{4, nullptr, 4});
        // Two long queries are running at the same time: one connection each.
        auto a = ex.submit(request(kLongQuery));
        auto b = ex.submit(request(kLongQuery));
        QVERIFY(waitForState(a, QueryState::Running));
        QVERIFY(waitForState(b, QueryState::Running));
        QThread::msleep(50);
        QVERIFY(!a.isDone() && !b.isDone());
        ex.cancelAll();
        QVERIFY(a.wait(2000) && b.wait(2000));

        std::vector<QueryHandle> handles;
        for (int i = 1; i <= 16; ++i)
            handles.push_back(ex.submit(request("SELECT count(*), sum(id) FROM t WHERE id <= ?1", {Value{std::int64_t(i * 100)}})));
        for (int i = 1; i <= 16; ++i) {
            auto& h = handles[std::size_t(i - 1)];
            QVERIFY(h.wait(10000));
            QVERIFY2(h.result(), h.result().isOk() ? "" : h.result().message().c_str());
            QCOMPARE(QString::fromStdString(valueToText(h.result()->rows.at(0).at(0))), QString::number(i * 100));
        }
    }

    void destructorCancelsRunningQueries() {
        const auto t = std::chrono::steady_clock::now();
        QueryHandle h;
        {
            QueryExecutor ex;
            h = ex.submit(request(kLongQuery));
            QVERIFY(waitForState(h, QueryState::Running));
        }
        QVERIFY(h.isDone());
        QVERIFY(msSince(t) < 3000);
    }

    void cachedRunIsServedFromCache() {
        ResultCache cache(CacheOptions{ws_.file(".deskbase/cache"), 64 << 20, 64 << 20});
        QueryExecutor ex(ExecutorOptions{2, &cache, 2});
        auto req = request("SELECT name, count(*) FROM t GROUP BY name ORDER BY name LIMIT 5");
        req.useCache = true;
        req.cachePolicy.kind = CachePolicy::Kind::Fixed;
        auto cold = ex.runAndWait(req);
        QVERIFY(cold && !cold->fromCache);
        auto warm = ex.runAndWait(req);
        QVERIFY(warm && warm->fromCache);
        QCOMPARE(warm->rows.size(), cold->rows.size());
        QCOMPARE(std::get<std::string>(warm->rows[0][0]), std::get<std::string>(cold->rows[0][0]));
        req.useCache = false;  // --no-cache
        auto bypass = ex.runAndWait(req);
        QVERIFY(bypass && !bypass->fromCache);
    }

    // Qt glue: finished() arrives in the watcher's thread with the handle; deleting a watcher with
    // runs in flight is safe.
    void watcherEmitsInItsThread() {
        QueryExecutor ex;
        QueryWatcher watcher(ex);
        QSignalSpy spy(&watcher, &QueryWatcher::finished);
        Qt::HANDLE receivedOn = nullptr;
        connect(&watcher, &QueryWatcher::finished, this, [&](const QueryHandle&) { receivedOn = QThread::currentThreadId(); });
        auto h = watcher.submit(request("SELECT count(*) FROM t"));
        QVERIFY(spy.wait(10000));
        QCOMPARE(receivedOn, QThread::currentThreadId());
        const auto got = spy.at(0).at(0).value<QueryHandle>();
        QCOMPARE(got.id(), h.id());
        QVERIFY(got.result());
        QCOMPARE(valueToText(got.result()->rows[0][0]), std::string("5000"));

        auto doomed = std::make_unique<QueryWatcher>(ex);
        auto running = doomed->submit(request(kLongQuery));
        QVERIFY(waitForState(running, QueryState::Running));
        doomed.reset();
        running.cancel();
        QVERIFY(running.wait(2000));
        QCoreApplication::processEvents();
    }

    // A write through the executor (the SQL editor) is not cached and invalidates cached reads.
    void writeThroughExecutorInvalidates() {
        ResultCache cache;
        QueryExecutor ex(ExecutorOptions{2, &cache, 2});
        QVERIFY(ex.runAndWait(request("CREATE TABLE notes (id INTEGER, body TEXT)")));
        QueryRequest read = request("SELECT count(*) FROM notes");
        read.useCache = true;
        read.cachePolicy.kind = CachePolicy::Kind::Fixed;
        QVERIFY(ex.runAndWait(read));
        QVERIFY(ex.runAndWait(read)->fromCache);
        QueryRequest write = request("INSERT INTO notes VALUES (1, 'x')");
        write.useCache = true;
        write.cachePolicy.kind = CachePolicy::Kind::Fixed;
        QVERIFY(ex.runAndWait(write));
        auto after = ex.runAndWait(read);
        QVERIFY(after && !after->fromCache);
        QCOMPARE(valueToText(after->rows[0][0]), std::string("1"));
        QVERIFY(ex.runAndWait(write));  // the same write again is run, not served from the cache
        QCOMPARE(valueToText(ex.runAndWait(read)->rows[0][0]), std::string("2"));
    }

    // An import through Deskbase bumps the table's data version: the cached answer is not served again.
    void cacheInvalidatedByImport() {
        const std::string csv = ws_.write("sales.csv", "region,amount\nnorth,10\nsouth,20\n");
        auto w = Warehouse::open(db_);
        QVERIFY(w);
        ImportOptions first;
        first.path = csv;
        first.table = "sales";
        auto imported = ImportJob(first).run(**w);
        QVERIFY2(imported, imported.isOk() ? "" : imported.message().c_str());

        ResultCache cache;
        QueryRequest req = request("SELECT count(*), sum(amount) FROM sales");
        req.useCache = true;
        req.cachePolicy.kind = CachePolicy::Kind::Fixed;
        // Idle connections are closed before the import: its switch out of WAL waits for the busy
        // timeout while other connections are open.
        auto ex = std::make_unique<QueryExecutor>(ExecutorOptions{2, &cache, 2});
        auto cold = ex->runAndWait(req);
        QVERIFY(cold && !cold->fromCache);
        QCOMPARE(valueToText(cold->rows[0][1]), std::string("30"));
        auto warm = ex->runAndWait(req);
        QVERIFY(warm && warm->fromCache);
        ex->closeIdleConnections();

        ws_.write("sales2.csv", "region,amount\neast,5\n");
        ImportOptions more;
        more.path = ws_.file("sales2.csv");
        more.table = "sales";
        more.mode = ImportMode::Append;
        auto appended = ImportJob(more).run(**w);
        QVERIFY2(appended, appended.isOk() ? "" : appended.message().c_str());

        auto after = ex->runAndWait(req);
        QVERIFY(after);
        QVERIFY(!after->fromCache);
        QCOMPARE(valueToText(after->rows[0][0]), std::string("3"));
        QCOMPARE(valueToText(after->rows[0][1]), std::string("35"));
        QCOMPARE(cache.stats().invalidations, std::uint64_t(1));
        auto again = ex->runAndWait(req);
        QVERIFY(again && again->fromCache);
    }
};

QTEST_GUILESS_MAIN(QueryExecutorTest)
#include "query_executor_test.moc"
