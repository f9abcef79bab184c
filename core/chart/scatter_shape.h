#pragma once
// What a scatter or bubble chart draws: a point per row with numbers for x and y, and, for
// bubbles, each point's size class (Qt Charts draws one marker size per series).
#include <vector>

#include "core/chart/chart_data.h"
#include "core/chart/column_roles.h"
#include "core/chart/least_squares.h"
#include "core/dashboard/visualization.h"

namespace deskbase::chart {

struct ScatterShape {
    static constexpr int kSizeClasses = 5;
    std::vector<double> x, y;
    std::vector<int> sizeClass;  // 0 .. classes - 1, by the size column's value (linear)
    int classes = 1;             // kSizeClasses with a size column, else 1
    double xMin = 0, xMax = 1, yMin = 0, yMax = 1;
    std::optional<LinearFit> trend;
};

ScatterShape shapeScatter(const ChartData& data, const ColumnRoles& roles,
                          const dashboard::VisualizationSettings& s);

}  // namespace deskbase::chart
