// Scatter and bubble charts from a ScatterShape: one marker series per size class, value axes,
// goal and trend lines.
#include <QChart>
#include <QScatterSeries>
#include <QValueAxis>
#include <cmath>

#include "widgets/charts/chart_families.h"
#include "widgets/charts/chart_parts.h"
#include "widgets/charts/value_axis.h"

namespace deskbase::widgets {

void drawScatter(const DrawContext& c, const chart::ScatterShape& shape) {
    const auto& s = c.settings;
    const int yCol = c.roles.y.empty() ? -1 : c.roles.y.front();
    double yMin = shape.yMin, yMax = shape.yMax;
    if (s.goal) {
        yMin = std::min(yMin, *s.goal);
        yMax = std::max(yMax, *s.goal);
    }
    // The x axis stays a QValueAxis: a category axis (makeValueAxis) drew its grid over the markers.
    const chart::NiceScale xs = chart::niceScale(shape.xMin, shape.xMax);
    auto* xAxis = new QValueAxis(c.chart);
    xAxis->setRange(xs.min, xs.max);
    xAxis->setTickCount(std::clamp(int(std::lround((xs.max - xs.min) / xs.step)) + 1, 2, 11));
    xAxis->setLabelFormat(QStringLiteral("%g"));
    QAbstractAxis* yAxis = makeValueAxis(yMin, yMax, s.format, s.logScale, false);
    c.chart->addAxis(xAxis, Qt::AlignBottom);
    c.chart->addAxis(yAxis, Qt::AlignLeft);
    const QString xTitle = qs(chart::columnTitle(c.data, c.roles.x));
    const QString yTitle = qs(chart::columnTitle(c.data, yCol));
    xAxis->setTitleText(s.xTitle.empty() ? xTitle : qs(s.xTitle));
    if (!s.yTitle.empty()) yAxis->setTitleText(qs(s.yTitle));
    QColor color = seriesColor(0, s.colors);
    color.setAlphaF(0.6f);
    std::vector<QList<QPointF>> points(std::size_t(shape.classes));
    for (std::size_t i = 0; i < shape.x.size(); ++i)
        points[std::size_t(shape.sizeClass[i])].append(QPointF(shape.x[i], shape.y[i]));
    for (int k = 0; k < shape.classes; ++k) {
        auto* series = new QScatterSeries(c.chart);
        series->setName(shape.classes == 1 ? yTitle : QStringLiteral("size %1").arg(k + 1));
        series->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        series->setMarkerSize(shape.classes == 1 ? 7 : 6 + 4 * k);
        series->setColor(color);
        series->setBorderColor(Qt::transparent);
        series->replace(points[std::size_t(k)]);
        c.chart->addSeries(series);
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
        QObject::connect(series, &QScatterSeries::hovered, c.chart,
                         [hooks = c.hooks, xTitle, yTitle, format = s.format](const QPointF& p, bool on) {
                             if (!hooks.tooltip) return;
                             hooks.tooltip(on ? QStringLiteral("%1: %2\n%3: %4")
                                                    .arg(xTitle, qs(valueToText(Value{p.x()})), yTitle,
                                                         exactText(p.y(), format))
                                              : QString());
                         });
    }
    if (shape.trend) addTrendLine(c.chart, *shape.trend, shape.xMin, shape.xMax, c.colors, xAxis, yAxis);
    addGoalLine(c.chart, s, c.colors, xAxis, yAxis, xs.min, xs.max);
    setLegend(c.chart, s.goal && s.legend, c.colors);
}

}  // namespace deskbase::widgets
