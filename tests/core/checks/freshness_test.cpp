// Freshness: timestamps as imports store them (and with offsets), ages, and the warn / error
// verdict against warn_after / error_after.
#include "core/checks/freshness.h"

#include <QtTest>

#include "core/checks/check_file.h"

using namespace deskbase;

Q_DECLARE_METATYPE(std::string)

namespace {

// Seconds since the epoch of a UTC time, from std::chrono's own calendar (not the parser's).
qint64 epoch(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0) {
    using namespace std::chrono;
    const auto t = sys_days(year_month_day{year(y), month(mo), day(d)}) + hours(h) + minutes(mi) + seconds(s);
    return qint64(duration_cast<seconds>(t.time_since_epoch()).count());
}

SysSeconds at(qint64 epochSeconds) {
    return SysSeconds(std::chrono::seconds(epochSeconds));
}

}  // namespace

class FreshnessTest : public QObject {
    Q_OBJECT
private slots:
    void parse_data() {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<qint64>("expected");  // -1: not a timestamp
        QTest::newRow("date") << std::string("2024-01-31") << epoch(2024, 1, 31);
        QTest::newRow("datetime") << std::string("2024-01-31 13:45:07") << epoch(2024, 1, 31, 13, 45, 7);
        QTest::newRow("T and fraction")
            << std::string("2024-01-31T13:45:07.125") << epoch(2024, 1, 31, 13, 45, 7);
        QTest::newRow("minutes only") << std::string("2024-01-31 13:45") << epoch(2024, 1, 31, 13, 45);
        QTest::newRow("Z") << std::string("2024-01-31T13:45:07Z") << epoch(2024, 1, 31, 13, 45, 7);
        QTest::newRow("+02:00") << std::string("2024-01-31 13:45:07+02:00") << epoch(2024, 1, 31, 11, 45, 7);
        QTest::newRow("+02 (PostgreSQL)")
            << std::string("2024-01-31 13:45:07+02") << epoch(2024, 1, 31, 11, 45, 7);
        QTest::newRow("-0530") << std::string("2024-01-31 13:45:07-0530") << epoch(2024, 1, 31, 19, 15, 7);
        QTest::newRow("leap day") << std::string("2024-02-29") << epoch(2024, 2, 29);
        QTest::newRow("not a leap day") << std::string("2023-02-29") << qint64(-1);
        QTest::newRow("month 13") << std::string("2024-13-01") << qint64(-1);
        QTest::newRow("hour 24") << std::string("2024-01-01 24:00") << qint64(-1);
        QTest::newRow("US date") << std::string("01/31/2024") << qint64(-1);
        QTest::newRow("trailing text") << std::string("2024-01-31 x") << qint64(-1);
        QTest::newRow("empty") << std::string("") << qint64(-1);
    }

    void parse() {
        QFETCH(std::string, text);
        QFETCH(qint64, expected);
        const auto got = parseTimestamp(text);
        QCOMPARE(got ? qint64(got->time_since_epoch().count()) : qint64(-1), expected);
    }

    void formatRoundTrips() {
        const auto t = at(epoch(2023, 12, 31, 23, 59, 58));
        QCOMPARE(formatTimestamp(t), std::string("2023-12-31 23:59:58"));
        QCOMPARE(parseTimestamp(formatTimestamp(t)), std::optional<SysSeconds>(t));
    }

    void age_data() {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<std::string>("expected");
        QTest::newRow("seconds") << qint64(42) << std::string("42s");
        QTest::newRow("minutes") << qint64(5 * 60 + 3) << std::string("5m");
        QTest::newRow("hours and minutes") << qint64(5 * 3600 + 12 * 60) << std::string("5h 12m");
        QTest::newRow("whole hours") << qint64(2 * 3600) << std::string("2h");
        QTest::newRow("days and hours") << qint64(3 * 86400 + 4 * 3600 + 59) << std::string("3d 4h");
        QTest::newRow("future") << qint64(-90) << std::string("in the future by 1m");
    }

    void age() {
        QFETCH(qint64, seconds);
        QFETCH(std::string, expected);
        QCOMPARE(formatAge(seconds), expected);
    }

    void verdict_data() {
        QTest::addColumn<std::string>("check");
        QTest::addColumn<qint64>("ageSeconds");
        QTest::addColumn<std::string>("status");
        const std::string both =
            R"({"check": "freshness", "column": "d", "warn_after": "2d", "error_after": "7d"})";
        const std::string warnOnly = R"({"check": "freshness", "column": "d", "warn_after": "1h"})";
        const std::string errorWarnSeverity =
            R"({"check": "freshness", "column": "d", "error_after": "1h", "severity": "warn"})";
        QTest::newRow("fresh") << both << qint64(86400) << std::string("pass");
        QTest::newRow("exactly warn_after is fresh") << both << qint64(2 * 86400) << std::string("pass");
        QTest::newRow("past warn_after") << both << qint64(2 * 86400 + 1) << std::string("warn");
        QTest::newRow("past error_after") << both << qint64(7 * 86400 + 1) << std::string("fail");
        QTest::newRow("warn only, old") << warnOnly << qint64(30 * 86400) << std::string("warn");
        QTest::newRow("error_after, warn severity")
            << errorWarnSeverity << qint64(7200) << std::string("warn");
        QTest::newRow("future is fresh") << both << qint64(-3600) << std::string("pass");
    }

    void verdict() {
        QFETCH(std::string, check);
        QFETCH(qint64, ageSeconds);
        QFETCH(std::string, status);
        auto f = checkFileFromText(R"({"table": "t", "checks": [)" + check + "]}", "checks/t.json", "t");
        QVERIFY2(f, f.status().message().c_str());
        const auto now = at(epoch(2024, 6, 1, 12));
        CheckResult r;
        judgeFreshness(f->checks[0], now - std::chrono::seconds(ageSeconds), now, "newest d", r);
        QCOMPARE(std::string(checkStatusName(r.status)), status);
        QCOMPARE(r.failures, std::int64_t(status == "pass" ? 0 : 1));
        QVERIFY2(
            r.message.rfind("newest d " + formatTimestamp(now - std::chrono::seconds(ageSeconds)), 0) == 0,
            r.message.c_str());
    }
};

QTEST_GUILESS_MAIN(FreshnessTest)
#include "freshness_test.moc"
