// Schedules: the next tick after a fixed time, in UTC and in a zone with daylight saving time;
// every form's errors; due with catch-up. No wall clock: every instant is written out.
#include "core/sources/schedule.h"

#include <QtTest>

#include "core/checks/freshness.h"

using namespace deskbase;

namespace {

SysSeconds at(const char* utc) {
    auto t = parseTimestamp(utc);
    if (!t) qFatal("bad timestamp in the test: %s", utc);
    return *t;
}

QTimeZone zoneNamed(const QString& name) {
    return name == QStringLiteral("UTC") ? QTimeZone::utc() : QTimeZone(name.toUtf8());
}

}  // namespace

class ScheduleTest : public QObject {
    Q_OBJECT
private slots:
    void nextTick_data();
    void nextTick();
    void badSchedules_data();
    void badSchedules();
    void neverRunIsDueAtOnce();
    void missedTicksRunOnce();
    void notDueBeforeTheNextTick();
};

void ScheduleTest::nextTick_data() {
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("after");  // UTC
    QTest::addColumn<QString>("next");   // UTC
    // 2026-03-02 is a Monday (2026-03-01 is a Sunday).
    QTest::newRow("every 15 minutes") << "every 15 minutes"
                                      << "UTC"
                                      << "2026-03-02 10:07:00"
                                      << "2026-03-02 10:15:00";
    QTest::newRow("every: strictly after") << "every 15 minutes"
                                           << "UTC"
                                           << "2026-03-02 10:15:00"
                                           << "2026-03-02 10:30:00";
    QTest::newRow("every 2 hours") << "every 2 hours"
                                   << "UTC"
                                   << "2026-03-02 10:07:00"
                                   << "2026-03-02 12:00:00";
    QTest::newRow("every minute") << "every minute"
                                  << "UTC"
                                  << "2026-03-02 10:07:30"
                                  << "2026-03-02 10:08:00";
    QTest::newRow("hourly") << "hourly"
                            << "UTC"
                            << "2026-03-02 10:59:59"
                            << "2026-03-02 11:00:00";
    QTest::newRow("daily, same time") << "daily 06:30"
                                      << "UTC"
                                      << "2026-03-02 06:30:00"
                                      << "2026-03-03 06:30:00";
    QTest::newRow("daily, later today") << "daily 06:30"
                                        << "UTC"
                                        << "2026-03-02 06:29:59"
                                        << "2026-03-02 06:30:00";
    QTest::newRow("daily, local winter time") << "daily 06:30"
                                              << "Europe/Berlin"
                                              << "2026-03-02 00:00:00"
                                              << "2026-03-02 05:30:00";
    QTest::newRow("daily, local summer time") << "Daily 06:30"
                                              << "Europe/Berlin"
                                              << "2026-07-02 00:00:00"
                                              << "2026-07-02 04:30:00";
    QTest::newRow("weekly, next week") << "weekly mon 08:00"
                                       << "UTC"
                                       << "2026-03-02 08:00:00"
                                       << "2026-03-09 08:00:00";
    QTest::newRow("weekly, tomorrow") << "weekly monday 08:00"
                                      << "UTC"
                                      << "2026-03-01 12:00:00"
                                      << "2026-03-02 08:00:00";
    QTest::newRow("weekly sun") << "weekly sun 23:59"
                                << "UTC"
                                << "2026-03-02 00:00:00"
                                << "2026-03-08 23:59:00";
    QTest::newRow("cron weekdays") << "30 6 * * 1-5"
                                   << "UTC"
                                   << "2026-03-06 07:00:00"
                                   << "2026-03-09 06:30:00";
    QTest::newRow("cron names") << "30 6 * * mon-fri"
                                << "UTC"
                                << "2026-03-06 07:00:00"
                                << "2026-03-09 06:30:00";
    QTest::newRow("cron leap day") << "0 0 29 2 *"
                                   << "UTC"
                                   << "2026-03-01 00:00:00"
                                   << "2028-02-29 00:00:00";
    QTest::newRow("cron steps in a range") << "*/20 9-10 * * *"
                                           << "UTC"
                                           << "2026-03-02 10:41:00"
                                           << "2026-03-03 09:00:00";
    QTest::newRow("cron list") << "5,35 * * * *"
                               << "UTC"
                               << "2026-03-02 10:06:00"
                               << "2026-03-02 10:35:00";
    QTest::newRow("cron sunday as 7") << "0 9 * * 7"
                                      << "UTC"
                                      << "2026-03-02 00:00:00"
                                      << "2026-03-08 09:00:00";
    QTest::newRow("cron month name") << "0 0 1 jun *"
                                     << "UTC"
                                     << "2026-03-02 00:00:00"
                                     << "2026-06-01 00:00:00";
    // Both day fields restricted: either matches (Monday the 30th comes before the 1st of April).
    QTest::newRow("cron day of month or week") << "0 12 1 * mon"
                                               << "UTC"
                                               << "2026-03-28 00:00:00"
                                               << "2026-03-30 12:00:00";
    QTest::newRow("@monthly") << "@monthly"
                              << "UTC"
                              << "2026-03-02 00:00:00"
                              << "2026-04-01 00:00:00";
    QTest::newRow("end of the year") << "daily 00:00"
                                     << "UTC"
                                     << "2026-12-31 12:00:00"
                                     << "2027-01-01 00:00:00";
    // Europe/Berlin 2026: summer time from Sun 29 March 02:00 (clock to 03:00) to Sun 25 October
    // 03:00 (clock back to 02:00). 02:30 does not exist on 29 March: it fires an hour later
    // (03:30 CEST, 01:30 UTC). On 25 October 02:30 happens twice: it fires once, the first time
    // (02:30 CEST, 00:30 UTC), and next on the 26th (02:30 CET, 01:30 UTC).
    QTest::newRow("DST gap") << "daily 02:30"
                             << "Europe/Berlin"
                             << "2026-03-28 02:00:00"
                             << "2026-03-29 01:30:00";
    QTest::newRow("DST end, first time") << "daily 02:30"
                                         << "Europe/Berlin"
                                         << "2026-10-24 12:00:00"
                                         << "2026-10-25 00:30:00";
    QTest::newRow("DST end, once") << "daily 02:30"
                                   << "Europe/Berlin"
                                   << "2026-10-25 00:30:00"
                                   << "2026-10-26 01:30:00";
}

