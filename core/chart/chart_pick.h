#pragma once
// The chart type picked from a result's shape when a question does not name one.
#include <cstddef>
#include <vector>

#include "core/dashboard/visualization.h"
#include "core/types/value.h"

namespace deskbase::chart {

// One number -> number; a column of numbers -> histogram; a date and a number -> line;
// a category and a number -> bar; two numbers -> scatter (three: bubble); a date, a category
// and a number -> line with a series per category; two categories and a number -> grouped
// bars; anything else -> table.
dashboard::ChartType pickChartType(const std::vector<ColumnType>& columns, std::size_t rowCount);

}  // namespace deskbase::chart
