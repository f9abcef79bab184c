// Slow-query help: the index advice read from real plans of SQLite (a temporary file) and
// PostgreSQL (a throwaway server), the alias reading it relies on, and creating the advised
// index (only that table's data version moves, and the plan then needs no advice).
#include "core/exec/index_advice.h"

#include <QTemporaryDir>
#include <QtTest>

#include "core/warehouse/warehouse.h"
#include "tests/support/pg_server.h"

using namespace deskbase;

namespace {

// orders (2,000 rows), order_items (4,000 rows, two per order), products (60 rows): no indexes.
void createStore(Warehouse& w) {
    const bool pg = w.kind() == Warehouse::Kind::PostgreSQL;
    const char* series =
        pg ? "SELECT g FROM generate_series(1, 2000) AS g"
           : "WITH RECURSIVE n(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM n WHERE g < 2000) "
             "SELECT g FROM n";
    for (const std::string& sql :
         {std::string("CREATE TABLE orders (order_id INTEGER, customer_id INTEGER, status TEXT)"),
          std::string("CREATE TABLE order_items (order_id INTEGER, product_id INTEGER, qty INTEGER)"),
          std::string("CREATE TABLE products (product_id INTEGER, category TEXT)"),
          "INSERT INTO orders SELECT g, g % 100, 'shipped' FROM (" + std::string(series) + ") s",
          std::string("INSERT INTO order_items SELECT order_id, order_id % 50, 1 FROM orders"),
          std::string("INSERT INTO order_items SELECT order_id, order_id % 50 + 1, 2 FROM orders"),
          std::string(
              "INSERT INTO products SELECT order_id, 'c' || (order_id % 5) FROM orders WHERE order_id <= 60"),
          std::string("ANALYZE")})
        QVERIFY2(w.execute(sql), sql.c_str());
}

QStringList labels(const std::vector<IndexAdvice>& advice) {
    QStringList out;
    for (const auto& a : advice) out << QString::fromStdString(a.label());
    return out;
}

// Queries users write over related CSVs, and the index each needs (from the SQL's own
// correlation or join condition, written by hand).
void queryRows() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("sqlite");    // advice on SQLite
    QTest::addColumn<QStringList>("postgres");  // advice on PostgreSQL
    const QStringList items{QStringLiteral("Index order_items(order_id)?")};
    QTest::newRow("scalar correlated subquery") << "SELECT o.order_id, (SELECT sum(qty) FROM order_items i "
                                                   "WHERE i.order_id = o.order_id) FROM orders o"
                                                << items << items;
    QTest::newRow("no aliases") << "SELECT (SELECT count(*) FROM order_items WHERE order_items.order_id = "
                                   "orders.order_id) AS n FROM orders"
                                << items << items;
    // PostgreSQL turns EXISTS into a hash semi-join: no per-row scan, no advice.
    QTest::newRow("exists with a join, small products table left out")
        << "SELECT o.customer_id, count(*) FROM orders o WHERE EXISTS (SELECT 1 FROM order_items ci JOIN "
           "products cp ON cp.product_id = ci.product_id WHERE ci.order_id = o.order_id AND cp.category IN "
           "('c1')) GROUP BY 1"
        << items << QStringList();
    QTest::newRow("join without an index") << "SELECT o.order_id, sum(i.qty) FROM orders o JOIN order_items "
                                              "i ON i.order_id = o.order_id GROUP BY 1"
                                           << items << QStringList();
    QTest::newRow("one scan needs nothing")
        << "SELECT status, count(*) FROM orders GROUP BY status" << QStringList() << QStringList();
}

}  // namespace

class IndexAdviceTest : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<test::PgServer> pg_;
    QTemporaryDir dir_;

    std::unique_ptr<Warehouse> openStore(bool postgres, const std::string& name) {
        std::string target;
        if (postgres) {
            if (!pg_) {
                auto s = test::PgServer::start();
                if (!s) qFatal("%s", s.message().c_str());
                pg_ = std::move(*s);
            }
            auto admin = Warehouse::open(pg_->uri());
            if (!admin || !(*admin)->execute("CREATE DATABASE " + name)) return nullptr;
            target = pg_->uri(name);
        } else {
            target = dir_.filePath(QString::fromStdString(name + ".db")).toStdString();
        }
        auto w = Warehouse::open(target);
        if (!w) return nullptr;
        createStore(**w);
        return std::move(*w);
    }

    void adviceOnRealPlans(bool onPostgres) {
        QFETCH(QString, sql);
        static int n = 0;
        auto w = openStore(onPostgres, "advice" + std::to_string(++n));
        QVERIFY(w);
        auto advice = adviseIndexes(*w, sql.toStdString(), {}, 3000);
        QVERIFY2(advice, advice.isOk() ? "" : advice.message().c_str());
        QFETCH(QStringList, sqlite);
        QFETCH(QStringList, postgres);
        QCOMPARE(labels(*advice), onPostgres ? postgres : sqlite);
        for (const auto& a : *advice) {
            QCOMPARE(a.tableRows, 4000);
            // Once the advised index exists the plan asks for nothing more on that table.
            QVERIFY(createAdvisedIndex(*w, a));
        }
        auto after = adviseIndexes(*w, sql.toStdString(), {}, 3000);
        QVERIFY(after);
        QCOMPARE(labels(*after), QStringList());
    }

