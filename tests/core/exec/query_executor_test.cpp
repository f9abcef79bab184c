// The executor, as the runtime runs it: off the calling thread, preview limits and streaming,
// errors, cancellation of a long query and of one still waiting for its connection,
// supersession by slot key, concurrent runs on separate connections, caching, leases, and the
// cache's honesty about writes: a write cancelled as it completes changes nothing or bumps its
// versions, an unrecognised write purges the cache, and a read started before a purge does not
// store its result after it.
#include <QtTest>
#include <atomic>

#include "core/cache/result_cache.h"
#include "core/ingest/import_job.h"
#include "core/runtime/runtime.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/warehouse_probe.h"

using namespace deskbase;

namespace {

// Runs for minutes on SQLite unless interrupted.
const std::string kLongQuery =
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) "
    "FROM c";

// Polls until the run leaves Queued (a worker took it). Waits for an outcome, asserts nothing.
void waitUntilStarted(const QueryHandle& h) {
    while (h.state() == QueryState::Queued) QThread::yieldCurrentThread();
}

RuntimeOptions threads(int n, std::optional<CacheOptions> cache = std::nullopt) {
    RuntimeOptions o;
    o.queryThreads = n;
    o.maxIdlePerTarget = std::size_t(n);
    o.cache = std::move(cache);
    return o;
}

