#pragma once
// What a pie or donut draws: one slice per category with a positive value of the first
// measure, and its share of their total. Categories at or below zero cannot be a slice; they
// are counted so the chart can say so.
#include <string>
#include <vector>

#include "core/chart/category_grid.h"

namespace deskbase::chart {

struct PieSlice {
    std::string label;
    Value category;  // the x value (what a click filters on)
    double value = 0;
    double share = 0;  // of the positive total, 0..1
};

struct PieShape {
    std::vector<PieSlice> slices;
    double total = 0;         // sum of the slices
    std::size_t omitted = 0;  // categories with a value <= 0
};

PieShape shapePie(const ChartData& data, const ColumnRoles& roles, const dashboard::VisualizationSettings& s);

}  // namespace deskbase::chart
