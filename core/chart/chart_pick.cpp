#include "core/chart/chart_pick.h"

#include <algorithm>

#include "core/chart/chart_data.h"

namespace deskbase::chart {

using dashboard::ChartType;

ChartType pickChartType(const std::vector<ColumnType>& c, std::size_t rowCount) {
    const auto count = [&](bool (*pred)(ColumnType)) { return std::count_if(c.begin(), c.end(), pred); };
    const auto numbers = count(isNumberType), dates = count(isTemporalType), cats = count(isCategoryType);
    if (c.empty() || rowCount == 0) return ChartType::Table;
    if (c.size() == 1 && numbers == 1 && rowCount == 1) return ChartType::Number;
    if (c.size() == 1 && numbers == 1) return ChartType::Histogram;
    if (c.size() == 2 && dates == 1 && numbers == 1) return ChartType::Line;
    if (c.size() == 2 && cats == 1 && numbers == 1) return ChartType::Bar;
    if (c.size() == 2 && numbers == 2) return ChartType::Scatter;
    if (c.size() == 3 && dates == 1 && cats == 1 && numbers == 1) return ChartType::Line;
    if (c.size() == 3 && cats == 2 && numbers == 1) return ChartType::Bar;
    if (c.size() == 3 && numbers == 3) return ChartType::Scatter;  // bubble
    if (c.size() >= 2 && dates == 1 && numbers == std::ptrdiff_t(c.size()) - 1) return ChartType::Line;
    if (c.size() >= 2 && cats == 1 && numbers == std::ptrdiff_t(c.size()) - 1) return ChartType::Bar;
    return ChartType::Table;
}

}  // namespace deskbase::chart
