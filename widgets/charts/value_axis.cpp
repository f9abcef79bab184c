#include "widgets/charts/value_axis.h"

#include <QCategoryAxis>
#include <QLogValueAxis>
#include <cmath>

namespace deskbase::widgets {

QAbstractAxis* makeValueAxis(double min, double max, const dashboard::NumberFormat& format, bool log,
                             bool includeZero, int targetTicks) {
    if (log) {
        auto* axis = new QLogValueAxis;  // NOLINT: ownership passes to the chart
        axis->setBase(10);
        axis->setLabelFormat(QStringLiteral("%g"));
        axis->setMinorTickCount(-1);
        const double lo = min > 0 ? std::pow(10.0, std::floor(std::log10(min))) : 1.0;
        const double hi = max > lo ? std::pow(10.0, std::ceil(std::log10(max))) : lo * 10;
        axis->setRange(lo, hi);
        return axis;
    }
    const chart::NiceScale s = chart::niceScale(min, max, targetTicks, includeZero);
    auto* axis = new QCategoryAxis;  // NOLINT: ownership passes to the chart
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setStartValue(s.min);
    axis->setRange(s.min, s.max);
    // One number of decimals for every label, exact and distinct (core/chart/nice_scale.h).
    for (const auto& tick : chart::axisTicks(s, format))
        axis->append(QString::fromStdString(tick.label), tick.value);
    return axis;
}

}  // namespace deskbase::widgets
