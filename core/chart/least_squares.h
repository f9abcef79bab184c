#pragma once
// The least-squares line through points: the trend line of lines, areas and scatters.
#include <optional>
#include <vector>

namespace deskbase::chart {

struct LinearFit {
    double intercept = 0;
    double slope = 0;
    double at(double x) const { return intercept + slope * x; }
};

// y = a + b x; nullopt with fewer than two distinct x.
std::optional<LinearFit> leastSquares(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace deskbase::chart
