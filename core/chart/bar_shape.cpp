#include "core/chart/bar_shape.h"

#include <algorithm>

namespace deskbase::chart {

using dashboard::ChartType;

BarShape shapeBars(const ChartData& d, const ColumnRoles& r, const dashboard::VisualizationSettings& s,
                   ChartType type, const std::string& today) {
    BarShape out;
    out.grid = pivot(d, r, s, today);
    CategoryGrid& g = out.grid;
    if (type == ChartType::Combo && g.setNames.size() >= 2) {
        out.lineSet = int(g.setNames.size()) - 1;
        for (std::size_t k = 0; k < r.y.size() && k < g.setNames.size(); ++k)
            if (d.columns[std::size_t(r.y[k])].name == s.lineColumn) out.lineSet = int(k);
    }
    if (type == ChartType::Row) {
        std::reverse(g.categories.begin(), g.categories.end());
        std::reverse(g.labels.begin(), g.labels.end());
        for (auto& v : g.values) std::reverse(v.begin(), v.end());
        for (auto& c : g.counts) std::reverse(c.begin(), c.end());
        if (g.partialCategory >= 0) g.partialCategory = int(g.categories.size()) - 1 - g.partialCategory;
    }
    std::vector<double> stackHi(g.categories.size(), 0.0), stackLo(g.categories.size(), 0.0);
    for (int k = 0; k < int(g.values.size()); ++k) {
        const auto& vals = g.values[std::size_t(k)];
        for (std::size_t i = 0; i < vals.size(); ++i) {
            if (k == out.lineSet) {
                out.lineMin = i == 0 ? vals[i] : std::min(out.lineMin, vals[i]);
                out.lineMax = i == 0 ? vals[i] : std::max(out.lineMax, vals[i]);
                continue;
            }
            out.valueMin = std::min(out.valueMin, vals[i]);
            out.valueMax = std::max(out.valueMax, vals[i]);
            (vals[i] >= 0 ? stackHi[i] : stackLo[i]) += vals[i];
        }
    }
    if (s.stacked) {
        for (double v : stackHi) out.valueMax = std::max(out.valueMax, v);
        for (double v : stackLo) out.valueMin = std::min(out.valueMin, v);
    }
    return out;
}

}  // namespace deskbase::chart
