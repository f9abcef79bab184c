#include "core/chart/histogram.h"

#include <algorithm>
#include <cmath>

namespace deskbase::chart {

std::size_t Histogram::maxCount() const {
    return counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
}

Histogram binValues(const std::vector<double>& values, int requestedBins) {
    Histogram h;
    h.values = values.size();
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    const int target = requestedBins > 0
                           ? requestedBins
                           : int(std::ceil(std::log2(double(std::max<std::size_t>(values.size(), 1))))) + 1;
    h.scale = niceScale(values.empty() ? 0 : *lo, values.empty() ? 1 : *hi, std::max(target, 1));
    const int bins = h.scale.intervals();
    h.counts.assign(std::size_t(bins), 0);
    for (double v : values) {
        // The division can land a hair below an edge; the edges themselves decide.
        long b = std::clamp(long(std::floor((v - h.scale.min) / h.scale.step)), 0L, long(bins) - 1);
        while (b + 1 < bins && v >= h.edge(std::size_t(b + 1))) ++b;
        while (b > 0 && v < h.edge(std::size_t(b))) --b;
        ++h.counts[std::size_t(b)];
    }
    return h;
}

Histogram shapeHistogram(const ChartData& d, const ColumnRoles& r,
                         const dashboard::VisualizationSettings& s) {
    const int col = r.x >= 0 && isNumberType(d.columns[std::size_t(r.x)].type) ? r.x
                    : r.y.empty()                                              ? r.x
                                                                               : r.y.front();
    std::vector<double> values;
    values.reserve(d.rows.size());
    if (col >= 0)
        for (const auto& row : d.rows)
            if (auto n = cellNumber(row[std::size_t(col)]); n && std::isfinite(*n)) values.push_back(*n);
    Histogram h = binValues(values, s.bins);
    h.column = col;
    return h;
}

}  // namespace deskbase::chart
