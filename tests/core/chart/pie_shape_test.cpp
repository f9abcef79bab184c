// Pie slices: positive categories only, each with its share of their total; the rest counted.
#include "core/chart/pie_shape.h"

#include <QtTest>

#include "tests/support/chart_rows.h"

using namespace deskbase;
using namespace deskbase::chart;

class PieShapeTest : public QObject {
    Q_OBJECT
private slots:
    void slicesAndShares() {
        const ChartData d =
            test::chartRows(QStringLiteral("text:category,real:revenue"),
                            QStringLiteral("Books,30;Toys,10;Books,20;Games,0;Tools,-5;Home,40"));
        dashboard::VisualizationSettings s;
        s.type = dashboard::ChartType::Pie;
        const PieShape p = shapePie(d, resolveRoles(d, s, s.type), s);
        QCOMPARE(p.slices.size(), std::size_t(3));
        QCOMPARE(p.slices[0].label, std::string("Books"));
        QCOMPARE(p.slices[0].value, 50.0);
        QCOMPARE(p.slices[0].share, 0.5);  // 50 of 100
        QCOMPARE(p.slices[1].share, 0.1);
        QCOMPARE(p.slices[2].label, std::string("Home"));
        QCOMPARE(p.slices[2].share, 0.4);
        QCOMPARE(p.total, 100.0);
        QCOMPARE(p.omitted, std::size_t(2));  // Games (0) and Tools (-5) cannot be slices
        QCOMPARE(valueToText(p.slices[1].category), std::string("Toys"));
    }
};

QTEST_GUILESS_MAIN(PieShapeTest)
#include "pie_shape_test.moc"
