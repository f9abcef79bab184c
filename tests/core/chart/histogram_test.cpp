// Histogram bins: round edges, every value in exactly one bin [edge(b), edge(b + 1)) with the
// top value in the last bin, Sturges' rule when no bin count is asked for.
#include "core/chart/histogram.h"

#include <QtTest>
#include <random>

#include "tests/support/chart_rows.h"

using namespace deskbase;
using namespace deskbase::chart;

namespace {
std::vector<double> numbers(const QString& list) {
    std::vector<double> out;
    for (const auto& s : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) out.push_back(s.toDouble());
    return out;
}
QString joined(const std::vector<std::size_t>& v) {
    QStringList out;
    for (auto n : v) out << QString::number(n);
    return out.join(QLatin1Char('|'));
}
// Counted again from the edges the chart draws, independently of the binning loop.
std::vector<std::size_t> recount(const Histogram& h, const std::vector<double>& values) {
    std::vector<std::size_t> out(h.counts.size(), 0);
    for (double v : values)
        for (std::size_t b = 0; b < out.size(); ++b) {
            const bool last = b + 1 == out.size();
            if (v >= h.edge(b) && (v < h.edge(b + 1) || (last && v <= h.edge(b + 1)))) {
                ++out[b];
                break;
            }
        }
    return out;
}
}  // namespace

class HistogramTest : public QObject {
    Q_OBJECT
private slots:
    void binsValues_data() {
        QTest::addColumn<QString>("values");
        QTest::addColumn<int>("bins");
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("step");
        QTest::addColumn<QString>("counts");
        // Sturges: ceil(log2 10) + 1 = 5 bins over 0..9 -> a step of 2 from 0 to 10.
        QTest::newRow("ten values, Sturges") << "0,1,2,3,4,5,6,7,8,9" << 0 << 0.0 << 2.0 << "2|2|2|2|2";
        // Four bins asked over 1..100: a step of 20 from 0; 100 is in the last, closed bin.
        QTest::newRow("top value in the last bin") << "1,50,100" << 4 << 0.0 << 20.0 << "1|0|1|0|1";
        QTest::newRow("negative values") << "-3,-1,2" << 0 << -4.0 << 2.0 << "1|1|1";
        // One distinct value: a bin either side of it, the value on the upper one's edge.
        QTest::newRow("all equal") << "5,5,5" << 0 << 4.5 << 0.5 << "0|3";
        QTest::newRow("no values") << "" << 0 << 0.0 << 1.0 << "0";
    }
    void binsValues() {
        QFETCH(QString, values);
        QFETCH(int, bins);
        QFETCH(double, min);
        QFETCH(double, step);
        QFETCH(QString, counts);
        const auto v = numbers(values);
        const Histogram h = binValues(v, bins);
        QCOMPARE(h.scale.min, min);
        QCOMPARE(h.scale.step, step);
        QCOMPARE(joined(h.counts), counts);
        QCOMPARE(h.values, v.size());
    }

    // Random values, including ones on the edges themselves (0.1 steps are not exact in binary).
    void everyValueLandsInTheBinItsEdgesSay_data() {
        QTest::addColumn<int>("seed");
        QTest::addColumn<int>("bins");
        for (int seed = 1; seed <= 8; ++seed) QTest::addRow("seed %d", seed) << seed << (seed % 3) * 7;
    }
    void everyValueLandsInTheBinItsEdgesSay() {
        QFETCH(int, seed);
        QFETCH(int, bins);
        std::mt19937_64 rng{std::uint64_t(seed)};
        std::uniform_int_distribution<int> tenths(-50, 120);
        std::normal_distribution<double> spread(0, 1000);
        std::vector<double> v;
        for (int i = 0; i < 5000; ++i) v.push_back(i % 2 ? tenths(rng) / 10.0 : spread(rng));
        const Histogram h = binValues(v, bins);
        QCOMPARE(h.counts, recount(h, v));
        std::size_t total = 0;
        for (auto c : h.counts) total += c;
        QCOMPARE(total, v.size());
    }

    void histogramOfAColumnSkipsNullsAndText() {
        const ChartData d = test::chartRows(QStringLiteral("real:total"), QStringLiteral("1;null;3;2"));
        dashboard::VisualizationSettings s;
        s.bins = 2;
        const Histogram h = shapeHistogram(d, resolveRoles(d, s, dashboard::ChartType::Histogram), s);
        QCOMPARE(h.column, 0);
        QCOMPARE(h.values, std::size_t(3));
        QCOMPARE(h.maxCount(), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(HistogramTest)
#include "histogram_test.moc"
