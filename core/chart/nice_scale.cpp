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

namespace {
constexpr int kMaxDecimals = 15;  // beyond this a double's digits are noise

// `x` written with `decimals` digits after the point reads back as x (up to float noise).
bool exactWith(double x, int decimals) {
    const double scaled = x * std::pow(10.0, decimals);
    return std::abs(scaled - std::round(scaled)) <= 1e-6 * std::max(1.0, std::abs(scaled));
}

struct Unit {
    double scale = 1;
    const char* name = "";
};

Unit compactUnit(double largest) {
    if (largest >= 1e9) return {1e9, "B"};
    if (largest >= 1e6) return {1e6, "M"};
    if (largest >= 1e3) return {1e3, "k"};
    return {};
}
}  // namespace

std::vector<AxisTick> axisTicks(const NiceScale& scale, const dashboard::NumberFormat& format) {
    const double step = scale.step > 0 && std::isfinite(scale.step) ? scale.step : 1.0;
    const double first = std::round(scale.min / step);
    std::vector<AxisTick> ticks;
    double largest = 0;
    for (int i = 0; i <= scale.intervals(); ++i) {
        double v = (first + i) * step;  // multiples of the step, not an accumulated sum
        if (std::abs(v) < step * 1e-9) v = 0;
        ticks.push_back({v, {}});
        largest = std::max(largest, std::abs(format.percent ? v * 100 : v));
    }
    const Unit unit = format.compact ? compactUnit(largest) : Unit{};
    auto shown = [&](double v) { return (format.percent ? v * 100 : v) / unit.scale; };
    int decimals = std::clamp(format.decimals, 0, kMaxDecimals);
    while (decimals < kMaxDecimals && !std::all_of(ticks.begin(), ticks.end(), [&](const AxisTick& t) {
               return exactWith(shown(t.value), decimals);
           }))
        ++decimals;
    dashboard::NumberFormat f = format;
    f.compact = false;  // the unit is the axis's, chosen above
    f.percent = false;  // applied in shown()
    f.decimals = decimals;
    const std::string after = std::string(format.percent ? "%" : "") + format.suffix;
    for (auto& t : ticks) {
        f.suffix = (t.value == 0 ? std::string() : std::string(unit.name)) + after;
        t.label = dashboard::formatNumber(shown(t.value), f);
    }
    return ticks;
}

}  // namespace deskbase::chart
