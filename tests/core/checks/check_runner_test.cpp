// Checks on a real warehouse (SQLite file or the throwaway PostgreSQL server, by
// DESKBASE_CONFORMANCE_BACKEND): every kind's status, failing count, percent and sample against
// counts computed here from the rows the test wrote, the failing-rows SQL listing exactly the
// failing rows, one aggregate scan for the column checks, and the errors (missing column or
// table, SQL or a regex that does not run) as one-line results that leave the other checks be.
#include "tests/core/checks/check_runner_test.h"

#include <QtTest>
#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "core/checks/check_file.h"
#include "core/checks/check_runner.h"
#include "tests/core/warehouse/conformance/backend_fixture.h"

using namespace deskbase;

Q_DECLARE_METATYPE(std::string)

namespace {

// One row of the orders table, as written.
struct Order {
    std::int64_t n;
    std::optional<std::int64_t> id;
    std::optional<std::string> status;
    std::optional<double> total;
    std::optional<std::string> email;
    std::optional<std::int64_t> customer;
    std::optional<std::string> date;
};

const std::vector<Order>& orders() {
    static const std::vector<Order> rows = {
        {1, 1, "completed", 10.5, "a@x.com", 1, "2024-01-01"},
        {2, 2, "completed", 20, "b@x.com", 2, "2024-01-02"},
        {3, 3, "returned", 30, "bad-email", 3, "2024-01-03"},
        {4, 3, "cancelled", -5, "c@x.com", 9, "2024-01-04"},
        {5, std::nullopt, "shipped", 20000, std::nullopt, std::nullopt, "2024-01-05"},
        {6, 5, "shipped", 50, "d@y", 2, std::nullopt},
        {7, 6, "completed", 10000, "e@x", 1, "2024-01-06"},
        {8, 7, "lost", 0, "@@", 8, "2024-01-07"},
        {9, 7, "completed", 15, "f@x", 1, "2024-01-08"},
        {10, 7, "completed", 16, "g@x", 1, "2024-01-09"},
        {11, 8, "it's", 12, "o'neil@x.com", 3, "2024-01-10"},
        {12, 9, "completed", std::nullopt, "h@x", 9, "2024-01-10"},
    };
    return rows;
}
const std::set<std::int64_t> kCustomers = {1, 2, 3};
const std::set<std::string> kAccepted = {"completed", "returned", "cancelled"};

template <class T>
Value v(const std::optional<T>& x) {
    return x ? Value{*x} : Value{};
}

// What a check should find, worked out here from orders(): the failing rows (by n), the rows
// the percent is of, and the failing values with their counts (as text: "7", "7|lost").
struct Expected {
    std::set<std::int64_t> failing;
    std::int64_t rows = 0;
    std::map<std::string, std::int64_t> sample;
};

}  // namespace

Q_DECLARE_METATYPE(Expected)

