// The run history (deskbase_runs, deskbase_run_steps, deskbase_check_results) on SQLite and on
// PostgreSQL: what is written reads back, newest first, and two writers never share an id; a
// warehouse that still has the interim deskbase_model_builds table opens and keeps its history.
#include "tests/core/pipeline/run_log_test.h"

#include <QtTest>
#include <map>
#include <set>
#include <thread>

#include "core/checks/freshness.h"
#include "core/pipeline/run_log.h"
#include "tests/support/warehouse_probe.h"

using namespace deskbase;

namespace {

CheckResult result(const std::string& table, const std::string& name, CheckStatus status,
                   std::int64_t failures) {
    CheckResult r;
    r.file = "checks/" + table + ".json";
    r.table = table;
    r.check = "unique";
    r.name = name;
    r.columns = {"a", "b"};
    r.severity = Severity::Warn;
    r.status = status;
    r.failures = failures;
    r.rows = 40;
    r.percent = 100.0 * double(failures) / 40.0;
    r.sample = {{{Value{std::int64_t(7)}, Value{std::string("x'y")}}, 3}, {{Value{}, Value{1.5}}, 2}};
    r.failingRowsSql = "SELECT * FROM " + table;
    r.message = std::to_string(failures) + " of 40 rows share a key with another row";
    r.seconds = 0.25;
    return r;
}

}  // namespace

void RunLogTest::initTestCase() {
    auto s = backend_.setUp();
    QVERIFY2(s, s.message().c_str());
}

void RunLogTest::init() {
    w_.reset();
    auto w = backend_.freshWarehouse();
    QVERIFY2(w, w.status().message().c_str());
    w_ = std::move(*w);
}

void RunLogTest::runsAndStepsReadBack() {
    auto first = startRun(*w_, "build");
    QVERIFY2(first, first.status().message().c_str());
    auto second = startRun(*w_, "check");
    QVERIFY2(second, second.status().message().c_str());
    QCOMPARE(*second, *first + 1);
    QVERIFY(addRunStep(*w_, *first, {"model", "stg_orders", "success", 120, 0.5, ""}));
    QVERIFY(
        addRunStep(*w_, *first, {"model", "daily_sales", "error", std::nullopt, 0.1, "no such column: x"}));
    QVERIFY(addRunStep(*w_, *first, {"model", "top_customers", "skipped", std::nullopt, 0, ""}));
    QVERIFY(finishRun(*w_, *first, "error", "1 model failed", 1.75));

    auto steps = runSteps(*w_, *first);
    QVERIFY2(steps, steps.status().message().c_str());
    QCOMPARE(steps->size(), std::size_t(3));
    QCOMPARE((*steps)[0].name, std::string("stg_orders"));
    QCOMPARE((*steps)[0].rows, std::optional<std::int64_t>(120));
    QCOMPARE((*steps)[0].seconds, 0.5);
    QCOMPARE((*steps)[1].status, std::string("error"));
    QCOMPARE((*steps)[1].error, std::string("no such column: x"));
    QVERIFY(!(*steps)[1].rows);
    QCOMPARE((*steps)[2].status, std::string("skipped"));
    QVERIFY(runSteps(*w_, *second)->empty());

    auto runs = recentRuns(*w_);
    QVERIFY2(runs, runs.status().message().c_str());
    QCOMPARE(runs->size(), std::size_t(2));
    QCOMPARE((*runs)[0].id, *second);  // newest first
    QCOMPARE((*runs)[0].status, std::string("running"));
    QVERIFY((*runs)[0].finishedAt.empty());
    QCOMPARE((*runs)[1].kind, std::string("build"));
    QCOMPARE((*runs)[1].status, std::string("error"));
    QCOMPARE((*runs)[1].error, std::string("1 model failed"));
    QCOMPARE((*runs)[1].seconds, 1.75);
    QVERIFY(parseTimestamp((*runs)[1].finishedAt).has_value());
    // Readable by any SQL client: plain tables.
    QCOMPARE(test::scalarInt(*w_, "SELECT COUNT(*) FROM deskbase_run_steps WHERE status = 'skipped'"),
             std::int64_t(1));
}

