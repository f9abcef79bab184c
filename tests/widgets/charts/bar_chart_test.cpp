// Bar, row and combo charts as a user sees them: bar sets and their values, category labels,
// stacking, the first row on top, the combo's right axis, a log axis, value labels, the goal
// line and legend entries, a partial last period drawn lighter, colours on screen, and a click
// on a real bar reporting its category.
#include <QBarSeries>
#include <QBarSet>
#include <QGraphicsSimpleTextItem>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QSignalSpy>
#include <QStackedBarSeries>

#include "tests/support/chart_probe.h"

using namespace deskbase;
using test::ShownChart;

namespace {
QList<double> values(const QBarSet* set) {
    QList<double> out;
    for (int i = 0; i < set->count(); ++i) out << set->at(i);
    return out;
}
QStringList textItems(const QChart* chart) {
    QStringList out;
    for (const QGraphicsItem* item : chart->childItems())
        if (auto* t = dynamic_cast<const QGraphicsSimpleTextItem*>(item)) out << t->text();
    return out;
}
const QString kMonthChannel = QStringLiteral("date:month,text:channel,real:revenue");
const QString kMonthChannelRows = QStringLiteral(
    "2024-01-01,web,10;2024-01-01,store,100;2024-02-01,web,20;2024-02-01,store,200;2024-03-01,web,30;2024-03-"
    "01,store,"
    "300");
}  // namespace

class BarChartTest : public QObject {
    Q_OBJECT
private slots:
    void barsShowEachCategorysValue() {
        ShownChart c(test::chartRows(QStringLiteral("text:category,real:revenue"),
                                     QStringLiteral("Books,30;Toys,10;Games,20")),
                     R"({"type":"bar","data_labels":true,"format":{"prefix":"$"}})");
        const auto bars = test::dataSeries<QBarSeries>(c.chart());
        QCOMPARE(bars.size(), 1);
        QCOMPARE(bars[0]->count(), 1);
        QCOMPARE(values(bars[0]->barSets()[0]), (QList<double>{30, 10, 20}));
        QCOMPARE(test::axisLabels(test::axisAt(c.chart(), Qt::AlignBottom)),
                 (QStringList{QStringLiteral("Books"), QStringLiteral("Toys"), QStringLiteral("Games")}));
        // One set: our own labels in the question's format, no legend.
        const QStringList labels = textItems(c.chart());
        for (const char* l : {"$30", "$10", "$20"})
            QVERIFY2(labels.contains(QLatin1String(l)), qPrintable(labels.join(QLatin1Char(','))));
        QVERIFY(test::legendEntries(c.chart()).isEmpty());
        // The first bar's middle is drawn in the first palette colour.
        const QImage frame = c.frame();
        const QPoint middle = c.at(QPointF(0, 15), bars[0]);
        QVERIFY2(test::sameColor(frame.pixelColor(middle), widgets::seriesColor(0)),
                 qPrintable(frame.pixelColor(middle).name()));
    }

