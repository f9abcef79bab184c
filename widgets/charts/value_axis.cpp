#include "widgets/charts/value_axis.h"

#include <QCategoryAxis>
#include <QLogValueAxis>
#include <QSet>
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
    // Ticks must have distinct labels: add decimals until they do (e.g. compact 1.2k vs 1.25k).
    dashboard::NumberFormat f = format;
    for (int attempt = 0; attempt < 4; ++attempt) {
        QSet<QString> seen;
        QStringList labels;
        for (double v = s.min; v <= s.max + s.step * 1e-6; v += s.step) {
            const double snapped = std::abs(v) < s.step * 1e-9 ? 0.0 : v;
            labels << QString::fromStdString(dashboard::formatNumber(snapped, f));
            seen.insert(labels.back());
        }
        if (seen.size() == labels.size() || attempt == 3) {
            int i = 0;
            for (double v = s.min; v <= s.max + s.step * 1e-6 && i < labels.size(); v += s.step, ++i)
                axis->append(labels[i], v);
            break;
        }
        // First let the compact rule pick per label ("$500", "$1.5k"), then add decimals.
        f.decimals =
            attempt == 0 && f.compact && f.decimals >= 0 ? -1 : (f.decimals < 0 ? 0 : f.decimals) + 1;
    }
    return axis;
}

}  // namespace deskbase::widgets