private slots:
    void tableAliasesReadFromClauses_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("aliases");  // alias=table, in order
        QTest::newRow("alias") << "SELECT * FROM orders o"
                               << "o=orders orders=orders";
        QTest::newRow("as") << "select * from orders AS o join order_items i on i.order_id = o.order_id"
                            << "o=orders orders=orders i=order_items order_items=order_items";
        QTest::newRow("bare") << "SELECT * FROM orders WHERE x = 1"
                              << "orders=orders";
        QTest::newRow("comma list") << "SELECT * FROM a x, b, \"c d\" AS y WHERE 1"
                                    << "x=a a=a b=b y=c d c d=c d";
        QTest::newRow("schema") << "SELECT * FROM main.orders o"
                                << "o=orders orders=orders";
        QTest::newRow("subquery") << "SELECT * FROM (SELECT 1) s JOIN t ON 1"
                                  << "t=t";
        QTest::newRow("strings and comments") << "SELECT 'from x' /* join y */ FROM t"
                                              << "t=t";
    }
    void tableAliasesReadFromClauses() {
        QFETCH(QString, sql);
        QFETCH(QString, aliases);
        QStringList got;
        for (const auto& [a, t] : tableAliases(sql.toStdString(), false))
            got << QString::fromStdString(a + "=" + t);
        QCOMPARE(got.join(QLatin1Char(' ')), aliases);
    }

    // The plan of SQLite releases before 3.36 names tables as "TABLE t AS a".
    void olderSqlitePlanForm() {
        const std::vector<SqlitePlanRow> plan = {
            {2, 0, "SCAN TABLE orders AS o"},
            {5, 0, "CORRELATED SCALAR SUBQUERY 1"},
            {9, 5, "SEARCH TABLE order_items AS i USING AUTOMATIC COVERING INDEX (order_id=?)"}};
        auto advice = adviceFromSqlitePlan(plan, "SELECT (SELECT 1 FROM order_items i) FROM orders o");
        QCOMPARE(labels(advice), QStringList{QStringLiteral("Index order_items(order_id)?")});
        QVERIFY(advice[0].perOuterRow);
    }

    void sqlitePlans_data() { queryRows(); }
    void sqlitePlans() { adviceOnRealPlans(false); }
    void postgresPlans_data() { queryRows(); }
    void postgresPlans() { adviceOnRealPlans(true); }

    void correlatedAdviceSaysPerRow() {
        auto w = openStore(false, "perrow");
        QVERIFY(w);
        auto advice =
            adviseIndexes(*w,
                          "SELECT (SELECT sum(qty) FROM order_items i WHERE i.order_id = o.order_id) "
                          "FROM orders o",
                          {}, 0);
        QVERIFY(advice);
        QCOMPARE(advice->size(), std::size_t(1));
        QVERIFY((*advice)[0].perOuterRow);
        QCOMPARE((*advice)[0].why(),
                 std::string(
                     "order_items (4000 rows) is searched without an index once per row of the outer query"));
    }

    void smallTablesGetNoAdvice() {
        auto w = openStore(false, "small");
        QVERIFY(w);
        auto advice =
            adviseIndexes(*w,
                          "SELECT (SELECT sum(qty) FROM order_items i WHERE i.order_id = o.order_id) "
                          "FROM orders o",
                          {}, 4001);
        QVERIFY(advice);
        QVERIFY(advice->empty());
    }

    void creatingTheIndexBumpsOnlyItsTable() {
        for (bool postgres : {false, true}) {
            auto w = openStore(postgres, postgres ? "bumppg" : "bump");
            QVERIFY(w);
            const auto orders = w->dataVersion("orders"), items = w->dataVersion("order_items");
            QVERIFY(orders && items);
            IndexAdvice a;
            a.table = "order_items";
            a.columns = {"order_id"};
            QVERIFY(createAdvisedIndex(*w, a));
            QCOMPARE(*w->dataVersion("order_items"), *items + 1);
            QCOMPARE(*w->dataVersion("orders"), *orders);
            // Asking twice is harmless (IF NOT EXISTS).
            QVERIFY(createAdvisedIndex(*w, a));
        }
    }

    void badColumnIsOneLineErrorAndRollsBack() {
        auto w = openStore(false, "bad");
        QVERIFY(w);
        const auto before = w->dataVersion("order_items");
        IndexAdvice a;
        a.table = "order_items";
        a.columns = {"no_such_column"};
        auto s = createAdvisedIndex(*w, a);
        QVERIFY(!s);
        QVERIFY(s.message().find('\n') == std::string::npos);
        QVERIFY(s.message().find("no_such_column") != std::string::npos);
        QCOMPARE(*w->dataVersion("order_items"), *before);
        QVERIFY(w->begin());  // no transaction left open
        QVERIFY(w->rollback());
    }
};

QTEST_GUILESS_MAIN(IndexAdviceTest)
#include "index_advice_test.moc"
