#include "core/chart/nice_scale.h"

#include <algorithm>
#include <cmath>

namespace deskbase::chart {

int NiceScale::intervals() const {
    return std::max(1, int(std::lround((max - min) / step)));
}

NiceScale niceScale(double min, double max, int targetTicks, bool includeZero) {
    if (!std::isfinite(min) || !std::isfinite(max)) {
        min = 0;
        max = 1;
    }
    if (includeZero) {
        min = std::min(min, 0.0);
        max = std::max(max, 0.0);
    }
    if (max - min < 1e-12) {
        const double pad = std::abs(max) > 0 ? std::abs(max) * 0.1 : 1.0;
        min -= includeZero && min >= 0 ? 0 : pad;
        max += pad;
    }
    const double raw = (max - min) / std::max(targetTicks, 1);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / mag;
    const double nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
    NiceScale s;
    s.step = nf * mag;
    s.min = std::floor(min / s.step + 1e-9) * s.step;
    s.max = std::ceil(max / s.step - 1e-9) * s.step;
    return s;
}

}  // namespace deskbase::chart
