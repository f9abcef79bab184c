#pragma once
// Which result columns play which part in a chart: the settings' names first, then defaults
// from the result's shape.
#include <string>
#include <vector>

#include "core/chart/chart_data.h"
#include "core/dashboard/visualization.h"

namespace deskbase::chart {

struct ColumnRoles {
    int x = -1;          // dimension: category, date or number
    int series = -1;     // splits the measure into a series per value
    int size = -1;       // bubble size
    std::vector<int> y;  // measures
};

// x: the named column; else, for line, area, bar, row and combo, the first date column; else
// the first column that is not a number. y: the named columns; else every other number column.
// series: the named column; else, for line, area, bar and row with one measure, the first
// other non-number column, so "date, category, number" draws one series per category instead
// of one line through every row. A series split shows one measure.
ColumnRoles resolveRoles(const ChartData& data, const dashboard::VisualizationSettings& s,
                         dashboard::ChartType type);

// The column's display name (its name when it has none); "" for -1.
std::string columnTitle(const ChartData& data, int column);

}  // namespace deskbase::chart
