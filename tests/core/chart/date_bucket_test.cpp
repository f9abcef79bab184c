// Calendar periods, and the rule for a partial last period (docs/dashboards.md): the data
// covers its last value plus one step of its own; the last period is partial when that ends
// before the period does, or when the period contains today.
#include "core/chart/date_bucket.h"

#include <QDateTime>
#include <QTimeZone>
#include <QtTest>

using namespace deskbase::chart;

namespace {
// "2024-05-01,2024-05-02 10:30" -> epoch ms (UTC).
std::vector<double> epochs(const QString& list) {
    std::vector<double> out;
    for (QString s : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        s = s.trimmed();
        if (s.size() > 10) s[10] = QLatin1Char('T');
        QDateTime t = s.size() > 10
                          ? QDateTime::fromString(s, Qt::ISODate)
                          : QDateTime(QDate::fromString(s, Qt::ISODate), QTime(0, 0), QTimeZone::utc());
        t.setTimeZone(QTimeZone::utc());
        out.push_back(double(t.toMSecsSinceEpoch()));
    }
    return out;
}
}  // namespace

class DateBucketTest : public QObject {
    Q_OBJECT
private slots:
    void truncatesDates_data() {
        QTest::addColumn<QString>("iso");
        QTest::addColumn<QString>("granularity");
        QTest::addColumn<QString>("expected");
        QTest::newRow("month") << "2024-05-17"
                               << "month"
                               << "2024-05-01";
        QTest::newRow("quarter") << "2024-05-17"
                                 << "quarter"
                                 << "2024-04-01";
        QTest::newRow("year") << "2024-05-17 10:00:00"
                              << "year"
                              << "2024-01-01";
        QTest::newRow("week starts monday") << "2024-05-17"
                                            << "week"
                                            << "2024-05-13";
        QTest::newRow("day drops the time") << "2024-05-17T23:59:59"
                                            << "day"
                                            << "2024-05-17";
        QTest::newRow("none") << "2024-05-17"
                              << ""
                              << "2024-05-17";
        QTest::newRow("not a date") << "2024-Q2"
                                    << "month"
                                    << "2024-Q2";
        QTest::newRow("unknown granularity") << "2024-05-17"
                                             << "fortnight"
                                             << "2024-05-17";
    }
    void truncatesDates() {
        QFETCH(QString, iso);
        QFETCH(QString, granularity);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(truncateDate(iso.toStdString(), granularity.toStdString())),
                 expected);
    }

    void nextPeriod_data() {
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("granularity");
        QTest::addColumn<QString>("expected");
        QTest::newRow("day") << "2024-02-28"
                             << "day"
                             << "2024-02-29";
        QTest::newRow("week") << "2024-12-30"
                              << "week"
                              << "2025-01-06";
        QTest::newRow("month") << "2024-12-01"
                               << "month"
                               << "2025-01-01";
        QTest::newRow("quarter") << "2024-10-01"
                                 << "quarter"
                                 << "2025-01-01";
        QTest::newRow("year") << "2024-01-01"
                              << "year"
                              << "2025-01-01";
        QTest::newRow("unknown") << "2024-01-01"
                                 << ""
                                 << "";
    }
    void nextPeriod() {
        QFETCH(QString, start);
        QFETCH(QString, granularity);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(nextPeriodStart(start.toStdString(), granularity.toStdString())),
                 expected);
    }

    void lastPeriodCoverage_data() {
        QTest::addColumn<QString>("dates");
        QTest::addColumn<QString>("granularity");
        QTest::addColumn<QString>("today");
        QTest::addColumn<bool>("partial");
        QTest::addColumn<QString>("period");
        QTest::addColumn<QString>("through");
        QTest::addColumn<bool>("ongoing");
        // Daily data: a step of one day.
        QTest::newRow("days stop mid-month") << "2024-05-30,2024-06-01,2024-06-15"
                                             << "month"
                                             << "" << true << "2024-06-01"
                                             << "2024-06-15" << false;
        QTest::newRow("days reach the month's end") << "2024-05-30,2024-06-01,2024-06-30"
                                                    << "month"
                                                    << "" << false << "2024-06-01"
                                                    << "2024-06-30" << false;
        QTest::newRow("days stop before the year's end") << "2023-01-01,2024-11-30"
                                                         << "year"
                                                         << "" << true << "2024-01-01"
                                                         << "2024-11-30" << false;
        // Already grouped by month in SQL: each value stands for its whole month.
        QTest::newRow("month starts cover their month") << "2024-10-01,2024-11-01,2024-12-01"
                                                        << "month"
                                                        << "" << false << "2024-12-01"
                                                        << "2024-12-31" << false;
        QTest::newRow("month starts, grouped by year") << "2024-01-01,2024-06-01,2024-12-01"
                                                       << "year"
                                                       << "" << false << "2024-01-01"
                                                       << "2024-12-31" << false;
        QTest::newRow("month starts stop in November") << "2024-01-01,2024-11-01"
                                                       << "year"
                                                       << "" << true << "2024-01-01"
                                                       << "2024-11-30" << false;
        QTest::newRow("quarter starts, grouped by year") << "2024-01-01,2024-04-01,2024-07-01,2024-10-01"
                                                         << "year"
                                                         << "" << false << "2024-01-01"
                                                         << "2024-12-31" << false;
        // Never a coarser step than the granularity: year starts grouped by month step a month.
        QTest::newRow("year starts grouped by month") << "2023-01-01,2024-01-01"
                                                      << "month"
                                                      << "" << false << "2024-01-01"
                                                      << "2024-01-31" << false;
        QTest::newRow("mondays grouped by month") << "2024-06-17,2024-06-24"
                                                  << "month"
                                                  << "" << false << "2024-06-01"
                                                  << "2024-06-30" << false;
        // The period is not over yet: the current month is partial even when complete so far.
        QTest::newRow("current month is ongoing") << "2026-10-01,2026-11-01,2026-12-01"
                                                  << "month"
                                                  << "2026-12-15" << true << "2026-12-01"
                                                  << "2026-12-31" << true;
        QTest::newRow("last month is over") << "2026-10-01,2026-11-01"
                                            << "month"
                                            << "2026-12-15" << false << "2026-11-01"
                                            << "2026-11-30" << false;
        // Datetimes step by their smallest gap.
        QTest::newRow("hours reach the day's end") << "2024-06-30 22:00:00,2024-06-30 23:00:00"
                                                   << "month"
                                                   << "" << false << "2024-06-01"
                                                   << "2024-06-30" << false;
        QTest::newRow("hours stop in the afternoon") << "2024-06-30 13:00:00,2024-06-30 14:00:00"
                                                     << "day"
                                                     << "" << true << "2024-06-30"
                                                     << "2024-06-30" << false;
        QTest::newRow("no granularity") << "2024-06-15"
                                        << ""
                                        << "" << false << ""
                                        << "" << false;
        QTest::newRow("no dates") << ""
                                  << "month"
                                  << "" << false << ""
                                  << "" << false;
    }
    void lastPeriodCoverage() {
        QFETCH(QString, dates);
        QFETCH(QString, granularity);
        QFETCH(QString, today);
        QFETCH(bool, partial);
        QFETCH(QString, period);
        QFETCH(QString, through);
        QFETCH(bool, ongoing);
        const PeriodCoverage c = deskbase::chart::lastPeriodCoverage(epochs(dates), granularity.toStdString(),
                                                                     today.toStdString());
        QCOMPARE(c.partial, partial);
        QCOMPARE(QString::fromStdString(c.period), period);
        QCOMPARE(QString::fromStdString(c.through), through);
        QCOMPARE(c.ongoing, ongoing);
    }
};

QTEST_GUILESS_MAIN(DateBucketTest)
#include "date_bucket_test.moc"