    // Regression (issue 10): "date, category, number" as bars summed every category into one
    // set; it draws a set per category.
    void dateCategoryNumberDrawsASetPerCategory_data() {
        QTest::addColumn<bool>("stacked");
        QTest::newRow("grouped") << false;
        QTest::newRow("stacked") << true;
    }
    void dateCategoryNumberDrawsASetPerCategory() {
        QFETCH(bool, stacked);
        ShownChart c(test::chartRows(kMonthChannel, kMonthChannelRows),
                     stacked ? R"({"type":"bar","stacked":true})" : R"({"type":"bar"})");
        QAbstractBarSeries* bars =
            stacked
                ? static_cast<QAbstractBarSeries*>(test::dataSeries<QStackedBarSeries>(c.chart()).value(0))
                : test::dataSeries<QBarSeries>(c.chart()).value(0);
        QVERIFY(bars);
        QCOMPARE(bars->count(), 2);
        QCOMPARE(bars->barSets()[0]->label(), QStringLiteral("web"));
        QCOMPARE(values(bars->barSets()[0]), (QList<double>{10, 20, 30}));
        QCOMPARE(values(bars->barSets()[1]), (QList<double>{100, 200, 300}));
        QCOMPARE(test::legendEntries(c.chart()),
                 (QStringList{QStringLiteral("web"), QStringLiteral("store")}));
        QCOMPARE(test::axisLabels(test::axisAt(c.chart(), Qt::AlignBottom)),
                 (QStringList{QStringLiteral("1 Jan 2024"), QStringLiteral("1 Feb 2024"),
                              QStringLiteral("1 Mar 2024")}));
        // Stacked, the value axis reaches the tallest stack (330); grouped, the tallest bar (300).
        auto* valueAxis = qobject_cast<QCategoryAxis*>(test::axisAt(c.chart(), Qt::AlignLeft));
        QVERIFY(valueAxis);
        QVERIFY(valueAxis->max() >= (stacked ? 330 : 300));
        QVERIFY(valueAxis->max() < (stacked ? 330 * 1.5 : 330));
    }

    void rowChartPutsTheFirstCategoryOnTop() {
        ShownChart c(
            test::chartRows(QStringLiteral("text:product,real:revenue"), QStringLiteral("A,3;B,2;C,1")),
            R"({"type":"row"})");
        const auto rows = test::dataSeries<QHorizontalBarSeries>(c.chart());
        QCOMPARE(rows.size(), 1);
        QCOMPARE(
            test::axisLabels(test::axisAt(c.chart(), Qt::AlignLeft)),
            (QStringList{QStringLiteral("C"), QStringLiteral("B"), QStringLiteral("A")}));  // drawn bottom-up
        QVERIFY(c.at(QPointF(3, 2), rows[0]).y() < c.at(QPointF(1, 0), rows[0]).y());       // A above C
    }

    void comboDrawsItsLineOnTheRightAxis() {
        ShownChart c(test::chartRows(QStringLiteral("text:month,integer:orders,real:items"),
                                     QStringLiteral("Jan,100,2.5;Feb,120,2.25;Mar,90,3")),
                     R"({"type":"combo","line_column":"items"})");
        const auto bars = test::dataSeries<QBarSeries>(c.chart());
        QCOMPARE(bars.size(), 1);
        QCOMPARE(bars[0]->barSets()[0]->label(), QStringLiteral("orders"));
        auto* line = test::seriesNamed<QLineSeries>(c.chart(), QStringLiteral("items"));
        QVERIFY(line);
        QCOMPARE(line->points(), (QList<QPointF>{{0, 2.5}, {1, 2.25}, {2, 3}}));
        const auto lineAxes = c.chart()->axes(Qt::Vertical, line);
        QCOMPARE(lineAxes.size(), 1);
        QCOMPARE(lineAxes[0]->alignment(), Qt::AlignRight);
        QCOMPARE(c.chart()->axes(Qt::Vertical, bars[0])[0]->alignment(), Qt::AlignLeft);
    }

    void logScaleUsesALogAxis() {
        const auto data = test::chartRows(QStringLiteral("text:k,real:v"), QStringLiteral("a,1;b,1000;c,50"));
        ShownChart log(data, R"({"type":"bar","y_scale":"log"})");
        QVERIFY(qobject_cast<QLogValueAxis*>(test::axisAt(log.chart(), Qt::AlignLeft)));
        ShownChart linear(data, R"({"type":"bar"})");
        QVERIFY(!qobject_cast<QLogValueAxis*>(test::axisAt(linear.chart(), Qt::AlignLeft)));
    }

