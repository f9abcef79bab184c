#pragma once
// Round axis bounds and steps ("0, 50k, 100k, 150k"), shared by value axes and histogram bins,
// and the labels of a linear axis's ticks.
#include <string>
#include <vector>

#include "core/dashboard/visualization.h"

namespace deskbase::chart {

struct NiceScale {
    double min = 0;
    double max = 1;
    double step = 1;
    // Intervals between min and max (at least 1).
    int intervals() const;
};

// Round bounds and a step giving about `targetTicks` intervals that cover [min, max];
// `includeZero` for bars and areas. Non-finite input gives 0..1.
NiceScale niceScale(double min, double max, int targetTicks = 5, bool includeZero = false);

struct AxisTick {
    double value = 0;
    std::string label;
};

// The ticks of a linear axis on `scale` (min, min + step, ..., max), labelled in `format` with
// one number of decimals for the whole axis: the fewest (at least the format's own) that show
// every tick exactly, so no label is rounded and none reads like another ("0.0, 0.5, 1.0, 1.5",
// never "0, 0.50, 1, 1.50"). A compact format uses one unit for the axis, its largest tick's
// ("0.0, 0.5k, 1.0k, 1.5k"); zero carries no unit.
std::vector<AxisTick> axisTicks(const NiceScale& scale, const dashboard::NumberFormat& format);

}  // namespace deskbase::chart