namespace {

using Pred = std::function<bool(const Order&)>;        // the row takes part (non-NULL)
using Fails = std::function<bool(const Order&)>;       // the row fails
using Key = std::function<std::string(const Order&)>;  // its value as text

Expected rowCheck(const Pred& checked, const Fails& fails, const Key& key) {
    Expected e;
    for (const auto& o : orders()) {
        if (!checked(o)) continue;
        ++e.rows;
        if (!fails(o)) continue;
        e.failing.insert(o.n);
        ++e.sample[key(o)];
    }
    return e;
}

// unique: the rows whose (non-NULL) key another row shares.
Expected uniqueCheck(const Pred& checked, const Key& key) {
    std::map<std::string, std::int64_t> counts;
    for (const auto& o : orders())
        if (checked(o)) ++counts[key(o)];
    Expected e;
    for (const auto& o : orders()) {
        if (!checked(o)) continue;
        ++e.rows;
        if (counts[key(o)] > 1) e.failing.insert(o.n);
    }
    for (const auto& [k, c] : counts)
        if (c > 1) e.sample[k] = c;
    return e;
}

std::string num(double d) {
    return valueToText(Value{d});
}
std::string txt(const std::optional<std::int64_t>& i) {
    return i ? std::to_string(*i) : "";
}

// Sample values as the test writes them: one key's values joined by "|", NULL as "".
std::string keyText(const std::vector<Value>& key) {
    std::string s;
    for (std::size_t i = 0; i < key.size(); ++i) {
        Value v = key[i];
        if (auto* d = std::get_if<double>(&v); d && *d == std::floor(*d) && std::abs(*d) < 1e15)
            v = std::int64_t(*d);  // a REAL 20 reads back as 20 on SQLite, 20 on PostgreSQL
        s += (i ? "|" : "") + valueToText(v);
    }
    return s;
}

std::string totalText(const Order& o) {
    const double t = *o.total;
    return t == std::floor(t) ? std::to_string(std::int64_t(t)) : num(t);
}

Result<std::vector<Row>> fetchAll(Warehouse& w, const std::string& sql) {
    auto c = w.query(sql);
    if (!c) return Error{c.message()};
    std::vector<Row> out;
    for (;;) {
        auto n = (*c)->fetch(out, 1000);
        if (!n) return Error{n.message()};
        if (*n == 0) return out;
    }
}

}  // namespace

CheckFile CheckRunnerTest::file(const std::string& checksJson, const std::string& table) {
    auto f = checkFileFromText(R"({"table": ")" + table + R"(", "checks": [)" + checksJson + "]}",
                               "checks/" + table + ".json", table);
    if (!f) qFatal("bad check file in the test: %s", f.message().c_str());
    return *f;
}

CheckResult CheckRunnerTest::runOne(const std::string& checkJson, CheckRunOptions o) {
    auto results = runChecks(*w_, file(checkJson), o);
    if (results.size() != 1) qFatal("one check, %zu results", results.size());
    return results[0];
}

Status CheckRunnerTest::createTables() {
    auto t = [&](ColumnType c) { return w_->sqlType(c); };
    if (auto s = w_->execute("CREATE TABLE orders (n " + t(ColumnType::Integer) + ", order_id " +
                             t(ColumnType::Integer) + ", status " + t(ColumnType::Text) + ", total " +
                             t(ColumnType::Real) + ", email " + t(ColumnType::Text) + ", customer_id " +
                             t(ColumnType::Integer) + ", order_date " + t(ColumnType::Date) + ")");
        !s)
        return s;
    std::string insert = "INSERT INTO orders VALUES (";
    for (int i = 1; i <= 7; ++i) insert += (i > 1 ? ", " : "") + w_->placeholder(i);
    insert += ")";
    for (const auto& o : orders())
        if (auto s = w_->execute(
                insert, {Value{o.n}, v(o.id), v(o.status), v(o.total), v(o.email), v(o.customer), v(o.date)});
            !s)
            return s;
    if (auto s = w_->execute("CREATE TABLE customers (customer_id " + t(ColumnType::Integer) + ", name " +
                             t(ColumnType::Text) + ")");
        !s)
        return s;
    for (auto c : kCustomers)
        if (auto s =
                w_->execute("INSERT INTO customers VALUES (" + w_->placeholder(1) + ", 'c')", {Value{c}});
            !s)
            return s;
    return w_->execute("INSERT INTO customers VALUES (NULL, 'no id')");
}

std::set<std::int64_t> CheckRunnerTest::rowNumbers(const std::string& sql) {
    auto rows = fetchAll(*w_, sql);
    if (!rows) qFatal("failing-rows SQL does not run: %s: %s", sql.c_str(), rows.message().c_str());
    std::set<std::int64_t> out;
    for (const auto& r : *rows) out.insert(std::get<std::int64_t>(r[0]));
    if (out.size() != rows->size()) qFatal("a row is listed twice by %s", sql.c_str());
    return out;
}