void RunLogTest::checkResultsReadBack() {
    auto run = startRun(*w_, "check");
    QVERIFY2(run, run.status().message().c_str());
    std::vector<CheckResult> written = {result("orders", "unique(a, b)", CheckStatus::Warn, 5),
                                        result("orders", "rows", CheckStatus::Pass, 0)};
    written[1].check = "row_count";
    written[1].columns.clear();
    written[1].percent.reset();
    written[1].sample.clear();
    written[1].failingRowsSql.clear();
    written[1].severity = Severity::Error;
    QVERIFY(recordCheckResults(*w_, *run, written));
    auto back = lastCheckResults(*w_, "orders");
    QVERIFY2(back, back.status().message().c_str());
    QCOMPARE(back->size(), written.size());
    for (std::size_t i = 0; i < written.size(); ++i) {
        const auto &a = (*back)[i], &b = written[i];
        QCOMPARE(a.table, b.table);
        QCOMPARE(a.name, b.name);
        QCOMPARE(a.check, b.check);
        QCOMPARE(a.columns, b.columns);
        QCOMPARE(int(a.severity), int(b.severity));
        QCOMPARE(int(a.status), int(b.status));
        QCOMPARE(a.failures, b.failures);
        QCOMPARE(a.rows, b.rows);
        QCOMPARE(a.percent, b.percent);
        QCOMPARE(a.failingRowsSql, b.failingRowsSql);
        QCOMPARE(a.message, b.message);
        QCOMPARE(a.file, b.file);
        QCOMPARE(a.seconds, b.seconds);
        QCOMPARE(a.sample.size(), b.sample.size());
        for (std::size_t k = 0; k < a.sample.size(); ++k) {
            QCOMPARE(a.sample[k].count, b.sample[k].count);
            QVERIFY(a.sample[k].key == b.sample[k].key);
        }
    }
}

void RunLogTest::lastResultsAreTheNewestRunsForThatTable() {
    auto one = startRun(*w_, "check");
    QVERIFY(recordCheckResults(*w_, *one, {result("orders", "u", CheckStatus::Fail, 9)}));
    QVERIFY(recordCheckResults(*w_, *one, {result("customers", "u", CheckStatus::Pass, 0)}));
    auto two = startRun(*w_, "import");
    QVERIFY(recordCheckResults(*w_, *two, {result("orders", "u", CheckStatus::Pass, 0)}));
    auto orders = lastCheckResults(*w_, "orders");
    QCOMPARE(orders->size(), std::size_t(1));
    QCOMPARE(int(orders->front().status), int(CheckStatus::Pass));
    // customers was not checked in the newer run: its last results are still the first run's.
    auto customers = lastCheckResults(*w_, "customers");
    QCOMPARE(customers->size(), std::size_t(1));
    QCOMPARE(customers->front().table, std::string("customers"));
    QCOMPARE(test::scalarInt(*w_, "SELECT COUNT(*) FROM deskbase_check_results"), std::int64_t(3));
}

void RunLogTest::nothingRecordedIsEmpty() {
    auto runs = recentRuns(*w_);
    QVERIFY2(runs, runs.status().message().c_str());
    QVERIFY(runs->empty());
    auto last = lastCheckResults(*w_, "orders");
    QVERIFY2(last, last.status().message().c_str());
    QVERIFY(last->empty());
    // The bookkeeping tables are not user tables.
    QVERIFY(startRun(*w_, "check"));
    auto tables = w_->listTables();
    QVERIFY(tables);
    QVERIFY(tables->empty());
}

