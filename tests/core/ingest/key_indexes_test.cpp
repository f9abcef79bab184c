// The key rule (which columns get an index at import) and the indexes an import makes, on both
// warehouses: made inside the import's transaction, gone with it when the import fails.
#include "core/ingest/key_indexes.h"

#include <QtTest>
#include <algorithm>

#include "core/ingest/import_job.h"
#include "core/warehouse/warehouse.h"
#include "tests/core/models/backends.h"

using namespace deskbase;

namespace {

using Names = std::vector<std::string>;

std::vector<Row> rowsOf(Warehouse& w, const std::string& sql, const std::vector<Value>& params = {}) {
    auto c = w.query(sql, params);
    if (!c) qFatal("%s: %s", sql.c_str(), c.message().c_str());
    std::vector<Row> rows;
    while (true) {
        auto n = (*c)->fetch(rows, 100000);
        if (!n) qFatal("%s", n.message().c_str());
        if (*n == 0) break;
    }
    return rows;
}

// The warehouse's own catalogue: index names on a table, sorted.
std::vector<std::string> indexesOn(Warehouse& w, const std::string& table) {
    const bool pg = w.kind() == Warehouse::Kind::PostgreSQL;
    auto rows = rowsOf(w,
                       pg ? "SELECT indexname FROM pg_indexes WHERE tablename = $1"
                          : "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1",
                       {Value(table)});
    std::vector<std::string> names;
    for (const auto& r : rows) names.push_back(std::get<std::string>(r[0]));
    std::sort(names.begin(), names.end());
    return names;
}

// Rows the planner's statistics know for the table (ANALYZE ran under its final name), -1: none.
std::int64_t analyzedRows(Warehouse& w, const std::string& table) {
    const bool pg = w.kind() == Warehouse::Kind::PostgreSQL;
    auto rows = rowsOf(w,
                       pg ? "SELECT reltuples::bigint FROM pg_class WHERE relname = $1"
                          : "SELECT CAST(stat AS INTEGER) FROM sqlite_stat1 WHERE tbl = ?1 LIMIT 1",
                       {Value(table)});
    return rows.empty() || isNull(rows[0][0]) ? -1 : std::get<std::int64_t>(rows[0][0]);
}

std::int64_t count(Warehouse& w, const std::string& sql) {
    return std::get<std::int64_t>(rowsOf(w, sql)[0][0]);
}

// 1,000 orders: a unique id, 100 customers (10 orders each), 2 status codes, a 70-character
// unique reference key, a real amount named like a key.
std::string ordersCsv() {
    std::string s = "order_id,customer_id,status_code,ref_key,amount_id,note\n";
    for (int i = 1; i <= 1000; ++i)
        s += std::to_string(i) + "," + std::to_string(i % 100) + "," + (i % 2 ? "A" : "B") + "," +
             std::string(64, 'r') + std::to_string(100000 + i) + "," + std::to_string(i) + ".5,n" +
             std::to_string(i) + "\n";
    return s;
}

Result<ImportResult> importOrders(const std::string& target, const std::string& csv, ImportMode mode,
                                  IndexChoice choice = {}) {
    auto w = Warehouse::open(target);
    if (!w) return Error{w.message()};
    ImportOptions o;
    o.path = csv;
    o.table = "orders";
    o.mode = mode;
    o.indexes = std::move(choice);
    ImportJob job(o);
    return job.run(**w);
}

}  // namespace

class KeyIndexesTest : public QObject {
    Q_OBJECT
    test::Backends backends_;
    test::TempWorkspace files_;

private slots:
    void keyNames_data() {
        QTest::addColumn<std::string>("name");
        QTest::addColumn<bool>("key");
        QTest::newRow("id") << std::string("id") << true;
        QTest::newRow("ID") << std::string("ID") << true;
        QTest::newRow("order_id") << std::string("order_id") << true;
        QTest::newRow("product_key") << std::string("product_key") << true;
        QTest::newRow("country_code") << std::string("country_code") << true;
        QTest::newRow("Customer_Id") << std::string("Customer_Id") << true;
        QTest::newRow("_id alone") << std::string("_id") << false;
        QTest::newRow("idea") << std::string("idea") << false;
        QTest::newRow("paid") << std::string("paid") << false;
        QTest::newRow("identity") << std::string("identity") << false;
        QTest::newRow("keys") << std::string("keys") << false;
        QTest::newRow("barcode") << std::string("barcode") << false;
        QTest::newRow("name") << std::string("name") << false;
    }
    void keyNames() {
        QFETCH(std::string, name);
        QFETCH(bool, key);
        QCOMPARE(looksLikeKeyName(name), key);
    }

