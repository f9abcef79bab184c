#include "core/chart/series_reduction.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/runtime/companion.h"

namespace deskbase::chart {

namespace {

constexpr std::size_t kParallelPoints = 1000000;

// Column of a point: floor((x - xMin) * columns / span), the last column closed on the right.
struct ColumnRule {
    double xMin, scale;
    long columns;
    long operator()(double xv) const { return std::min<long>(long((xv - xMin) * scale), columns - 1); }
};

// Appends the first, lowest, highest and last point of each column among points [from, to).
// Column ends are found by binary search, so the scan itself is a plain min/max loop.
void reduceSpan(const double* x, const double* y, std::size_t from, std::size_t to,
                const ColumnRule& columnOf, std::vector<std::size_t>& out) {
    std::size_t i = from;
    while (i < to) {
        const long bucket = columnOf(x[i]);
        const std::size_t end = std::size_t(
            std::partition_point(x + i, x + to, [&](double xv) { return columnOf(xv) <= bucket; }) - x);
        std::size_t minIdx = i, maxIdx = i;
        double minY = y[i], maxY = y[i];
        for (std::size_t k = i + 1; k < end; ++k) {
            const double v = y[k];
            if (v < minY) {
                minY = v;
                minIdx = k;
            }
            if (v > maxY) {
                maxY = v;
                maxIdx = k;
            }
        }
        std::size_t picks[4] = {i, minIdx, maxIdx, end - 1};
        std::sort(picks, picks + 4);
        for (std::size_t k = 0; k < 4; ++k)
            if (k == 0 || picks[k] != picks[k - 1]) out.push_back(picks[k]);
        i = end;
    }
}

}  // namespace

std::vector<std::size_t> reduceMinMax(const double* x, const double* y, std::size_t n, double xMin,
                                      double xMax, int columns) {
    std::vector<std::size_t> out;
    if (n == 0) return out;
    columns = std::max(columns, 1);
    // Visible slice [lo, hi) found by binary search: zooming in only scans what is shown.
    const std::size_t lo = std::size_t(std::lower_bound(x, x + n, xMin) - x);
    const std::size_t hi = std::size_t(std::upper_bound(x, x + n, xMax) - x);
    const std::size_t first = lo > 0 ? lo - 1 : lo;  // one point beyond each edge
    const std::size_t last = hi < n ? hi + 1 : hi;   // exclusive
    if (last - first <= std::size_t(columns) * 4) {
        out.resize(last - first);
        std::iota(out.begin(), out.end(), first);
        return out;
    }
    out.reserve(std::size_t(columns) * 4 + 2);
    if (first < lo) out.push_back(first);
    const double span = xMax > xMin ? xMax - xMin : 1.0;
    const ColumnRule rule{xMin, double(columns) / span, columns};
    // Millions of points: the scan is memory-bound, so the right half of the columns runs on a
    // second core. Buckets never straddle the split, so the picks are the same as one pass.
    if (hi - lo >= kParallelPoints && Companion::worthIt()) {
        const long half = columns / 2;
        const std::size_t split =
            std::size_t(std::partition_point(x + lo, x + hi, [&](double xv) { return rule(xv) < half; }) - x);
        std::vector<std::size_t> right;
        right.reserve(std::size_t(columns - half) * 4);
        Companion worker([&] { reduceSpan(x, y, split, hi, rule, right); });
        reduceSpan(x, y, lo, split, rule, out);
        worker.join();
        out.insert(out.end(), right.begin(), right.end());
    } else {
        reduceSpan(x, y, lo, hi, rule, out);
    }
    if (hi < last) out.push_back(hi);
    return out;
}

std::vector<std::size_t> reduceMinMax(const std::vector<double>& x, const std::vector<double>& y,
                                      int columns) {
    const std::size_t n = std::min(x.size(), y.size());
    if (n == 0) return {};
    return reduceMinMax(x.data(), y.data(), n, x.front(), x[n - 1], columns);
}

std::vector<std::size_t> reduceLttb(const double* x, const double* y, std::size_t n, std::size_t threshold) {
    std::vector<std::size_t> out;
    if (threshold >= n || threshold < 3) {
        out.resize(n);
        std::iota(out.begin(), out.end(), std::size_t{0});
        return out;
    }
    out.reserve(threshold);
    const double every = double(n - 2) / double(threshold - 2);
    std::size_t a = 0;
    out.push_back(0);
    for (std::size_t b = 0; b < threshold - 2; ++b) {
        // Average of the next bucket is the third triangle corner.
        std::size_t avgStart = std::size_t(double(b + 1) * every) + 1;
        std::size_t avgEnd = std::min(std::size_t(double(b + 2) * every) + 1, n);
        if (avgStart >= avgEnd) avgStart = avgEnd - 1;
        double avgX = 0, avgY = 0;
        for (std::size_t k = avgStart; k < avgEnd; ++k) {
            avgX += x[k];
            avgY += y[k];
        }
        avgX /= double(avgEnd - avgStart);
        avgY /= double(avgEnd - avgStart);
        const std::size_t start = std::size_t(double(b) * every) + 1;
        const std::size_t end = std::size_t(double(b + 1) * every) + 1;
        double best = -1;
        std::size_t pick = start;
        for (std::size_t k = start; k < end; ++k) {
            const double area = std::abs((x[a] - avgX) * (y[k] - y[a]) - (x[a] - x[k]) * (avgY - y[a]));
            if (area > best) {
                best = area;
                pick = k;
            }
        }
        out.push_back(pick);
        a = pick;
    }
    out.push_back(n - 1);
    return out;
}

}  // namespace deskbase::chart
