// Line and area charts as a user sees them: one line per category (regression), stacked
// areas on each other, a calendar date axis, trend and goal lines, a partial last period
// drawn dashed and noted, and large lines reduced once per frame.
#include <QAreaSeries>
#include <QLineSeries>

#include "tests/support/chart_probe.h"

using namespace deskbase;
using test::ShownChart;

namespace {
double ms(int y, int m, int d) {
    return double(QDateTime(QDate(y, m, d), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch());
}
const QString kMonthChannel = QStringLiteral("date:month,text:channel,real:revenue");
// Deliberately interleaved: the automatic chart once drew one line through these rows in order.
const QString kMonthChannelRows = QStringLiteral(
    "2024-01-01,web,10;2024-01-01,store,100;2024-02-01,web,20;2024-02-01,store,200;2024-03-01,store,300;2024-"
    "03-01,"
    "web,30");
}  // namespace

class LineChartTest : public QObject {
    Q_OBJECT
private slots:
    // Regression (issue 10): the automatic chart for date + category + number drew one
    // zig-zag line; it draws a line per category, named in the legend.
    void autoChartDrawsALinePerCategory() {
        ShownChart c(test::chartRows(kMonthChannel, kMonthChannelRows), "{}");
        QCOMPARE(c.view.shownType(), dashboard::ChartType::Line);
        const auto lines = test::dataSeries<QLineSeries>(c.chart());
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0]->name(), QStringLiteral("web"));
        QCOMPARE(lines[0]->points(),
                 (QList<QPointF>{{ms(2024, 1, 1), 10}, {ms(2024, 2, 1), 20}, {ms(2024, 3, 1), 30}}));
        QCOMPARE(lines[1]->name(), QStringLiteral("store"));
        QCOMPARE(lines[1]->points(),
                 (QList<QPointF>{{ms(2024, 1, 1), 100}, {ms(2024, 2, 1), 200}, {ms(2024, 3, 1), 300}}));
        QCOMPARE(test::legendEntries(c.chart()),
                 (QStringList{QStringLiteral("web"), QStringLiteral("store")}));
        // Dates on a calendar axis: one label per month start.
        QCOMPARE(test::axisLabels(test::axisAt(c.chart(), Qt::AlignBottom)),
                 (QStringList{QStringLiteral("Jan 2024"), QStringLiteral("Feb 2024"),
                              QStringLiteral("Mar 2024")}));
        // Each line in its colour, through its own points.
        const QImage frame = c.frame();
        QVERIFY(test::colorNear(frame, c.at(QPointF(ms(2024, 2, 1), 20), lines[0]), widgets::seriesColor(0)));
        QVERIFY(
            test::colorNear(frame, c.at(QPointF(ms(2024, 2, 1), 200), lines[1]), widgets::seriesColor(1)));
    }

    void areasStackOnEachOther_data() {
        QTest::addColumn<bool>("stacked");
        QTest::newRow("overlapping") << false;
        QTest::newRow("stacked") << true;
    }
    void areasStackOnEachOther() {
        QFETCH(bool, stacked);
        ShownChart c(test::chartRows(kMonthChannel, kMonthChannelRows),
                     stacked ? R"({"type":"area","stacked":true})" : R"({"type":"area"})");
        const auto areas = test::dataSeries<QAreaSeries>(c.chart());
        QCOMPARE(areas.size(), 2);
        QVERIFY(!areas[0]->lowerSeries());
        QCOMPARE(areas[1]->lowerSeries() == areas[0]->upperSeries(), stacked);
        // Stacked, the top layer's edge is the running total: 100 + 10 in January.
        QCOMPARE(areas[1]->upperSeries()->points().front().y(), stacked ? 110.0 : 100.0);
    }

    void trendAndGoalLines() {
        // y = 2x + 1 exactly: the trend runs from (0, 1) to (4, 9).
        ShownChart c(
            test::chartRows(QStringLiteral("integer:x,real:y"), QStringLiteral("0,1;1,3;2,5;3,7;4,9")),
            R"({"type":"line","trend_line":true,"goal":6})");
        auto* trend = test::seriesNamed<QLineSeries>(c.chart(), widgets::kTrendName);
        QVERIFY(trend);
        QCOMPARE(trend->points(), (QList<QPointF>{{0, 1}, {4, 9}}));
        QCOMPARE(trend->pen().style(), Qt::DashLine);
        auto* goal = test::seriesNamed<QLineSeries>(c.chart(), QStringLiteral("Goal"));
        QVERIFY(goal);
        QCOMPARE(goal->points(), (QList<QPointF>{{0, 6}, {4, 6}}));
        // The legend names the line and the goal, never the helper trend.
        QCOMPARE(test::legendEntries(c.chart()), (QStringList{QStringLiteral("y"), QStringLiteral("Goal")}));
        QVERIFY(test::colorNear(c.frame(), c.at(QPointF(2, 6), goal), widgets::currentChartColors().goal));
    }

    // Issue 10: the last year of daily rows ending in March was a drop; it is dashed and noted.
    void partialLastYearIsDashedAndNoted() {
        ShownChart c(
            test::chartRows(QStringLiteral("date:day,real:v"),
                            QStringLiteral("2022-01-01,5;2022-12-31,5;2023-06-01,7;2023-12-31,7;2024-01-01,1;"
                                           "2024-03-15,1")),
            R"({"type":"line","date_granularity":"year"})");
        const auto lines = test::dataSeries<QLineSeries>(c.chart());
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0]->points(), (QList<QPointF>{{ms(2022, 1, 1), 10}, {ms(2023, 1, 1), 14}}));
        auto* dashed = test::seriesNamed<QLineSeries>(c.chart(), widgets::kHiddenName);
        QVERIFY(dashed);
        QCOMPARE(dashed->pen().style(), Qt::DashLine);
        QCOMPARE(dashed->points(), (QList<QPointF>{{ms(2023, 1, 1), 14}, {ms(2024, 1, 1), 2}}));
        QCOMPARE(widgets::chartNote(c.chart()), QStringLiteral("2024 is partial: data through 15 Mar 2024"));
        QVERIFY(test::legendEntries(c.chart()).isEmpty());
    }

    void countAggregationDrawsRowCounts() {
        ShownChart c(
            test::chartRows(
                QStringLiteral("date:day,real:v"),
                QStringLiteral("2024-01-03,9;2024-01-20,9;2024-01-31,9;2024-02-01,9;2024-02-29,9")),
            R"({"type":"line","date_granularity":"month","aggregation":"count","format":{"prefix":"$"}})");
        const auto lines = test::dataSeries<QLineSeries>(c.chart());
        QCOMPARE(lines[0]->points(), (QList<QPointF>{{ms(2024, 1, 1), 3}, {ms(2024, 2, 1), 2}}));
        // A count is a plain number on the axis, not dollars.
        for (const QString& label : test::axisLabels(test::axisAt(c.chart(), Qt::AlignLeft)))
            QVERIFY2(!label.contains(QLatin1Char('$')), qPrintable(label));
    }

    // docs/dashboards.md: "a frame reduces once". A 100,000-point line reaches Qt Charts as a
    // min/max reduction made once for the first frame; a real resize or zoom reduces again,
    // the layout's small width change and the axis re-reporting its range do not.
    void largeLineReducesOncePerFrame() {
        QString rows;
        for (int i = 0; i < 100000; ++i)
            rows += QStringLiteral("%1,%2;").arg(i).arg(std::sin(i / 300.0) * 100);
        ShownChart c(test::chartRows(QStringLiteral("integer:x,real:y"), rows), R"({"type":"line"})",
                     {900, 400});
        (void)c.frame();
        QCoreApplication::processEvents();
        QCOMPARE(c.view.reductions(), std::size_t(1));
        const std::size_t plot = std::size_t(c.chart()->plotArea().width());
        QVERIFY2(c.view.shownPoints() <= 4 * (plot + plot / 10) + 2,
                 qPrintable(QString::number(c.view.shownPoints())));
        c.view.resize(910, 400);  // within 10%: same buckets
        QCoreApplication::processEvents();
        (void)c.frame();
        QCOMPARE(c.view.reductions(), std::size_t(1));
        c.view.resize(1800, 400);  // twice as wide: finer buckets
        QCoreApplication::processEvents();
        (void)c.frame();
        QCOMPARE(c.view.reductions(), std::size_t(2));
        c.view.zoomX(1000, 50000);
        (void)c.frame();
        QCOMPARE(c.view.reductions(), std::size_t(3));
        c.view.zoomX(1000, 50000);  // the same range again
        QCOMPARE(c.view.reductions(), std::size_t(3));
    }
};

QTEST_MAIN(LineChartTest)
#include "line_chart_test.moc"
