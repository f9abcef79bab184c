// Line and area charts from a LineShape: date, number or category x axes, stacked areas, the
// reduction of large series, a partial last period drawn dashed and lighter, goal and trend
// lines; and the plain x/y line the benchmark draws.
#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QTimeZone>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "core/chart/aggregation.h"
#include "core/chart/labels.h"
#include "widgets/charts/chart_families.h"
#include "widgets/charts/chart_parts.h"
#include "widgets/charts/value_axis.h"

namespace deskbase::widgets {

using chart::LineShape;
using chart::LineX;
using dashboard::ChartType;

namespace {

constexpr std::size_t kReduceAbove = 4000;  // points; fewer go to Qt Charts as they are

QAbstractAxis* makeXAxis(QChart* chart, const LineShape& l, const dashboard::VisualizationSettings& s,
                         bool reduced) {
    if (l.xKind == LineX::Date && !reduced) return makeCalendarAxis(chart, l.xMin, l.xMax);
    if (l.xKind == LineX::Date) {
        // Zoomable huge series: QDateTimeAxis relabels itself on every zoom.
        auto* axis = new QDateTimeAxis(chart);
        const std::string& g = s.dateGranularity;
        axis->setFormat(g == "year"                        ? QStringLiteral("yyyy")
                        : (g == "month" || g == "quarter") ? QStringLiteral("MMM yyyy")
                                                           : QStringLiteral("d MMM yy"));
        axis->setTickCount(6);
        axis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(l.xMin), QTimeZone::utc()),
                       QDateTime::fromMSecsSinceEpoch(qint64(l.xMax), QTimeZone::utc()));
        return axis;
    }
    if (l.xKind == LineX::Category) {
        auto* axis = new QBarCategoryAxis(chart);
        for (const auto& c : l.categories) axis->append(qs(c));
        return axis;
    }
    auto* axis = new QValueAxis(chart);
    const chart::NiceScale ns = chart::niceScale(l.xMin, l.xMax);
    axis->setRange(l.xMin, l.xMax);
    axis->setTickCount(std::clamp(int(std::lround((ns.max - ns.min) / ns.step)) + 1, 2, 8));
    axis->setLabelFormat(QStringLiteral("%g"));
    return axis;
}

QString xText(LineX kind, const std::vector<std::string>& categories, double x) {
    if (kind == LineX::Date) return qs(chart::dateLabel(x));
    const long i = std::lround(x);
    if (kind == LineX::Category && i >= 0 && std::size_t(i) < categories.size())
        return qs(categories[std::size_t(i)]);
    return qs(valueToText(Value{x}));
}

QList<QPointF> pointsOf(const chart::XYData& xy, std::size_t from, std::size_t to) {
    QList<QPointF> pts;
    pts.reserve(qsizetype(to - from));
    for (std::size_t i = from; i < to; ++i) pts.append(QPointF(xy.x[i], xy.y[i]));
    return pts;
}

// One layer: its solid part and, when its last point is a partial period, the dashed piece
// from the point before to that one.
struct Layer {
    QLineSeries* upper = nullptr;
    QLineSeries* partialUpper = nullptr;
};

}  // namespace