CachePolicy fixedPolicy() {
    CachePolicy p;
    p.kind = CachePolicy::Kind::Fixed;
    return p;
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
    QueryRequest cached(const std::string& sql) {
        QueryRequest r = request(sql);
        r.useCache = true;
        r.cachePolicy = fixedPolicy();
        return r;
    }

private slots:
    void initTestCase() {
        db_ = ws_.sqlitePath();
        auto w = Warehouse::open(db_);
        QVERIFY(w);
        QVERIFY((*w)->execute("CREATE TABLE t (id INTEGER, name TEXT, score REAL)"));
        QVERIFY(
            (*w)->execute("WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 5000) "
                          "INSERT INTO t SELECT i, 'n' || i, i * 0.5 FROM s"));
    }

    void runsAndReturnsTypedColumns() {
        Runtime rt;
        auto r = rt.executor().runAndWait(
            request("SELECT id, name, score FROM t WHERE id <= ?1 ORDER BY id", {Value{std::int64_t(3)}}));
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
        Runtime rt;
        QueryExecutor& ex = rt.executor();
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
        Runtime rt;
        auto r = rt.executor().runAndWait(request("SELEC nonsense"));
        QVERIFY(!r);
        QVERIFY(QString::fromStdString(r.message()).contains(QStringLiteral("syntax")));
        auto missing = rt.executor().runAndWait(request("SELECT * FROM no_such_table"));
        QVERIFY(!missing);
        QVERIFY(QString::fromStdString(missing.message()).contains(QStringLiteral("no_such_table")));
    }

    void completionCallback() {
        Runtime rt;
        std::atomic<int> calls{0};
        std::atomic<std::size_t> rows{0};
        auto req = request("SELECT id FROM t");
        req.onFinished = [&](const Result<QueryResult>& r) {
            if (r) rows = r->rows.size();
            ++calls;
        };
        auto h = rt.executor().submit(req);
        QVERIFY(h.wait());
        QTRY_COMPARE(calls.load(), 1);
        QCOMPARE(rows.load(), std::size_t(5000));
        QCOMPARE(h.state(), QueryState::Finished);
    }

    void cancelInterruptsALongQuery() {
        Runtime rt;
        auto h = rt.executor().submit(request(kLongQuery));
        waitUntilStarted(h);
        h.cancel();
        QVERIFY(h.wait());  // without the interrupt: minutes, then Finished
        QCOMPARE(h.state(), QueryState::Cancelled);
        QCOMPARE(QString::fromStdString(h.result().message()), QStringLiteral("cancelled"));
    }

    // A cancel that lands at any moment after submit, also before the statement starts, is not lost.
    void cancelRightAfterSubmitIsNotLost_data() {
        QTest::addColumn<int>("spins");
        for (int spins : {0, 1, 10, 100, 1000}) QTest::newRow(qPrintable(QString::number(spins))) << spins;
    }
    void cancelRightAfterSubmitIsNotLost() {
        QFETCH(int, spins);
        Runtime rt;
        auto h = rt.executor().submit(request(kLongQuery));
        for (int i = 0; i < spins; ++i) QThread::yieldCurrentThread();
        h.cancel();
        QVERIFY(h.wait());
        QCOMPARE(h.state(), QueryState::Cancelled);
    }

    // A cancel while the run waits for its connection (the file is locked): cancel() does not
    // wait for the connection, and the statement never runs once it opens.
    void cancelWhileConnectingNeverRunsTheStatement() {
        test::TempWorkspace ws;
        auto locker = test::lockedSqliteFile(ws.sqlitePath());  // opening waits for this lock
        QVERIFY(locker);
        Runtime rt;
        QueryRequest insert;
        insert.target = ws.sqlitePath();
        insert.sql = "INSERT INTO t VALUES (9)";
        auto h = rt.executor().submit(insert);
        waitUntilStarted(h);  // the worker is now opening the connection (or about to)
        h.cancel();
        QVERIFY(!h.isDone());  // still inside Warehouse::open: cancel() did not wait for it
        QVERIFY(locker->execute("COMMIT"));
        QVERIFY(h.wait());
        QCOMPARE(h.state(), QueryState::Cancelled);
        QCOMPARE(test::scalarInt(*locker, "SELECT count(*) FROM t"), std::int64_t(2));  // no 9 added
    }

    void newerRunSupersedesOlder() {
        Runtime rt;
        QueryExecutor& ex = rt.executor();
        auto old = request(kLongQuery);
        old.slotKey = "card-1";
        auto first = ex.submit(old);
        waitUntilStarted(first);
        auto fresh = request("SELECT count(*) FROM t");
        fresh.slotKey = "card-1";
        auto second = ex.submit(fresh);
        QVERIFY(second.wait());
        QVERIFY(first.wait());
        QCOMPARE(first.state(), QueryState::Cancelled);
        QCOMPARE(QString::fromStdString(first.result().message()), QStringLiteral("superseded"));
        QVERIFY(second.result());
        QCOMPARE(std::get<std::int64_t>(second.result()->rows[0][0]), std::int64_t(5000));
        // Another slot is not affected.
        auto other = request("SELECT 1");
        other.slotKey = "card-2";
        QVERIFY(ex.runAndWait(other));
    }

    void concurrentRunsUseSeparateConnections() {
        Runtime rt(threads(4));
        QueryExecutor& ex = rt.executor();
        // Two long queries run at the same time: each left Queued while the other still runs.
        auto a = ex.submit(request(kLongQuery));
        auto b = ex.submit(request(kLongQuery));
        waitUntilStarted(a);
        waitUntilStarted(b);
        QCOMPARE(a.state(), QueryState::Running);
        QCOMPARE(b.state(), QueryState::Running);
        ex.cancelAll();
        QVERIFY(a.wait() && b.wait());
        QCOMPARE(a.state(), QueryState::Cancelled);
        QCOMPARE(b.state(), QueryState::Cancelled);

        std::vector<QueryHandle> handles;
        for (int i = 1; i <= 16; ++i)
            handles.push_back(ex.submit(
                request("SELECT count(*), sum(id) FROM t WHERE id <= ?1", {Value{std::int64_t(i * 100)}})));
        for (int i = 1; i <= 16; ++i) {
            auto& h = handles[std::size_t(i - 1)];
            QVERIFY(h.wait());
            QVERIFY2(h.result(), h.result().isOk() ? "" : h.result().message().c_str());
            QCOMPARE(QString::fromStdString(valueToText(h.result()->rows.at(0).at(0))),
                     QString::number(i * 100));
        }
    }

    void destroyingTheRuntimeCancelsRunningQueries() {
        QueryHandle h;
        {
            Runtime rt;
            h = rt.executor().submit(request(kLongQuery));
            waitUntilStarted(h);
        }  // counting to 10^9 takes minutes: the destructor returned because it cancelled
        QVERIFY(h.isDone());
        QCOMPARE(h.state(), QueryState::Cancelled);
        Runtime rt;
        rt.executor().shutdown();
        auto refused = rt.executor().submit(request("SELECT 1"));
        QVERIFY(refused.isDone());
        QCOMPARE(refused.state(), QueryState::Cancelled);
    }

    void cachedRunIsServedFromCache() {
        Runtime rt(threads(2, CacheOptions{ws_.file(".deskbase/cache"), 64 << 20, 64 << 20, {}}));
        QueryExecutor& ex = rt.executor();
        auto req = cached("SELECT name, count(*) FROM t GROUP BY name ORDER BY name LIMIT 5");
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

    // A run keeps the cache it was submitted with; later runs use a cache set since.
    void aNewCacheServesLaterRuns() {
        Runtime rt(threads(2, CacheOptions{}));
        auto first = rt.cache();
        QVERIFY(rt.executor().runAndWait(cached("SELECT max(id) FROM t")));
        QCOMPARE(first->stats().stores, std::uint64_t(1));
        rt.setCache(CacheOptions{});
        auto second = rt.executor().runAndWait(cached("SELECT max(id) FROM t"));
        QVERIFY(second && !second->fromCache);  // the new cache is empty
        QCOMPARE(rt.cache()->stats().stores, std::uint64_t(1));
        QCOMPARE(first->stats().hits, std::uint64_t(0));
        rt.setCache(std::nullopt);
        QVERIFY(!rt.cache());
        QVERIFY(rt.executor().runAndWait(cached("SELECT max(id) FROM t")));
    }

    // A write through the executor (the SQL editor) is not cached and invalidates cached reads.
    void writeThroughExecutorInvalidates() {
        Runtime rt(threads(2, CacheOptions{}));
        QueryExecutor& ex = rt.executor();
        QVERIFY(ex.runAndWait(request("CREATE TABLE notes (id INTEGER, body TEXT)")));
        QueryRequest read = cached("SELECT count(*) FROM notes");
        QVERIFY(ex.runAndWait(read));
        QVERIFY(ex.runAndWait(read)->fromCache);
        QueryRequest write = cached("INSERT INTO notes VALUES (1, 'x')");
        QVERIFY(ex.runAndWait(write));
        auto after = ex.runAndWait(read);
        QVERIFY(after && !after->fromCache);
        QCOMPARE(valueToText(after->rows[0][0]), std::string("1"));
        QVERIFY(ex.runAndWait(write));  // the same write again is run, not served from the cache
        QCOMPARE(valueToText(ex.runAndWait(read)->rows[0][0]), std::string("2"));
    }

    // docs/questions.md: "when the written table cannot be recognized the process's cache is
    // purged" (CREATE INDEX names no table it writes).
    void unrecognisedWritePurgesTheCache() {
        Runtime rt(threads(2, CacheOptions{}));
        QueryExecutor& ex = rt.executor();
        QVERIFY(ex.runAndWait(cached("SELECT count(*) FROM t")));
        QCOMPARE(rt.cache()->stats().memoryEntries, std::int64_t(1));
        const std::uint64_t epoch = rt.cache()->epoch();
        QVERIFY(ex.runAndWait(request("CREATE INDEX t_name ON t (name)")));
        QCOMPARE(rt.cache()->stats().memoryEntries, std::int64_t(0));
        QCOMPARE(rt.cache()->epoch(), epoch + 1);
        auto again = ex.runAndWait(cached("SELECT count(*) FROM t"));
        QVERIFY(again && !again->fromCache);
        QVERIFY(ex.runAndWait(request("DROP INDEX t_name")));
    }

    // The write is done by its first step (RETURNING buffers every row), and the cancel lands
    // before the executor reads the rest: before, the INSERT stayed (autocommit) and the table's
    // data version was never bumped, so caches kept serving counts from before it.
    void writeCancelledAsItCompletesChangesNothingOrBumpsItsVersion() {
        Runtime rt(threads(2, CacheOptions{}));
        QueryExecutor& ex = rt.executor();
        QVERIFY(ex.runAndWait(request("CREATE TABLE log (n INTEGER)")));
        auto w = Warehouse::open(db_);
        QVERIFY(w);
        const std::int64_t versionBefore = *(*w)->dataVersion("log");
        std::atomic<bool> cancelled{false};
        QueryRequest write =
            request("INSERT INTO log SELECT id FROM t RETURNING n");  // 5,000 rows: more than one block
        write.slotKey = "write";
        write.onRows = [&](const std::vector<Column>&, const std::vector<Row>&) {
            if (!cancelled.exchange(true))
                ex.cancelSlot("write");  // after the first block, as if by the user
            return true;
        };
        write.rowLimit = 1;
        QueryHandle self = ex.submit(write);
        QVERIFY(self.wait());
        QVERIFY(cancelled.load());
        const std::int64_t rows = test::scalarInt(**w, "SELECT count(*) FROM log");
        const std::int64_t versionAfter = *(*w)->dataVersion("log");
        // Either nothing changed (rolled back) or the change carries a new version.
        QVERIFY2(rows == 0 || versionAfter > versionBefore,
                 qPrintable(QStringLiteral("%1 rows written, version %2 -> %3")
                                .arg(rows)
                                .arg(versionBefore)
                                .arg(versionAfter)));
        if (rows == 0) QCOMPARE(self.state(), QueryState::Cancelled);
    }

    // A read submitted before a purge (the file is locked: it cannot even open its connection
    // until the purge is done) must not store what it read: the purge may have been for a write
    // its result does not show. Before, it stored its result after the purge.
    void readStartedBeforeAPurgeDoesNotStoreAfterIt() {
        test::TempWorkspace ws;
        auto locker = test::lockedSqliteFile(ws.sqlitePath());
        QVERIFY(locker);
        Runtime rt(threads(2, CacheOptions{}));
        QueryRequest read;
        read.target = ws.sqlitePath();
        read.sql = "SELECT count(*) FROM t";
        read.cachePolicy = fixedPolicy();
        auto h = rt.executor().submit(read);
        rt.cache()->purge();
        QVERIFY(locker->execute("COMMIT"));
        QVERIFY(h.wait());
        QVERIFY2(h.result(), h.result().isOk() ? "" : h.result().message().c_str());
        QCOMPARE(rt.cache()->stats().stores, std::uint64_t(0));
        QCOMPARE(rt.cache()->stats().memoryEntries, std::int64_t(0));
        // Submitted after the purge, the same read is stored.
        QVERIFY(rt.executor().runAndWait(read));
        QCOMPARE(rt.cache()->stats().stores, std::uint64_t(1));
    }

    // Runs naming one lease take turns on one connection, which stays in the lease between them.
    void leaseKeepsItsConnectionAcrossRuns() {
        Runtime rt(threads(4));
        auto lease = std::make_shared<ConnectionLease>();
        std::atomic<const Warehouse*> first{nullptr}, second{nullptr};
        std::atomic<int> inside{0}, most{0};
        auto run = [&](std::atomic<const Warehouse*>& seen) {
            QueryRequest r = request("");
            r.lease = lease;
            r.work = [&](Warehouse& w, const std::atomic<bool>&) -> Result<QueryResult> {
                most = std::max(most.load(), ++inside);
                seen = &w;
                auto rows = w.query("SELECT count(*) FROM t");  // some work while holding the turn
                --inside;
                if (!rows) return Error{rows.message()};
                return QueryResult{};
            };
            return rt.executor().submit(r);
        };
        auto a = run(first);
        auto b = run(second);
        QVERIFY(a.wait() && b.wait());
        QVERIFY(a.result() && b.result());
        QVERIFY(first.load() != nullptr);
        QCOMPARE(first.load(), second.load());
        QCOMPARE(most.load(), 1);
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

        Runtime rt(threads(2, CacheOptions{}));
        QueryRequest req = cached("SELECT count(*), sum(amount) FROM sales");
        auto cold = rt.executor().runAndWait(req);
        QVERIFY(cold && !cold->fromCache);
        QCOMPARE(valueToText(cold->rows[0][1]), std::string("30"));
        auto warm = rt.executor().runAndWait(req);
        QVERIFY(warm && warm->fromCache);
        // Idle connections are closed before the import: its switch out of WAL waits for the busy
        // timeout while other connections are open.
        rt.executor().closeIdleConnections();

        ws_.write("sales2.csv", "region,amount\neast,5\n");
        ImportOptions more;
        more.path = ws_.file("sales2.csv");
        more.table = "sales";
        more.mode = ImportMode::Append;
        auto appended = ImportJob(more).run(**w);
        QVERIFY2(appended, appended.isOk() ? "" : appended.message().c_str());

        auto after = rt.executor().runAndWait(req);
        QVERIFY(after);
        QVERIFY(!after->fromCache);
        QCOMPARE(valueToText(after->rows[0][0]), std::string("3"));
        QCOMPARE(valueToText(after->rows[0][1]), std::string("35"));
        QCOMPARE(rt.cache()->stats().invalidations, std::uint64_t(1));
        auto again = rt.executor().runAndWait(req);
        QVERIFY(again && again->fromCache);
    }
};

QTEST_GUILESS_MAIN(QueryExecutorTest)
#include "query_executor_test.moc"
