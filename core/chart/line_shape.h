#pragma once
// What a line or area chart draws: one x-ascending series per measure (or per value of the
// series column), dates grouped into periods and combined by the question's aggregation,
// stacked areas summed over the same x, and whether the last period is partial.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/chart/chart_data.h"
#include "core/chart/column_roles.h"
#include "core/chart/date_bucket.h"
#include "core/chart/least_squares.h"
#include "core/chart/series_reduction.h"
#include "core/dashboard/visualization.h"

namespace deskbase::chart {

enum class LineX { Number, Date, Category };  // Number includes the row index when there is no x

struct LineSeries {
    std::string name;
    std::shared_ptr<XYData> xy = std::make_shared<XYData>();  // x ascending; Date x in epoch ms
    // Stacked areas: the layer's own values (xy holds the running totals drawn as its top).
    std::vector<double> own;
};

struct LineShape {
    LineX xKind = LineX::Number;
    std::vector<std::string> categories;  // Category x: the label of x = 0, 1, 2, ...
    std::vector<LineSeries> series;       // empty series are dropped
    bool stacked = false;                 // areas: every series has the same x, tops cumulative
    double xMin = 0, xMax = 1, yMin = 0, yMax = 0;
    PeriodCoverage lastPeriod;       // dates grouped by the granularity
    std::optional<double> partialX;  // x of the partial last period's points
    std::optional<LinearFit> trend;  // over the first series, when asked for
};

LineShape shapeLines(const ChartData& data, const ColumnRoles& roles,
                     const dashboard::VisualizationSettings& s, dashboard::ChartType type,
                     const std::string& today);

}  // namespace deskbase::chart
