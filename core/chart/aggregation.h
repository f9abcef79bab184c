#pragma once
// Combining the values that land on one point of a chart (one category, or one date period)
// by the question's aggregation: sum, average, min, max or count.
#include <cstddef>

#include "core/dashboard/visualization.h"

namespace deskbase::chart {

class Accumulator {
public:
    void add(double v);
    // The combined value; 0 when nothing was added (count: the number of values added).
    double result(dashboard::Aggregation a) const;
    std::size_t count() const { return n_; }

private:
    double sum_ = 0, compensation_ = 0;  // Neumaier summation: long sums lose no digits
    double min_ = 0, max_ = 0;
    std::size_t n_ = 0;
};

// The format of the combined values: the question's, except that a count is a plain number
// (12 orders, not "$12").
dashboard::NumberFormat valueFormat(const dashboard::VisualizationSettings& s);

}  // namespace deskbase::chart
