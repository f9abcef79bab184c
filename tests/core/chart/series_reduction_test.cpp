// The reduction keeps every pixel column's local minimum and maximum (property test on
// random series), stays within a few points per column, and draws the same pixels as the full
// line; LTTB picks what a reference implementation picks.
#include "core/chart/series_reduction.h"

#include <QImage>
#include <QPainter>
#include <QtTest>
#include <random>

using namespace deskbase::chart;

namespace {

// Largest-Triangle-Three-Buckets written from Steinarsson's thesis (2013, section 4.2) and
// his reference JavaScript, independently of the code under test: the first and last points
// are kept; the points between are split into threshold - 2 buckets of (n - 2) / (threshold
// - 2) points (floor at both ends); from each bucket the point that makes the largest
// triangle with the previous pick and the average of the next bucket is kept.
std::vector<std::size_t> referenceLttb(const std::vector<double>& x, const std::vector<double>& y,
                                       std::size_t threshold) {
    const std::size_t n = x.size();
    std::vector<std::size_t> sampled;
    if (threshold >= n || threshold == 0) {
        for (std::size_t i = 0; i < n; ++i) sampled.push_back(i);
        return sampled;
    }
    const double every = double(n - 2) / double(threshold - 2);
    std::size_t a = 0;
    sampled.push_back(a);
    for (std::size_t i = 0; i + 2 < threshold; ++i) {
        auto rangeStart = std::size_t(std::floor(double(i + 1) * every)) + 1;
        auto rangeEnd = std::min(std::size_t(std::floor(double(i + 2) * every)) + 1, n);
        double avgX = 0, avgY = 0;
        for (std::size_t k = rangeStart; k < rangeEnd; ++k) {
            avgX += x[k];
            avgY += y[k];
        }
        const double count = double(rangeEnd - rangeStart);
        avgX /= count;
        avgY /= count;
        const auto from = std::size_t(std::floor(double(i) * every)) + 1;
        const auto to = std::size_t(std::floor(double(i + 1) * every)) + 1;
        double maxArea = -1;
        std::size_t next = from;
        for (std::size_t k = from; k < to; ++k) {
            const double area = std::abs((x[a] - avgX) * (y[k] - y[a]) - (x[a] - x[k]) * (avgY - y[a])) * 0.5;
            if (area > maxArea) {
                maxArea = area;
                next = k;
            }
        }
        sampled.push_back(next);
        a = next;
    }
    sampled.push_back(n - 1);
    return sampled;
}

// The polyline through `keep` (all points when empty) drawn with 1-pixel aliased lines into a
// `width` x `height` image whose pixel columns are the reduction's columns over [lo, hi]. Each
// point sits at its column's centre and each segment is drawn with both end pixels: the raster
// model the min/max reduction is exact for (M4, Jugel et al. 2014), where a column shows the
// span of its points plus the lines to its neighbours, and its first, lowest, highest and last
// point give both. (A polyline leaves out the pixel where a line turns back, so a point next
// to an extreme would show in one image and not the other.)
QImage drawLine(const std::vector<double>& x, const std::vector<double>& y,
                const std::vector<std::size_t>& keep, double lo, double hi, int width, int height) {
    const auto [yLo, yHi] = std::minmax_element(y.begin(), y.end());
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QPen(Qt::black, 0));
    std::vector<QPointF> points;
    auto add = [&](std::size_t i) {
        const double column =
            std::min(std::floor((x[i] - lo) * (double(width) / (hi - lo))), double(width - 1));
        points.emplace_back(column + 0.5, (*yHi - y[i]) / (*yHi - *yLo) * (height - 1));
    };
    if (keep.empty())
        for (std::size_t i = 0; i < x.size(); ++i) add(i);
    else
        for (std::size_t i : keep) add(i);
    std::vector<QLineF> segments;
    for (std::size_t i = 1; i < points.size(); ++i) segments.emplace_back(points[i - 1], points[i]);
    p.drawLines(segments.data(), int(segments.size()));
    return image;
}

}  // namespace

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

    // The reduction exists so the chart draws what every point would draw: the same pixels.
    void reducedLineDrawsTheFullLinesPixels_data() {
        QTest::addColumn<int>("seed");
        QTest::addColumn<int>("points");
        QTest::addColumn<int>("width");
        QTest::newRow("random walk, 200k points, 400 px") << 1 << 200000 << 400;
        QTest::newRow("random walk with spikes, 50k points, 333 px") << 2 << 50000 << 333;
        QTest::newRow("3M points (two threads), 900 px") << 3 << 3000000 << 900;
    }
    void reducedLineDrawsTheFullLinesPixels() {
        QFETCH(int, seed);
        QFETCH(int, points);
        QFETCH(int, width);
        std::mt19937_64 rng{static_cast<std::uint64_t>(seed)};
        std::normal_distribution<double> step(0, 1);
        std::vector<double> x(static_cast<std::size_t>(points)), y(x.size());
        double v = 0;
        for (std::size_t i = 0; i < x.size(); ++i) {
            v += step(rng) + (rng() % 4999 == 0 ? 40 * step(rng) : 0);
            x[i] = double(i) + 0.5 * double(rng() % 1000) / 1000;  // uneven, ascending
            y[i] = v;
        }
        const auto kept = reduceMinMax(x, y, width);
        QVERIFY(kept.size() < x.size() / 10);
        const QImage full = drawLine(x, y, {}, x.front(), x.back(), width, 300);
        const QImage reduced = drawLine(x, y, kept, x.front(), x.back(), width, 300);
        int differing = 0;
        for (int py = 0; py < full.height(); ++py)
            for (int px = 0; px < full.width(); ++px)
                differing += full.pixel(px, py) != reduced.pixel(px, py);
        QCOMPARE(differing, 0);
    }

    void smallSeriesPassThrough() {
        std::vector<double> x{1, 2, 3, 4, 5}, y{5, 1, 4, 2, 3};
        const auto kept = reduceMinMax(x, y, 100);
        QCOMPARE(kept, (std::vector<std::size_t>{0, 1, 2, 3, 4}));
        // Exactly 4 points per column still pass through whole: 2 columns, 8 points.
        std::vector<double> x8{1, 2, 3, 4, 5, 6, 7, 8}, y8{3, 1, 4, 1, 5, 9, 2, 6};
        QCOMPARE(reduceMinMax(x8, y8, 2).size(), std::size_t(8));
        QCOMPARE(reduceMinMax(x8, y8, 1), (std::vector<std::size_t>{0, 1, 5, 7}));  // first, min, max, last
    }

    // A hand-checked case: threshold 4 over 8 points makes two buckets, {1, 2, 3} and {4, 5, 6};
    // the spike up (index 2) and the spike down (index 5) make the largest triangles.
    void lttbPicksTheSpikes() {
        std::vector<double> x{0, 1, 2, 3, 4, 5, 6, 7}, y{0, 0, 5, 0, 0, -3, 0, 0};
        QCOMPARE(reduceLttb(x.data(), y.data(), x.size(), 4), (std::vector<std::size_t>{0, 2, 5, 7}));
        QCOMPARE(referenceLttb(x, y, 4), (std::vector<std::size_t>{0, 2, 5, 7}));
    }

    void lttbMatchesTheReference_data() {
        QTest::addColumn<int>("seed");
        QTest::addColumn<int>("points");
        QTest::addColumn<int>("threshold");
        QTest::newRow("sine and noise, 10k to 500") << 1 << 10000 << 500;
        QTest::newRow("random walk, 99,999 to 1,234") << 2 << 99999 << 1234;
        QTest::newRow("uneven x, 5,000 to 3") << 3 << 5000 << 3;
        QTest::newRow("buckets of about one point, 1,000 to 999") << 4 << 1000 << 999;
    }
    void lttbMatchesTheReference() {
        QFETCH(int, seed);
        QFETCH(int, points);
        QFETCH(int, threshold);
        std::mt19937_64 rng{static_cast<std::uint64_t>(seed)};
        std::normal_distribution<double> noise(0, 1);
        std::vector<double> x(static_cast<std::size_t>(points)), y(x.size());
        double t = 0, walk = 0;
        for (std::size_t i = 0; i < x.size(); ++i) {
            t += seed == 3 ? 0.1 + std::abs(noise(rng)) : 1.0;
            walk += noise(rng);
            x[i] = t;
            y[i] = seed == 1 ? std::sin(double(i) / 50.0) * 10 + noise(rng) : walk;
        }
        const auto kept = reduceLttb(x.data(), y.data(), x.size(), std::size_t(threshold));
        QCOMPARE(kept, referenceLttb(x, y, std::size_t(threshold)));
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

QTEST_MAIN(SeriesReductionTest)
#include "series_reduction_test.moc"
