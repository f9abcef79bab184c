#include "core/chart/scatter_shape.h"

#include <algorithm>

namespace deskbase::chart {

ScatterShape shapeScatter(const ChartData& d, const ColumnRoles& r,
                          const dashboard::VisualizationSettings& s) {
    ScatterShape out;
    const int yCol = r.y.empty() ? -1 : r.y.front();
    if (r.x < 0 || yCol < 0) return out;
    std::vector<double> sizes;
    for (const auto& row : d.rows) {
        const auto x = cellNumber(row[std::size_t(r.x)]);
        const auto y = cellNumber(row[std::size_t(yCol)]);
        if (!x || !y) continue;
        out.x.push_back(*x);
        out.y.push_back(*y);
        sizes.push_back(r.size >= 0 ? cellNumber(row[std::size_t(r.size)]).value_or(0) : 0);
    }
    out.classes = r.size >= 0 ? ScatterShape::kSizeClasses : 1;
    const auto [sMin, sMax] = std::minmax_element(sizes.begin(), sizes.end());
    for (double size : sizes) {
        int k = 0;
        if (out.classes > 1 && *sMax > *sMin)
            k = std::min(out.classes - 1, int((size - *sMin) / (*sMax - *sMin) * out.classes));
        out.sizeClass.push_back(k);
    }
    if (!out.x.empty()) {
        const auto [xLo, xHi] = std::minmax_element(out.x.begin(), out.x.end());
        const auto [yLo, yHi] = std::minmax_element(out.y.begin(), out.y.end());
        out.xMin = *xLo, out.xMax = *xHi, out.yMin = *yLo, out.yMax = *yHi;
    }
    if (s.trendLine) out.trend = leastSquares(out.x, out.y);
    return out;
}

}  // namespace deskbase::chart
