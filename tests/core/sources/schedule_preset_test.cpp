// The source editor's schedule presets: each schedule text shows as the preset that writes it
// back unchanged; texts no preset writes the same way stay as written (cron).
#include "core/sources/schedule_preset.h"

#include <QtTest>

using namespace deskbase;
using K = SchedulePreset::Kind;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(SchedulePreset::Kind)

class SchedulePresetTest : public QObject {
    Q_OBJECT
private slots:
    void reads_data() {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<bool>("watch");
        QTest::addColumn<K>("kind");
        QTest::addColumn<int>("number");  // minutes, or hour * 100 + minute, or weekday * 10000 + that
        QTest::newRow("none") << std::string() << false << K::OnDemand << 0;
        QTest::newRow("watch") << std::string() << true << K::Watch << 0;
        QTest::newRow("every 15") << std::string("every 15 minutes") << false << K::EveryMinutes << 15;
        QTest::newRow("every minute") << std::string("every minute") << false << K::EveryMinutes << 1;
        QTest::newRow("hourly") << std::string("hourly") << true << K::Hourly << 0;
        QTest::newRow("daily") << std::string("daily 06:30") << false << K::Daily << 630;
        QTest::newRow("weekly") << std::string("weekly mon 08:00") << false << K::Weekly << 10800;
        QTest::newRow("weekly sun") << std::string("weekly sun 23:59") << false << K::Weekly << 2359;
        QTest::newRow("cron") << std::string("30 6 * * 1-5") << false << K::Cron << 0;
        QTest::newRow("hours stay") << std::string("every 2 hours") << false << K::Cron << 0;
        QTest::newRow("long day name stays") << std::string("weekly Monday 08:00") << false << K::Cron << 0;
        QTest::newRow("every 1 minutes stays") << std::string("every 1 minutes") << false << K::Cron << 0;
        QTest::newRow("@daily stays") << std::string("@daily") << false << K::Cron << 0;
    }
    void reads() {
        QFETCH(std::string, text);
        QFETCH(bool, watch);
        QFETCH(K, kind);
        QFETCH(int, number);
        const SchedulePreset p = schedulePresetOf(text, watch);
        QCOMPARE(p.kind, kind);
        if (kind == K::EveryMinutes) QCOMPARE(p.minutes, number);
        if (kind == K::Daily || kind == K::Weekly) QCOMPARE(p.hour * 100 + p.minute, number % 10000);
        if (kind == K::Weekly) QCOMPARE(p.weekday, number / 10000);
        if (kind == K::Cron) QCOMPARE(p.expression, text);
        QCOMPARE(schedulePresetText(p), text);  // written back as it was
    }
    void writes() {
        SchedulePreset p;
        p.kind = K::Weekly;
        p.weekday = 5;
        p.hour = 7;
        p.minute = 5;
        QCOMPARE(schedulePresetText(p), std::string("weekly fri 07:05"));
        p.kind = K::EveryMinutes;
        p.minutes = 45;
        QCOMPARE(schedulePresetText(p), std::string("every 45 minutes"));
        p.kind = K::Watch;
        QCOMPARE(schedulePresetText(p), std::string());
    }
};

QTEST_GUILESS_MAIN(SchedulePresetTest)
#include "schedule_preset_test.moc"
