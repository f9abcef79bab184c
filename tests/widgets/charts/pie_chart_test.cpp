// Pies and donuts as a user sees them: a slice per positive category with its share, the
// legend, the hole, a note for what cannot be a slice, slice colours on screen, and a click on
// a real slice reporting its category.
#include <QPieSeries>
#include <QPieSlice>
#include <QSignalSpy>
#include <cmath>

#include "tests/support/chart_probe.h"

using namespace deskbase;
using test::ShownChart;

namespace {
const QString kRows = QStringLiteral("Books,30;Toys,10;Books,20;Games,0;Tools,-5;Home,40");

}  // namespace

class PieChartTest : public QObject {
    Q_OBJECT
private slots:
    void slicesSharesAndLegend() {
        ShownChart c(test::chartRows(QStringLiteral("text:category,real:revenue"), kRows),
                     R"({"type":"donut"})");
        const auto pies = test::dataSeries<QPieSeries>(c.chart());
        QCOMPARE(pies.size(), 1);
        QPieSeries* pie = pies[0];
        QCOMPARE(pie->count(), 3);  // Books 50, Toys 10, Home 40 of 100
        QCOMPARE(pie->slices()[0]->value(), 50.0);
        QCOMPARE(pie->slices()[0]->label(), QStringLiteral("Books 50%"));
        QCOMPARE(pie->slices()[1]->label(), QStringLiteral("Toys 10%"));
        QCOMPARE(pie->slices()[2]->label(), QStringLiteral("Home 40%"));
        QCOMPARE(pie->slices()[2]->angleSpan(), 144.0);  // 40% of 360 degrees
        QCOMPARE(pie->holeSize(), 0.5);
        QCOMPARE(test::legendEntries(c.chart()),
                 (QStringList{QStringLiteral("Books 50%"), QStringLiteral("Toys 10%"),
                              QStringLiteral("Home 40%")}));
        QCOMPARE(widgets::chartNote(c.chart()),
                 QStringLiteral("2 categories at or below zero are not shown"));
        // Each slice is drawn in its palette colour.
        const QImage frame = c.frame();
        for (int i = 0; i < 3; ++i) {
            const QPoint p = test::sliceMiddle(c.view.chartView(), pie, pie->slices()[i]);
            QVERIFY2(test::sameColor(frame.pixelColor(p), widgets::seriesColor(std::size_t(i))),
                     qPrintable(QStringLiteral("slice %1: %2").arg(i).arg(frame.pixelColor(p).name())));
        }
        // The donut's hole shows the background.
        const QPoint centre =
            c.view.chartView()->mapFromScene(c.chart()->mapToScene(c.chart()->plotArea().center()));
        QVERIFY(test::sameColor(frame.pixelColor(centre), widgets::currentChartColors().background));
    }

    void clickingASliceReportsItsCategory() {
        ShownChart c(test::chartRows(QStringLiteral("text:category,real:revenue"), kRows),
                     R"({"type":"pie"})");
        QSignalSpy spy(&c.view, &widgets::ChartView::categoryClicked);
        QPieSeries* pie = test::dataSeries<QPieSeries>(c.chart())[0];
        const QPoint home = test::sliceMiddle(c.view.chartView(), pie, pie->slices()[2]);
        QTest::mouseClick(c.view.chartView()->viewport(), Qt::LeftButton, {}, home);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy[0][0].toString(), QStringLiteral("category"));
        QCOMPARE(spy[0][1].toString(), QStringLiteral("Home"));
    }
};

QTEST_MAIN(PieChartTest)
#include "pie_chart_test.moc"
