// Lines and areas: one x-ascending series per category (regression: one zig-zag line), dates
// grouped into periods and combined by the aggregation, stacked areas summed at the same x,
// the partial last period and the trend line.
#include "core/chart/line_shape.h"

#include <QDateTime>
#include <QTimeZone>
#include <QtTest>

#include "tests/support/chart_rows.h"

using namespace deskbase;
using namespace deskbase::chart;
using dashboard::Aggregation;
using dashboard::ChartType;

Q_DECLARE_METATYPE(Aggregation)
Q_DECLARE_METATYPE(ChartType)

namespace {
dashboard::VisualizationSettings settings(const char* json) {
    auto s = dashboard::parseVisualization(json);
    if (!s.isOk()) qFatal("bad settings %s", json);
    return *s;
}
double ms(const char* isoDate) {
    return double(
        QDateTime(QDate::fromString(QString::fromLatin1(isoDate), Qt::ISODate), QTime(0, 0), QTimeZone::utc())
            .toMSecsSinceEpoch());
}
LineShape shape(const ChartData& d, const dashboard::VisualizationSettings& s, ChartType type,
                const std::string& today = {}) {
    return shapeLines(d, resolveRoles(d, s, type), s, type, today);
}
// "x:y x:y ..." with dates as yyyy-MM-dd, to compare a series at a glance.
QString points(const LineSeries& l, bool dates) {
    QStringList out;
    for (std::size_t i = 0; i < l.xy->x.size(); ++i)
        out << (dates ? QDateTime::fromMSecsSinceEpoch(qint64(l.xy->x[i]), QTimeZone::utc())
                            .toString(QStringLiteral("yyyy-MM-dd"))
                      : QString::number(l.xy->x[i], 'g', 17)) +
                   QLatin1Char(':') + QString::number(l.xy->y[i], 'g', 17);
    return out.join(QLatin1Char(' '));
}
}  // namespace

class LineShapeTest : public QObject {
    Q_OBJECT
private slots:
    // Regression (issue 10): the automatic chart of "date, category, number" drew one line
    // through every row, jumping between the categories at each date.
    void dateCategoryNumberDrawsOneSeriesPerCategory_data() {
        QTest::addColumn<ChartType>("type");
        QTest::newRow("line") << ChartType::Line;
        QTest::newRow("area") << ChartType::Area;
    }
    void dateCategoryNumberDrawsOneSeriesPerCategory() {
        QFETCH(ChartType, type);
        const ChartData d = test::chartRows(QStringLiteral("date:month,text:channel,real:revenue"),
                                            QStringLiteral("2024-01-01,web,10;2024-01-01,store,100;"
                                                           "2024-02-01,web,20;2024-02-01,store,200;"
                                                           "2024-03-01,store,300;2024-03-01,web,30"));
        const LineShape l = shape(d, settings("{}"), type);
        QCOMPARE(l.xKind, LineX::Date);
        QCOMPARE(l.series.size(), std::size_t(2));
        QCOMPARE(l.series[0].name, std::string("web"));
        QCOMPARE(points(l.series[0], true), QStringLiteral("2024-01-01:10 2024-02-01:20 2024-03-01:30"));
        QCOMPARE(l.series[1].name, std::string("store"));
        QCOMPARE(points(l.series[1], true), QStringLiteral("2024-01-01:100 2024-02-01:200 2024-03-01:300"));
        QCOMPARE(l.yMin, 10.0);
        QCOMPARE(l.yMax, 300.0);
    }

    // "Dates by year" always summed: each aggregation over a year of days.
    void datesByYearCombineByAggregation_data() {
        QTest::addColumn<Aggregation>("aggregation");
        QTest::addColumn<QString>("expected");
        // 2023: 4, 6, 11; 2024: 1, 2 (years complete: the last day is 31 December).
        QTest::newRow("sum") << Aggregation::Sum << "2023-01-01:21 2024-01-01:3";
        QTest::newRow("average") << Aggregation::Average << "2023-01-01:7 2024-01-01:1.5";
        QTest::newRow("min") << Aggregation::Min << "2023-01-01:4 2024-01-01:1";
        QTest::newRow("max") << Aggregation::Max << "2023-01-01:11 2024-01-01:2";
        QTest::newRow("count") << Aggregation::Count << "2023-01-01:3 2024-01-01:2";
    }
    void datesByYearCombineByAggregation() {
        QFETCH(Aggregation, aggregation);
        QFETCH(QString, expected);
        const ChartData d = test::chartRows(
            QStringLiteral("date:day,real:v"),
            QStringLiteral(
                "2023-03-05,4;2024-06-01,1;2023-07-01,6;2023-12-31,11;2024-12-31,2;2024-02-01,null"));
        auto s = settings(R"({"type":"line","date_granularity":"year"})");
        s.aggregation = aggregation;
        const LineShape l = shape(d, s, ChartType::Line, "2026-12-01");
        QCOMPARE(l.series.size(), std::size_t(1));
        QCOMPARE(points(l.series[0], true), expected);
        QVERIFY(!l.lastPeriod.partial);
        QVERIFY(!l.partialX);
    }