    void goalLineIsDrawnAndNamed() {
        ShownChart c(test::chartRows(QStringLiteral("text:k,real:v"), QStringLiteral("a,10;b,30")),
                     R"({"type":"bar","goal":25,"goal_label":"Target"})");
        auto* goal = test::seriesNamed<QLineSeries>(c.chart(), QStringLiteral("Target"));
        QVERIFY(goal);
        QCOMPARE(goal->points().size(), 2);
        QCOMPARE(goal->points()[0].y(), 25.0);
        QCOMPARE(goal->points()[1].y(), 25.0);
        QCOMPARE(goal->pen().style(), Qt::DashLine);
        QCOMPARE(goal->pen().color(), widgets::currentChartColors().goal);
        QCOMPARE(test::legendEntries(c.chart()),
                 (QStringList{QStringLiteral("v"), QStringLiteral("Target")}));
        // Drawn: the goal colour between the two bars at y = 25.
        QVERIFY(test::colorNear(c.frame(), c.at(QPointF(0.5, 25), goal), widgets::currentChartColors().goal));
    }

    void aggregationPicksWhatABarShows() {
        // Days of 2023 and 2024 grouped by year, averaged.
        ShownChart c(test::chartRows(QStringLiteral("date:day,real:v"),
                                     QStringLiteral("2023-01-01,4;2023-12-31,8;2024-01-01,1;2024-12-31,3")),
                     R"({"type":"bar","date_granularity":"year","aggregation":"average"})");
        const auto bars = test::dataSeries<QBarSeries>(c.chart());
        QCOMPARE(values(bars[0]->barSets()[0]), (QList<double>{6, 2}));
        QCOMPARE(test::axisLabels(test::axisAt(c.chart(), Qt::AlignBottom)),
                 (QStringList{QStringLiteral("2023"), QStringLiteral("2024")}));
        QVERIFY(widgets::chartNote(c.chart()).isEmpty());  // both years are complete
    }

    // Issue 10: a month with half its days drew as a drop; it is drawn lighter and noted.
    void partialLastMonthIsLighterAndNoted() {
        ShownChart c(
            test::chartRows(
                QStringLiteral("date:day,real:v"),
                QStringLiteral("2024-01-01,50;2024-01-31,50;2024-02-01,40;2024-02-29,40;2024-03-10,30")),
            R"({"type":"bar","date_granularity":"month"})");
        QBarSet* set = test::dataSeries<QBarSeries>(c.chart())[0]->barSets()[0];
        QCOMPARE(values(set), (QList<double>{100, 80, 30}));
        QCOMPARE(set->selectedBars(), QList<int>{2});
        QCOMPARE(widgets::chartNote(c.chart()),
                 QStringLiteral("Mar 2024 is partial: data through 10 Mar 2024"));
        const QImage frame = c.frame();
        auto* bars = test::dataSeries<QBarSeries>(c.chart())[0];
        const QColor full = widgets::seriesColor(0);
        const QColor partial = widgets::partialColor(full, widgets::currentChartColors());
        QVERIFY(test::sameColor(frame.pixelColor(c.at(QPointF(0, 50), bars)), full));
        QVERIFY2(test::sameColor(frame.pixelColor(c.at(QPointF(2, 15), bars)), partial),
                 qPrintable(frame.pixelColor(c.at(QPointF(2, 15), bars)).name()));
    }

    // The dashboards' cross-filter hook: a real mouse click on a drawn bar.
    void clickingABarReportsItsCategory() {
        ShownChart c(test::chartRows(QStringLiteral("text:category,real:revenue"),
                                     QStringLiteral("Books,30;Toys,10;Games,20")),
                     R"({"type":"bar"})");
        QSignalSpy spy(&c.view, &widgets::ChartView::categoryClicked);
        auto* bars = test::dataSeries<QBarSeries>(c.chart())[0];
        QTest::mouseClick(c.view.chartView()->viewport(), Qt::LeftButton, {}, c.at(QPointF(1, 5), bars));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy[0][0].toString(), QStringLiteral("category"));
        QCOMPARE(spy[0][1].toString(), QStringLiteral("Toys"));
    }
};

QTEST_MAIN(BarChartTest)
#include "bar_chart_test.moc"
