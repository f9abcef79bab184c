#include "core/dashboard/series_reduction.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace deskbase::dashboard {

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
    const double scale = double(columns) / span;
    // Column of a point: floor((x - xMin) * columns / span), the last column closed on the right.
    // Column ends are found by binary search, so the scan itself is a plain min/max loop.
    auto columnOf = [&](double xv) { return std::min<long>(long((xv - xMin) * scale), columns - 1); };
    std::size_t i = lo;
    while (i < hi) {
        const long bucket = columnOf(x[i]);
        const std::size_t end = std::size_t(
            std::partition_point(x + i, x + hi, [&](double xv) { return columnOf(xv) <= bucket; }) - x);
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

}  // namespace deskbase::dashboard
