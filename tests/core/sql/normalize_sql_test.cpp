// The cache key's SQL: layout differences collapse, meaning differences never do.
#include "core/sql/normalize_sql.h"

#include <QtTest>

using namespace deskbase;

class NormalizeSqlTest : public QObject {
    Q_OBJECT
private slots:
    void normalizes_data() {
        QTest::addColumn<bool>("pg");
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("collapse") << false << "SELECT  a,\n\tb   FROM t"
                                  << "SELECT a, b FROM t";
        QTest::newRow("trim and semicolon") << false << "  SELECT 1 ;  "
                                            << "SELECT 1";
        QTest::newRow("several semicolons") << false << "SELECT 1;\n; "
                                            << "SELECT 1";
        QTest::newRow("literal kept") << false << "SELECT 'a   b'  FROM t"
                                      << "SELECT 'a   b' FROM t";
        QTest::newRow("escaped quote") << false << "SELECT 'it''s  x'   , 1"
                                       << "SELECT 'it''s  x' , 1";
        QTest::newRow("quoted identifier") << false << "SELECT \"my   col\"\nFROM t"
                                           << "SELECT \"my   col\" FROM t";
        QTest::newRow("comment kept") << false << "SELECT /* a   b */  1"
                                      << "SELECT /* a   b */ 1";
        // Joining the next line onto a -- comment would comment it out.
        QTest::newRow("line comment keeps its newline") << false << "SELECT 1 -- c\n\n  FROM t"
                                                        << "SELECT 1 -- c\nFROM t";
        QTest::newRow("E string") << true << "SELECT E'a\\'  b'   x"
                                  << "SELECT E'a\\'  b' x";
        QTest::newRow("dollar quote") << true << "SELECT $$a   b$$  ,  1"
                                      << "SELECT $$a   b$$ , 1";
    }
    void normalizes() {
        QFETCH(bool, pg);
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(QString::fromStdString(
                     normalizeSql(in.toStdString(), pg ? Dialect::postgres() : Dialect::sqlite())),
                 out);
    }
};

QTEST_GUILESS_MAIN(NormalizeSqlTest)
#include "normalize_sql_test.moc"
