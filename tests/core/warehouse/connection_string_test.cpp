// Connection strings saved without their password, in the form the user wrote them. libpq itself
// (PQconninfoParse) reads what comes out: the options must be the ones given, minus the password.
#include "core/warehouse/connection_string.h"

#include <libpq-fe.h>

#include <QtTest>
#include <map>

using namespace deskbase;

namespace {

std::map<std::string, std::string> libpqOptions(const std::string& target, bool* ok) {
    std::map<std::string, std::string> out;
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(target.c_str(), &error);
    if (error) PQfreemem(error);
    *ok = options != nullptr;
    if (!options) return out;
    for (const PQconninfoOption* o = options; o->keyword; ++o)
        if (o->val) out[o->keyword] = o->val;
    PQconninfoFree(options);
    return out;
}

}  // namespace

class ConnectionStringTest : public QObject {
    Q_OBJECT
private slots:
    // `expected` is written by hand; a URI must come back exactly, keyword pairs must mean the same
    // to libpq (it lists keywords in its own order) and stay keyword pairs.
    void passwordIsRemovedKeepingTheForm_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("expected");
        QTest::newRow("uri, password in user info") << "postgresql://ann:s3cret@db.example:5433/sales"
                                                    << "postgresql://ann@db.example:5433/sales";
        QTest::newRow("uri, percent-encoded password and value")
            << "postgres://ann:s3%40cret@db.example/sales?application_name=my%20app"
            << "postgres://ann@db.example/sales?application_name=my%20app";
        QTest::newRow("uri, password in the query")
            << "postgresql://ann@db.example/sales?password=s3cret&sslmode=disable"
            << "postgresql://ann@db.example/sales?sslmode=disable";
        QTest::newRow("uri, IPv6 host") << "postgresql://ann:s3cret@[::1]:5433/sales"
                                        << "postgresql://ann@[::1]:5433/sales";
        QTest::newRow("uri, socket folder") << "postgresql://ann:s3cret@/sales?host=/run/postgresql"
                                            << "postgresql://ann@/sales?host=%2Frun%2Fpostgresql";
        QTest::newRow("uri, two hosts")
            << "postgresql://ann:s3cret@a.example:5432,b.example:5433/sales"
            << "postgresql://ann@/sales?host=a.example%2Cb.example&port=5432%2C5433";
        QTest::newRow("uri without password") << "postgresql://ann@db.example:5433/sales"
                                              << "postgresql://ann@db.example:5433/sales";
        QTest::newRow("keywords, quoted password")
            << "host=db.example password='s3cret \\'quoted' user=ann dbname=sales"
            << "user=ann dbname=sales host=db.example";
        QTest::newRow("keywords, plain password") << "host=db password=s3cret dbname=x"
                                                  << "dbname=x host=db";
        QTest::newRow("keywords, quoted values kept quoted")
            << "host=db password='s3cret' application_name='my app' dbname='it\\'s'"
            << "dbname='it\\'s' host=db application_name='my app'";
        QTest::newRow("keywords without password") << "host=db.example dbname=sales"
                                                   << "host=db.example dbname=sales";
        QTest::newRow("sqlite file") << "/tmp/password=x/warehouse.db"
                                     << "/tmp/password=x/warehouse.db";
    }
    void passwordIsRemovedKeepingTheForm() {
        QFETCH(QString, target);
        QFETCH(QString, expected);
        const std::string clean = targetWithoutPassword(target.toStdString());
        QVERIFY2(clean.find("s3") == std::string::npos, clean.c_str());
        const bool uri = expected.startsWith(QStringLiteral("postgres"));
        const bool keywords =
            expected.contains(QLatin1Char('=')) && !uri && !expected.startsWith(QLatin1Char('/'));
        if (!keywords) {
            QCOMPARE(QString::fromStdString(clean), expected);
            return;
        }
        QVERIFY2(!QString::fromStdString(clean).startsWith(QStringLiteral("postgres")), clean.c_str());
        bool ok = false;
        const auto got = libpqOptions(clean, &ok);
        QVERIFY2(ok, clean.c_str());
        const auto want = libpqOptions(expected.toStdString(), &ok);
        QVERIFY(ok);
        QVERIFY2(got == want, clean.c_str());
        QVERIFY(!got.count("password"));
    }

    // What comes out of a URI means to libpq what went in, minus the password.
    void uriMeansTheSameToLibpq() {
        const std::string target =
            "postgresql://ann:s3cret@db.example:5433/sales?sslmode=disable&connect_timeout=5";
        bool ok = false;
        auto want = libpqOptions(target, &ok);
        QVERIFY(ok);
        want.erase("password");
        const auto got = libpqOptions(targetWithoutPassword(target), &ok);
        QVERIFY(ok);
        QVERIFY(got == want);
    }
};

QTEST_GUILESS_MAIN(ConnectionStringTest)
#include "connection_string_test.moc"
