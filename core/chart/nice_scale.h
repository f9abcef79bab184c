#pragma once
// Round axis bounds and steps ("0, 50k, 100k, 150k"), shared by value axes and histogram bins.

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

}  // namespace deskbase::chart
