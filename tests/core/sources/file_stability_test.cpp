// When a file has stopped changing: sequences of observations (size, modification time, the
// clock) and whether each one says "stable". Times are fixed milliseconds, no wall clock.
#include "core/sources/file_stability.h"

#include <QtTest>

using namespace deskbase;

namespace {

WallTime ms(std::int64_t t) {
    return WallTime(std::chrono::milliseconds(t));
}

}  // namespace

class FileStabilityTest : public QObject {
    Q_OBJECT
private slots:
    void observations_data();
    void observations();
    void remainingCountsDown();
};

void FileStabilityTest::observations_data() {
    // Each observation: "size@modified@now" (ms); expected: one letter per observation, s(table) or w(ait).
    QTest::addColumn<double>("wait");  // stable_seconds
    QTest::addColumn<QString>("seen");  // observations separated by spaces
    QTest::addColumn<QString>("expected");
    QTest::newRow("old file: at once") << 2.0 << "10@1000@60000" << "s";
    QTest::newRow("fresh file: after the wait")
        << 2.0 << "10@59000@60000 10@59000@60999 10@59000@61001" << "wws";
    QTest::newRow("growing: waits after the last change")
        << 2.0
        << "10@59000@60000 20@60500@60600 30@61000@61100 30@61000@62999 30@61000@63100"
        << "wwwws";
    // A copy that keeps an old modification time while it grows (some tools set it first):
    // the tracker sees the size change and waits from then.
    QTest::newRow("old time, growing size")
        << 2.0 << "10@1000@60000 20@1000@60500 20@1000@62000 20@1000@62500" << "swws";
    QTest::newRow("no wait") << 0.0 << "10@60000@60000" << "s";
    QTest::newRow("half a second") << 0.5 << "10@60000@60400 10@60000@60500" << "ws";
    QTest::newRow("modified in the future") << 1.0 << "10@90000@60000 10@90000@91000" << "ws";
}

void FileStabilityTest::observations() {
    QFETCH(double, wait);
    QFETCH(QString, seen);
    QFETCH(QString, expected);
    FileStability tracker;
    QString got;
    for (const auto& s : seen.split(QLatin1Char(' '))) {
        const auto parts = s.split(QLatin1Char('@'));
        QCOMPARE(parts.size(), 3);
        const FileSeen f{parts[0].toLongLong(), ms(parts[1].toLongLong())};
        got += tracker.observe("a.csv", f, ms(parts[2].toLongLong()), wait) ? QLatin1Char('s')
                                                                            : QLatin1Char('w');
    }
    QCOMPARE(got, expected);
}

void FileStabilityTest::remainingCountsDown() {
    FileStability tracker;
    QVERIFY(!tracker.observe("a.csv", {10, ms(59000)}, ms(60000), 2.0));
    QCOMPARE(tracker.remaining("a.csv", ms(60000), 2.0).count(), 1000);
    QCOMPARE(tracker.remaining("a.csv", ms(61500), 2.0).count(), 0);
    QCOMPARE(tracker.remaining("never-seen.csv", ms(61500), 2.0).count(), 2000);
    tracker.forget("a.csv");
    QCOMPARE(tracker.remaining("a.csv", ms(61500), 2.0).count(), 2000);
}

QTEST_GUILESS_MAIN(FileStabilityTest)
#include "file_stability_test.moc"
