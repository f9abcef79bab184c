#pragma once
// Value axes whose tick labels use the question's number format (thousands separators,
// currency, percent, compact), which QValueAxis's printf-style format cannot express.
#include <Qt>

#include "core/chart/nice_scale.h"
#include "core/dashboard/visualization.h"

QT_BEGIN_NAMESPACE
class QAbstractAxis;
QT_END_NAMESPACE

namespace deskbase::widgets {

// A linear axis (labelled ticks on the nice scale) or, with `log`, a base-10 log axis.
// The caller owns the result until it is added to a chart.
QAbstractAxis* makeValueAxis(double min, double max, const dashboard::NumberFormat& format, bool log,
                             bool includeZero, int targetTicks = 5);

}  // namespace deskbase::widgets
