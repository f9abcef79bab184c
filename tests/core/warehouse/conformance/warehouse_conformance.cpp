// Warehouse behaviour every backend must share: listing, binding, cache-invalidation helpers;
// the suite's fixture slots and shared helpers.
#include <chrono>
#include <cstdio>
#include <limits>
#include <thread>

#include "core/ingest/import_job.h"
#include "tests/core/warehouse/conformance/conformance_test.h"

namespace deskbase::test {

std::string seriesSql(std::int64_t n, bool wide) {
    return "WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < " + std::to_string(n) +
           ") SELECT x" +
           (wide ? std::string(", x || '-" + std::string(100, 'w') + "' AS label") : std::string()) +
           " FROM s";
}

std::string longQuerySql() {
    return "SELECT count(*) FROM (" + seriesSql(1000000000, false) + ") AS t";
}

std::string endlessSeriesSql() {
    return "WITH RECURSIVE s(x) AS (SELECT CAST(1 AS BIGINT) UNION ALL SELECT x + 1 FROM s) SELECT x FROM s";
}

std::int64_t residentBytes() {
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return std::int64_t(resident) * 4096;
}

Status createTable(Warehouse& w, const std::string& table, const std::vector<Column>& columns) {
    std::string sql = "CREATE TABLE " + w.quoteIdentifier(table) + " (";
    for (std::size_t i = 0; i < columns.size(); ++i)
        sql += (i ? ", " : "") + w.quoteIdentifier(columns[i].name) + " " + w.sqlType(columns[i].type);
    return w.execute(sql + ")");
}

Column col(std::string name, ColumnType type) {
    return Column{name, type, name};
}

std::vector<Column> everyTypeColumns() {
    return {col("n", ColumnType::Integer), col("i", ColumnType::Integer), col("r", ColumnType::Real),
            col("b", ColumnType::Boolean), col("d", ColumnType::Date),    col("dt", ColumnType::DateTime),
            col("s", ColumnType::Text)};
}

bool oneLine(const std::string& s) {
    return !s.empty() && s.find('\n') == std::string::npos;
}

std::string show(const Value& v) {
    static const char* kinds[] = {"null", "int", "double", "bool", "text"};
    return std::string(kinds[v.index()]) + "(" + valueToText(v) + ")";
}

Result<std::vector<Row>> allRows(Warehouse& w, const std::string& sql, const std::vector<Value>& params) {
    auto cursor = w.query(sql, params);
    if (!cursor) return Error{cursor.message()};
    std::vector<Row> rows;
    for (;;) {
        auto n = (*cursor)->fetch(rows, 1000);
        if (!n) return Error{n.message()};
        if (*n == 0) return rows;
    }
}

Result<Value> scalar(Warehouse& w, const std::string& sql, const std::vector<Value>& params) {
    auto rows = allRows(w, sql, params);
    if (!rows) return Error{rows.message()};
    if (rows->empty() || rows->front().empty()) return Error{"no value from " + sql};
    return rows->front().front();
}

void ConformanceTest::initTestCase() {
    const Status s = backend_.setUp();
    QVERIFY2(s, s.message().c_str());
    qInfo("conformance backend: %s", backend_.name().c_str());
}

void ConformanceTest::init() {
    auto w = backend_.freshWarehouse();
    REQUIRE_OK(w);
    w_ = std::move(*w);
}

void ConformanceTest::cleanup() {
    w_.reset();
}

void ConformanceTest::listsTablesWithTypesAndRowCounts() {
    REQUIRE_OK(createTable(*w_, "every_type", everyTypeColumns()));
    REQUIRE_OK(w_->execute("INSERT INTO every_type (n) VALUES (1), (2), (3)"));
    REQUIRE_OK(createTable(*w_, "deskbase_private", {col("x", ColumnType::Integer)}));

    auto tables = w_->listTables();
    REQUIRE_OK(tables);
    QCOMPARE(tables->size(), std::size_t(1));  // bookkeeping tables are not listed
    const TableInfo& t = tables->front();
    QCOMPARE(t.name, std::string("every_type"));
    QCOMPARE(t.approxRows, std::int64_t(3));
    const auto expected = everyTypeColumns();
    QCOMPARE(t.columns.size(), expected.size());
    QCOMPARE(t.nativeTypes.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(t.columns[i].name, expected[i].name);
        QVERIFY2(t.columns[i].type == expected[i].type, t.columns[i].name.c_str());
        QVERIFY(!t.nativeTypes[i].empty());
    }
    auto exists = w_->tableExists("every_type");
    REQUIRE_OK(exists);
    QVERIFY(*exists);
    auto missing = w_->tableExists("no_such_table");
    REQUIRE_OK(missing);
    QVERIFY(!*missing);
    QVERIFY(!w_->describeTable("no_such_table"));
}

// The display names come from the bookkeeping a real import writes (core/ingest).
void ConformanceTest::describesDisplayNamesFromBookkeeping() {
    TempWorkspace ws;
    ImportOptions o;
    o.path = ws.write("weather.csv", "Max Temp (°C),day\n12.5,2021-01-02\n-3,2021-01-03\n");
    ImportJob job(o);
    REQUIRE_OK(job.run(*w_));
    auto info = w_->describeTable("weather");
    REQUIRE_OK(info);
    QCOMPARE(info->columns.size(), std::size_t(2));
    QCOMPARE(info->columns.at(0).name, std::string("max_temp_°c"));  // non-ASCII letters are kept
    QCOMPARE(info->columns.at(0).displayName, std::string("Max Temp (°C)"));
    QVERIFY(info->columns.at(0).type == ColumnType::Real);
    QCOMPARE(info->columns.at(1).displayName, std::string("day"));
    QVERIFY(info->columns.at(1).type == ColumnType::Date);
}

void ConformanceTest::listsTablesOfOtherSchemas() {
    if (!backend_.isPostgres()) QSKIP("a SQLite warehouse file has one schema");
    REQUIRE_OK(w_->execute("DROP SCHEMA IF EXISTS sales CASCADE; CREATE SCHEMA sales"));
    REQUIRE_OK(w_->execute("CREATE TABLE sales.orders (id bigint, total numeric(10,2), placed timestamptz)"));
    REQUIRE_OK(w_->execute("CREATE VIEW big_orders AS SELECT * FROM sales.orders WHERE total > 100"));
    auto tables = w_->listTables();
    REQUIRE_OK(tables);
    QCOMPARE(tables->size(), std::size_t(2));
    QCOMPARE(tables->at(0).schema + "." + tables->at(0).name,
             std::string("public.big_orders"));            // public first
    QCOMPARE(tables->at(0).approxRows, std::int64_t(-1));  // views are not counted
    QCOMPARE(tables->at(1).schema + "." + tables->at(1).name, std::string("sales.orders"));
    auto info = w_->describeTable("sales.orders");
    REQUIRE_OK(info);
    const std::vector<ColumnType> types = {ColumnType::Integer, ColumnType::Real, ColumnType::DateTime};
    const std::vector<std::string> native = {"bigint", "numeric(10,2)", "timestamp with time zone"};
    QCOMPARE(info->columns.size(), types.size());
    for (std::size_t i = 0; i < types.size(); ++i) {
        QVERIFY(info->columns[i].type == types[i]);
        QCOMPARE(info->nativeTypes[i], native[i]);
    }
    auto visible = w_->tableExists("orders");  // not on the search path
    REQUIRE_OK(visible);
    QVERIFY(!*visible);
    // Bulk loading into a schema-qualified table with types the binary format does not cover.
    REQUIRE_OK(w_->begin());
    auto writer =
        w_->bulkWriter("sales.orders", {col("id", ColumnType::Integer), col("total", ColumnType::Real),
                                        col("placed", ColumnType::DateTime)});
    REQUIRE_OK(writer);
    RowBatch batch;
    batch.columnCount = 3;
    batch.cells = {Cell::integer(1), Cell::real(150.25),
                   Cell::textView(batch.arena.store("2020-01-31 13:45:00"))};
    REQUIRE_OK((*writer)->write(batch));
    REQUIRE_OK((*writer)->finish());
    REQUIRE_OK(w_->commit());
    auto total = scalar(*w_, "SELECT total FROM big_orders");
    REQUIRE_OK(total);
    QVERIFY2(*total == Value{150.25}, show(*total).c_str());
}

void ConformanceTest::bindsEveryValueType_data() {
    QTest::addColumn<int>("type");
    QTest::addColumn<Value>("bound");
    QTest::addColumn<Value>("expected");
    auto add = [](const char* name, ColumnType t, Value bound, Value expected) {
        QTest::newRow(name) << int(t) << bound << expected;
    };
    add("integer", ColumnType::Integer, std::int64_t(42), std::int64_t(42));
    add("integer max", ColumnType::Integer, std::numeric_limits<std::int64_t>::max(),
        std::numeric_limits<std::int64_t>::max());
    add("integer min", ColumnType::Integer, std::numeric_limits<std::int64_t>::min(),
        std::numeric_limits<std::int64_t>::min());
    add("integer null", ColumnType::Integer, Value{}, Value{});
    add("real", ColumnType::Real, 0.1, 0.1);
    add("real huge", ColumnType::Real, -1.5e300, -1.5e300);
    add("boolean true", ColumnType::Boolean, true, true);
    add("boolean false", ColumnType::Boolean, false, false);
    add("date", ColumnType::Date, std::string("2020-01-31"), std::string("2020-01-31"));
    add("datetime", ColumnType::DateTime, std::string("2020-01-31 13:45:07"),
        std::string("2020-01-31 13:45:07"));
    add("text", ColumnType::Text, std::string("héllo 'q' \"dq\" \\ tab\there"),
        std::string("héllo 'q' \"dq\" \\ tab\there"));
    add("text empty", ColumnType::Text, std::string(), std::string());
    add("text null", ColumnType::Text, Value{}, Value{});
}

void ConformanceTest::bindsEveryValueType() {
    QFETCH(int, type);
    QFETCH(Value, bound);
    QFETCH(Value, expected);
    REQUIRE_OK(createTable(*w_, "t", {col("v", ColumnType(type))}));
    REQUIRE_OK(w_->execute("INSERT INTO t (v) VALUES (" + w_->placeholder(1) + ")", {bound}));
    auto back = scalar(*w_, "SELECT v FROM t");
    REQUIRE_OK(back);
    QVERIFY2(*back == expected, (show(*back) + " != " + show(expected)).c_str());
    // The same value bound in a filter finds the row.
    const std::string filter = isNull(bound) ? "v IS NULL" : "v = " + w_->placeholder(1);
    auto count = scalar(*w_, "SELECT count(*) FROM t WHERE " + filter, isNull(bound) ? Row{} : Row{bound});
    REQUIRE_OK(count);
    QVERIFY2(*count == Value{std::int64_t(1)}, show(*count).c_str());
}

void ConformanceTest::tablesReadByNamesBaseTables() {
    REQUIRE_OK(
        createTable(*w_, "orders", {col("id", ColumnType::Integer), col("customer", ColumnType::Integer)}));
    REQUIRE_OK(
        createTable(*w_, "customers", {col("id", ColumnType::Integer), col("name", ColumnType::Text)}));
    REQUIRE_OK(createTable(*w_, "unrelated", {col("id", ColumnType::Integer)}));
    const std::string sql =
        "SELECT c.name, count(*) FROM orders o JOIN customers c ON c.id = o.customer WHERE o.id > " +
        w_->placeholder(1) + " GROUP BY c.name";
    const std::vector<std::string> expected = {"customers", "orders"};
    auto bound = w_->tablesReadBy(sql, {Value{std::int64_t(5)}});
    REQUIRE_OK(bound);
    QCOMPARE(*bound, expected);
    auto unbound = w_->tablesReadBy(sql);  // values not known yet
    REQUIRE_OK(unbound);
    QCOMPARE(*unbound, expected);
    QVERIFY(!w_->tablesReadBy("SELECT * FROM no_such_table"));
}

void ConformanceTest::dataVersionCountsBumps() {
    auto v = w_->dataVersion("sales");
    REQUIRE_OK(v);
    QCOMPARE(*v, std::int64_t(0));
    REQUIRE_OK(w_->bumpDataVersion("sales"));
    REQUIRE_OK(w_->bumpDataVersion("sales"));
    REQUIRE_OK(w_->begin());
    REQUIRE_OK(w_->bumpDataVersion("sales"));
    REQUIRE_OK(w_->commit());
    v = w_->dataVersion("sales");
    REQUIRE_OK(v);
    QCOMPARE(*v, std::int64_t(3));
    auto other = w_->dataVersion("other");
    REQUIRE_OK(other);
    QCOMPARE(*other, std::int64_t(0));
    auto tables = w_->listTables();
    REQUIRE_OK(tables);
    QVERIFY(tables->empty());  // deskbase_table_versions is bookkeeping
}

}  // namespace deskbase::test
