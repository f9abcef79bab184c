#include "widgets/charts/number_widget.h"

#include <QFontMetricsF>
#include <QPainter>
#include <cmath>

#include "core/chart/column_roles.h"
#include "core/chart/labels.h"
#include "widgets/charts/chart_palette.h"

namespace deskbase::widgets {

NumberWidget::NumberWidget(QWidget* parent) : QWidget(parent) {
    setMinimumSize(80, 40);
}

void NumberWidget::setData(const chart::ChartData& d, const dashboard::VisualizationSettings& s) {
    value_.clear();
    change_.clear();
    period_.clear();
    ratio_.reset();
    const chart::ColumnRoles r = chart::resolveRoles(d, s, dashboard::ChartType::Number);
    const int col = !r.y.empty() ? r.y.back() : (d.columns.empty() ? -1 : int(d.columns.size()) - 1);
    if (col < 0 || d.rows.empty()) {
        value_ = QStringLiteral("–");
        update();
        return;
    }
    const auto& last = d.rows.back();
    const auto v = chart::cellNumber(last[std::size_t(col)]);
    value_ = v ? QString::fromStdString(dashboard::formatNumber(*v, s.format))
               : QString::fromStdString(valueToText(last[std::size_t(col)]));
    if (r.x >= 0 && r.x != col)
        period_ = QString::fromStdString(chart::categoryLabel(
            last[std::size_t(r.x)], d.columns[std::size_t(r.x)].type, s.dateGranularity));
    if (s.compare && d.rows.size() >= 2 && v) {
        const auto prev = chart::cellNumber(d.rows[d.rows.size() - 2][std::size_t(col)]);
        if (prev && *prev != 0) {
            ratio_ = (*v - *prev) / std::abs(*prev);
            dashboard::NumberFormat pct;
            pct.percent = true;
            pct.decimals = 1;
            const QString label = s.compareLabel.empty() ? QStringLiteral("vs previous")
                                                         : QString::fromStdString(s.compareLabel);
            // A change that rounds to 0.0% is no change: neither an up arrow nor green.
            if (std::abs(*ratio_) < 0.0005) {
                change_ = QStringLiteral("no change %1").arg(label);
                ratio_.reset();
            } else {
                change_ =
                    QStringLiteral("%1 %2 %3")
                        .arg(*ratio_ > 0 ? QStringLiteral("▲") : QStringLiteral("▼"),
                             QString::fromStdString(dashboard::formatNumber(std::abs(*ratio_), pct)), label);
            }
        }
    }
    update();
}

void NumberWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const ChartColors c = currentChartColors();
    const QRectF area = QRectF(rect()).adjusted(8, 4, -8, -4);
    const bool hasSub = !change_.isEmpty() || !period_.isEmpty();
    // The number takes what the card gives it, shrinking to fit the width.
    QFont big = font();
    big.setBold(true);
    double px = std::min(area.height() * (hasSub ? 0.52 : 0.7), 56.0);
    big.setPixelSize(std::max(10, int(px)));
    while (big.pixelSize() > 10 && QFontMetricsF(big).horizontalAdvance(value_) > area.width())
        big.setPixelSize(big.pixelSize() - 1);
    QFont small = font();
    small.setPixelSize(std::max(9, std::min(13, int(area.height() * 0.16))));
    const double bigH = QFontMetricsF(big).height();
    const double smallH = hasSub ? QFontMetricsF(small).height() : 0;
    const double top = area.top() + (area.height() - bigH - smallH) / 2;
    p.setFont(big);
    p.setPen(c.text);
    p.drawText(QRectF(area.left(), top, area.width(), bigH), Qt::AlignCenter, value_);
    if (hasSub) {
        p.setFont(small);
        QString sub = change_;
        if (!period_.isEmpty()) sub = sub.isEmpty() ? period_ : period_ + QStringLiteral("  ·  ") + sub;
        sub = QFontMetricsF(small).elidedText(sub, Qt::ElideRight, area.width());
        const QRectF subRect(area.left(), top + bigH, area.width(), smallH);
        if (ratio_ && !change_.isEmpty()) {
            // Period in muted text, change in green/red.
            const QString periodPart = period_.isEmpty() ? QString() : period_ + QStringLiteral("  ·  ");
            const double w1 = QFontMetricsF(small).horizontalAdvance(periodPart);
            const double w2 = QFontMetricsF(small).horizontalAdvance(change_);
            double x = subRect.left() + std::max(0.0, (subRect.width() - w1 - w2) / 2);
            p.setPen(c.mutedText);
            p.drawText(QRectF(x, subRect.top(), w1 + 1, smallH), Qt::AlignLeft | Qt::AlignVCenter,
                       periodPart);
            p.setPen(*ratio_ >= 0 ? c.positive : c.negative);
            p.drawText(QRectF(x + w1, subRect.top(), subRect.right() - x - w1, smallH),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       QFontMetricsF(small).elidedText(change_, Qt::ElideRight, subRect.right() - x - w1));
        } else {
            p.setPen(c.mutedText);
            p.drawText(subRect, Qt::AlignCenter, sub);
        }
    }
}

}  // namespace deskbase::widgets
