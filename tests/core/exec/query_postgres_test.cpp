// Questions, the executor and the cache on PostgreSQL (a throwaway server): $N placeholders,
// multi-value lists, cache hit and invalidation by data version, cancellation via PQcancel, export.
#include <QtTest>

#include <chrono>
#include <fstream>
#include <sstream>

#include "core/exec/query_executor.h"
#include "core/question/question_request.h"
#include "core/cache/result_cache.h"
#include "core/export/result_export.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/pg_server.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;

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
        QVERIFY((*w)->execute("INSERT INTO flights VALUES ('JFK', 10), ('SEA', 5), ('JFK', 20), ('LAX', NULL)"));
    }

    void questionWithMultiValueRunsCachedAndInvalidated() {
        Question q;
        q.name = "by origin";
        q.sql = "SELECT origin, count(*) AS n, sum(delay) AS total FROM flights "
                "WHERE 1=1 [[AND origin IN ({{airports}})]] [[AND delay >= {{min}}]] GROUP BY origin ORDER BY origin";
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

        ResultCache cache;
        QueryExecutor ex(ExecutorOptions{2, &cache, 2});
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

    void exportStreamsTheFullResult() {
        test::TempWorkspace dir;
        QueryExecutor ex(ExecutorOptions{1, nullptr, 1});
        ExportRequest small{target_, "SELECT origin, delay FROM flights WHERE origin = $1 ORDER BY delay",
                            {std::string("JFK")}, dir.file("jfk.csv"), std::nullopt};
        auto done = exportResult(ex, small);
        QVERIFY2(done, done.isOk() ? "" : done.message().c_str());
        std::ifstream in(small.path, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        QCOMPARE(text.str(), std::string("origin,delay\r\nJFK,10\r\nJFK,20\r\n"));

        // Past the grid's and the preview's limits: every row, streamed block by block.
        ExportRequest big{target_, "SELECT n, n * 0.5 AS half FROM generate_series(1, 100000) AS n", {},
                          dir.file("series.ndjson"), std::nullopt};
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

    void cancelLongQuery() {
        QueryExecutor ex;
        QueryRequest r;
        r.target = target_;
        r.sql = "SELECT pg_sleep(30)";
        r.useCache = false;
        auto h = ex.submit(r);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (h.state() != QueryState::Running && std::chrono::steady_clock::now() < deadline) QThread::msleep(5);
        QThread::msleep(300);
        const auto t = std::chrono::steady_clock::now();
        h.cancel();
        QVERIFY(h.wait(5000));
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
        qInfo("PostgreSQL query cancelled after %.1f ms", ms);
        QVERIFY(ms < 1000);
        QCOMPARE(h.state(), QueryState::Cancelled);
    }
};

QTEST_GUILESS_MAIN(QueryPostgresTest)
#include "query_postgres_test.moc"
