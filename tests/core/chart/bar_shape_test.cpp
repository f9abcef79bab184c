// Bars, rows and combos: the ranges the value axis must cover (stacks, negatives), the combo's
// line set, and row charts drawn first category on top.
#include "core/chart/bar_shape.h"

#include <QtTest>

#include "tests/support/chart_rows.h"

using namespace deskbase;
using namespace deskbase::chart;
using dashboard::ChartType;

namespace {
BarShape shape(const ChartData& d, const char* json, ChartType type, const std::string& today = {}) {
    auto s = dashboard::parseVisualization(json);
    if (!s.isOk()) qFatal("bad settings %s", json);
    return shapeBars(d, resolveRoles(d, *s, type), *s, type, today);
}
const QString kColumns = QStringLiteral("text:quarter,text:channel,real:revenue");
const QString kRows = QStringLiteral("Q1,web,10;Q1,store,-4;Q2,web,7;Q2,store,6");
}  // namespace

class BarShapeTest : public QObject {
    Q_OBJECT
private slots:
    void valueRange_data() {
        QTest::addColumn<QString>("settings");
        QTest::addColumn<double>("lo");
        QTest::addColumn<double>("hi");
        QTest::newRow("grouped: the tallest and lowest bar") << R"({"type":"bar"})" << -4.0 << 10.0;
        // Stacked: Q2 stacks 7 + 6 = 13; Q1's negative part stacks below zero on its own.
        QTest::newRow("stacked: the tallest stack") << R"({"type":"bar","stacked":true})" << -4.0 << 13.0;
    }
    void valueRange() {
        QFETCH(QString, settings);
        QFETCH(double, lo);
        QFETCH(double, hi);
        const BarShape b =
            shape(test::chartRows(kColumns, kRows), settings.toUtf8().constData(), ChartType::Bar);
        QCOMPARE(b.valueMin, lo);
        QCOMPARE(b.valueMax, hi);
        QCOMPARE(b.lineSet, -1);
    }

    void comboDrawsTheLineColumnOnItsOwnAxis() {
        const ChartData d = test::chartRows(QStringLiteral("text:month,integer:orders,real:items,real:other"),
                                            QStringLiteral("Jan,100,2.5,1;Feb,120,2.25,1"));
        const BarShape named = shape(d, R"({"type":"combo","line_column":"items"})", ChartType::Combo);
        QCOMPARE(named.lineSet, 1);
        QCOMPARE(named.lineMin, 2.25);
        QCOMPARE(named.lineMax, 2.5);
        QCOMPARE(named.valueMax, 120.0);  // the line's values do not size the bar axis
        QCOMPARE(shape(d, R"({"type":"combo"})", ChartType::Combo).lineSet, 2);  // default: the last
    }

    void rowChartReversesCategories() {
        const ChartData d = test::chartRows(QStringLiteral("date:day,real:v"),
                                            QStringLiteral("2024-01-05,1;2024-02-03,2;2024-03-02,3"));
        const BarShape b = shape(d, R"({"type":"row","date_granularity":"month"})", ChartType::Row);
        QCOMPARE(b.grid.labels, (std::vector<std::string>{"Mar 2024", "Feb 2024", "Jan 2024"}));
        QCOMPARE(b.grid.values.at(0), (std::vector<double>{3, 2, 1}));
        // March stops on the 2nd: partial, and after the reversal it is the first row.
        QCOMPARE(b.grid.partialCategory, 0);
    }
};

QTEST_GUILESS_MAIN(BarShapeTest)
#include "bar_shape_test.moc"