void CheckRunnerTest::initTestCase() {
    auto s = backend_.setUp();
    QVERIFY2(s, s.message().c_str());
    auto w = backend_.freshWarehouse();
    QVERIFY2(w, w.status().message().c_str());
    w_ = std::move(*w);
    auto t = createTables();
    QVERIFY2(t, t.message().c_str());
}

void CheckRunnerTest::rowChecks_data() {
    QTest::addColumn<std::string>("check");
    QTest::addColumn<std::string>("status");  // when something fails
    QTest::addColumn<double>("mostly");       // 0: none
    QTest::addColumn<Expected>("expected");
    auto always = [](const Order&) { return true; };
    auto id = [](const Order& o) { return txt(o.id); };
    auto hasId = [](const Order& o) { return o.id.has_value(); };
    auto hasStatus = [](const Order& o) { return o.status.has_value(); };
    auto hasTotal = [](const Order& o) { return o.total.has_value(); };
    auto hasEmail = [](const Order& o) { return o.email.has_value(); };
    auto hasCustomer = [](const Order& o) { return o.customer.has_value(); };
    auto status = [](const Order& o) { return *o.status; };

    QTest::newRow("not_null fails") << std::string(R"({"check": "not_null", "column": "order_id"})")
                                    << std::string("fail") << 0.0
                                    << rowCheck(
                                           always, [](const Order& o) { return !o.id; },
                                           [](const Order&) { return std::string(); });
    QTest::newRow("not_null passes") << std::string(R"({"check": "not_null", "column": "n"})")
                                     << std::string("fail") << 0.0
                                     << rowCheck(
                                            always, [](const Order&) { return false; }, id);
    QTest::newRow("unique fails") << std::string(R"({"check": "unique", "columns": ["order_id"]})")
                                  << std::string("fail") << 0.0 << uniqueCheck(hasId, id);
    QTest::newRow("unique as column, warn")
        << std::string(R"({"check": "unique", "column": "order_id", "severity": "warn"})")
        << std::string("warn") << 0.0 << uniqueCheck(hasId, id);
    QTest::newRow("unique on two columns")
        << std::string(R"({"check": "unique", "columns": ["order_id", "status"]})") << std::string("fail")
        << 0.0
        << uniqueCheck([](const Order& o) { return o.id && o.status; },
                       [](const Order& o) { return txt(o.id) + "|" + *o.status; });
    QTest::newRow("unique passes") << std::string(R"({"check": "unique", "columns": ["n"]})")
                                   << std::string("fail") << 0.0
                                   << uniqueCheck(always, [](const Order& o) { return std::to_string(o.n); });
    QTest::newRow("accepted_values")
        << std::string(
               R"({"check": "accepted_values", "column": "status", "values": ["completed", "returned", "cancelled"]})")
        << std::string("fail") << 0.0
        << rowCheck(
               hasStatus, [](const Order& o) { return !kAccepted.count(*o.status); }, status);
    QTest::newRow("accepted_values with a quote")
        << std::string(
               R"({"check": "accepted_values", "column": "status", "values": ["completed", "returned", "cancelled", "it's", "lost"]})")
        << std::string("fail") << 0.0
        << rowCheck(
               hasStatus,
               [](const Order& o) {
                   return !kAccepted.count(*o.status) && *o.status != "it's" && *o.status != "lost";
               },
               status);
    QTest::newRow("accepted_values within mostly")
        << std::string(
               R"({"check": "accepted_values", "column": "status", "values": ["completed", "returned", "cancelled"], "mostly": 0.6})")
        << std::string("fail") << 0.6
        << rowCheck(
               hasStatus, [](const Order& o) { return !kAccepted.count(*o.status); }, status);
    QTest::newRow("accepted_values beyond mostly")
        << std::string(
               R"({"check": "accepted_values", "column": "status", "values": ["completed", "returned", "cancelled"], "mostly": 0.9})")
        << std::string("fail") << 0.9
        << rowCheck(
               hasStatus, [](const Order& o) { return !kAccepted.count(*o.status); }, status);
    QTest::newRow("relationships")
        << std::string(
               R"({"check": "relationships", "column": "customer_id", "to": "customers", "field": "customer_id"})")
        << std::string("fail") << 0.0
        << rowCheck(
               hasCustomer, [](const Order& o) { return !kCustomers.count(*o.customer); },
               [](const Order& o) { return txt(o.customer); });
    QTest::newRow("between inclusive")
        << std::string(R"({"check": "between", "column": "total", "min": 0, "max": 10000})")
        << std::string("fail") << 0.0
        << rowCheck(
               hasTotal, [](const Order& o) { return *o.total < 0 || *o.total > 10000; }, totalText);
    QTest::newRow("between exclusive")
        << std::string(
               R"({"check": "between", "column": "total", "min": 0, "max": 10000, "inclusive": false})")
        << std::string("fail") << 0.0
        << rowCheck(
               hasTotal, [](const Order& o) { return *o.total <= 0 || *o.total >= 10000; }, totalText);
    QTest::newRow("between min only, exclusive min")
        << std::string(
               R"({"check": "between", "column": "total", "min": 0, "min_inclusive": false, "severity": "warn"})")
        << std::string("warn") << 0.0
        << rowCheck(
               hasTotal, [](const Order& o) { return *o.total <= 0; }, totalText);
    QTest::newRow("between real bound")
        << std::string(R"({"check": "between", "column": "total", "max": 15.5})") << std::string("fail")
        << 0.0
        << rowCheck(
               hasTotal, [](const Order& o) { return *o.total > 15.5; }, totalText);
    QTest::newRow("between dates")
        << std::string(
               R"({"check": "between", "column": "order_date", "min": "2024-01-02", "max": "2024-01-09"})")
        << std::string("fail") << 0.0
        << rowCheck([](const Order& o) { return o.date.has_value(); },
                    [](const Order& o) { return *o.date < "2024-01-02" || *o.date > "2024-01-09"; },
                    [](const Order& o) { return *o.date; });
    const std::string re = "^[^@]+@[^@]+$";
    QTest::newRow("matches")
        << std::string(R"({"check": "matches", "column": "email", "regex": "^[^@]+@[^@]+$"})")
        << std::string("fail") << 0.0
        << rowCheck(
               hasEmail, [re](const Order& o) { return !std::regex_search(*o.email, std::regex(re)); },
               [](const Order& o) { return *o.email; });
    QTest::newRow("matches unanchored")
        << std::string(R"({"check": "matches", "column": "email", "regex": "x\\.com"})")
        << std::string("fail") << 0.0
        << rowCheck(
               hasEmail, [](const Order& o) { return o.email->find("x.com") == std::string::npos; },
               [](const Order& o) { return *o.email; });
    QTest::newRow("sql")
        << std::string(
               R"({"check": "sql", "name": "no negative totals", "sql": "select n, total from orders where total < 0 or total > 10000;"})")
        << std::string("fail") << 0.0
        << rowCheck(
               always, [](const Order& o) { return o.total && (*o.total < 0 || *o.total > 10000); },
               [](const Order& o) { return std::to_string(o.n) + "|" + totalText(o); });
}

void CheckRunnerTest::rowChecks() {
    QFETCH(std::string, check);
    QFETCH(std::string, status);
    QFETCH(double, mostly);
    QFETCH(Expected, expected);
    const CheckResult r = runOne(check);
    QVERIFY2(r.status != CheckStatus::Error, r.message.c_str());
    const auto failures = std::int64_t(expected.failing.size());
    QCOMPARE(r.failures, failures);
    QCOMPARE(r.rows, expected.rows);
    QVERIFY(r.percent.has_value());
    QCOMPARE(*r.percent, expected.rows ? 100.0 * double(failures) / double(expected.rows) : 0.0);
    const bool withinMostly =
        mostly > 0 && double(expected.rows - failures) / double(expected.rows) >= mostly;
    const std::string want = failures == 0 || withinMostly ? "pass" : status;
    QCOMPARE(std::string(checkStatusName(r.status)), want);
    QVERIFY(!r.message.empty());
    QVERIFY(r.message.find('\n') == std::string::npos);

    // The sample: every failing value with its count, most frequent first.
    std::map<std::string, std::int64_t> sample;
    for (std::size_t i = 0; i < r.sample.size(); ++i) {
        sample[keyText(r.sample[i].key)] += r.sample[i].count;
        if (i > 0) QVERIFY(r.sample[i - 1].count >= r.sample[i].count);
    }
    if (r.check == "sql") {  // the failing rows themselves, one each
        QCOMPARE(sample.size(), expected.failing.size());
    } else {
        QCOMPARE(sample, expected.sample);
    }

    // The failing-rows SQL lists exactly the failing rows (`n` first: wrap it to read n).
    QVERIFY(!r.failingRowsSql.empty());
    QCOMPARE(rowNumbers("SELECT n FROM (" + r.failingRowsSql + ") deskbase_t"), expected.failing);
}

void CheckRunnerTest::sampleHoldsTheTwentyMostFrequent() {
    // 25 failing values, value i on (i % 4 + 1) rows.
    QVERIFY(w_->execute("CREATE TABLE many (v " + w_->sqlType(ColumnType::Text) + ")"));
    std::map<std::string, std::int64_t> counts;
    for (int i = 0; i < 25; ++i)
        for (int k = 0; k <= i % 4; ++k) {
            const std::string value = "v" + std::to_string(i);
            QVERIFY(w_->execute("INSERT INTO many VALUES (" + w_->placeholder(1) + ")", {Value{value}}));
            ++counts[value];
        }
    auto results =
        runChecks(*w_, file(R"({"check": "accepted_values", "column": "v", "values": ["none"]})", "many"));
    const CheckResult& r = results.at(0);
    std::int64_t total = 0;
    std::vector<std::int64_t> sizes;
    for (const auto& [value, c] : counts) {
        total += c;
        sizes.push_back(c);
    }
    std::sort(sizes.rbegin(), sizes.rend());
    sizes.resize(20);
    QCOMPARE(r.failures, total);
    QCOMPARE(r.sample.size(), std::size_t(20));
    for (std::size_t i = 0; i < 20; ++i) {
        QCOMPARE(r.sample[i].count, sizes[i]);
        QCOMPARE(r.sample[i].count, counts.at(valueToText(r.sample[i].key.at(0))));
    }
    // The same for unique: 20 keys, the total of failing rows over all keys.
    std::int64_t dupRows = 0;
    for (const auto& [value, c] : counts)
        if (c > 1) dupRows += c;
    auto u = runChecks(*w_, file(R"({"check": "unique", "columns": ["v"]})", "many")).at(0);
    QCOMPARE(u.failures, dupRows);
    QCOMPARE(u.sample.size(), std::size_t(std::count_if(counts.begin(), counts.end(),
                                                        [](const auto& kv) { return kv.second > 1; })));
    QVERIFY(w_->execute("DROP TABLE many"));
}

void CheckRunnerTest::tableChecks_data() {
    QTest::addColumn<std::string>("check");
    QTest::addColumn<std::string>("status");
    QTest::addColumn<qint64>("failures");
    const auto n = qint64(orders().size());
    QTest::newRow("row_count min met")
        << std::string(R"({"check": "row_count", "min": 1})") << std::string("pass") << qint64(0);
    QTest::newRow("row_count exactly")
        << std::string(R"({"check": "row_count", "min": )" + std::to_string(n) + R"(, "max": )" +
                       std::to_string(n) + "}")
        << std::string("pass") << qint64(0);
    QTest::newRow("row_count too few")
        << std::string(R"({"check": "row_count", "min": )" + std::to_string(n + 1) + "}")
        << std::string("fail") << qint64(1);
    QTest::newRow("row_count too many, warn")
        << std::string(R"({"check": "row_count", "max": )" + std::to_string(n - 1) +
                       R"(, "severity": "warn"})")
        << std::string("warn") << qint64(1);
    QTest::newRow("columns present with types")
        << std::string(
               R"({"check": "columns", "required": {"order_id": "integer", "status": "text", "total": "real", "order_date": "date"}})")
        << std::string("pass") << qint64(0);
    QTest::newRow("columns by name") << std::string(R"({"check": "columns", "required": ["n", "email"]})")
                                     << std::string("pass") << qint64(0);
    QTest::newRow("columns missing and mistyped")
        << std::string(
               R"({"check": "columns", "required": {"order_id": "text", "nope": "integer", "n": ""}})")
        << std::string("fail") << qint64(2);
    // Freshness against a fixed now: the newest order_date is 2024-01-10.
    QTest::newRow("freshness fresh")
        << std::string(
               R"({"check": "freshness", "column": "order_date", "warn_after": "3d", "error_after": "7d"})")
        << std::string("pass") << qint64(0);
    QTest::newRow("freshness warn")
        << std::string(
               R"({"check": "freshness", "column": "order_date", "warn_after": "2d", "error_after": "7d"})")
        << std::string("warn") << qint64(1);
    QTest::newRow("freshness error")
        << std::string(
               R"({"check": "freshness", "column": "order_date", "warn_after": "1d", "error_after": "2d"})")
        << std::string("fail") << qint64(1);
}

void CheckRunnerTest::tableChecks() {
    QFETCH(std::string, check);
    QFETCH(std::string, status);
    QFETCH(qint64, failures);
    CheckRunOptions o;
    o.now = *parseTimestamp("2024-01-12 12:00:00");  // 2.5 days after the newest order_date
    const CheckResult r = runOne(check, o);
    QCOMPARE(std::string(checkStatusName(r.status)), status);
    QCOMPARE(r.failures, std::int64_t(failures));
    QVERIFY(!r.percent.has_value());
    QVERIFY(r.failingRowsSql.empty());
    QVERIFY(r.message.find('\n') == std::string::npos);
}

void CheckRunnerTest::freshnessMessageNamesTheNewestValue() {
    CheckRunOptions o;
    o.now = *parseTimestamp("2024-01-12 12:00:00");
    const CheckResult r = runOne(
        R"({"check": "freshness", "column": "order_date", "warn_after": "2d", "error_after": "7d"})", o);
    QCOMPARE(
        r.message,
        std::string("newest order_date 2024-01-10 00:00:00 is 2d 12h old (warn after 2d, error after 7d)"));
}

void CheckRunnerTest::freshnessOfTheLastImport() {
    CheckRunOptions o;
    o.now = *parseTimestamp("2024-01-12 12:00:00");
    o.importedAt = *parseTimestamp("2024-01-12 11:00:00");
    const std::string check = R"({"check": "freshness", "warn_after": "30m", "error_after": "2h"})";
    QCOMPARE(std::string(checkStatusName(runOne(check, o).status)), std::string("warn"));
    // Without an import under way, the log of imports says when; none is recorded here.
    o.importedAt.reset();
    const CheckResult r = runOne(check, o);
    QCOMPARE(std::string(checkStatusName(r.status)), std::string("error"));
    QCOMPARE(r.message,
             std::string("checks/orders.json: freshness(last import): no import of orders is recorded "
                         "(give freshness a \"column\")"));
}

void CheckRunnerTest::columnChecksShareOneScan() {
    // Five column checks that pass: the table is read once.
    std::vector<std::string> statements;
    CheckRunOptions o;
    o.trace = [&](const std::string& sql) { statements.push_back(sql); };
    const CheckFile passing = file(R"({"check": "not_null", "column": "n"},
        {"check": "not_null", "column": "status"},
        {"check": "unique", "columns": ["n"]},
        {"check": "accepted_values", "column": "status", "values": ["completed", "returned", "cancelled", "shipped", "lost", "it's"]},
        {"check": "between", "column": "n", "min": 1, "max": 12},
        {"check": "row_count", "min": 1})");
    auto results = runChecks(*w_, passing, o);
    for (const auto& r : results) QVERIFY2(r.status == CheckStatus::Pass, r.message.c_str());
    QCOMPARE(statements.size(), std::size_t(1));
    // Failing ones add one sample query each, nothing more.
    statements.clear();
    const CheckFile failing = file(R"({"check": "not_null", "column": "order_id"},
        {"check": "unique", "columns": ["order_id"]},
        {"check": "accepted_values", "column": "status", "values": ["completed"]},
        {"check": "between", "column": "total", "min": 0},
        {"check": "matches", "column": "email", "regex": "@x"})");
    results = runChecks(*w_, failing, o);
    for (const auto& r : results) QVERIFY2(r.status == CheckStatus::Fail, r.message.c_str());
    // not_null needs no sample query: its one failing value is NULL.
    QCOMPARE(statements.size(), std::size_t(1 + 4));
}

void CheckRunnerTest::errors_data() {
    QTest::addColumn<std::string>("check");
    QTest::addColumn<std::string>("message");  // "" = any one line naming file and check
    QTest::newRow("missing column")
        << std::string(R"({"check": "not_null", "column": "nope"})")
        << std::string("checks/orders.json: not_null(nope): no column \"nope\" in orders");
    QTest::newRow("missing key column")
        << std::string(R"({"check": "unique", "columns": ["order_id", "nope"]})")
        << std::string(
               "checks/orders.json: unique(order_id, nope): no column "
               "\"nope\" in orders");
    QTest::newRow("relationships to a missing table")
        << std::string(
               R"({"check": "relationships", "column": "customer_id", "to": "nobody", "field": "id"})")
        << std::string("checks/orders.json: relationships(customer_id -> nobody.id): no table named nobody");
    QTest::newRow("relationships to a missing field")
        << std::string(
               R"({"check": "relationships", "column": "customer_id", "to": "customers", "field": "id"})")
        << std::string(
               "checks/orders.json: relationships(customer_id -> customers.id): no column \"id\" in "
               "customers");
    QTest::newRow("sql that does not run")
        << std::string(R"({"check": "sql", "name": "broken", "sql": "select * from nowhere"})")
        << std::string("");
}

void CheckRunnerTest::errors() {
    QFETCH(std::string, check);
    QFETCH(std::string, message);
    // The bad check next to a good one: the good one still runs.
    auto results = runChecks(*w_, file(check + R"(, {"check": "not_null", "column": "n"})"));
    QCOMPARE(results.size(), std::size_t(2));
    const CheckResult& r = results[0];
    QCOMPARE(std::string(checkStatusName(r.status)), std::string("error"));
    QVERIFY2(r.message.find('\n') == std::string::npos, r.message.c_str());
    if (!message.empty())
        QCOMPARE(r.message, message);
    else
        QVERIFY2(r.message.rfind("checks/orders.json: " + r.name + ": ", 0) == 0, r.message.c_str());
    QVERIFY(blocks(r));
    QCOMPARE(std::string(checkStatusName(results[1].status)), std::string("pass"));
}

void CheckRunnerTest::regexThatDoesNotRunIsAnError() {
    // A pattern the loader's engine accepts but the warehouse's does not (PostgreSQL has no
    // named groups), or one handed to REGEXP / ~ by a sql check: an error on that check only.
    const std::string op = backend_.isPostgres() ? "~" : "REGEXP";
    auto results = runChecks(
        *w_, file(R"({"check": "sql", "name": "bad regex", "sql": "select * from orders where email )" + op +
                  R"( '([a-z'"}, {"check": "matches", "column": "email", "regex": "@"})"));
    QCOMPARE(std::string(checkStatusName(results[0].status)), std::string("error"));
    QVERIFY2(results[0].message.rfind("checks/orders.json: bad regex: ", 0) == 0, results[0].message.c_str());
    QVERIFY2(results[0].message.find("regular expression") != std::string::npos ||
                 results[0].message.find("does not compile") != std::string::npos,
             results[0].message.c_str());
    QCOMPARE(std::string(checkStatusName(results[1].status)), std::string("fail"));
    if (backend_.isPostgres()) {
        // The aggregate scan fails on this check; the others are still judged from their own.
        results = runChecks(*w_, file(R"({"check": "matches", "column": "email", "regex": "(?<user>[a-z]+)@"},
            {"check": "not_null", "column": "n"})"));
        QCOMPARE(std::string(checkStatusName(results[0].status)), std::string("error"));
        QVERIFY2(results[0].message.find("regular expression") != std::string::npos,
                 results[0].message.c_str());
        QCOMPARE(std::string(checkStatusName(results[1].status)), std::string("pass"));
    }
}

void CheckRunnerTest::missingTableFailsEveryCheck() {
    auto results = runChecks(
        *w_, file(R"({"check": "row_count", "min": 1}, {"check": "not_null", "column": "a"})", "absent"));
    QCOMPARE(results.size(), std::size_t(2));
    QCOMPARE(results[0].message, std::string("checks/absent.json: row_count: no table named absent"));
    QCOMPARE(results[1].message, std::string("checks/absent.json: not_null(a): no table named absent"));
    QVERIFY(anyBlocking(results));
}

void CheckRunnerTest::warnSeverityDoesNotBlock() {
    auto results = runChecks(*w_, file(R"({"check": "not_null", "column": "order_id", "severity": "warn"},
        {"check": "not_null", "column": "nope", "severity": "warn"})"));
    QCOMPARE(std::string(checkStatusName(results[0].status)), std::string("warn"));
    QCOMPARE(std::string(checkStatusName(results[1].status)), std::string("error"));
    QVERIFY(!anyBlocking(results));
}

void CheckRunnerTest::stopFlagCancelsTheChecks() {
    std::atomic<bool> stop{true};
    CheckRunOptions o;
    o.stop = &stop;
    auto results =
        runChecks(*w_, file(R"({"check": "not_null", "column": "n"}, {"check": "row_count", "min": 1})"), o);
    for (const auto& r : results) {
        QCOMPARE(std::string(checkStatusName(r.status)), std::string("error"));
        QVERIFY2(r.message.find(": cancelled") != std::string::npos, r.message.c_str());
    }
}

void CheckRunnerTest::emptyTable() {
    QVERIFY(w_->execute("CREATE TABLE empty_t (a " + w_->sqlType(ColumnType::Integer) + ")"));
    auto results =
        runChecks(*w_, file(R"({"check": "not_null", "column": "a"}, {"check": "unique", "columns": ["a"]},
        {"check": "row_count", "min": 1})",
                            "empty_t"));
    QCOMPARE(std::string(checkStatusName(results[0].status)), std::string("pass"));
    QCOMPARE(*results[0].percent, 0.0);
    QCOMPARE(std::string(checkStatusName(results[1].status)), std::string("pass"));
    QCOMPARE(std::string(checkStatusName(results[2].status)), std::string("fail"));
    QCOMPARE(results[2].message, std::string("0 rows; at least 1 expected"));
    QVERIFY(w_->execute("DROP TABLE empty_t"));
}

QTEST_GUILESS_MAIN(CheckRunnerTest)
