// Histograms as a user sees them: one stepped area whose steps are the bins' counts over
// round edges, the count axis, the titles, the bars' colour on screen.
#include <QAreaSeries>
#include <QLineSeries>

#include "tests/support/chart_probe.h"

using namespace deskbase;
using test::ShownChart;

class HistogramChartTest : public QObject {
    Q_OBJECT
private slots:
    void stepsAreTheBinCounts() {
        // 0..9 with Sturges' rule: five bins of width 2 from 0, two values each; 9.5 makes the
        // last bin three.
        ShownChart c(test::chartRows(QStringLiteral("real:total"), QStringLiteral("0;1;2;3;4;5;6;7;8;9;9.5")),
                     R"({"type":"histogram"})");
        const auto areas = test::dataSeries<QAreaSeries>(c.chart());
        QCOMPARE(areas.size(), 1);
        QCOMPARE(areas[0]->upperSeries()->points(),
                 (QList<QPointF>{
                     {0, 2}, {2, 2}, {2, 2}, {4, 2}, {4, 2}, {6, 2}, {6, 2}, {8, 2}, {8, 3}, {10, 3}}));
        QCOMPARE(test::axisAt(c.chart(), Qt::AlignLeft)->titleText(), QStringLiteral("Count"));
        QCOMPARE(test::axisAt(c.chart(), Qt::AlignBottom)->titleText(), QStringLiteral("total"));
        QVERIFY(test::legendEntries(c.chart()).isEmpty());
        // Inside the last bin: the fill colour (75% opaque over the background).
        const QColor fill =
            test::over(widgets::seriesColor(0), 0.75, widgets::currentChartColors().background);
        const QImage frame = c.frame();
        const QPoint inside = c.at(QPointF(9, 1.5), areas[0]);
        QVERIFY2(test::sameColor(frame.pixelColor(inside), fill, 4),
                 qPrintable(frame.pixelColor(inside).name()));
    }
};

QTEST_MAIN(HistogramChartTest)
#include "histogram_chart_test.moc"
