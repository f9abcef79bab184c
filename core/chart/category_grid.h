#pragma once
// Rows pivoted into categories x sets for bar, row, combo and pie charts: one set per measure,
// or one per value of the series column; rows landing on the same category (or date period)
// combine by the question's aggregation.
#include <string>
#include <vector>

#include "core/chart/chart_data.h"
#include "core/chart/column_roles.h"
#include "core/chart/date_bucket.h"
#include "core/dashboard/visualization.h"

namespace deskbase::chart {

struct CategoryGrid {
    std::vector<Value> categories;  // the x value per category; a period's first day when dates are grouped
    std::vector<std::string> labels;
    std::vector<std::string> setNames;
    std::vector<std::vector<double>> values;       // [set][category], combined
    std::vector<std::vector<std::size_t>> counts;  // [set][category], rows with a value
    bool temporal = false;                         // categories are dates, in ascending order
    PeriodCoverage lastPeriod;                     // when dates are grouped: is the last period partial?
    int partialCategory = -1;                      // the partial last period's category, when drawn
};

// Categories in first-seen order (dates ascending), then the first `limit` kept. `today` is
// "YYYY-MM-DD" for the partial-period check (empty: not checked).
CategoryGrid pivot(const ChartData& data, const ColumnRoles& roles, const dashboard::VisualizationSettings& s,
                   const std::string& today);

}  // namespace deskbase::chart
