// Which failures are retried: the words SQLite and libpq use for a warehouse that is locked or
// away are transient; a parse error, a missing column or a bad file are not. The delay is the
// policy's until the attempts are spent.
#include "core/pipeline/retry.h"

#include <QtTest>

using namespace deskbase;

class RetryTest : public QObject {
    Q_OBJECT
private slots:
    void transient_data() {
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("transient");
        QTest::newRow("sqlite busy") << "cannot open the warehouse: database is locked" << true;
        QTest::newRow("sqlite busy, capitals") << "Database is locked" << true;
        QTest::newRow("sqlite table locked") << "database table is locked: orders" << true;
        QTest::newRow("pg refused")
            << "connection to server at \"127.0.0.1\", port 5999 failed: Connection refused\n"
               "\tIs the server running on that host and accepting TCP/IP connections?"
            << true;
        QTest::newRow("pg gone mid-query") << "server closed the connection unexpectedly" << true;
        QTest::newRow("pg admin shutdown")
            << "FATAL:  terminating connection due to administrator command" << true;
        QTest::newRow("pg starting") << "FATAL:  the database system is starting up" << true;
        QTest::newRow("pg auth: permanent") << "connection to server at \"127.0.0.1\", port 5432 failed: "
                                               "FATAL:  password authentication failed"
                                            << false;
        QTest::newRow("parse error") << "inbox/a.csv: line 3: unterminated quote" << false;
        QTest::newRow("missing column") << "no such column: amount" << false;
        QTest::newRow("empty file") << "in/empty.csv is empty" << false;
        QTest::newRow("nothing") << "" << false;
    }
    void transient() {
        QFETCH(QString, error);
        QFETCH(bool, transient);
        QCOMPARE(isTransientError(error.toStdString()), transient);
    }

    void delayUntilTheAttemptsAreSpent() {
        const RetryPolicy policy{2, 7.5};
        const std::string locked = "database is locked";
        QCOMPARE(retryDelay(policy, 1, locked), std::optional<double>(7.5));
        QCOMPARE(retryDelay(policy, 2, locked), std::optional<double>(7.5));
        QCOMPARE(retryDelay(policy, 3, locked), std::nullopt);  // three attempts in all
        QCOMPARE(retryDelay(policy, 1, "unterminated quote"), std::nullopt);
        QCOMPARE(retryDelay(RetryPolicy{0, 30}, 1, locked), std::nullopt);
        const RetryPolicy defaults;
        QCOMPARE(defaults.retries, 2);
        QCOMPARE(defaults.delaySeconds, 30.0);
    }

    void line() {
        QCOMPARE(retryLine("orders", "database is locked", 30, 2, RetryPolicy{}),
                 std::string("orders: database is locked; again in 30 s (attempt 2 of 3)"));
        QCOMPARE(retryLine("w", "x", 0.5, 3, RetryPolicy{4, 0.5}),
                 std::string("w: x; again in 0.5 s (attempt 3 of 5)"));
    }
};

QTEST_GUILESS_MAIN(RetryTest)
#include "retry_test.moc"
