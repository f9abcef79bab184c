// buildModels() over a small dbt-style project (sources -> staging -> intermediate -> marts, an
// ephemeral and an incremental model) on SQLite and PostgreSQL, through the runtime's job queue;
// then the bad inputs: a model failing halfway (built ones stay, it keeps its old table, the ones
// downstream are skipped), template errors, a missing source; and each model's checks
// (checks/<model>.json) run after it builds, an error-severity failure skipping what is downstream.
// Expected numbers are computed here from the raw rows, not by the code under test.
#include "core/models/model_build.h"

#include <QtTest>
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "core/checks/check_file.h"
#include "core/models/materialize.h"
#include "core/pipeline/run_log.h"
#include "core/runtime/runtime.h"
#include "core/warehouse/warehouse.h"
#include "tests/core/models/backends.h"
#include "tests/support/warehouse_probe.h"

using namespace deskbase;

Q_DECLARE_METATYPE(std::string)

namespace {

struct Order {
    int id, customer;
    const char* status;
    int amount;
    const char* day;
};

const std::vector<Order> kOrders = {
    {1, 1, "Completed", 100, "2024-01-01"}, {2, 2, "completed", 50, "2024-01-01"},
    {3, 1, "returned", 70, "2024-01-02"},   {4, 3, "COMPLETED", 20, "2024-01-02"},
    {5, 2, "completed", 35, "2024-01-03"},
};
const std::vector<std::pair<int, const char*>> kCustomers = {{1, "Ann"}, {2, "Bo"}, {3, "Cy"}};

// The dbt project: what a dbt user would write, unchanged.
const std::vector<std::pair<std::string, std::string>> kProject = {
    {"stg_orders.sql",
     "-- staging: one row per order, statuses lower-cased\n"
     "select id as order_id, customer_id, lower(status) as status, amount, day\n"
     "from {{ source('shop', 'raw_orders') }}\n"},
    {"stg_customers.sql",
     "{{ config(materialized='ephemeral') }}\n"
     "select id as customer_id, name from {{ source('shop', 'raw_customers') }}\n"},
    {"int_completed_orders.sql", "select * from {{ ref('stg_orders') }} where status = 'completed'\n"},
    {"customer_revenue.sql",
     "{{ config(materialized='table') }}\n"
     "with orders as (select customer_id, sum(amount) as revenue from {{ ref('int_completed_orders') }}\n"
     "                group by customer_id)\n"
     "select c.customer_id, c.name, coalesce(o.revenue, 0) as revenue\n"
     "from {{ ref('stg_customers') }} c left join orders o on o.customer_id = c.customer_id;\n"},
    {"top_customer.sql", "select name from {{ ref('customer_revenue') }} order by revenue desc limit 1\n"},
    {"daily_sales.sql",
     "{{\n  config(\n    materialized='incremental',\n    unique_key='day'\n  )\n}}\n"
     "select day, count(*) as orders, sum(amount) as revenue\n"
     "from {{ ref('int_completed_orders') }}\n"
     "{% if is_incremental() %}\n"
     "where day >= (select max(day) from {{ this }})\n"
     "{% endif %}\n"
     "group by day\n"},
};

void writeFile(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

std::string lower(std::string s) {
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Completed revenue per customer / per day from the raw rows.
std::map<int, int> revenueByCustomer(const std::vector<Order>& orders) {
    std::map<int, int> out;
    for (const auto& [id, name] : kCustomers) out[id] = 0;
    for (const auto& o : orders)
        if (lower(o.status) == "completed") out[o.customer] += o.amount;
    return out;
}
std::map<std::string, int> revenueByDay(const std::vector<Order>& orders, const std::string& from = "") {
    std::map<std::string, int> out;
    for (const auto& o : orders)
        if (lower(o.status) == "completed" && o.day >= from) out[o.day] += o.amount;
    return out;
}

void insertOrders(Warehouse& w, const std::vector<Order>& orders) {
    for (const auto& o : orders) {
        auto s = w.execute("INSERT INTO raw_orders VALUES (" + std::to_string(o.id) + ", " +
                           std::to_string(o.customer) + ", '" + o.status + "', " + std::to_string(o.amount) +
                           ", '" + o.day + "')");
        if (!s) qFatal("%s", s.message().c_str());
    }
}

std::map<std::string, int> dailySales(Warehouse& w) {
    std::map<std::string, int> out;
    auto c = w.query("SELECT day, revenue FROM daily_sales");
    if (!c) qFatal("%s", c.message().c_str());
    std::vector<Row> rows;
    while (*(*c)->fetch(rows, 100)) {
    }
    for (const auto& r : rows) out[valueToText(r[0])] = int(std::get<std::int64_t>(r[1]));
    return out;
}

std::map<std::string, std::string> statuses(const BuildReport& r) {
    std::map<std::string, std::string> out;
    for (const auto& m : r.models) out[m.name] = m.status;
    return out;
}

}  // namespace

class ModelBuildTest : public QObject {
    Q_OBJECT
    test::Backends backends_;
    std::unique_ptr<test::TempWorkspace> ws_;
    std::string target_;

    // A workspace holding the dbt project, and a warehouse holding its raw tables.
    std::unique_ptr<Warehouse> setUpProject() {
        QFETCH(std::string, backend);
        ws_ = std::make_unique<test::TempWorkspace>();
        for (const auto& [file, text] : kProject)
            writeFile(std::filesystem::path(ws_->path()) / "models" / file, text);
        auto target = backends_.freshTarget(backend);
        if (!target) qFatal("%s", target.message().c_str());
        target_ = *target;
        auto w = Warehouse::open(target_);
        if (!w) qFatal("%s", w.message().c_str());
        for (const char* sql : {"CREATE TABLE raw_orders (id INTEGER, customer_id INTEGER, status TEXT, "
                                "amount INTEGER, day TEXT)",
                                "CREATE TABLE raw_customers (id INTEGER, name TEXT)"})
            if (auto s = (*w)->execute(sql); !s) qFatal("%s", s.message().c_str());
        for (const auto& [id, name] : kCustomers)
            (void)(*w)->execute("INSERT INTO raw_customers VALUES (" + std::to_string(id) + ", '" + name +
                                "')");
        insertOrders(**w, kOrders);
        return std::move(*w);
    }

    Result<BuildReport> build(Runtime& rt, BuildOptions options = {}) {
        const Dialect& d = Warehouse::dialectFor(target_);
        auto project = loadModelProject(ws_->path(), d);
        if (!project) return Error{project.message()};
        auto checks = loadWorkspaceChecks(ws_->path());
        if (!checks) return Error{checks.message()};
        options.checks = std::move(*checks);
        return buildModels(rt, target_, *project, options);
    }

private slots:
    void buildsTheDbtProject_data() { test::Backends::addRows(); }
    void buildsTheDbtProject() {
        auto w = setUpProject();
        Runtime rt;
        auto r = build(rt);
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        QStringList order;
        for (const auto& m : r->models) order << QString::fromStdString(m.name + ":" + m.status);
        QCOMPARE(order.join(QLatin1Char(' ')),
                 QStringLiteral("stg_customers:success stg_orders:success int_completed_orders:success "
                                "customer_revenue:success daily_sales:success top_customer:success"));
        QCOMPARE(*relationKind(*w, "stg_orders"), RelationKind::View);
        QCOMPARE(*relationKind(*w, "stg_customers"), RelationKind::None);  // ephemeral: inlined
        QCOMPARE(*relationKind(*w, "customer_revenue"), RelationKind::Table);

        for (const auto& [customer, revenue] : revenueByCustomer(kOrders))
            QCOMPARE(test::scalarInt(*w, "SELECT revenue FROM customer_revenue WHERE customer_id = " +
                                             std::to_string(customer)),
                     std::int64_t(revenue));
        QCOMPARE(test::scalarText(*w, "SELECT name FROM top_customer"), std::string("Ann"));
        QCOMPARE(dailySales(*w), revenueByDay(kOrders));
        const auto& revenue = r->models[3];
        QCOMPARE(revenue.rows, std::optional<std::int64_t>(std::int64_t(kCustomers.size())));
        QCOMPARE(*w->dataVersion("daily_sales"), std::int64_t(1));

        // New raw rows: a late order on the last day, one on a new day and one on an old day.
        const std::vector<Order> more = {{6, 3, "completed", 5, "2024-01-03"},
                                         {7, 2, "completed", 11, "2024-01-04"},
                                         {8, 3, "completed", 1000, "2024-01-01"}};
        insertOrders(*w, more);
        auto all = kOrders;
        all.insert(all.end(), more.begin(), more.end());
        r = build(rt);
        QVERIFY2(r.isOk() && !r->failed(), r.isOk() ? r->models[0].error.c_str() : r.message().c_str());
        // Incremental: days from the last built one are merged; the old day is not looked at again.
        auto expected = revenueByDay(kOrders);
        for (const auto& [day, sum] : revenueByDay(all, "2024-01-03")) expected[day] = sum;
        QCOMPARE(dailySales(*w), expected);
        QCOMPARE(r->models[4].rows, std::optional<std::int64_t>(2));  // 2024-01-03 merged, 2024-01-04 added
        QCOMPARE(*w->dataVersion("daily_sales"), std::int64_t(2));
        // The table was rebuilt under its view on both warehouses.
        QCOMPARE(test::scalarText(*w, "SELECT name FROM top_customer"), std::string("Cy"));

        BuildOptions full;
        full.fullRefresh = true;
        full.select = {"daily_sales"};
        r = build(rt, full);
        QVERIFY2(r.isOk() && !r->failed(), r.isOk() ? r->models[0].error.c_str() : r.message().c_str());
        QCOMPARE(r->models.size(), std::size_t(1));
        QCOMPARE(dailySales(*w), revenueByDay(all));
    }

    void failingModelKeepsItsTableAndSkipsDownstream_data() { test::Backends::addRows(); }
    void failingModelKeepsItsTableAndSkipsDownstream() {
        auto w = setUpProject();
        Runtime rt;
        auto r = build(rt);
        QVERIFY2(r.isOk() && !r->failed(), r.isOk() ? "a model failed" : r.message().c_str());
        const std::int64_t before = test::scalarInt(*w, "SELECT sum(revenue) FROM customer_revenue");
        const std::int64_t version = *w->dataVersion("customer_revenue");
        // A syntax error in the table model: it fails at run time, halfway through the DAG.
        writeFile(std::filesystem::path(ws_->path()) / "models" / "customer_revenue.sql",
                  "{{ config(materialized='table') }}\nselect customer_id, from {{ "
                  "ref('int_completed_orders') }}\n");
        insertOrders(*w, {{9, 1, "completed", 1, "2024-01-05"}});
        r = build(rt);
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        QVERIFY(r->failed());
        const auto st = statuses(*r);
        QCOMPARE(st.at("stg_orders"), std::string("success"));
        QCOMPARE(st.at("int_completed_orders"), std::string("success"));
        QCOMPARE(st.at("daily_sales"), std::string("success"));  // independent of the failure
        QCOMPARE(st.at("customer_revenue"), std::string("error"));
        QCOMPARE(st.at("top_customer"), std::string("skipped"));
        for (const auto& m : r->models) {
            if (m.name == "customer_revenue")
                QVERIFY2(m.error.rfind("models/customer_revenue.sql: ", 0) == 0, m.error.c_str());
            if (m.name == "top_customer")
                QCOMPARE(m.error, std::string("upstream model customer_revenue did not build"));
            QVERIFY(m.error.find('\n') == std::string::npos);
        }
        QCOMPARE(test::scalarInt(*w, "SELECT sum(revenue) FROM customer_revenue"), before);
        QCOMPARE(*w->dataVersion("customer_revenue"), version);
        QCOMPARE(*w->tableExists("deskbase_build_customer_revenue"), false);
        QCOMPARE(dailySales(*w).count("2024-01-05"), std::size_t(1));
    }

    // The checks of a model run on what it just built: a warn failure lets its downstream build, an
    // error failure skips it (as `dbt build`); the report carries every result in build order.
    void modelChecksRunAfterTheirModel_data() { test::Backends::addRows(); }
    void modelChecksRunAfterTheirModel() {
        auto w = setUpProject();
        const auto checks = std::filesystem::path(ws_->path()) / "checks";
        writeFile(checks / "int_completed_orders.json",
                  R"({"checks": [{"check": "accepted_values", "column": "status", "values": ["completed"]},
                                {"check": "between", "column": "amount", "min": 0, "max": 60,
                                 "severity": "warn"}]})");
        writeFile(checks / "customer_revenue.json", R"({"checks": [{"check": "row_count", "max": 2}]})");
        auto completed = [](const std::vector<Order>& orders, int above) {
            return std::int64_t(std::count_if(orders.begin(), orders.end(), [&](const Order& o) {
                return lower(o.status) == "completed" && o.amount > above;
            }));
        };
        Runtime rt;
        auto r = build(rt);
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        auto st = statuses(*r);
        QCOMPARE(st.at("int_completed_orders"), std::string("success"));
        QCOMPARE(st.at("daily_sales"), std::string("success"));  // below a warn failure only
        QCOMPARE(st.at("customer_revenue"), std::string("success"));
        QCOMPARE(st.at("top_customer"), std::string("skipped"));
        QCOMPARE(r->models.back().error, std::string("upstream model customer_revenue failed its checks"));
        QCOMPARE(*relationKind(*w, "top_customer"), RelationKind::None);
        QVERIFY(r->failed());
        QCOMPARE(
            buildSummary(*r),
            std::string("0 of 6 models failed, 1 skipped; 1 check failed (customer_revenue: row_count)"));

        QCOMPARE(r->checks.size(), std::size_t(3));  // in build order: int_completed_orders first
        const CheckResult& accepted = r->checks[0];
        QCOMPARE(accepted.check, std::string("accepted_values"));
        QCOMPARE(accepted.status, CheckStatus::Pass);
        QCOMPARE(accepted.rows, completed(kOrders, -1));
        const CheckResult& amount = r->checks[1];
        QCOMPARE(amount.check, std::string("between"));
        QCOMPARE(amount.status, completed(kOrders, 60) > 0 ? CheckStatus::Warn : CheckStatus::Pass);
        QCOMPARE(amount.failures, completed(kOrders, 60));
        const CheckResult& count = r->checks[2];
        QCOMPARE(count.table, std::string("customer_revenue"));
        QCOMPARE(count.status, kCustomers.size() > 2 ? CheckStatus::Fail : CheckStatus::Pass);
        QCOMPARE(count.rows, std::int64_t(kCustomers.size()));

        // Without the error check everything builds; the checks see the rows added since.
        std::filesystem::remove(checks / "customer_revenue.json");
        const std::vector<Order> more = {{9, 1, "completed", 61, "2024-01-05"}};
        insertOrders(*w, more);
        auto all = kOrders;
        all.insert(all.end(), more.begin(), more.end());
        r = build(rt);
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        QVERIFY(!r->failed());
        QCOMPARE(buildSummary(*r), std::string());
        QCOMPARE(statuses(*r).at("top_customer"), std::string("success"));
        QCOMPARE(r->checks.size(), std::size_t(2));
        QCOMPARE(r->checks[0].rows, completed(all, -1));
        QCOMPARE(r->checks[1].failures, completed(all, 60));
        QCOMPARE(r->checks[1].status, CheckStatus::Warn);
    }

