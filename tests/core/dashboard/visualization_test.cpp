// Chart settings as saved in a question: number formats, the JSON round trip, aggregation.
#include "core/dashboard/visualization.h"

#include <QtTest>

using namespace deskbase;
using namespace deskbase::dashboard;

Q_DECLARE_METATYPE(Aggregation)

class VisualizationTest : public QObject {
    Q_OBJECT
private slots:
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
        // Regression: a fixed 64-byte buffer cut numbers over ~50 digits short. 2^200 is an
        // exact double; its digits are Python's int arithmetic, printed with separators.
        QTest::newRow("huge number is not truncated")
            << std::ldexp(1.0, 200) << 2 << true << false << "" << false
            << "1,606,938,044,258,990,275,541,962,092,341,162,602,522,202,993,782,792,835,301,376.00";
        QTest::newRow("sixteen decimals")
            << 0.1234567890123456 << 16 << false << false << "" << false << "0.1234567890123456";
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
        v.dateGranularity = "year";
        v.aggregation = Aggregation::Average;
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

    void readsAggregation_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<Aggregation>("expected");
        QTest::newRow("absent: sum") << R"({"type":"line"})" << Aggregation::Sum;
        QTest::newRow("sum") << R"({"aggregation":"sum"})" << Aggregation::Sum;
        QTest::newRow("average") << R"({"aggregation":"average"})" << Aggregation::Average;
        QTest::newRow("min") << R"({"aggregation":"min"})" << Aggregation::Min;
        QTest::newRow("max") << R"({"aggregation":"max"})" << Aggregation::Max;
        QTest::newRow("count") << R"({"aggregation":"count"})" << Aggregation::Count;
    }
    void readsAggregation() {
        QFETCH(QString, json);
        QFETCH(Aggregation, expected);
        auto v = parseVisualization(json.toStdString());
        QVERIFY2(v.isOk(), v.isOk() ? "" : v.message().c_str());
        QCOMPARE(v->aggregation, expected);
        // Written back only when it is not the default, under the same name.
        const std::string text = serializeVisualization(*v);
        QCOMPARE(text.find("aggregation") != std::string::npos, expected != Aggregation::Sum);
        if (expected != Aggregation::Sum)
            QVERIFY(text.find("\"aggregation\":\"" + aggregationName(expected) + "\"") != std::string::npos);
    }

    void unknownAggregationIsAnError() {
        auto v = parseVisualization(R"({"aggregation":"median"})");
        QVERIFY(!v.isOk());
        QVERIFY2(v.message().find("median") != std::string::npos, v.message().c_str());
        QVERIFY(v.message().find('\n') == std::string::npos);
    }
};

QTEST_GUILESS_MAIN(VisualizationTest)
#include "visualization_test.moc"