void drawLines(const DrawContext& c, const LineShape& l, BuiltChart& out) {
    const auto& s = c.settings;
    const bool area = c.type == ChartType::Area;
    const dashboard::NumberFormat format = chart::valueFormat(s);
    double yMin = l.yMin, yMax = l.yMax;
    if (s.goal) {
        yMin = std::min(yMin, *s.goal);
        yMax = std::max(yMax, *s.goal);
    }
    bool anyReduced = false;
    for (const auto& series : l.series)
        anyReduced = anyReduced || (!l.stacked && series.xy->x.size() > kReduceAbove);
    QAbstractAxis* xAxis = makeXAxis(c.chart, l, s, anyReduced);
    xAxis->setGridLineVisible(false);
    QAbstractAxis* yAxis = makeValueAxis(yMin, yMax, format, s.logScale, area);
    c.chart->addAxis(xAxis, Qt::AlignBottom);
    c.chart->addAxis(yAxis, Qt::AlignLeft);
    if (!s.xTitle.empty()) xAxis->setTitleText(qs(s.xTitle));
    if (!s.yTitle.empty()) yAxis->setTitleText(qs(s.yTitle));

    Layer below;
    bool anyPartial = false;
    for (std::size_t k = 0; k < l.series.size(); ++k) {
        const chart::LineSeries& series = l.series[k];
        const chart::XYData& xy = *series.xy;
        const QColor color = seriesColor(k, s.colors);
        const QString name = measureName(qs(series.name), s.aggregation);
        const bool partial = l.partialX && xy.x.size() >= 2 && xy.x.back() == *l.partialX;
        anyPartial = anyPartial || partial;
        const std::size_t solidEnd = partial ? xy.x.size() - 1 : xy.x.size();
        Layer layer;
        layer.upper = new QLineSeries(c.chart);
        layer.upper->setName(qs(series.name));
        layer.upper->setPen(QPen(color, 2));
        const bool reduce = !l.stacked && solidEnd > kReduceAbove;
        if (reduce) {
            auto solid = partial ? std::make_shared<chart::XYData>(chart::XYData{
                                       {xy.x.begin(), xy.x.end() - 1}, {xy.y.begin(), xy.y.end() - 1}})
                                 : std::shared_ptr<const chart::XYData>(series.xy);
            auto* reducer = new ReducedLine(solid, layer.upper, c.chart);
            reducer->setPixelColumns(c.options.pixelColumns);
            reducer->showAll();
            out.reducers.push_back(reducer);
        } else {
            layer.upper->replace(pointsOf(xy, 0, solidEnd));
            layer.upper->setPointsVisible(xy.x.size() <= 36 && !area);
        }
        if (partial) {
            layer.partialUpper = new QLineSeries(c.chart);
            layer.partialUpper->setName(kHiddenName);
            layer.partialUpper->setPen(QPen(color, 2, Qt::DashLine));
            layer.partialUpper->replace(pointsOf(xy, xy.x.size() - 2, xy.x.size()));
            layer.partialUpper->setPointsVisible(layer.upper->pointsVisible());
        }
        std::vector<QAbstractSeries*> shown{layer.upper};
        if (layer.partialUpper) shown.push_back(layer.partialUpper);
        if (area) {
            auto* solidArea = new QAreaSeries(layer.upper, l.stacked ? below.upper : nullptr);
            solidArea->setName(qs(series.name));
            QColor fill = color;
            fill.setAlphaF(c.colors.dark ? 0.35f : 0.28f);
            solidArea->setBrush(fill);
            solidArea->setPen(QPen(color, 2));
            shown = {solidArea};
            if (layer.partialUpper) {
                auto* partArea =
                    new QAreaSeries(layer.partialUpper, l.stacked ? below.partialUpper : nullptr);
                partArea->setName(kHiddenName);
                fill.setAlphaF(c.colors.dark ? 0.16f : 0.12f);
                partArea->setBrush(fill);
                partArea->setPen(QPen(color, 2, Qt::DashLine));
                shown.push_back(partArea);
            }
        }
        for (QAbstractSeries* piece : shown) {
            piece->setParent(c.chart);
            c.chart->addSeries(piece);
            piece->attachAxis(xAxis);
            piece->attachAxis(yAxis);
        }
        if (reduce) out.reducers.back()->followAxis(xAxis);
        // The nearest point's exact value, whatever was hovered (line, area, partial piece).
        // The nearest point's exact value (a stacked layer's own, not the running total).
        auto tooltip = [hooks = c.hooks, data = series.xy, own = series.own, kind = l.xKind,
                        cats = l.categories, partialX = l.partialX, name, format](const QPointF& p, bool on) {
            if (!hooks.tooltip) return;
            if (!on) return hooks.tooltip(QString());
            const auto& x = data->x;
            auto it = std::lower_bound(x.begin(), x.end(), p.x());
            if (it == x.end()) --it;
            if (it != x.begin() && std::abs(*(it - 1) - p.x()) < std::abs(*it - p.x())) --it;
            const auto i = std::size_t(it - x.begin());
            const bool isPartial = partialX && x[i] == *partialX;
            hooks.tooltip(QStringLiteral("%1%2\n%3: %4")
                              .arg(xText(kind, cats, x[i]),
                                   isPartial ? QStringLiteral(" (partial)") : QString(), name,
                                   exactText(own.empty() ? data->y[i] : own[i], format)));
        };
        for (QAbstractSeries* piece : shown) {
            if (auto* a = qobject_cast<QAreaSeries*>(piece))
                QObject::connect(a, &QAreaSeries::hovered, c.chart, tooltip);
            if (auto* line = qobject_cast<QLineSeries*>(piece))
                QObject::connect(line, &QLineSeries::hovered, c.chart, tooltip);
        }
        below = layer;
    }
    if (auto* cats = qobject_cast<QBarCategoryAxis*>(xAxis)) {
        QStringList labels;
        for (const auto& cat : l.categories) labels << qs(cat);
        thinCategoryLabels(c.chart, cats, labels, yAxis, 8);
    }
    if (l.trend)
        addTrendLine(c.chart, *l.trend, l.series.front().xy->x.front(), l.series.front().xy->x.back(),
                     c.colors, xAxis, yAxis);
    addGoalLine(c.chart, s, c.colors, xAxis, yAxis, l.xMin, l.xMax);
    if (anyPartial) addChartNote(c.chart, partialNote(l.lastPeriod, s.dateGranularity), c.colors);
    setLegend(c.chart, s.legend && (l.series.size() > 1 || s.goal), c.colors);
}

