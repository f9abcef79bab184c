// The chart view: the automatic chart for each result shape (what is drawn, not an echo of the
// type asked for), colours following the light and dark themes and a theme switch while shown,
// and a huge prepared line reduced and re-reduced on zoom.
#include <QAreaSeries>
#include <QBarSeries>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStackedLayout>
#include <QTableView>

#include "tests/support/chart_probe.h"
#include "widgets/charts/number_widget.h"
#include "widgets/theme/theme.h"

using namespace deskbase;
using test::ShownChart;

class ChartViewTest : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { widgets::applyTheme(*qApp, widgets::ThemeMode::Light); }

    // Each shape's automatic chart, counted from what the QChart holds: the kind of series and
    // how many a user sees (regression: the table's "minSeries" was 1 for every type).
    void automaticChartForEachShape_data() {
        QTest::addColumn<QString>("columns");
        QTest::addColumn<QString>("rows");
        QTest::addColumn<QString>("drawn");
        QTest::addColumn<int>("series");
        QTest::newRow("a category and a number: bars") << "text:k,real:v"
                                                       << "a,1;b,2;c,3"
                                                       << "bar" << 1;
        QTest::newRow("two categories and a number: grouped bars") << "text:k,text:c,integer:v"
                                                                   << "a,x,1;a,y,2;b,x,3"
                                                                   << "bar" << 2;
        QTest::newRow("a date and a number: a line") << "date:d,real:v"
                                                     << "2024-01-01,1;2024-02-01,2"
                                                     << "line" << 1;
        QTest::newRow("a date, a category and a number: a line per category")
            << "date:d,text:c,real:v"
            << "2024-01-01,x,1;2024-01-01,y,2;2024-01-01,z,3;2024-02-01,x,4"
            << "line" << 3;
        QTest::newRow("a date and two numbers: two lines") << "date:d,integer:a,real:b"
                                                           << "2024-01-01,1,2;2024-02-01,3,4"
                                                           << "line" << 2;
        QTest::newRow("two numbers: a scatter") << "real:a,real:b"
                                                << "1,2;3,4;5,1"
                                                << "scatter" << 1;
        QTest::newRow("three numbers: bubbles in five sizes") << "real:a,real:b,real:c"
                                                              << "1,2,3;3,4,5"
                                                              << "scatter" << 5;
        QTest::newRow("a column of numbers: a histogram") << "real:a"
                                                          << "1;2;3;4"
                                                          << "histogram" << 1;
        QTest::newRow("one number: a number card") << "integer:n"
                                                   << "42"
                                                   << "number" << 0;
        QTest::newRow("text only: a table") << "text:a,text:b"
                                            << "x,y"
                                            << "table" << 0;
    }
    void automaticChartForEachShape() {
        QFETCH(QString, columns);
        QFETCH(QString, rows);
        QFETCH(QString, drawn);
        QFETCH(int, series);
        ShownChart c(test::chartRows(columns, rows), "{}");
        auto* stack = c.view.findChild<QStackedLayout*>();
        QWidget* shown = stack->currentWidget();
        if (drawn == QStringLiteral("number")) {
            QCOMPARE(shown, static_cast<QWidget*>(c.view.numberWidget()));
            QCOMPARE(c.view.numberWidget()->valueText(), QStringLiteral("42"));
            return;
        }
        if (drawn == QStringLiteral("table")) {
            QCOMPARE(shown, static_cast<QWidget*>(c.view.tableView()));
            QCOMPARE(c.view.tableView()->model()->rowCount(), 1);
            return;
        }
        QCOMPARE(shown, static_cast<QWidget*>(c.view.chartView()));
        int n = 0;
        if (drawn == QStringLiteral("bar")) {
            const auto bars = test::dataSeries<QBarSeries>(c.chart());
            QCOMPARE(bars.size(), 1);
            n = bars[0]->count();
        } else if (drawn == QStringLiteral("line")) {
            n = int(test::dataSeries<QLineSeries>(c.chart()).size());
        } else if (drawn == QStringLiteral("scatter")) {
            n = int(test::dataSeries<QScatterSeries>(c.chart()).size());
        } else {
            n = int(test::dataSeries<QAreaSeries>(c.chart()).size());
        }
        QCOMPARE(n, series);
    }

    void colorsFollowTheTheme_data() {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void colorsFollowTheTheme() {
        QFETCH(bool, dark);
        widgets::applyTheme(*qApp, dark ? widgets::ThemeMode::Dark : widgets::ThemeMode::Light);
        const widgets::ChartColors colors = widgets::chartColors(dark);
        ShownChart c(test::chartRows(QStringLiteral("text:k,real:v"), QStringLiteral("a,10;b,20")),
                     R"({"type":"bar"})");
        QCOMPARE(c.chart()->backgroundBrush().color(), colors.background);
        for (QAbstractAxis* axis : c.chart()->axes()) QCOMPARE(axis->labelsColor(), colors.mutedText);
        const QImage frame = c.frame();
        auto* bars = test::dataSeries<QBarSeries>(c.chart())[0];
        // Above the shorter bar, between grid lines: the chart's background.
        const QPoint above = c.at(QPointF(0, 17.5), bars);
        QVERIFY2(test::sameColor(frame.pixelColor(above), colors.background),
                 qPrintable(frame.pixelColor(above).name()));
        QVERIFY(test::sameColor(frame.pixelColor(c.at(QPointF(1, 10), bars)), widgets::seriesColor(0)));
        // An axis label is drawn in the muted text colour somewhere left of the plot.
        const QRectF plot = c.chart()->plotArea();
        bool labelInk = false;
        for (int y = int(plot.top()); y < int(plot.bottom()) && !labelInk; ++y)
            for (int x = 0; x < int(plot.left()) - 2 && !labelInk; ++x)
                labelInk = test::sameColor(frame.pixelColor(x, y), colors.mutedText, 24);
        QVERIFY(labelInk);
    }

    // Issue 10's theme defect, at the chart: switching the theme while a chart is shown
    // redraws it in the new colours at once.
    void themeSwitchRedrawsAShownChart() {
        widgets::applyTheme(*qApp, widgets::ThemeMode::Light);
        ShownChart c(test::chartRows(QStringLiteral("text:k,real:v"), QStringLiteral("a,10;b,20")),
                     R"({"type":"bar"})");
        QCOMPARE(c.chart()->backgroundBrush().color(), widgets::chartColors(false).background);
        widgets::applyTheme(*qApp, widgets::ThemeMode::Dark);
        QCoreApplication::processEvents();
        QCOMPARE(c.chart()->backgroundBrush().color(), widgets::chartColors(true).background);
        auto* bars = test::dataSeries<QBarSeries>(c.chart()).value(0);
        QVERIFY(bars);
        const QImage frame = c.frame();
        const QPoint above = c.at(QPointF(0, 17.5), bars);
        QVERIFY2(test::sameColor(frame.pixelColor(above), widgets::chartColors(true).background),
                 qPrintable(frame.pixelColor(above).name()));
    }

    void hugePreparedLineIsReducedAndReReducedOnZoom() {
        auto xy = std::make_shared<chart::XYData>();
        const std::size_t n = 1000000;
        xy->x.resize(n);
        xy->y.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            xy->x[i] = double(i);
            xy->y[i] = std::sin(double(i) / 1000.0) + (i % 7919 == 0 ? 5.0 : 0.0);
        }
        widgets::ChartView view;
        view.resize(900, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setXYLine(xy, true);
        QCoreApplication::processEvents();
        (void)view.chartView()->grab();
        QCOMPARE(view.reductions(), std::size_t(1));  // the first frame
        const std::size_t full = view.shownPoints();
        QVERIFY2(full > 100 && full <= 4 * 900 + 2, qPrintable(QString::number(full)));
        view.zoomX(1000, 2000);  // 1,001 points visible and one beyond each edge: shown as they are
        QCOMPARE(view.shownPoints(), std::size_t(1003));
        view.zoomX(0, 500000);
        QVERIFY(view.shownPoints() <= 4 * 900 + 2);
        view.resetZoom();
        QVERIFY(view.shownPoints() <= 4 * 900 + 2);
        // The spikes survive: the largest shown y is the data's 6-ish maximum.
        auto* line =
            test::dataSeries<QLineSeries>(view.chartView()->chart(), QStringLiteral("Goal")).value(0);
        QVERIFY(line);
        double top = -1e9;
        for (const QPointF& p : line->points()) top = std::max(top, p.y());
        QCOMPARE(top, *std::max_element(xy->y.begin(), xy->y.end()));
    }
};

QTEST_MAIN(ChartViewTest)
#include "chart_view_test.moc"