void RunLogTest::concurrentRunsGetDistinctIds() {
    QVERIFY(ensureRunLog(*w_));
    constexpr int kPerThread = 15;
    std::vector<std::int64_t> ids[2];
    std::string errors[2];
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t)
        threads.emplace_back([&, t] {
            auto w = Warehouse::open(backend_.target());
            if (!w) {
                errors[t] = w.message();
                return;
            }
            for (int i = 0; i < kPerThread; ++i) {
                auto id = startRun(**w, "build");
                if (!id) {
                    errors[t] = id.message();
                    return;
                }
                ids[t].push_back(*id);
                if (auto s = addRunStep(**w, *id, {"model", "m" + std::to_string(i), "success", i, 0, ""});
                    !s) {
                    errors[t] = s.message();
                    return;
                }
            }
        });
    for (auto& th : threads) th.join();
    QVERIFY2(errors[0].empty(), errors[0].c_str());
    QVERIFY2(errors[1].empty(), errors[1].c_str());
    std::set<std::int64_t> all(ids[0].begin(), ids[0].end());
    all.insert(ids[1].begin(), ids[1].end());
    QCOMPARE(all.size(), std::size_t(2 * kPerThread));
    QCOMPARE(test::scalarInt(*w_, "SELECT COUNT(*) FROM deskbase_runs"), std::int64_t(2 * kPerThread));
    QCOMPARE(test::scalarInt(*w_, "SELECT COUNT(*) FROM deskbase_run_steps"), std::int64_t(2 * kPerThread));
}

void RunLogTest::finishingAnUnknownRunFails() {
    QVERIFY(ensureRunLog(*w_));
    auto s = finishRun(*w_, 42, "success");
    QVERIFY(!s);
    QCOMPARE(s.message(), std::string("cannot record the run: no run 42"));
}

void RunLogTest::lastModelStatusesAreEachModelsNewestStep() {
    QCOMPARE(lastModelStatuses(*w_)->size(), std::size_t(0));
    auto one = startRun(*w_, "build");
    QVERIFY(addRunStep(*w_, *one, {"model", "a", "success", 3, 0, ""}));
    QVERIFY(addRunStep(*w_, *one, {"model", "b", "error", std::nullopt, 0, "models/b.sql: boom"}));
    QVERIFY(addRunStep(*w_, *one, {"checks", "b", "fail", std::nullopt, 0, ""}));
    auto two = startRun(*w_, "build");
    QVERIFY(addRunStep(*w_, *two, {"model", "b", "success", 7, 0, ""}));
    QVERIFY(addRunStep(*w_, *two, {"model", "c", "skipped", std::nullopt, 0, ""}));
    auto three = startRun(*w_, "check");  // a check run's steps are not model builds
    QVERIFY(addRunStep(*w_, *three, {"checks", "a", "fail", std::nullopt, 0, ""}));
    const std::map<std::string, std::string> expected = {
        {"a", "success"}, {"b", "success"}, {"c", "skipped"}};
    QCOMPARE(*lastModelStatuses(*w_), expected);
}

void RunLogTest::hasRunStepFindsAStepByKindNameAndStatus() {
    auto none = hasRunStep(*w_, "alert", "late_orders", "fired");  // no run log yet
    QVERIFY2(none, none.status().message().c_str());
    QVERIFY(!*none);
    auto run = startRun(*w_, "report");
    QVERIFY(addRunStep(*w_, *run, {"alert", "late_orders", "quiet", 0, 0, ""}));
    QVERIFY(addRunStep(*w_, *run, {"alert", "revenue", "fired", 1, 0, ""}));
    QVERIFY(addRunStep(*w_, *run, {"report", "late_orders", "fired", 1, 0, ""}));
    QVERIFY(!*hasRunStep(*w_, "alert", "late_orders", "fired"));  // quiet, or another kind
    QVERIFY(*hasRunStep(*w_, "alert", "revenue", "fired"));
    QVERIFY(!*hasRunStep(*w_, "alert", "Revenue", "fired"));  // names are exact
}

