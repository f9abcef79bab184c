// Pivoting rows into categories x sets for bars and pies: dates grouped into periods in time
// order, rows of one category combined by the chosen aggregation, nulls skipped, series split
// into sets, the partial last period found.
#include "core/chart/category_grid.h"

#include <QtTest>

#include "tests/support/chart_rows.h"

using namespace deskbase;
using namespace deskbase::chart;
using dashboard::Aggregation;

Q_DECLARE_METATYPE(Aggregation)

namespace {
dashboard::VisualizationSettings settings(const char* json) {
    auto s = dashboard::parseVisualization(json);
    if (!s.isOk()) qFatal("bad settings %s", json);
    return *s;
}
QString joined(const std::vector<std::string>& v) {
    QStringList out;
    for (const auto& s : v) out << QString::fromStdString(s);
    return out.join(QLatin1Char('|'));
}
QString joined(const std::vector<double>& v) {
    QStringList out;
    for (double d : v) out << QString::number(d, 'g', 17);
    return out.join(QLatin1Char('|'));
}
// Day-level rows over January and February 2024 (a leap year: February ends on the 29th),
// deliberately out of date order. January: 10, 30. February: 5, 7, 9.
const QString kDays = QStringLiteral("2024-02-05,5;2024-01-20,30;2024-02-29,9;2024-01-03,10;2024-02-06,7");
}  // namespace

class CategoryGridTest : public QObject {
    Q_OBJECT
private slots:
    void datesByMonthCombineByAggregation_data() {
        QTest::addColumn<Aggregation>("aggregation");
        QTest::addColumn<QString>("values");
        QTest::newRow("sum") << Aggregation::Sum << "40|21";
        QTest::newRow("average") << Aggregation::Average << "20|7";
        QTest::newRow("min") << Aggregation::Min << "10|5";
        QTest::newRow("max") << Aggregation::Max << "30|9";
        QTest::newRow("count") << Aggregation::Count << "2|3";
    }
    void datesByMonthCombineByAggregation() {
        QFETCH(Aggregation, aggregation);
        QFETCH(QString, values);
        const ChartData d = test::chartRows(QStringLiteral("date:day,real:amount"), kDays);
        auto s = settings(R"({"type":"bar","date_granularity":"month"})");
        s.aggregation = aggregation;
        const CategoryGrid g = pivot(d, resolveRoles(d, s, dashboard::ChartType::Bar), s, "2026-12-01");
        QCOMPARE(joined(g.labels), QStringLiteral("Jan 2024|Feb 2024"));
        QCOMPARE(g.setNames, std::vector<std::string>{"amount"});
        QCOMPARE(joined(g.values.at(0)), values);
        QCOMPARE(g.counts.at(0), (std::vector<std::size_t>{2, 3}));
        QVERIFY(g.temporal);
        QVERIFY(!g.lastPeriod.partial);  // the data runs to 29 February
        QCOMPARE(g.partialCategory, -1);
    }

    // Regression: bars keyed rows by their label, and a week label is the raw day, so a week
    // granularity grouped nothing.
    void weekGranularityGroupsBarsByWeek() {
        const ChartData d =
            test::chartRows(QStringLiteral("date:day,integer:orders"),
                            QStringLiteral("2024-05-13,1;2024-05-15,2;2024-05-19,4;2024-05-20,8"));
        const auto s = settings(R"({"type":"bar","date_granularity":"week"})");
        const CategoryGrid g = pivot(d, resolveRoles(d, s, dashboard::ChartType::Bar), s, {});
        QCOMPARE(joined(g.labels), QStringLiteral("13 May 2024|20 May 2024"));  // Mondays
        QCOMPARE(joined(g.values.at(0)), QStringLiteral("7|8"));
    }

    void partialLastMonthIsMarked() {
        const ChartData d =
            test::chartRows(QStringLiteral("date:day,real:amount"),
                            QStringLiteral("2024-01-03,10;2024-01-31,1;2024-02-01,2;2024-02-10,3"));
        const auto s = settings(R"({"type":"bar","date_granularity":"month"})");
        const CategoryGrid g = pivot(d, resolveRoles(d, s, dashboard::ChartType::Bar), s, {});
        QVERIFY(g.lastPeriod.partial);
        QCOMPARE(g.lastPeriod.period, std::string("2024-02-01"));
        QCOMPARE(g.lastPeriod.through, std::string("2024-02-10"));
        QCOMPARE(g.partialCategory, 1);
        // Without a granularity nothing is grouped, so nothing is partial.
        const auto plain = settings(R"({"type":"bar"})");
        QCOMPARE(pivot(d, resolveRoles(d, plain, dashboard::ChartType::Bar), plain, {}).partialCategory, -1);
    }

    void averageSkipsNulls() {
        const ChartData d =
            test::chartRows(QStringLiteral("text:k,real:v"), QStringLiteral("a,4;a,null;a,8;b,null"));
        auto s = settings(R"({"type":"bar","aggregation":"average"})");
        const CategoryGrid g = pivot(d, resolveRoles(d, s, dashboard::ChartType::Bar), s, {});
        QCOMPARE(joined(g.labels), QStringLiteral("a|b"));
        QCOMPARE(joined(g.values.at(0)), QStringLiteral("6|0"));
        QCOMPARE(g.counts.at(0), (std::vector<std::size_t>{2, 0}));  // b has no value, not a zero
    }

    void seriesColumnSplitsIntoSets() {
        const ChartData d =
            test::chartRows(QStringLiteral("text:category,text:channel,integer:orders"),
                            QStringLiteral("Books,web,3;Toys,web,4;Books,store,5;Books,web,1"));
        const auto s = settings(R"({"type":"bar"})");
        const CategoryGrid g = pivot(d, resolveRoles(d, s, dashboard::ChartType::Bar), s, {});
        QCOMPARE(joined(g.labels), QStringLiteral("Books|Toys"));  // first-seen order
        QCOMPARE(joined(g.setNames), QStringLiteral("web|store"));
        QCOMPARE(joined(g.values.at(0)), QStringLiteral("4|4"));
        QCOMPARE(joined(g.values.at(1)), QStringLiteral("5|0"));
        QCOMPARE(g.counts.at(1), (std::vector<std::size_t>{1, 0}));
    }

    void limitKeepsTheFirstCategories() {
        const ChartData d =
            test::chartRows(QStringLiteral("text:k,integer:v"), QStringLiteral("c,3;a,1;b,2;a,10"));
        const auto s = settings(R"({"type":"bar","limit":2})");
        const CategoryGrid g = pivot(d, resolveRoles(d, s, dashboard::ChartType::Bar), s, {});
        QCOMPARE(joined(g.labels), QStringLiteral("c|a"));
        QCOMPARE(joined(g.values.at(0)), QStringLiteral("3|11"));
    }
};

QTEST_GUILESS_MAIN(CategoryGridTest)
#include "category_grid_test.moc"
