// Chart type auto-pick by result shape, and text dates counting as dates.
#include "core/chart/chart_pick.h"

#include <QtTest>

#include "core/chart/chart_data.h"

using namespace deskbase;
using namespace deskbase::chart;
using dashboard::ChartType;

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
};

QTEST_GUILESS_MAIN(ChartPickTest)
#include "chart_pick_test.moc"
