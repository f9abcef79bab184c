// The question chart over a result bigger than kReduceAbove: a line over a number x is reduced
// in the warehouse (M4) and says so, a zoom re-runs the reduction for the visible range, and a
// WITH query is streamed through M4 on the worker, and a histogram keeps its rows (up to 250,000).
#include "widgets/charts/question_chart_panel.h"

#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

#include "core/runtime/runtime.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"
#include "widgets/charts/chart_view.h"

using namespace deskbase;
using namespace deskbase::widgets;

namespace {
// A chart of y over x, of the given type.
dashboard::VisualizationSettings xy(dashboard::ChartType type) {
    dashboard::VisualizationSettings s;
    s.type = type;
    s.x = "x";
    s.y = {"y"};
    return s;
}
}  // namespace

class QuestionChartPanelTest : public QObject {
    Q_OBJECT
    test::TempWorkspace ws_;
    Runtime runtime_;
    std::string db_;

private slots:
    void initTestCase() {
        db_ = ws_.sqlitePath();
        auto w = Warehouse::open(db_);
        QVERIFY(w.isOk());
        // 150,000 rows: x 0..149999, y a sawtooth with one spike.
        QVERIFY((*w)->execute("CREATE TABLE s AS WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n "
                              "WHERE i < 149999) SELECT i AS x, CASE WHEN i = 77777 THEN 1000.0 ELSE (i % 97) * 1.0 "
                              "END AS y FROM n")
                    .isOk());
    }

    void aBigLineIsReducedInTheWarehouseAndAZoomReRunsIt() {
        QuestionChartPanel panel(runtime_.executor());
        panel.resize(900, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setSettings(xy(dashboard::ChartType::Line));
        QSignalSpy loaded(&panel, &QuestionChartPanel::loaded);
        panel.showQuery(db_, "SELECT x, y FROM s", {});
        QVERIFY(loaded.wait(30000));
        QVERIFY(panel.isReduced());
        QCOMPARE(panel.sourceRows(), qint64(150000));
        QVERIFY2(panel.drawnRows() > 400 && panel.drawnRows() <= 4 * 900,
                 qPrintable(QString::number(panel.drawnRows())));
        QVERIFY2(panel.statusText().contains(QStringLiteral("Reduced in the warehouse from 150,000 rows to")),
                 qPrintable(panel.statusText()));
        QCOMPARE(panel.chartView()->shownType(), dashboard::ChartType::Line);

        // Zoom into 1,000 rows around the spike: the warehouse runs M4 again for that range.
        QSignalSpy zoomed(&panel, &QuestionChartPanel::zoomLoaded);
        panel.chartView()->zoomX(77000, 78000);
        QVERIFY(zoomed.wait(30000));
        QCOMPARE(zoomed.first().at(0).toDouble(), 77000.0);
        // Every row of a range narrower than 4 points per pixel column comes back, plus the edges.
        QVERIFY2(panel.drawnRows() >= 1001 && panel.drawnRows() <= 1003, qPrintable(QString::number(panel.drawnRows())));
    }

    // A WITH query cannot be wrapped by the rewrite: its rows are streamed through M4 instead.
    void aWithQueryIsStreamedThroughM4() {
        QuestionChartPanel panel(runtime_.executor());
        panel.resize(900, 500);
        panel.setSettings(xy(dashboard::ChartType::Line));
        QSignalSpy loaded(&panel, &QuestionChartPanel::loaded);
        panel.showQuery(db_, "WITH t AS (SELECT x, y FROM s) SELECT * FROM t", {});
        QVERIFY(loaded.wait(30000));
        QVERIFY(panel.isReduced());
        QCOMPARE(panel.sourceRows(), qint64(150000));
        QVERIFY2(panel.drawnRows() > 50 && panel.drawnRows() <= 4 * 900, qPrintable(QString::number(panel.drawnRows())));
    }

    void aHistogramKeepsItsRows() {
        QuestionChartPanel panel(runtime_.executor());
        panel.resize(900, 500);
        panel.setSettings(xy(dashboard::ChartType::Histogram));
        QSignalSpy loaded(&panel, &QuestionChartPanel::loaded);
        panel.showQuery(db_, "SELECT x, y FROM s", {});
        QVERIFY(loaded.wait(30000));
        QVERIFY(!panel.isReduced());
        QCOMPARE(panel.drawnRows(), std::size_t(150000));  // under the 250,000-row cap: every row
        QCOMPARE(loaded.first().at(1).toBool(), false);
    }

    void aSmallResultIsFetchedWhole() {
        QuestionChartPanel panel(runtime_.executor());
        QSignalSpy loaded(&panel, &QuestionChartPanel::loaded);
        panel.showQuery(db_, "SELECT x, y FROM s WHERE x < 5000", {});
        QVERIFY(loaded.wait(30000));
        QVERIFY(!panel.isReduced());
        QCOMPARE(panel.drawnRows(), std::size_t(5000));
        QCOMPARE(panel.statusText(), QString());
    }
};

QTEST_MAIN(QuestionChartPanelTest)
#include "question_chart_panel_test.moc"
