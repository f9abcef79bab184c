#include "core/chart/pie_shape.h"

namespace deskbase::chart {

PieShape shapePie(const ChartData& d, const ColumnRoles& r, const dashboard::VisualizationSettings& s) {
    PieShape out;
    const CategoryGrid g = pivot(d, r, s, std::string());
    if (g.values.empty()) return out;
    const auto& values = g.values.front();
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i] > 0) {
            out.slices.push_back({g.labels[i], g.categories[i], values[i], 0});
            out.total += values[i];
        } else {
            ++out.omitted;
        }
    }
    for (auto& slice : out.slices) slice.share = slice.value / out.total;
    return out;
}

}  // namespace deskbase::chart
