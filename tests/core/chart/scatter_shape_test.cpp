// Scatter points: rows with numbers for x and y; bubbles in five size classes.
#include "core/chart/scatter_shape.h"

#include <QtTest>

#include "tests/support/chart_rows.h"

using namespace deskbase;
using namespace deskbase::chart;

class ScatterShapeTest : public QObject {
    Q_OBJECT
private slots:
    void pointsAndSizeClasses() {
        // Sizes 0..100: classes are the fifths of that range, the largest in the top class.
        const ChartData d =
            test::chartRows(QStringLiteral("real:x,real:y,real:size"),
                            QStringLiteral("1,10,0;2,20,19;3,null,50;4,40,20;5,50,100;6,60,79"));
        dashboard::VisualizationSettings s;
        s.type = dashboard::ChartType::Scatter;
        s.size = "size";
        s.trendLine = true;
        const ScatterShape p = shapeScatter(d, resolveRoles(d, s, s.type), s);
        QCOMPARE(p.x, (std::vector<double>{1, 2, 4, 5, 6}));  // the row without y is no point
        QCOMPARE(p.classes, 5);
        QCOMPARE(p.sizeClass, (std::vector<int>{0, 0, 1, 4, 3}));
        QCOMPARE(p.xMin, 1.0);
        QCOMPARE(p.yMax, 60.0);
        QVERIFY(p.trend);
        QCOMPARE(p.trend->slope, 10.0);  // y = 10 x exactly
        QCOMPARE(p.trend->intercept, 0.0);
        s.size.clear();
        s.trendLine = false;
        // Three numbers with nothing named: the third still sizes the bubbles (docs/dashboards.md).
        QCOMPARE(shapeScatter(d, resolveRoles(d, s, s.type), s).classes, 5);
        s.y = {"y"};  // a named measure and no size: plain markers
        const ScatterShape plain = shapeScatter(d, resolveRoles(d, s, s.type), s);
        QCOMPARE(plain.classes, 1);
        QVERIFY(!plain.trend);
    }
};

QTEST_GUILESS_MAIN(ScatterShapeTest)
#include "scatter_shape_test.moc"
