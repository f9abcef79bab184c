// Questions, the executor and the cache on PostgreSQL (a throwaway server): $N placeholders,
// multi-value lists, cache hit and invalidation by data version, cancellation via PQcancel (also
// while the server is stopped: cancel and supersede never wait for it), export.
#include <signal.h>

#include <QtTest>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "core/export/result_export.h"
#include "core/question/question_request.h"
#include "core/runtime/runtime.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/pg_server.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/warehouse_probe.h"

using namespace deskbase;

namespace {

RuntimeOptions threads(int n, std::optional<CacheOptions> cache = std::nullopt) {
    RuntimeOptions o;
    o.queryThreads = n;
    o.maxIdlePerTarget = std::size_t(n);
    o.cache = std::move(cache);
    return o;
}

// Whether process `pid` is stopped (state T in /proc/PID/stat).
bool isStopped(qint64 pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = stat.rfind(')');
    return close != std::string::npos && close + 2 < stat.size() && stat[close + 2] == 'T';
}

// Resumes a paused process when it goes, or after `limit` if the test hangs before that: a
// cancel that blocks on the paused server then returns, and the test fails instead of hanging.
class Resumer {
public:
    Resumer(qint64 pid, std::chrono::seconds limit)
        : pid_(pid), thread_([this, limit] {
              std::unique_lock lock(mutex_);
              cv_.wait_for(lock, limit, [&] { return done_; });
              ::kill(pid_t(pid_), SIGCONT);
          }) {}
    ~Resumer() { resume(); }
    void resume() {
        {
            std::lock_guard lock(mutex_);
            done_ = true;
        }
        cv_.notify_all();
        if (thread_.joinable()) thread_.join();
    }

private:
    qint64 pid_;
    std::mutex mutex_;
    std::condition_variable cv_;
    bool done_ = false;
    std::thread thread_;
};

}  // namespace

class QueryPostgresTest : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<test::PgServer> server_;
    std::string target_;

