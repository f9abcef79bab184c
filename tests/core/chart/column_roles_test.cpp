// Which columns play x, series and y: named ones first, then the defaults of the result's
// shape. Regression: "date, category, number" drew one zig-zag line through every row.
#include "core/chart/column_roles.h"

#include <QtTest>

#include "tests/support/chart_rows.h"

using namespace deskbase;
using namespace deskbase::chart;
using dashboard::ChartType;

Q_DECLARE_METATYPE(ChartType)

namespace {
QString rolesText(const ColumnRoles& r) {
    QStringList y;
    for (int i : r.y) y << QString::number(i);
    return QStringLiteral("x=%1 series=%2 size=%3 y=%4")
        .arg(r.x)
        .arg(r.series)
        .arg(r.size)
        .arg(y.join(QLatin1Char('+')));
}
}  // namespace

class ColumnRolesTest : public QObject {
    Q_OBJECT
private slots:
    void resolvesRoles_data() {
        QTest::addColumn<QString>("columns");
        QTest::addColumn<QString>("settings");
        QTest::addColumn<ChartType>("type");
        QTest::addColumn<QString>("expected");
        const QString dcn = QStringLiteral("date:month,text:channel,real:revenue");
        // The defect: the category column was ignored, so each date had one point per channel.
        QTest::newRow("date, category, number: line splits by category")
            << dcn << "{}" << ChartType::Line << "x=0 series=1 size=-1 y=2";
        QTest::newRow("date, category, number: area splits by category")
            << dcn << "{}" << ChartType::Area << "x=0 series=1 size=-1 y=2";
        QTest::newRow("date, category, number: bar splits by category")
            << dcn << "{}" << ChartType::Bar << "x=0 series=1 size=-1 y=2";
        QTest::newRow("category before the date: the date is x")
            << "text:channel,date:month,real:revenue"
            << "{}" << ChartType::Line << "x=1 series=0 size=-1 y=2";
        QTest::newRow("two categories and a number: grouped bars")
            << "text:category,text:channel,integer:orders"
            << "{}" << ChartType::Bar << "x=0 series=1 size=-1 y=2";
        QTest::newRow("named series wins")
            << "date:month,text:channel,text:region,real:revenue"
            << R"({"series":"region"})" << ChartType::Line << "x=0 series=2 size=-1 y=3";
        QTest::newRow("two measures: no split") << "date:month,text:channel,integer:orders,real:revenue"
                                                << "{}" << ChartType::Line << "x=0 series=-1 size=-1 y=2+3";
        QTest::newRow("pie never splits") << "text:category,text:channel,real:revenue"
                                          << "{}" << ChartType::Pie << "x=0 series=-1 size=-1 y=2";
        QTest::newRow("named x and y")
            << "date:month,integer:orders,real:revenue"
            << R"({"x":"orders","y":["revenue"]})" << ChartType::Scatter << "x=1 series=-1 size=-1 y=2";
        QTest::newRow("bubble size is not a measure")
            << "real:a,real:b,real:c"
            << R"({"size":"c"})" << ChartType::Scatter << "x=0 series=-1 size=2 y=1";
        // Regression: the automatic chart for three numbers was a plain scatter of the second,
        // though docs/dashboards.md promises a bubble chart.
        QTest::newRow("three numbers: the third sizes the bubbles")
            << "real:a,real:b,real:c"
            << "{}" << ChartType::Scatter << "x=0 series=-1 size=2 y=1";
        QTest::newRow("three numbers with y named: no bubbles")
            << "real:a,real:b,real:c"
            << R"({"y":["b","c"]})" << ChartType::Scatter << "x=0 series=-1 size=-1 y=1+2";
        QTest::newRow("four numbers: no bubbles")
            << "real:a,real:b,real:c,real:d"
            << "{}" << ChartType::Scatter << "x=0 series=-1 size=-1 y=1+2+3";
        QTest::newRow("numbers only: first column is x")
            << "integer:items,integer:baskets"
            << "{}" << ChartType::Bar << "x=0 series=-1 size=-1 y=1";
        QTest::newRow("histogram of one column")
            << "real:total"
            << "{}" << ChartType::Histogram << "x=0 series=-1 size=-1 y=";
        QTest::newRow("series split keeps one measure")
            << "date:month,text:channel,integer:orders,real:revenue"
            << R"({"series":"channel"})" << ChartType::Line << "x=0 series=1 size=-1 y=2";
        QTest::newRow("unknown names fall back")
            << dcn << R"({"x":"nope","y":["nope"]})" << ChartType::Line << "x=0 series=1 size=-1 y=2";
    }
    void resolvesRoles() {
        QFETCH(QString, columns);
        QFETCH(QString, settings);
        QFETCH(ChartType, type);
        QFETCH(QString, expected);
        auto s = dashboard::parseVisualization(settings.toStdString());
        QVERIFY(s.isOk());
        QCOMPARE(rolesText(resolveRoles(test::chartRows(columns, {}), *s, type)), expected);
    }

    void columnTitlePrefersTheDisplayName() {
        ChartData d;
        d.columns = {{"rev", ColumnType::Real, "Revenue"}, {"n", ColumnType::Integer, ""}};
        QCOMPARE(columnTitle(d, 0), std::string("Revenue"));
        QCOMPARE(columnTitle(d, 1), std::string("n"));
        QCOMPARE(columnTitle(d, -1), std::string());
    }
};

QTEST_GUILESS_MAIN(ColumnRolesTest)
#include "column_roles_test.moc"