    void partialLastYearIsMarked() {
        const ChartData d =
            test::chartRows(QStringLiteral("date:day,real:v"),
                            QStringLiteral("2023-01-01,5;2023-12-31,5;2024-01-01,1;2024-03-15,1"));
        const LineShape l =
            shape(d, settings(R"({"type":"line","date_granularity":"year"})"), ChartType::Line);
        QVERIFY(l.lastPeriod.partial);
        QCOMPARE(l.lastPeriod.through, std::string("2024-03-15"));
        QVERIFY(l.partialX);
        QCOMPARE(*l.partialX, ms("2024-01-01"));
        QCOMPARE(l.series[0].xy->x.back(), *l.partialX);
    }

    // Regression: stacked areas added the layers up by row position, so a layer missing a
    // date was added onto the next date of the layer below.
    void stackedAreaSumsLayersAtTheSameX() {
        const ChartData d =
            test::chartRows(QStringLiteral("date:month,text:channel,real:revenue"),
                            QStringLiteral("2024-01-01,web,1;2024-02-01,web,2;2024-03-01,web,3;"
                                           "2024-01-01,store,10;2024-03-01,store,30"));
        const LineShape l = shape(d, settings(R"({"type":"area","stacked":true})"), ChartType::Area);
        QVERIFY(l.stacked);
        QCOMPARE(points(l.series[0], true), QStringLiteral("2024-01-01:1 2024-02-01:2 2024-03-01:3"));
        QCOMPARE(points(l.series[1], true), QStringLiteral("2024-01-01:11 2024-02-01:2 2024-03-01:33"));
        QCOMPARE(l.series[1].own, (std::vector<double>{10, 0, 30}));
        QCOMPARE(l.yMax, 33.0);
        // Not stacked: each layer keeps its own points.
        const LineShape flat = shape(d, settings(R"({"type":"area"})"), ChartType::Area);
        QVERIFY(!flat.stacked);
        QCOMPARE(points(flat.series[1], true), QStringLiteral("2024-01-01:10 2024-03-01:30"));
    }

    void textXIsCategoryIndexes() {
        const ChartData d = test::chartRows(QStringLiteral("text:quarter,real:v"),
                                            QStringLiteral("2024-Q1,5;2024-Q2,7;2024-Q3,6"));
        const LineShape l = shape(d, settings(R"({"type":"line"})"), ChartType::Line);
        QCOMPARE(l.xKind, LineX::Category);
        QCOMPARE(l.categories, (std::vector<std::string>{"2024-Q1", "2024-Q2", "2024-Q3"}));
        QCOMPARE(points(l.series[0], false), QStringLiteral("0:5 1:7 2:6"));
    }

    void numberXIsSortedAndUngroupedRowsStay() {
        // Without a granularity two rows at one x are two points (nothing is combined).
        const ChartData d =
            test::chartRows(QStringLiteral("integer:x,real:y"), QStringLiteral("3,30;1,10;2,20;2,25"));
        const LineShape l = shape(d, settings(R"({"type":"line"})"), ChartType::Line);
        QCOMPARE(points(l.series[0], false), QStringLiteral("1:10 2:20 2:25 3:30"));
        QCOMPARE(l.xMin, 1.0);
        QCOMPARE(l.xMax, 3.0);
    }

    void trendLineFitsTheFirstSeries() {
        const ChartData d = test::chartRows(QStringLiteral("integer:x,real:y,real:z"),
                                            QStringLiteral("0,1,9;1,3,9;2,5,9;3,7,9"));
        const LineShape l = shape(d, settings(R"({"type":"line","trend_line":true})"), ChartType::Line);
        QVERIFY(l.trend);
        QCOMPARE(l.trend->slope, 2.0);
        QCOMPARE(l.trend->intercept, 1.0);
        QVERIFY(!shape(d, settings(R"({"type":"line"})"), ChartType::Line).trend);
    }
};

QTEST_GUILESS_MAIN(LineShapeTest)
#include "line_shape_test.moc"
