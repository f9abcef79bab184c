// Axis scales and their tick labels: round bounds and steps; one number of decimals for every
// label of an axis, the fewest that show each tick exactly (regression: bar and line axes read
// "0, 0.50, 1, 1.50"); a compact axis with one unit. Expected labels are written by hand.
#include "core/chart/nice_scale.h"

#include <QtTest>

using namespace deskbase;
using namespace deskbase::chart;

Q_DECLARE_METATYPE(deskbase::dashboard::NumberFormat)

namespace {
QStringList L(std::initializer_list<const char*> texts) {
    QStringList out;
    for (const char* t : texts) out << QString::fromUtf8(t);
    return out;
}

QStringList labelsOf(const std::vector<AxisTick>& ticks) {
    QStringList out;
    for (const auto& t : ticks) out << QString::fromStdString(t.label);
    return out;
}

dashboard::NumberFormat format(int decimals = -1, bool compact = false, bool percent = false,
                               const std::string& prefix = {}) {
    dashboard::NumberFormat f;
    f.decimals = decimals;
    f.compact = compact;
    f.percent = percent;
    f.prefix = prefix;
    return f;
}
}  // namespace

class NiceScaleTest : public QObject {
    Q_OBJECT
private slots:
    void roundBounds() {
        // 0..1.4 in about four intervals: a step of 0.5 (0.35 rounds up to 5 x 0.1), 0 to 1.5.
        const NiceScale s = niceScale(0, 1.4, 4, true);
        QCOMPARE(s.step, 0.5);
        QCOMPARE(s.min, 0.0);
        QCOMPARE(s.max, 1.5);
        QCOMPARE(s.intervals(), 3);
        const NiceScale wide = niceScale(3, 148000, 3, true);  // 49,333 a step: 5 x 10,000
        QCOMPARE(wide.step, 50000.0);
        QCOMPARE(wide.max, 150000.0);
    }

    void tickLabelsShareTheirDecimals_data() {
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("max");
        QTest::addColumn<double>("step");
        QTest::addColumn<dashboard::NumberFormat>("fmt");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("halves: one decimal each (was 0, 0.50, 1, 1.50)")
            << 0.0 << 1.5 << 0.5 << format() << L({"0.0", "0.5", "1.0", "1.5"});
        QTest::newRow("quarters: two decimals each")
            << 0.0 << 1.0 << 0.25 << format() << L({"0.00", "0.25", "0.50", "0.75", "1.00"});
        QTest::newRow("whole steps: no decimals")
            << 0.0 << 100.0 << 25.0 << format() << L({"0", "25", "50", "75", "100"});
        QTest::newRow("negative halves")
            << -1.0 << 1.0 << 0.5 << format() << L({"-1.0", "-0.5", "0.0", "0.5", "1.0"});
        QTest::newRow("tenths without float noise")
            << 0.1 << 0.3 << 0.1 << format() << L({"0.1", "0.2", "0.3"});
        QTest::newRow("ten-thousandths")
            << 0.0 << 0.0003 << 0.0001 << format() << L({"0.0000", "0.0001", "0.0002", "0.0003"});
        QTest::newRow("thousands separators")
            << 0.0 << 3000.0 << 1000.0 << format() << L({"0", "1,000", "2,000", "3,000"});
        QTest::newRow("compact: one unit for the axis")
            << 0.0 << 1500.0 << 500.0 << format(-1, true) << L({"0.0", "0.5k", "1.0k", "1.5k"});
        QTest::newRow("compact whole")
            << 0.0 << 150000.0 << 50000.0 << format(-1, true) << L({"0", "50k", "100k", "150k"});
        QTest::newRow("compact millions")
            << 0.0 << 3000000.0 << 1000000.0 << format(-1, true) << L({"0", "1M", "2M", "3M"});
        QTest::newRow("percent") << 0.0 << 0.3 << 0.1 << format(-1, false, true)
                                 << L({"0%", "10%", "20%", "30%"});
        QTest::newRow("percent halves")
            << 0.0 << 0.015 << 0.005 << format(-1, false, true) << L({"0.0%", "0.5%", "1.0%", "1.5%"});
        QTest::newRow("the format's decimals are the least")
            << 0.0 << 20.0 << 10.0 << format(2, false, false, "$") << L({"$0.00", "$10.00", "$20.00"});
        QTest::newRow("never rounded below what a tick needs")
            << 0.0 << 1.0 << 0.5 << format(0) << L({"0.0", "0.5", "1.0"});
    }
    void tickLabelsShareTheirDecimals() {
        QFETCH(double, min);
        QFETCH(double, max);
        QFETCH(double, step);
        QFETCH(dashboard::NumberFormat, fmt);
        QFETCH(QStringList, expected);
        NiceScale s;
        s.min = min;
        s.max = max;
        s.step = step;
        const auto ticks = axisTicks(s, fmt);
        QCOMPARE(labelsOf(ticks), expected);
        // Each tick sits on its value: min, min + step, ...
        for (std::size_t i = 0; i < ticks.size(); ++i)
            QVERIFY(std::abs(ticks[i].value - (min + double(i) * step)) < step * 1e-9);
    }
};

QTEST_MAIN(NiceScaleTest)
#include "nice_scale_test.moc"