BuiltChart buildXYLineChart(std::shared_ptr<const chart::XYData> data, bool reduce, bool dateX,
                            const ChartColors& c, int pixelColumns) {
    BuiltChart out;
    auto chart = std::make_unique<QChart>();
    chart->setAnimationOptions(QChart::NoAnimation);
    auto* series = new QLineSeries(chart.get());
    series->setPen(QPen(seriesColor(0), 1.5));
    const double xMin = data->x.empty() ? 0 : data->x.front();
    const double xMax = data->x.empty() ? 1 : data->x.back();
    double yMin = 0, yMax = 1;
    // The reduction keeps every column's extremes, so its points give the exact y range
    // without a second pass over millions of values.
    if (reduce) {
        auto* reducer = new ReducedLine(data, series, chart.get());
        reducer->setPixelColumns(pixelColumns);
        reducer->showAll();
        out.reducers.push_back(reducer);
        const auto pts = series->points();
        for (qsizetype i = 0; i < pts.size(); ++i) {
            yMin = i == 0 ? pts[i].y() : std::min(yMin, pts[i].y());
            yMax = i == 0 ? pts[i].y() : std::max(yMax, pts[i].y());
        }
    } else if (!data->y.empty()) {
        const auto [lo, hi] = std::minmax_element(data->y.begin(), data->y.end());
        yMin = *lo;
        yMax = *hi;
    }
    QAbstractAxis* xAxis = nullptr;
    if (dateX) {
        auto* a = new QDateTimeAxis(chart.get());
        a->setFormat(QStringLiteral("d MMM yy"));
        a->setRange(QDateTime::fromMSecsSinceEpoch(qint64(xMin), QTimeZone::utc()),
                    QDateTime::fromMSecsSinceEpoch(qint64(xMax), QTimeZone::utc()));
        xAxis = a;
    } else {
        auto* a = new QValueAxis(chart.get());
        a->setRange(xMin, xMax);
        a->setLabelFormat(QStringLiteral("%g"));
        xAxis = a;
    }
    QAbstractAxis* yAxis = makeValueAxis(yMin, yMax, dashboard::NumberFormat{}, false, false);
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    if (!reduce) series->replace(pointsOf(*data, 0, data->x.size()));
    chart->addSeries(series);
    series->attachAxis(xAxis);
    series->attachAxis(yAxis);
    if (reduce) out.reducers.back()->followAxis(xAxis);
    chart->legend()->setVisible(false);
    styleChart(chart.get(), c);
    out.chart = chart.release();
    return out;
}

}  // namespace deskbase::widgets