    // A check that reads another model (relationships) runs once that model has built: without
    // the wait, customer_revenue (first in build order) would be checked before daily_sales
    // exists. A check that cannot run (a missing column) is an error result that blocks.
    void checksReadingAnotherModelWaitForIt_data() { test::Backends::addRows(); }
    void checksReadingAnotherModelWaitForIt() {
        auto w = setUpProject();
        writeFile(std::filesystem::path(ws_->path()) / "checks" / "customer_revenue.json",
                  R"({"checks": [{"check": "relationships", "column": "customer_id", "to": "daily_sales",
                                 "field": "orders", "severity": "warn"},
                                {"check": "not_null", "column": "no_such_column"}]})");
        Runtime rt;
        auto r = build(rt);
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        QCOMPARE(r->checks.size(), std::size_t(2));
        const CheckResult& rel = r->checks[0];
        QVERIFY2(rel.status != CheckStatus::Error, rel.message.c_str());
        // Customer ids that are no day's count of completed orders, from the raw rows.
        std::map<std::string, std::int64_t> perDay;
        for (const auto& o : kOrders)
            if (lower(o.status) == "completed") ++perDay[o.day];
        std::int64_t orphans = 0;
        for (const auto& c : kCustomers)
            orphans += std::none_of(perDay.begin(), perDay.end(),
                                    [&](const auto& d) { return d.second == c.first; });
        QCOMPARE(rel.failures, orphans);
        const CheckResult& missing = r->checks[1];
        QCOMPARE(missing.status, CheckStatus::Error);
        QCOMPARE(missing.message, std::string("checks/customer_revenue.json: not_null(no_such_column): no "
                                              "column \"no_such_column\" in customer_revenue"));
        QCOMPARE(statuses(*r).at("top_customer"), std::string("skipped"));
        QCOMPARE(statuses(*r).at("daily_sales"), std::string("success"));
    }

    // Each build is a run of kind "build" in the run log: a model step per selected model (status,
    // rows and error as the report says), a checks step after a model with checks, its check
    // results, and the run's status and summary; the last statuses are the newest build's.
    void buildsAreRecordedInTheRunLog_data() { test::Backends::addRows(); }
    void buildsAreRecordedInTheRunLog() {
        auto w = setUpProject();
        writeFile(
            std::filesystem::path(ws_->path()) / "checks" / "customer_revenue.json",
            R"({"checks": [{"check": "row_count", "max": 2}, {"check": "unique", "columns": ["name"]}]})");
        Runtime rt;
        auto r = build(rt);
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        QVERIFY(r->recordError.empty());
        QVERIFY(r->runId > 0);
        auto runs = recentRuns(*w);
        QVERIFY2(runs.isOk(), runs.isOk() ? "" : runs.message().c_str());
        QCOMPARE(runs->size(), std::size_t(1));
        QCOMPARE(runs->front().id, r->runId);
        QCOMPARE(runs->front().kind, std::string("build"));
        QCOMPARE(runs->front().status, std::string("error"));
        QCOMPARE(runs->front().error, buildSummary(*r));
        auto steps = runSteps(*w, r->runId);
        QVERIFY(steps.isOk());
        std::vector<std::string> expected, got;
        for (const auto& m : r->models) {
            expected.push_back("model " + m.name + " " + m.status + " " +
                               (m.rows ? std::to_string(*m.rows) : "-") + " " + m.error);
            if (m.name == "customer_revenue") expected.push_back("checks customer_revenue fail - ");
        }
        for (const auto& s : *steps)
            got.push_back(s.kind + " " + s.name + " " + s.status + " " +
                          (s.rows ? std::to_string(*s.rows) : "-") + " " + s.error);
        QCOMPARE(got, expected);
        auto results = lastCheckResults(*w, "customer_revenue");
        QVERIFY(results.isOk());
        QCOMPARE(results->size(), std::size_t(2));
        QCOMPARE((*results)[0].status, CheckStatus::Fail);
        QCOMPARE((*results)[1].status, CheckStatus::Pass);  // names are distinct

        std::filesystem::remove(std::filesystem::path(ws_->path()) / "checks" / "customer_revenue.json");
        BuildOptions one;
        one.select = {"customer_revenue+"};
        r = build(rt, one);
        QVERIFY2(r.isOk() && !r->failed(), r.isOk() ? "a model failed" : r.message().c_str());
        runs = recentRuns(*w);
        QCOMPARE(runs->size(), std::size_t(2));
        QCOMPARE(runs->front().status, std::string("success"));
        QVERIFY(runs->front().error.empty());
        QCOMPARE(runSteps(*w, r->runId)->size(), std::size_t(2));
        std::map<std::string, std::string> last = {
            {"stg_customers", "success"},    {"stg_orders", "success"},  {"int_completed_orders", "success"},
            {"customer_revenue", "success"}, {"daily_sales", "success"}, {"top_customer", "success"}};
        QCOMPARE(*lastModelStatuses(*w), last);
        // The bookkeeping stays out of the user's tables.
        QCOMPARE(*w->tableExists("deskbase_model_builds"), false);
    }

    void stoppedBuildSkipsEveryModel_data() {
        QTest::addColumn<std::string>("backend");
        QTest::newRow("sqlite") << std::string("sqlite");
    }
    // A stop set before the build starts: no model runs, each is skipped as "cancelled" and
    // reported once; nothing is created in the warehouse.
    void stoppedBuildSkipsEveryModel() {
        auto w = setUpProject();
        Runtime rt;
        const std::atomic<bool> stop{true};
        BuildOptions options;
        options.stop = &stop;
        std::vector<std::pair<std::string, std::size_t>> seen;
        options.onModelDone = [&](const ModelRun& m, std::size_t done, std::size_t total) {
            QCOMPARE(total, kProject.size());
            seen.emplace_back(m.name, done);
        };
        auto r = build(rt, options);
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        QCOMPARE(r->models.size(), kProject.size());
        for (const auto& m : r->models) {
            QCOMPARE(m.status, std::string("skipped"));
            QCOMPARE(m.error, std::string("cancelled"));
        }
        QCOMPARE(seen.size(), kProject.size());
        for (std::size_t i = 0; i < seen.size(); ++i) QCOMPARE(seen[i].second, i + 1);
        QCOMPARE(*relationKind(*w, "stg_orders"), RelationKind::None);
        QCOMPARE(*relationKind(*w, "customer_revenue"), RelationKind::None);
    }

    void modelsReportedAsTheyEnd_data() {
        QTest::addColumn<std::string>("backend");
        QTest::newRow("sqlite") << std::string("sqlite");
    }
    // onModelDone sees every model once, counting up to the total, each after its parents.
    void modelsReportedAsTheyEnd() {
        auto w = setUpProject();
        Runtime rt;
        BuildOptions options;
        std::vector<std::string> seen;
        std::size_t last = 0;
        options.onModelDone = [&](const ModelRun& m, std::size_t done, std::size_t total) {
            QCOMPARE(total, kProject.size());
            QCOMPARE(done, last + 1);
            last = done;
            seen.push_back(m.name + ":" + m.status);
        };
        auto r = build(rt, options);
        QVERIFY2(r.isOk() && !r->failed(), r.isOk() ? "a model failed" : r.message().c_str());
        QCOMPARE(seen.size(), kProject.size());
        auto at = [&](const std::string& name) {
            return std::find(seen.begin(), seen.end(), name + ":success") - seen.begin();
        };
        QVERIFY(at("stg_orders") < at("int_completed_orders"));
        QVERIFY(at("int_completed_orders") < at("customer_revenue"));
        QVERIFY(at("customer_revenue") < at("top_customer"));
        QVERIFY(at("top_customer") < std::ptrdiff_t(seen.size()));
        QCOMPARE(modelRunLine(r->models[3]).rfind("customer_revenue: table, 3 rows (", 0), std::size_t(0));
        QCOMPARE(modelRunsSummary(r->models), std::string("6 built"));
        QCOMPARE(modelRunsSummary({}), std::string("nothing to build"));
        ModelRun failed{"x", Materialization::Table, "error", std::nullopt, 0, "models/x.sql: boom"};
        ModelRun skipped{"y", Materialization::View, "skipped", std::nullopt, 0, "upstream x did not build"};
        QCOMPARE(modelRunsSummary({r->models[0], failed, skipped, skipped}),
                 std::string("1 built, 1 failed, 2 skipped"));
        QCOMPARE(modelRunLine(failed), std::string("x: error: models/x.sql: boom"));
    }

    void projectErrorsBuildNothing_data() {
        QTest::addColumn<std::string>("backend");
        QTest::addColumn<std::string>("file");
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::string>("error");
        for (const std::string backend : {"sqlite", "postgres"}) {
            QTest::newRow((backend + ": missing ref").c_str())
                << backend << std::string("broken.sql")
                << std::string("select *\nfrom {{ ref('stg_order') }}")
                << std::string("models/broken.sql: line 2: ref('stg_order'): no model named stg_order");
            QTest::newRow((backend + ": cycle").c_str())
                << backend << std::string("stg_orders.sql")
                << std::string("select * from {{ ref('int_completed_orders') }}")
                << std::string(
                       "models form a cycle (each refs the next): int_completed_orders -> stg_orders -> "
                       "int_completed_orders");
            QTest::newRow((backend + ": unsupported jinja").c_str())
                << backend << std::string("broken.sql") << std::string("select {{ dbt_utils.star('x') }}")
                << std::string("models/broken.sql: line 1: {{ dbt_utils.star('x') }} is not supported");
        }
    }
    void projectErrorsBuildNothing() {
        QFETCH(std::string, file);
        QFETCH(std::string, text);
        QFETCH(std::string, error);
        auto w = setUpProject();
        writeFile(std::filesystem::path(ws_->path()) / "models" / file, text);
        Runtime rt;
        auto r = build(rt);
        QVERIFY(!r.isOk());
        QVERIFY2(r.message().rfind(error, 0) == 0, r.message().c_str());
        auto tables = w->listTables();
        QVERIFY(tables.isOk());
        QCOMPARE(tables->size(), std::size_t(2));  // raw_orders and raw_customers only
        QCOMPARE(*relationKind(*w, "stg_orders"), RelationKind::None);
    }

    void missingSourceNamesTheFileAndLine_data() { test::Backends::addRows(); }
    void missingSourceNamesTheFileAndLine() {
        auto w = setUpProject();
        QVERIFY(w->execute("DROP TABLE raw_customers").isOk());
        Runtime rt;
        BuildOptions upstream;
        upstream.select = {"+customer_revenue"};
        auto r = build(rt, upstream);
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        const auto st = statuses(*r);
        QCOMPARE(st.at("customer_revenue"), std::string("error"));
        QCOMPARE(r->models.back().error,
                 std::string("models/stg_customers.sql: line 2: source('shop', 'raw_customers'): no table "
                             "raw_customers in the warehouse"));
    }

    // Independent models are jobs that run side by side within the writer limit: with two writers
    // on PostgreSQL, b_free builds and commits while a_waits is blocked on an advisory lock the
    // test holds. Built one after the other (a_waits comes first), b_free would never commit and
    // the test would hang until ctest's timeout.
    void independentModelsBuildInParallel() {
        ws_ = std::make_unique<test::TempWorkspace>();
        const auto dir = std::filesystem::path(ws_->path()) / "models";
        writeFile(dir / "a_waits.sql",
                  "{{ config(materialized='table') }}\n"
                  "select 1 as x from (select pg_advisory_xact_lock_shared(42)) as l\n");
        writeFile(dir / "b_free.sql", "{{ config(materialized='table') }}\nselect 2 as y\n");
        auto target = backends_.freshTarget("postgres");
        QVERIFY2(target.isOk(), target.isOk() ? "" : target.message().c_str());
        target_ = *target;
        auto holder = Warehouse::open(target_);
        QVERIFY(holder.isOk());
        QVERIFY((*holder)->execute("SELECT pg_advisory_lock(42)").isOk());

        RuntimeOptions options;
        options.writersPerWarehouse = 2;
        Runtime rt(options);
        Result<BuildReport> report = Error{"not run"};
        std::thread builder([&] { report = build(rt); });
        auto probe = Warehouse::open(target_);
        QVERIFY(probe.isOk());
        while (test::scalarInt(**probe,
                               "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                               "AND query LIKE '%pg_advisory_xact_lock_shared(42)%'") < 1)
            QThread::yieldCurrentThread();
        while (test::scalarInt(
                   **probe, "SELECT count(*) FROM deskbase_table_versions WHERE table_name = 'b_free'") < 1)
            QThread::yieldCurrentThread();
        QCOMPARE(test::scalarInt(**probe, "SELECT count(*) FROM pg_tables WHERE tablename = 'a_waits'"),
                 std::int64_t(0));  // still waiting
        QVERIFY((*holder)->execute("SELECT pg_advisory_unlock(42)").isOk());
        builder.join();
        QVERIFY2(report.isOk() && !report->failed(),
                 report.isOk() ? "a model failed" : report.message().c_str());
        QCOMPARE(test::scalarInt(**probe, "SELECT x FROM a_waits"), std::int64_t(1));
    }

    // The server ends the connection while a model builds: that model fails with a one-line error
    // and keeps nothing half-built, its downstream is skipped, the next model builds on a new session.
    void connectionLostMidBuild() {
        ws_ = std::make_unique<test::TempWorkspace>();
        const auto dir = std::filesystem::path(ws_->path()) / "models";
        writeFile(dir / "a_dies.sql",
                  "{{ config(materialized='table') }}\n"
                  "select 1 as x from (select pg_terminate_backend(pg_backend_pid())) as t\n");
        writeFile(dir / "b_after.sql", "select * from {{ ref('a_dies') }}\n");
        writeFile(dir / "c_other.sql", "{{ config(materialized='table') }}\nselect 2 as y\n");
        auto target = backends_.freshTarget("postgres");
        QVERIFY2(target.isOk(), target.isOk() ? "" : target.message().c_str());
        target_ = *target;
        Runtime rt;
        auto r = build(rt);
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        const auto st = statuses(*r);
        QCOMPARE(st.at("a_dies"), std::string("error"));
        QCOMPARE(st.at("b_after"), std::string("skipped"));
        QCOMPARE(st.at("c_other"), std::string("success"));
        for (const auto& m : r->models) QVERIFY2(m.error.find('\n') == std::string::npos, m.error.c_str());
        auto w = Warehouse::open(target_);
        QVERIFY(w.isOk());
        QCOMPARE(*relationKind(**w, "a_dies"), RelationKind::None);
        QCOMPARE(*(*w)->tableExists("deskbase_build_a_dies"), false);
        QCOMPARE(test::scalarInt(**w, "SELECT y FROM c_other"), std::int64_t(2));
    }
    // The server dies (stopped in immediate mode, as a crash) while a model builds: that model
    // fails with a one-line error, its downstream is skipped, the model built before reports
    // success, and once the server is back nothing half-built is there. The build's record fails on
    // one line.
    void serverDiesMidBuild() {
        auto server = test::PgServer::start();
        QVERIFY2(server.isOk(), server.isOk() ? "" : server.message().c_str());
        ws_ = std::make_unique<test::TempWorkspace>();
        const auto dir = std::filesystem::path(ws_->path()) / "models";
        writeFile(dir / "a_first.sql", "{{ config(materialized='table') }}\nselect 1 as x\n");
        writeFile(dir / "b_waits.sql",
                  "{{ config(materialized='table') }}\n"
                  "select x from {{ ref('a_first') }}, (select pg_advisory_xact_lock_shared(42)) as l\n");
        writeFile(dir / "c_after.sql", "select * from {{ ref('b_waits') }}\n");
        target_ = (*server)->uri();
        auto holder = Warehouse::open(target_);
        QVERIFY(holder.isOk());
        QVERIFY((*holder)->execute("SELECT pg_advisory_lock(42)").isOk());
        Runtime rt;
        Result<BuildReport> report = Error{"not run"};
        std::thread builder([&] { report = build(rt); });
        while (test::scalarInt(**holder,
                               "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                               "AND query LIKE '%pg_advisory_xact_lock_shared(42)%'") < 1)
            QThread::yieldCurrentThread();
        QVERIFY((*server)->stop().isOk());
        builder.join();
        QVERIFY2(report.isOk(), report.isOk() ? "" : report.message().c_str());
        const auto st = statuses(*report);
        QCOMPARE(st.at("a_first"), std::string("success"));
        QCOMPARE(st.at("b_waits"), std::string("error"));
        QCOMPARE(st.at("c_after"), std::string("skipped"));
        for (const auto& m : report->models)
            QVERIFY2(m.error.find('\n') == std::string::npos, m.error.c_str());
        QVERIFY2(report->models[1].error.rfind("models/b_waits.sql: ", 0) == 0,
                 report->models[1].error.c_str());
        QVERIFY(!report->recordError.empty());
        QVERIFY2(report->recordError.find('\n') == std::string::npos, report->recordError.c_str());

        QVERIFY((*server)->restart().isOk());
        auto w = Warehouse::open(target_);
        QVERIFY2(w.isOk(), w.isOk() ? "" : w.message().c_str());
        // (a_first's commit is not asserted: the throwaway server runs without durable commits.)
        QCOMPARE(*relationKind(**w, "b_waits"), RelationKind::None);
        QCOMPARE(*(*w)->tableExists("deskbase_build_b_waits"), false);
        QCOMPARE(*relationKind(**w, "c_after"), RelationKind::None);
    }
};

QTEST_GUILESS_MAIN(ModelBuildTest)
#include "model_build_test.moc"
