// The reduction keeps every pixel column's local minimum and maximum (property test on
// random series), stays within a few points per column, and LTTB keeps the end points.
#include "core/dashboard/series_reduction.h"

#include <QtTest>
#include <random>

using namespace deskbase::dashboard;

class SeriesReductionTest : public QObject {
    Q_OBJECT
private slots:
    void keepsEveryColumnMinAndMax_data() {
        QTest::addColumn<int>("seed");
        QTest::addColumn<int>("points");
        QTest::addColumn<int>("columns");
        QTest::addColumn<bool>("zoomed");
        for (int seed = 1; seed <= 12; ++seed) {
            const int points = seed % 3 == 0 ? 200000 : 5000 + seed * 1711;
            const int columns = 50 + (seed * 97) % 900;
            QTest::addRow("seed %d, %d points, %d columns%s", seed, points, columns,
                          seed % 2 ? ", zoomed" : "")
                << seed << points << columns << bool(seed % 2);
        }
        // Millions of points in view: the two-thread path (split at the middle column).
        QTest::addRow("3M points, 1101 columns") << 13 << 3000000 << 1101 << false;
        QTest::addRow("3M points, 777 columns, zoomed") << 14 << 3000000 << 777 << true;
    }
    void keepsEveryColumnMinAndMax() {
        QFETCH(int, seed);
        QFETCH(int, points);
        QFETCH(int, columns);
        QFETCH(bool, zoomed);
        std::mt19937_64 rng{static_cast<std::uint64_t>(seed)};
        std::uniform_real_distribution<double> step(0.01, 2.0), noise(-1, 1);
        std::vector<double> x(static_cast<std::size_t>(points)), y(static_cast<std::size_t>(points));
        double t = 0, v = 0;
        for (int i = 0; i < points; ++i) {
            t += step(rng);  // uneven spacing
            v += noise(rng);
            if (rng() % 997 == 0) v += 50 * noise(rng);  // spikes
            x[std::size_t(i)] = t;
            y[std::size_t(i)] = v;
        }
        const double lo = zoomed ? x[std::size_t(points / 4)] + 0.005 : x.front();
        const double hi = zoomed ? x[std::size_t(points / 2)] - 0.005 : x.back();
        const auto kept = reduceMinMax(x.data(), y.data(), x.size(), lo, hi, columns);
        QVERIFY(std::is_sorted(kept.begin(), kept.end()));
        QVERIFY(std::adjacent_find(kept.begin(), kept.end()) == kept.end());
        QVERIFY2(kept.size() <= std::size_t(columns) * 4 + 2, qPrintable(QString::number(kept.size())));

        // Reference: per pixel column, the min and max y of the points in it.
        const double scale = double(columns) / (hi - lo);  // the documented column rule
        std::vector<double> refMin(std::size_t(columns), 1e300), refMax(std::size_t(columns), -1e300);
        std::vector<double> gotMin(std::size_t(columns), 1e300), gotMax(std::size_t(columns), -1e300);
        auto column = [&](double xv) { return int(std::min<long>(long((xv - lo) * scale), columns - 1)); };
        for (std::size_t i = 0; i < x.size(); ++i) {
            if (x[i] < lo || x[i] > hi) continue;
            const auto c = std::size_t(column(x[i]));
            refMin[c] = std::min(refMin[c], y[i]);
            refMax[c] = std::max(refMax[c], y[i]);
        }
        for (std::size_t i : kept) {
            if (x[i] < lo || x[i] > hi) continue;
            const auto c = std::size_t(column(x[i]));
            gotMin[c] = std::min(gotMin[c], y[i]);
            gotMax[c] = std::max(gotMax[c], y[i]);
        }
        for (int c = 0; c < columns; ++c) {
            QCOMPARE(gotMin[std::size_t(c)], refMin[std::size_t(c)]);
            QCOMPARE(gotMax[std::size_t(c)], refMax[std::size_t(c)]);
        }
        // The line runs to the plot edges: one point beyond each side is kept when it exists.
        if (zoomed) {
            QVERIFY(x[kept.front()] < lo);
            QVERIFY(x[kept.back()] > hi);
        } else {
            QCOMPARE(kept.front(), std::size_t(0));
            QCOMPARE(kept.back(), x.size() - 1);
        }
    }

    void smallSeriesPassThrough() {
        std::vector<double> x{1, 2, 3, 4, 5}, y{5, 1, 4, 2, 3};
        const auto kept = reduceMinMax(x, y, 100);
        QCOMPARE(kept.size(), x.size());
    }

    void lttbKeepsEndsAndCount_data() {
        QTest::addColumn<int>("points");
        QTest::addColumn<int>("threshold");
        QTest::newRow("10k to 500") << 10000 << 500;
        QTest::newRow("1k to 3") << 1000 << 3;
        QTest::newRow("fewer than threshold") << 100 << 500;
    }
    void lttbKeepsEndsAndCount() {
        QFETCH(int, points);
        QFETCH(int, threshold);
        std::vector<double> x(static_cast<std::size_t>(points)), y(static_cast<std::size_t>(points));
        for (int i = 0; i < points; ++i) {
            x[std::size_t(i)] = i;
            y[std::size_t(i)] = std::sin(i / 50.0) * 10 + (i % 17);
        }
        const auto kept = reduceLttb(x.data(), y.data(), x.size(), std::size_t(threshold));
        QCOMPARE(kept.size(), std::size_t(std::min(points, threshold)));
        QCOMPARE(kept.front(), std::size_t(0));
        QCOMPARE(kept.back(), std::size_t(points - 1));
        QVERIFY(std::is_sorted(kept.begin(), kept.end()));
    }
};

QTEST_GUILESS_MAIN(SeriesReductionTest)
#include "series_reduction_test.moc"
