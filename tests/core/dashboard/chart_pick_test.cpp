// Chart type auto-pick by result shape, number formats, temporal column refinement.
#include <QtTest>

#include "core/dashboard/chart_data.h"
#include "core/dashboard/visualization.h"

using namespace deskbase;
using namespace deskbase::dashboard;

Q_DECLARE_METATYPE(ChartType)

namespace {
std::vector<ColumnType> parseTypes(const QString& s) {
    std::vector<ColumnType> out;
    for (const auto& part : s.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.push_back(*parseColumnType(part.trimmed().toStdString()));
    return out;
}
}  // namespace

class ChartPickTest : public QObject {
    Q_OBJECT
private slots:
    void picksByShape_data() {
        QTest::addColumn<QString>("types");
        QTest::addColumn<int>("rows");
        QTest::addColumn<ChartType>("expected");
        QTest::newRow("one number") << "integer" << 1 << ChartType::Number;
        QTest::newRow("one real") << "real" << 1 << ChartType::Number;
        QTest::newRow("number column") << "real" << 500 << ChartType::Histogram;
        QTest::newRow("date and number") << "date,integer" << 24 << ChartType::Line;
        QTest::newRow("datetime and real") << "datetime,real" << 1000 << ChartType::Line;
        QTest::newRow("category and number") << "text,integer" << 8 << ChartType::Bar;
        QTest::newRow("boolean and number") << "boolean,real" << 2 << ChartType::Bar;
        QTest::newRow("two numbers") << "real,real" << 300 << ChartType::Scatter;
        QTest::newRow("three numbers (bubble)") << "integer,real,real" << 300 << ChartType::Scatter;
        QTest::newRow("date, category, number") << "date,text,real" << 96 << ChartType::Line;
        QTest::newRow("two categories and a number") << "text,text,integer" << 40 << ChartType::Bar;
        QTest::newRow("date and two numbers") << "date,integer,real" << 24 << ChartType::Line;
        QTest::newRow("category and two numbers") << "text,integer,real" << 10 << ChartType::Bar;
        QTest::newRow("text only") << "text,text" << 10 << ChartType::Table;
        QTest::newRow("many columns") << "integer,date,text,text,real" << 10 << ChartType::Table;
        QTest::newRow("empty result") << "date,integer" << 0 << ChartType::Table;
    }
    void picksByShape() {
        QFETCH(QString, types);
        QFETCH(int, rows);
        QFETCH(ChartType, expected);
        QCOMPARE(pickChartType(parseTypes(types), std::size_t(rows)), expected);
    }

    void textDatesCountAsDates() {
        // SQLite reports strftime(...) columns as text; charts must still see time.
        ChartData d;
        d.columns = {{"month", ColumnType::Text, "month"}, {"revenue", ColumnType::Real, "revenue"}};
        d.rows = {{Value{std::string("2024-01-01")}, Value{1.0}},
                  {Value{std::string("2024-02-01")}, Value{2.0}}};
        refineTemporalColumns(d);
        QCOMPARE(d.columns[0].type, ColumnType::Date);
        QCOMPARE(pickChartType(columnTypes(d), d.rows.size()), ChartType::Line);
        ChartData q;
        q.columns = {{"quarter", ColumnType::Text, "quarter"}};
        q.rows = {{Value{std::string("2024-Q1")}}};
        refineTemporalColumns(q);
        QCOMPARE(q.columns[0].type, ColumnType::Text);
    }

    void formatsNumbers_data() {
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<bool>("thousands");
        QTest::addColumn<bool>("percent");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<bool>("compact");
        QTest::addColumn<QString>("expected");
        QTest::newRow("thousands") << 1234567.0 << 0 << true << false << "" << false << "1,234,567";
        QTest::newRow("no separators") << 1234567.0 << 0 << false << false << "" << false << "1234567";
        QTest::newRow("decimals") << 1234.5 << 2 << true << false << "" << false << "1,234.50";
        QTest::newRow("currency") << 99.9 << 2 << true << false << "$" << false << "$99.90";
        QTest::newRow("negative currency") << -1500.0 << 0 << true << false << "$" << false << "-$1,500";
        QTest::newRow("percent") << 0.256 << 1 << true << true << "" << false << "25.6%";
        QTest::newRow("compact k") << 171234.0 << -1 << true << false << "$" << true << "$171k";
        QTest::newRow("compact M") << 2500000.0 << -1 << true << false << "" << true << "2.5M";
        QTest::newRow("compact small") << 500.0 << -1 << true << false << "$" << true << "$500";
        QTest::newRow("three digits") << 999.0 << 0 << true << false << "" << false << "999";
        QTest::newRow("auto decimals") << 3.14159 << -1 << true << false << "" << false << "3.14";
    }
    void formatsNumbers() {
        QFETCH(double, value);
        QFETCH(int, decimals);
        QFETCH(bool, thousands);
        QFETCH(bool, percent);
        QFETCH(QString, prefix);
        QFETCH(bool, compact);
        QFETCH(QString, expected);
        NumberFormat f;
        f.decimals = decimals;
        f.thousands = thousands;
        f.percent = percent;
        f.prefix = prefix.toStdString();
        f.compact = compact;
        QCOMPARE(QString::fromStdString(formatNumber(value, f)), expected);
    }

    void visualizationRoundTrips() {
        VisualizationSettings v;
        v.type = ChartType::Combo;
        v.x = "month";
        v.y = {"orders", "items"};
        v.lineColumn = "items";
        v.format.prefix = "$";
        v.format.compact = true;
        v.logScale = true;
        v.goal = 1000;
        v.goalLabel = "target";
        v.trendLine = true;
        v.colors = {"#112233"};
        v.legend = false;
        auto back = parseVisualization(serializeVisualization(v));
        QVERIFY(back.isOk());
        QVERIFY(*back == v);
        // The {"type", "options": {...}} form is read too.
        auto nested = parseVisualization(R"({"type":"bar","options":{"stacked":true,"x":"c"}})");
        QVERIFY(nested.isOk());
        QCOMPARE(nested->type, ChartType::Bar);
        QVERIFY(nested->stacked);
        QCOMPARE(nested->x, std::string("c"));
        QVERIFY(!parseVisualization(R"({"type":"sparkle"})").isOk());
    }

    void truncatesDates_data() {
        QTest::addColumn<QString>("iso");
        QTest::addColumn<QString>("granularity");
        QTest::addColumn<QString>("expected");
        QTest::newRow("month") << "2024-05-17"
                               << "month"
                               << "2024-05-01";
        QTest::newRow("quarter") << "2024-05-17"
                                 << "quarter"
                                 << "2024-04-01";
        QTest::newRow("year") << "2024-05-17 10:00:00"
                              << "year"
                              << "2024-01-01";
        QTest::newRow("week starts monday") << "2024-05-17"
                                            << "week"
                                            << "2024-05-13";
        QTest::newRow("none") << "2024-05-17"
                              << ""
                              << "2024-05-17";
    }
    void truncatesDates() {
        QFETCH(QString, iso);
        QFETCH(QString, granularity);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(truncateDate(iso.toStdString(), granularity.toStdString())),
                 expected);
    }

    void leastSquaresFitsALine() {
        auto fit = leastSquares({0, 1, 2, 3}, {1, 3, 5, 7});
        QVERIFY(fit.has_value());
        QCOMPARE(fit->slope, 2.0);
        QCOMPARE(fit->intercept, 1.0);
        QVERIFY(!leastSquares({1, 1}, {2, 3}).has_value());
    }
};

QTEST_GUILESS_MAIN(ChartPickTest)
#include "chart_pick_test.moc"
