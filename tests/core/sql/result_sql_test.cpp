// The grid's wrappers: which statements are paged, and paged / sorted / counted SQL that runs on a
// real SQLite file even when the user's statement ends in semicolons and comments.
#include "core/sql/result_sql.h"

#include <QtTest>

#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/warehouse_probe.h"

using namespace deskbase;

class ResultSqlTest : public QObject {
    Q_OBJECT
private slots:
    void wrapsOnlyQueries_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("pg");
        QTest::addColumn<bool>("wrappable");
        QTest::addColumn<bool>("pageable");
        QTest::newRow("select") << "select 1" << false << true << true;
        QTest::newRow("with") << "  WITH a AS (SELECT 1) SELECT * FROM a" << false << true << true;
        QTest::newRow("comment first") << "-- hi\nSELECT 1" << false << true << true;
        QTest::newRow("block comment first") << "/* SELECT */ PRAGMA x" << false << false << false;
        QTest::newRow("nested comment first") << "/* a /* b */ DELETE */ SELECT 1" << true << true << true;
        QTest::newRow("pragma") << "PRAGMA table_info(small)" << false << false << false;
        QTest::newRow("insert") << "INSERT INTO small VALUES (1,2,3)" << false << false << false;
        QTest::newRow("with insert") << "WITH a AS (SELECT 1) INSERT INTO t SELECT * FROM a" << false << true
                                     << false;
        QTest::newRow("values") << "VALUES (1)" << false << true << true;
    }
    void wrapsOnlyQueries() {
        QFETCH(QString, sql);
        QFETCH(bool, pg);
        QFETCH(bool, wrappable);
        QFETCH(bool, pageable);
        const Dialect& d = pg ? Dialect::postgres() : Dialect::sqlite();
        QCOMPARE(isWrappableQuery(sql.toStdString(), d), wrappable);
        QCOMPARE(isPageableQuery(sql.toStdString(), d), pageable);
    }

    void trimsWhatFollowsTheStatement_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("trimmed");
        QTest::newRow("semicolons") << "SELECT 1 ;; \n"
                                    << "SELECT 1";
        QTest::newRow("trailing comment") << "SELECT 1; -- done\n;  "
                                          << "SELECT 1";
        QTest::newRow("block comment") << "SELECT 1 /* x */"
                                       << "SELECT 1";
        QTest::newRow("semicolon in a string stays") << "SELECT ';' "
                                                     << "SELECT ';'";
        QTest::newRow("inner comment stays") << "SELECT /* a */ 1 -- b"
                                             << "SELECT /* a */ 1";
    }
    void trimsWhatFollowsTheStatement() {
        QFETCH(QString, sql);
        QFETCH(QString, trimmed);
        QCOMPARE(QString::fromStdString(trimStatement(sql.toStdString(), Dialect::sqlite())), trimmed);
    }

    // The wrappers run: a statement ending in "; -- comment" used to end up inside the parentheses.
    void trailingSemicolonAndCommentStillPage() {
        test::TempWorkspace ws;
        auto w = Warehouse::open(ws.sqlitePath());
        QVERIFY(w);
        QVERIFY((*w)->execute("CREATE TABLE t (n INTEGER)"));
        QVERIFY((*w)->execute("INSERT INTO t VALUES (1), (2), (3), (4)"));
        const std::string user = "SELECT n FROM t; -- all of them\n;  ";
        const Dialect& d = (*w)->dialect();
        QCOMPARE(test::scalarInt(**w, countSql(user, d)), std::int64_t(4));
        // Page 2 of size 1 sorted by the first column descending: 4 3 [2] 1.
        QCOMPARE(test::scalarInt(**w, pagedSql(user, {0, true, 2, 1}, d)), std::int64_t(2));
        QCOMPARE(test::scalarInt(**w, sortedSql(user, 0, true, d)), std::int64_t(4));
        QCOMPARE(QString::fromStdString(sortedSql(user, -1, false, d)), QString::fromStdString(user));
    }
};

QTEST_GUILESS_MAIN(ResultSqlTest)
#include "result_sql_test.moc"
