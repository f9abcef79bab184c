// Histograms from binned counts: one stepped area over the bin edges, a count axis.
#include <QAreaSeries>
#include <QChart>
#include <QLineSeries>
#include <algorithm>
#include <cmath>

#include "widgets/charts/chart_families.h"
#include "widgets/charts/chart_parts.h"
#include "widgets/charts/value_axis.h"

namespace deskbase::widgets {

void drawHistogram(const DrawContext& c, const chart::Histogram& h) {
    const auto& s = c.settings;
    auto* upper = new QLineSeries(c.chart);
    for (std::size_t b = 0; b < h.counts.size(); ++b) {
        upper->append(h.edge(b), double(h.counts[b]));
        upper->append(h.edge(b + 1), double(h.counts[b]));
    }
    auto* area = new QAreaSeries(upper);
    area->setParent(c.chart);
    QColor fill = seriesColor(0, s.colors);
    fill.setAlphaF(0.75f);
    area->setBrush(fill);
    area->setPen(QPen(c.colors.background, 1));
    const QString title = qs(chart::columnTitle(c.data, h.column));
    area->setName(title);
    c.chart->addSeries(area);
    auto* xAxis = makeValueAxis(h.scale.min, h.scale.max, s.format, false, false, 5);
    QAbstractAxis* yAxis = makeValueAxis(0, double(std::max<std::size_t>(h.maxCount(), 1)),
                                         dashboard::NumberFormat{}, false, true);
    c.chart->addAxis(xAxis, Qt::AlignBottom);
    c.chart->addAxis(yAxis, Qt::AlignLeft);
    xAxis->setGridLineVisible(false);
    area->attachAxis(xAxis);
    area->attachAxis(yAxis);
    xAxis->setTitleText(s.xTitle.empty() ? title : qs(s.xTitle));
    yAxis->setTitleText(s.yTitle.empty() ? QStringLiteral("Count") : qs(s.yTitle));
    QObject::connect(
        area, &QAreaSeries::hovered, c.chart,
        [hooks = c.hooks, h, format = s.format](const QPointF& p, bool on) {
            if (!hooks.tooltip) return;
            if (!on) return hooks.tooltip(QString());
            const auto b = std::size_t(std::clamp(long(std::floor((p.x() - h.scale.min) / h.scale.step)), 0L,
                                                  long(h.counts.size()) - 1));
            hooks.tooltip(QStringLiteral("%1 – %2\n%3")
                              .arg(exactText(h.edge(b), format), exactText(h.edge(b + 1), format))
                              .arg(h.counts[b]));
        });
    setLegend(c.chart, false, c.colors);
}

}  // namespace deskbase::widgets