    void keyRule_data() {
        QTest::addColumn<std::string>("name");
        QTest::addColumn<int>("type");
        QTest::addColumn<qint64>("nonNull");
        QTest::addColumn<qint64>("distinct");
        QTest::addColumn<qint64>("maxLength");
        QTest::addColumn<bool>("key");
        const int integer = int(ColumnType::Integer), text = int(ColumnType::Text);
        QTest::newRow("unique integer id") << std::string("id") << integer << 1000LL << 1000LL << 0LL << true;
        QTest::newRow("foreign key, 3 rows a value")
            << std::string("order_id") << integer << 60000LL << 20000LL << 0LL << true;
        QTest::newRow("exactly 100 rows a value")
            << std::string("customer_id") << integer << 10000LL << 100LL << 0LL << true;
        QTest::newRow("101 rows a value")
            << std::string("customer_id") << integer << 10100LL << 99LL << 0LL << false;
        QTest::newRow("two status codes")
            << std::string("status_code") << text << 1000LL << 2LL << 1LL << false;
        QTest::newRow("one value") << std::string("id") << integer << 1LL << 1LL << 0LL << false;
        QTest::newRow("all null") << std::string("id") << integer << 0LL << 0LL << 0LL << false;
        QTest::newRow("short text key") << std::string("sku_code") << text << 500LL << 400LL << 64LL << true;
        QTest::newRow("long text") << std::string("ref_key") << text << 500LL << 500LL << 65LL << false;
        QTest::newRow("real named id")
            << std::string("amount_id") << int(ColumnType::Real) << 500LL << 500LL << 0LL << false;
        QTest::newRow("date named id")
            << std::string("day_id") << int(ColumnType::Date) << 500LL << 500LL << 0LL << false;
        QTest::newRow("unique, not a key name")
            << std::string("email") << text << 500LL << 500LL << 20LL << false;
    }
    void keyRule() {
        QFETCH(std::string, name);
        QFETCH(int, type);
        QFETCH(qint64, nonNull);
        QFETCH(qint64, distinct);
        QFETCH(qint64, maxLength);
        QFETCH(bool, key);
        const Column c{name, ColumnType(type), name};
        QCOMPARE(looksLikeKey(c, KeyColumnStats{nonNull, distinct, maxLength}), key);
    }

    void importIndexesKeysAndAnalyzes_data() { test::Backends::addRows(); }
    void importIndexesKeysAndAnalyzes() {
        QFETCH(std::string, backend);
        auto target = backends_.freshTarget(backend);
        QVERIFY2(target.isOk(), target.isOk() ? "" : target.message().c_str());
        const auto csv = files_.write("orders.csv", ordersCsv());
        auto r = importOrders(*target, csv, ImportMode::Create);
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        // order_id unique, customer_id 10 rows a value; status_code 500 a value, ref_key 70
        // characters long, amount_id real, note no key name.
        QCOMPARE(r->indexes, (std::vector<std::string>{"order_id", "customer_id"}));
        auto w = Warehouse::open(*target);
        QVERIFY(w.isOk());
        QCOMPARE(indexesOn(**w, "orders"),
                 (std::vector<std::string>{"orders__customer_id_idx", "orders__order_id_idx"}));
        QCOMPARE(analyzedRows(**w, "orders"), std::int64_t(1000));
        QCOMPARE(indexesOn(**w, "deskbase_staging_orders"), std::vector<std::string>{});
    }

    void replaceRemakesIndexesUnderTheSameNames_data() { test::Backends::addRows(); }
    void replaceRemakesIndexesUnderTheSameNames() {
        QFETCH(std::string, backend);
        auto target = backends_.freshTarget(backend);
        QVERIFY(target.isOk());
        const auto csv = files_.write("orders.csv", ordersCsv());
        QVERIFY(importOrders(*target, csv, ImportMode::Create).isOk());
        auto r = importOrders(*target, csv, ImportMode::Replace);
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        QCOMPARE(r->indexes.size(), std::size_t(2));
        auto w = Warehouse::open(*target);
        QCOMPARE(indexesOn(**w, "orders"),
                 (std::vector<std::string>{"orders__customer_id_idx", "orders__order_id_idx"}));
    }

