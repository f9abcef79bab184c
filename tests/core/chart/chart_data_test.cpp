// cellEpochMs(): the canonical texts ("YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS") are read without Qt
// (a chart over 3M dates spent most of its time in QString + QDate per row), and must give
// exactly what Qt's ISO parser gives, which still reads every other form.
#include "core/chart/chart_data.h"

#include <QDateTime>
#include <QTimeZone>
#include <QtTest>

using namespace deskbase;
using namespace deskbase::chart;

namespace {

// What cellEpochMs gave before the fast path: Qt's ISO parse, in UTC.
std::optional<double> qtEpochMs(const std::string& s) {
    if (s.size() == 10) {
        const QDate d = QDate::fromString(QString::fromStdString(s), Qt::ISODate);
        if (!d.isValid()) return std::nullopt;
        return double(QDateTime(d, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch());
    }
    QString t = QString::fromStdString(s);
    t[10] = QLatin1Char('T');
    QDateTime dt = QDateTime::fromString(t, Qt::ISODate);
    if (!dt.isValid()) return std::nullopt;
    dt.setTimeZone(QTimeZone::utc());
    return double(dt.toMSecsSinceEpoch());
}

}  // namespace

class ChartDataTest : public QObject {
    Q_OBJECT
private slots:
    void canonicalDatesMatchQtsIsoParse() {
        int compared = 0;
        // Every 13th day from 1850 to 2150 (both sides of 1970, leap and century years), at a
        // time that moves through the day.
        const QDate first(1850, 1, 1), last(2150, 12, 31);
        for (QDate d = first; d <= last; d = d.addDays(13)) {
            const std::string day = d.toString(Qt::ISODate).toStdString();
            QCOMPARE(cellEpochMs(Value{day}), qtEpochMs(day));
            const QTime t = QTime(0, 0).addSecs(int(d.toJulianDay() * 7919 % 86400));
            const std::string at = day + " " + t.toString(QStringLiteral("HH:mm:ss")).toStdString();
            QCOMPARE(cellEpochMs(Value{at}), qtEpochMs(at));
            compared += 2;
        }
        QVERIFY(compared > 16000);
    }

    void impossibleDatesAreNoDate() {
        for (const char* s : {"2021-02-29", "1900-02-29", "2021-13-01", "2021-00-10", "2021-04-31", "2021-01-00",
                              "2021-01-01 25:00:00", "2021-01-01 12:60:00", "2021-01-01 12:00:61", "2021-0a-01"})
            QCOMPARE(cellEpochMs(Value{std::string(s)}), std::optional<double>());
        QCOMPARE(cellEpochMs(Value{std::string("2000-02-29")}), qtEpochMs("2000-02-29"));  // a leap century
        QCOMPARE(*cellEpochMs(Value{std::string("1970-01-01")}), 0.0);
        QCOMPARE(*cellEpochMs(Value{std::string("1969-12-31 23:59:59")}), -1000.0);
    }

    void otherFormsStillGoThroughQt() {
        const std::string withMs = "2024-03-05 06:07:08.250";
        QCOMPARE(cellEpochMs(Value{withMs}), qtEpochMs(withMs));
        QCOMPARE(*cellEpochMs(Value{withMs}) - *cellEpochMs(Value{std::string("2024-03-05 06:07:08")}), 250.0);
        QCOMPARE(cellEpochMs(Value{std::string("not a date")}), std::optional<double>());
        QCOMPARE(cellEpochMs(Value{std::int64_t(20240305)}), std::optional<double>());  // a number is no date
    }
};

QTEST_GUILESS_MAIN(ChartDataTest)
#include "chart_data_test.moc"
