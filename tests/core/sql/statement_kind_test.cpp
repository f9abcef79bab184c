// Which statements the cache may keep, and which tables a write touches.
#include "core/sql/statement_kind.h"

#include <QtTest>

using namespace deskbase;

class StatementKindTest : public QObject {
    Q_OBJECT
private slots:
    void classifies_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("readOnly");
        QTest::addColumn<bool>("writes");
        QTest::addColumn<QString>("tables");
        QTest::newRow("select") << "SELECT * FROM t" << true << false << "";
        QTest::newRow("with select") << "WITH x AS (SELECT 1) SELECT * FROM x" << true << false << "";
        QTest::newRow("replace function") << "select replace(name, 'a', 'b') from t" << true << false << "";
        QTest::newRow("keyword in literal")
            << "SELECT 'DELETE FROM t' , 'insert into x'" << true << false << "";
        QTest::newRow("keyword in comment") << "SELECT 1 -- DELETE FROM t\n" << true << false << "";
        QTest::newRow("insert") << "INSERT INTO Sales (a) VALUES (1)" << false << true << "sales";
        QTest::newRow("insert or ignore")
            << "insert or ignore into main.sales values (1)" << false << true << "sales";
        QTest::newRow("replace into") << "REPLACE INTO t VALUES (1)" << false << true << "t";
        QTest::newRow("update") << "UPDATE \"My Table\" SET x = 1" << false << true << "My Table";
        QTest::newRow("update schema") << "UPDATE public.t SET x = 1" << false << true << "t";
        QTest::newRow("delete") << "DELETE FROM t WHERE id = 3" << false << true << "t";
        QTest::newRow("with delete") << "WITH d AS (SELECT 1) DELETE FROM t WHERE id IN (SELECT * FROM d)"
                                     << false << true << "t";
        QTest::newRow("drop table") << "DROP TABLE IF EXISTS old" << false << true << "old";
        QTest::newRow("create table as")
            << "CREATE TABLE IF NOT EXISTS n AS SELECT * FROM t" << false << true << "n";
        QTest::newRow("alter table") << "ALTER TABLE t ADD COLUMN y INTEGER" << false << true << "t";
        QTest::newRow("create index") << "CREATE INDEX i ON t (x)" << false << true << "";
        QTest::newRow("pragma") << "PRAGMA table_info(t)" << false << false << "";
        QTest::newRow("bracket identifier") << "SELECT [delete from x] FROM t" << true << false << "";
    }
    void classifies() {
        QFETCH(QString, sql);
        QFETCH(bool, readOnly);
        QFETCH(bool, writes);
        QFETCH(QString, tables);
        const auto k = classifyStatement(sql.toStdString(), Dialect::sqlite());
        QCOMPARE(k.readOnly, readOnly);
        QCOMPARE(k.writesData, writes);
        QStringList got;
        for (const auto& t : k.writtenTables) got << QString::fromStdString(t);
        QCOMPARE(got.join(QLatin1Char(',')), tables);
    }

    // PostgreSQL literals the SQLite rules would misread: a keyword inside them never counts.
    void classifiesPostgres_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("readOnly");
        QTest::addColumn<bool>("writes");
        QTest::newRow("escape string") << "SELECT E'it\\'s; DELETE FROM t'" << true << false;
        QTest::newRow("dollar quote") << "SELECT $$ DELETE FROM t $$ AS x" << true << false;
        QTest::newRow("tagged dollar quote") << "SELECT $q$ it's $$ DELETE FROM t $q$" << true << false;
        QTest::newRow("nested comment") << "SELECT 1 /* a /* b */ DELETE FROM t */" << true << false;
        QTest::newRow("cast is no placeholder") << "SELECT x::int FROM t" << true << false;
        QTest::newRow("delete after dollar quote") << "SELECT $$x$$; DELETE FROM t" << false << true;
    }
    void classifiesPostgres() {
        QFETCH(QString, sql);
        QFETCH(bool, readOnly);
        QFETCH(bool, writes);
        const auto k = classifyStatement(sql.toStdString(), Dialect::postgres());
        QCOMPARE(k.readOnly, readOnly);
        QCOMPARE(k.writesData, writes);
    }
};

QTEST_GUILESS_MAIN(StatementKindTest)
#include "statement_kind_test.moc"