    void chosenColumnsAndNoIndex_data() {
        QTest::addColumn<std::string>("backend");
        QTest::addColumn<bool>("automatic");
        QTest::addColumn<Names>("columns");
        QTest::addColumn<Names>("skipped");
        QTest::addColumn<Names>("expected");
        for (const std::string b : {"sqlite", "postgres"}) {
            QTest::newRow((b + ": --no-index").c_str()) << b << false << Names{} << Names{} << Names{};
            QTest::newRow((b + ": --index note").c_str())
                << b << false << Names{"note"} << Names{} << Names{"note"};
            QTest::newRow((b + ": unticked customer_id, ticked note").c_str())
                << b << true << Names{"note"} << Names{"customer_id"} << Names{"order_id", "note"};
        }
    }
    void chosenColumnsAndNoIndex() {
        QFETCH(std::string, backend);
        QFETCH(bool, automatic);
        QFETCH(Names, columns);
        QFETCH(Names, skipped);
        QFETCH(Names, expected);
        auto target = backends_.freshTarget(backend);
        QVERIFY(target.isOk());
        IndexChoice choice;
        choice.automatic = automatic;
        choice.columns = columns;
        choice.skipped = skipped;
        auto r = importOrders(*target, files_.write("orders.csv", ordersCsv()), ImportMode::Create, choice);
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        QCOMPARE(r->indexes, expected);
        auto w = Warehouse::open(*target);
        QCOMPARE(indexesOn(**w, "orders").size(), expected.size());
    }

    void unknownIndexColumnFailsAndLoadsNothing_data() { test::Backends::addRows(); }
    void unknownIndexColumnFailsAndLoadsNothing() {
        QFETCH(std::string, backend);
        auto target = backends_.freshTarget(backend);
        QVERIFY(target.isOk());
        auto r = importOrders(*target, files_.write("orders.csv", ordersCsv()), ImportMode::Create,
                              IndexChoice{false, {"nope"}, {}});
        QVERIFY(!r.isOk());
        QCOMPARE(r.message(), std::string("--index names a column the table does not have: nope"));
        auto w = Warehouse::open(*target);
        QCOMPARE(*(*w)->tableExists("orders"), false);
    }

    // An index that cannot be made (its name is taken) fails the import, which rolls back whole:
    // the old table keeps its rows and indexes, nothing is logged, no staging table is left.
    void failedIndexRollsBackTheImport_data() { test::Backends::addRows(); }
    void failedIndexRollsBackTheImport() {
        QFETCH(std::string, backend);
        auto target = backends_.freshTarget(backend);
        QVERIFY(target.isOk());
        const auto small = files_.write("small.csv", "order_id,customer_id\n1,1\n2,2\n3,3\n");
        QVERIFY(importOrders(*target, small, ImportMode::Create, IndexChoice{false, {}, {}}).isOk());
        {
            auto w = Warehouse::open(*target);
            QVERIFY((*w)->execute("CREATE TABLE other (x integer)").isOk());
            QVERIFY((*w)->execute("CREATE INDEX orders__order_id_idx ON other (x)").isOk());
        }
        auto r = importOrders(*target, files_.write("orders.csv", ordersCsv()), ImportMode::Replace);
        QVERIFY(!r.isOk());
        QVERIFY2(r.message().find("cannot index orders(order_id)") == 0, r.message().c_str());
        auto w = Warehouse::open(*target);
        QCOMPARE(count(**w, "SELECT COUNT(*) FROM orders"), std::int64_t(3));
        QCOMPARE(count(**w, "SELECT COUNT(*) FROM deskbase_ingestions WHERE table_name = 'orders'"),
                 std::int64_t(1));
        QCOMPARE(*(*w)->tableExists("deskbase_staging_orders"), false);
        QCOMPARE(indexesOn(**w, "orders"), std::vector<std::string>{});
    }

    void appendKeepsIndexesAndRefreshesStatistics_data() { test::Backends::addRows(); }
    void appendKeepsIndexesAndRefreshesStatistics() {
        QFETCH(std::string, backend);
        auto target = backends_.freshTarget(backend);
        QVERIFY(target.isOk());
        const auto csv = files_.write("orders.csv", ordersCsv());
        QVERIFY(importOrders(*target, csv, ImportMode::Create).isOk());
        ImportOptions o;
        o.path = csv;
        o.table = "orders";
        o.mode = ImportMode::Append;
        o.force = true;
        auto w = Warehouse::open(*target);
        ImportJob job(o);
        auto r = job.run(**w);
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        QCOMPARE(r->indexes, std::vector<std::string>{});
        QCOMPARE(indexesOn(**w, "orders").size(), std::size_t(2));
        QCOMPARE(analyzedRows(**w, "orders"), std::int64_t(2000));
    }
};

QTEST_MAIN(KeyIndexesTest)
#include "key_indexes_test.moc"