// The table builds were recorded in before the run log, with two builds in it: opening the
// warehouse and reading statuses moves them into runs and drops it; nothing else changes.
void RunLogTest::oldModelBuildsTableMovesIntoTheRunLog() {
    for (const char* sql :
         {"CREATE TABLE deskbase_model_builds (build_id BIGINT NOT NULL, model TEXT NOT NULL, status TEXT "
          "NOT NULL, materialized TEXT, rows_built BIGINT, seconds DOUBLE PRECISION, error TEXT, finished_at "
          "TEXT, PRIMARY KEY (build_id, model))",
          "INSERT INTO deskbase_model_builds VALUES (1, 'a', 'success', 'table', 3, 0.5, NULL, "
          "'2026-01-02 03:04:05'), (1, 'b', 'error', 'view', NULL, 0.25, 'models/b.sql: boom', "
          "'2026-01-02 03:04:05'), (2, 'b', 'success', 'view', NULL, 0.125, NULL, '2026-01-03 00:00:00')",
          "CREATE TABLE orders (id INTEGER)"})
        QVERIFY2(w_->execute(sql), sql);
    auto reopened = Warehouse::open(backend_.target());
    QVERIFY2(reopened, reopened.status().message().c_str());
    Warehouse& w = **reopened;
    const std::map<std::string, std::string> expected = {{"a", "success"}, {"b", "success"}};
    auto statuses = lastModelStatuses(w);
    QVERIFY2(statuses, statuses.status().message().c_str());
    QCOMPARE(*statuses, expected);
    QCOMPARE(*w.tableExists("deskbase_model_builds"), false);
    auto runs = recentRuns(w);
    QCOMPARE(runs->size(), std::size_t(2));
    QCOMPARE((*runs)[1].kind, std::string("build"));
    QCOMPARE((*runs)[1].status, std::string("error"));  // b failed in build 1
    QCOMPARE((*runs)[1].seconds, 0.75);
    QCOMPARE((*runs)[1].finishedAt, std::string("2026-01-02 03:04:05"));
    QCOMPARE((*runs)[0].status, std::string("success"));
    auto steps = runSteps(w, (*runs)[1].id);
    QCOMPARE(steps->size(), std::size_t(2));
    QCOMPARE((*steps)[0].name, std::string("a"));
    QCOMPARE((*steps)[0].rows, std::optional<std::int64_t>(3));
    QCOMPARE((*steps)[1].error, std::string("models/b.sql: boom"));
    QVERIFY(!(*steps)[1].rows);
    // A new run follows the moved ones; the user's table is untouched and still the only one.
    QCOMPARE(*startRun(w, "build"), (*runs)[0].id + 1);
    QCOMPARE(w.listTables()->size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(RunLogTest)

void RunLogTest::namedRunsAndTheNewestOfEach() {
    auto a1 = startRun(*w_, "source", "orders");
    auto b1 = startRun(*w_, "source", "customers");
    auto a2 = startRun(*w_, "source", "orders");
    auto build = startRun(*w_, "build");
    QVERIFY(a1 && b1 && a2 && build);
    QVERIFY(finishRun(*w_, *a2, "error", "inbox/: no such folder", 0.0));
    auto last = lastRunOf(*w_, "source", "orders");
    QVERIFY2(last, last.status().message().c_str());
    QVERIFY(*last);
    QCOMPARE((*last)->id, *a2);
    QCOMPARE((*last)->name, std::string("orders"));
    QCOMPARE((*last)->error, std::string("inbox/: no such folder"));
    QCOMPARE((*lastRunOf(*w_, "source", "customers"))->id, *b1);
    QVERIFY(!*lastRunOf(*w_, "source", "nobody"));
    QVERIFY(!*lastRunOf(*w_, "build", "orders"));
    auto runs = recentRuns(*w_);
    QCOMPARE(runs->front().id, *build);
    QVERIFY(runs->front().name.empty());  // builds are not named
}

void RunLogTest::runsTableWithoutNamesGetsTheColumn() {
    // deskbase_runs as the first run log made it (no name column), with one run.
    QVERIFY(w_->execute("CREATE TABLE deskbase_runs (id BIGINT PRIMARY KEY, kind TEXT NOT NULL, status TEXT NOT NULL, "
                        "started_at TEXT NOT NULL, finished_at TEXT, seconds " +
                        w_->sqlType(ColumnType::Real) + ", error TEXT)"));
    QVERIFY(w_->execute("INSERT INTO deskbase_runs (id, kind, status, started_at) VALUES (1, 'build', 'success', "
                        "'2026-01-01 00:00:00')"));
    QVERIFY(!*lastRunOf(*w_, "source", "orders"));
    auto id = startRun(*w_, "source", "orders");
    QVERIFY2(id, id.status().message().c_str());
    QCOMPARE(*id, std::int64_t(2));
    QCOMPARE((*lastRunOf(*w_, "source", "orders"))->id, std::int64_t(2));
    QCOMPARE(recentRuns(*w_)->back().kind, std::string("build"));
}
