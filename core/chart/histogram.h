#pragma once
// Histogram binning: bins of equal width on round edges (the nice scale), every value counted
// in exactly one bin, [edge(b), edge(b + 1)), the top value in the last bin.
#include <cstddef>
#include <vector>

#include "core/chart/chart_data.h"
#include "core/chart/column_roles.h"
#include "core/chart/nice_scale.h"
#include "core/dashboard/visualization.h"

namespace deskbase::chart {

struct Histogram {
    NiceScale scale;                  // edge(b) = scale.min + b * scale.step
    std::vector<std::size_t> counts;  // one per bin
    std::size_t values = 0;           // numbers counted (the sum of counts)
    int column = -1;                  // the binned column
    double edge(std::size_t b) const { return scale.min + double(b) * scale.step; }
    std::size_t maxCount() const;
};

// `requestedBins` 0 picks by Sturges' rule (ceil(log2 n) + 1); the round edges give about
// that many bins.
Histogram binValues(const std::vector<double>& values, int requestedBins);

// The x column when it holds numbers, else the first measure; null and text cells are skipped.
Histogram shapeHistogram(const ChartData& data, const ColumnRoles& roles,
                         const dashboard::VisualizationSettings& s);

}  // namespace deskbase::chart
