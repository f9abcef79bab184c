// Scatters and bubbles as a user sees them: the points, marker sizes by size class, the axis
// title, trend and goal lines, markers on screen.
#include <QLineSeries>
#include <QScatterSeries>

#include "tests/support/chart_probe.h"

using namespace deskbase;
using test::ShownChart;

class ScatterChartTest : public QObject {
    Q_OBJECT
private slots:
    void scatterPointsTrendAndGoal() {
        ShownChart c(
            test::chartRows(QStringLiteral("real:orders,real:spend"), QStringLiteral("1,10;2,20;3,30;4,40")),
            R"({"type":"scatter","trend_line":true,"goal":25,"goal_label":"VIP"})");
        const auto points = test::dataSeries<QScatterSeries>(c.chart(), QStringLiteral("VIP"));
        QCOMPARE(points.size(), 1);
        QCOMPARE(points[0]->points(), (QList<QPointF>{{1, 10}, {2, 20}, {3, 30}, {4, 40}}));
        QCOMPARE(test::axisAt(c.chart(), Qt::AlignBottom)->titleText(), QStringLiteral("orders"));
        auto* trend = test::seriesNamed<QLineSeries>(c.chart(), widgets::kTrendName);
        QVERIFY(trend);
        QCOMPARE(trend->points(), (QList<QPointF>{{1, 10}, {4, 40}}));  // y = 10 x
        auto* goal = test::seriesNamed<QLineSeries>(c.chart(), QStringLiteral("VIP"));
        QVERIFY(goal);
        QCOMPARE(goal->points()[0].y(), 25.0);
        QCOMPARE(test::legendEntries(c.chart()),
                 (QStringList{QStringLiteral("spend"), QStringLiteral("VIP")}));
    }

    // Each point is drawn as a marker in the first palette colour, 60% opaque over the
    // background (no trend line here: it would run through the markers).
    void markersAreDrawnAtThePoints() {
        ShownChart c(test::chartRows(QStringLiteral("real:orders,real:spend"),
                                     QStringLiteral("0,0;1,12;2,31;3,18;5,50")),
                     R"({"type":"scatter"})");
        auto* points = test::dataSeries<QScatterSeries>(c.chart()).value(0);
        QVERIFY(points);
        const QImage frame = c.frame();
        const QColor bg = widgets::currentChartColors().background;
        const QColor marker = test::over(widgets::seriesColor(0), 0.6, bg);
        // The points inside the plot (the first and last sit on the axes' ends).
        for (const QPointF& p : {QPointF(1, 12), QPointF(2, 31), QPointF(3, 18)})
            QVERIFY2(test::sameColor(frame.pixelColor(c.at(p, points)), marker, 6),
                     qPrintable(frame.pixelColor(c.at(p, points)).name()));
        // Between the markers: no ink.
        QVERIFY(test::sameColor(frame.pixelColor(c.at(QPointF(2.6, 41.3), points)), bg, 6));
    }

    void bubblesGrowWithTheirSizeClass() {
        // Sizes 0..100 in fifths: one bubble in each class.
        ShownChart c(test::chartRows(QStringLiteral("real:x,real:y,real:size"),
                                     QStringLiteral("1,1,0;2,2,25;3,3,45;4,4,70;5,5,100")),
                     R"({"type":"bubble","size":"size"})");
        const auto classes = test::dataSeries<QScatterSeries>(c.chart());
        QCOMPARE(classes.size(), 5);
        for (int k = 0; k < 5; ++k) {
            QCOMPARE(classes[k]->points(), (QList<QPointF>{{double(k + 1), double(k + 1)}}));
            if (k > 0) QVERIFY(classes[k]->markerSize() > classes[k - 1]->markerSize());
        }
    }
};

QTEST_MAIN(ScatterChartTest)
#include "scatter_chart_test.moc"