private slots:
    void initTestCase() {
        auto server = test::PgServer::start();
        QVERIFY2(server, server.isOk() ? "" : server.message().c_str());
        server_ = std::move(*server);
        target_ = server_->uri("postgres");
        auto w = Warehouse::open(target_);
        QVERIFY2(w, w.isOk() ? "" : w.message().c_str());
        QVERIFY((*w)->execute("CREATE TABLE flights (origin text, delay bigint)"));
        QVERIFY(
            (*w)->execute("INSERT INTO flights VALUES ('JFK', 10), ('SEA', 5), ('JFK', 20), ('LAX', NULL)"));
    }

    void questionWithMultiValueRunsCachedAndInvalidated() {
        Question q;
        q.name = "by origin";
        q.sql =
            "SELECT origin, count(*) AS n, sum(delay) AS total FROM flights "
            "WHERE 1=1 [[AND origin IN ({{airports}})]] [[AND delay >= {{min}}]] GROUP BY origin ORDER BY "
            "origin";
        Parameter airports;
        airports.name = "airports";
        airports.multiValue = true;
        Parameter min;
        min.name = "min";
        min.type = Parameter::Type::Number;
        q.parameters = {airports, min};
        q.cache = CachePolicy{CachePolicy::Kind::Fixed, 0, 0, 600};
        auto req = makeQuestionRequest(q, {{"airports", {"JFK", "SEA"}}, {"min", {"6"}}}, nullptr, target_);
        QVERIFY2(req, req.isOk() ? "" : req.message().c_str());
        QVERIFY2(req->sql.find("IN ($1, $2)") != std::string::npos, req->sql.c_str());

        Runtime rt(threads(2, CacheOptions{}));
        QueryExecutor& ex = rt.executor();
        auto cold = ex.runAndWait(*req);
        QVERIFY2(cold, cold.isOk() ? "" : cold.message().c_str());
        QVERIFY(!cold->fromCache);
        QCOMPARE(int(cold->rows.size()), 1);
        QCOMPARE(valueToText(cold->rows[0][0]), std::string("JFK"));
        QCOMPARE(valueToText(cold->rows[0][2]), std::string("30"));
        auto warm = ex.runAndWait(*req);
        QVERIFY(warm && warm->fromCache);

        auto w = Warehouse::open(target_);
        QVERIFY(w);
        QVERIFY((*w)->begin());
        QVERIFY((*w)->execute("INSERT INTO flights VALUES ('SEA', 7)"));
        QVERIFY((*w)->bumpDataVersion("flights"));
        QVERIFY((*w)->commit());
        auto after = ex.runAndWait(*req);
        QVERIFY(after && !after->fromCache);
        QCOMPARE(int(after->rows.size()), 2);
        QVERIFY(ex.runAndWait(*req)->fromCache);
    }

    // docs/questions.md: "a PostgreSQL --db without a workspace is not cached" (there is no
    // folder of its own to keep it in), also for a question that asks to be.
    void postgresWithoutAWorkspaceIsNotCached() {
        test::TempWorkspace dir;
        const std::string q =
            dir.write("origins.json", R"({"name": "Origins", "sql": "SELECT count(*) FROM flights",
  "cache": {"policy": "fixed", "ttl_seconds": 3600}})");
        for (int run = 0; run < 2; ++run) {
            auto r = test::runDeskbase({"query", "--db", target_, "--question", q, "--format", "json"});
            QVERIFY2(r.exitCode == 0, r.err.c_str());
            QCOMPARE(nlohmann::json::parse(r.out)["cached"].get<bool>(), false);
        }
    }

    void exportStreamsTheFullResult() {
        test::TempWorkspace dir;
        Runtime rt(threads(1));
        QueryExecutor& ex = rt.executor();
        ExportRequest small{target_,
                            "SELECT origin, delay FROM flights WHERE origin = $1 ORDER BY delay",
                            {std::string("JFK")},
                            dir.file("jfk.csv"),
                            std::nullopt};
        auto done = exportResult(ex, small);
        QVERIFY2(done, done.isOk() ? "" : done.message().c_str());
        std::ifstream in(small.path, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        QCOMPARE(text.str(), std::string("origin,delay\r\nJFK,10\r\nJFK,20\r\n"));

        // Past the grid's and the preview's limits: every row, streamed block by block.
        ExportRequest big{target_,
                          "SELECT n, n * 0.5 AS half FROM generate_series(1, 100000) AS n",
                          {},
                          dir.file("series.ndjson"),
                          std::nullopt};
        done = exportResult(ex, big);
        QVERIFY2(done, done.isOk() ? "" : done.message().c_str());
        QCOMPARE(done->rows, std::uint64_t(100000));
        std::ifstream series(big.path);
        std::string line, last;
        int lines = 0;
        while (std::getline(series, line)) {
            ++lines;
            last = line;
        }
        QCOMPARE(lines, 100000);
        QCOMPARE(last, std::string("{\"n\":100000,\"half\":50000}"));
    }

    // Waits until the server runs `sql` (pg_stat_activity says it is active), not merely until
    // the executor took the run.
    void waitUntilActive(const std::string& like) {
        auto probe = Warehouse::open(target_);
        QVERIFY(probe);
        const std::string sql =
            "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '" + like + "'";
        while (test::scalarInt(**probe, sql) < 1) QThread::yieldCurrentThread();
    }

    void cancelLongQuery() {
        Runtime rt;
        QueryRequest r;
        r.target = target_;
        r.sql = "SELECT pg_sleep(30)";
        r.useCache = false;
        auto h = rt.executor().submit(r);
        waitUntilActive("SELECT pg_sleep(30)%");
        h.cancel();
        QVERIFY(h.wait());  // without the cancel: 30 s, then Finished
        QCOMPARE(h.state(), QueryState::Cancelled);
    }

    // Cancelling or superseding a run sends PQcancel, a connection to the server: before, from
    // the calling (GUI) thread, which then hung for as long as the server did not answer. With the
    // postmaster stopped, cancel() and a superseding submit() return while it is still stopped.
    void cancelNeverWaitsForAStoppedServer() {
        Runtime rt(threads(2));
        QueryRequest r;
        r.target = target_;
        r.sql = "SELECT pg_sleep(30) AS stopped_server";
        r.slotKey = "card";
        r.useCache = false;
        auto h = rt.executor().submit(r);
        waitUntilActive("SELECT pg_sleep(30) AS stopped_server%");
        const qint64 pid = server_->postmasterPid();
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid_t(pid), SIGSTOP), 0);
        Resumer resumer(pid, std::chrono::seconds(20));
        while (!isStopped(pid)) QThread::yieldCurrentThread();

        h.cancel();
        QueryRequest newer = r;
        newer.sql = "SELECT 1";
        auto next = rt.executor().submit(newer);
        QVERIFY2(isStopped(pid), "cancel() or submit() waited for the stopped server");
        QVERIFY(!h.isDone());  // the cancel cannot reach the server yet

        resumer.resume();
        QVERIFY(h.wait());
        QCOMPARE(h.state(), QueryState::Cancelled);
        QVERIFY(next.wait());
        QVERIFY2(next.result(), next.result().isOk() ? "" : next.result().message().c_str());
    }
};

QTEST_GUILESS_MAIN(QueryPostgresTest)
#include "query_postgres_test.moc"