void ScheduleTest::nextTick() {
    QFETCH(QString, schedule);
    QFETCH(QString, zone);
    QFETCH(QString, after);
    QFETCH(QString, next);
    const QTimeZone z = zoneNamed(zone);
    QVERIFY2(z.isValid(), qPrintable(zone));
    auto s = Schedule::parse(schedule.toStdString());
    QVERIFY2(s, s.status().message().c_str());
    auto got = s->next(at(after.toUtf8().constData()), z);
    QVERIFY(got);
    QCOMPARE(QString::fromStdString(formatTimestamp(*got)), next);
}

void ScheduleTest::badSchedules_data() {
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << "  "
                           << "the schedule is empty";
    QTest::newRow("every 0") << "every 0 minutes"
                             << "\"0\" is not a positive number (every N minutes)";
    QTest::newRow("unit") << "every 5 fortnights"
                          << "\"fortnights\" is not a unit (every N minutes, every N hours)";
    QTest::newRow("hour 25") << "daily 25:00"
                             << "\"25:00\" is not a time of day (HH:MM, 00:00 to 23:59)";
    QTest::newRow("no time") << "daily"
                             << "daily wants a time: daily 06:30";
    QTest::newRow("day name") << "weekly funday 08:00"
                              << "\"funday\" is not a day of the week (mon, tue, ..., sun)";
    QTest::newRow("minute 61") << "61 * * * *"
                               << "cron field 1 (minute): 61 is out of range 0-59";
    QTest::newRow("hour 24") << "0 24 * * *"
                             << "cron field 2 (hour): 24 is out of range 0-23";
    QTest::newRow("no such day") << "0 0 30 2 *"
                                 << "\"0 0 30 2 *\" never fires (no such day)";
    QTest::newRow("open range") << "0 0 * * 1-"
                                << "cron field 5 (day of week): \"\" is not a number or a name";
    QTest::newRow("step 0") << "*/0 * * * *"
                            << "cron field 1 (minute): the step in \"*/0\" is not a positive number";
    QTest::newRow("backwards") << "0 0 5-1 * *"
                               << "cron field 3 (day of month): the range \"5-1\" runs backwards";
    QTest::newRow("month name") << "0 0 * foo *"
                                << "cron field 4 (month): \"foo\" is not a number or a name";
    QTest::newRow("six fields")
        << "0 0 * * * *"
        << "\"0 0 * * * *\" is not a schedule (every N minutes, every N hours, hourly, "
           "daily HH:MM, weekly mon HH:MM, or a five-field cron expression)";
}

void ScheduleTest::badSchedules() {
    QFETCH(QString, schedule);
    QFETCH(QString, error);
    auto s = Schedule::parse(schedule.toStdString());
    QVERIFY(!s);
    QCOMPARE(s.status().message(), error.toStdString());
}

void ScheduleTest::neverRunIsDueAtOnce() {
    auto s = Schedule::parse("weekly mon 08:00");
    QVERIFY(s);
    const auto now = at("2026-03-04 12:00:00");  // a Wednesday
    QVERIFY(scheduleIsDue(*s, std::nullopt, now, QTimeZone::utc()));
    QCOMPARE(scheduleDueAt(*s, std::nullopt, now, QTimeZone::utc()), now);
}

void ScheduleTest::missedTicksRunOnce() {
    // Last run Monday 2 March 06:30; the runner was off until Thursday 12 March: six ticks missed.
    auto s = Schedule::parse("daily 06:30");
    QVERIFY(s);
    const QTimeZone utc = QTimeZone::utc();
    std::optional<SysSeconds> last = at("2026-03-02 06:30:00");
    int runs = 0;
    // The runner looks every minute from its start until Friday noon, running whenever due.
    for (auto now = at("2026-03-12 09:00:00"); now <= at("2026-03-13 12:00:00");
         now += std::chrono::minutes(1))
        if (scheduleIsDue(*s, last, now, utc)) {
            ++runs;
            last = now;
        }
    // Once on start (the catch-up), once at Friday 06:30.
    QCOMPARE(runs, 2);
    QCOMPARE(formatTimestamp(*last), std::string("2026-03-13 06:30:00"));
}

void ScheduleTest::notDueBeforeTheNextTick() {
    auto s = Schedule::parse("every 15 minutes");
    QVERIFY(s);
    const std::optional<SysSeconds> last = at("2026-03-02 10:00:00");
    QVERIFY(!scheduleIsDue(*s, last, at("2026-03-02 10:14:59"), QTimeZone::utc()));
    QVERIFY(scheduleIsDue(*s, last, at("2026-03-02 10:15:00"), QTimeZone::utc()));
}

QTEST_GUILESS_MAIN(ScheduleTest)
#include "schedule_test.moc"
