#include "core/chart/aggregation.h"

#include <algorithm>
#include <cmath>

namespace deskbase::chart {

using dashboard::Aggregation;

void Accumulator::add(double v) {
    const double t = sum_ + v;
    compensation_ += std::abs(sum_) >= std::abs(v) ? (sum_ - t) + v : (v - t) + sum_;
    sum_ = t;
    min_ = n_ == 0 ? v : std::min(min_, v);
    max_ = n_ == 0 ? v : std::max(max_, v);
    ++n_;
}

double Accumulator::result(Aggregation a) const {
    if (a == Aggregation::Count) return double(n_);
    if (n_ == 0) return 0;
    switch (a) {
        case Aggregation::Sum:
            return sum_ + compensation_;
        case Aggregation::Average:
            return (sum_ + compensation_) / double(n_);
        case Aggregation::Min:
            return min_;
        case Aggregation::Max:
            return max_;
        case Aggregation::Count:
            break;
    }
    return double(n_);
}

dashboard::NumberFormat valueFormat(const dashboard::VisualizationSettings& s) {
    return s.aggregation == Aggregation::Count ? dashboard::NumberFormat{} : s.format;
}

}  // namespace deskbase::chart
