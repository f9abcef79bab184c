#pragma once
// What a bar, row or combo chart draws: the pivoted grid in drawing order, the set a combo
// draws as a line on its right axis, and the value ranges the axes must cover.
#include <string>

#include "core/chart/category_grid.h"

namespace deskbase::chart {

struct BarShape {
    CategoryGrid grid;    // row charts: reversed, so the first category is drawn on top
    int lineSet = -1;     // combo: the set drawn as a line (the `line_column`, else the last)
    double valueMin = 0;  // the bars' range from 0: tallest bar or, stacked, tallest stack
    double valueMax = 0;
    double lineMin = 0;  // the combo line's own range
    double lineMax = 0;
};

BarShape shapeBars(const ChartData& data, const ColumnRoles& roles, const dashboard::VisualizationSettings& s,
                   dashboard::ChartType type, const std::string& today);

}  // namespace deskbase::chart
