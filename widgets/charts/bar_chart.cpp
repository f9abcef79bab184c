// Bar, row and combo charts from a BarShape: grouped or stacked bar sets, value labels, the
// combo's line on a right axis, a partial last period drawn lighter, the goal line.
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QGraphicsSimpleTextItem>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <cmath>

#include "core/chart/aggregation.h"
#include "widgets/charts/chart_families.h"
#include "widgets/charts/chart_parts.h"
#include "widgets/charts/value_axis.h"

namespace deskbase::widgets {

using dashboard::ChartType;

namespace {

// Bar value labels drawn by us (Qt's "@value" labels cannot show "$1.2M" or "12,345"), kept
// in place whenever the plot area moves.
class BarValueLabels : public QObject {
public:
    struct Label {
        double category;
        double value;
        QString text;
    };
    BarValueLabels(QChart* chart, QAbstractSeries* series, bool horizontal, QColor color,
                   std::vector<Label> labels)
        : QObject(chart),
          chart_(chart),
          series_(series),
          horizontal_(horizontal),
          labels_(std::move(labels)) {
        QFont f = chart->font();
        f.setPointSizeF(8.0);
        for (const auto& l : labels_) {
            auto* item = new QGraphicsSimpleTextItem(l.text, chart);
            item->setFont(f);
            item->setBrush(color);
            item->setZValue(50);
            items_.push_back(item);
        }
        connect(chart, &QChart::plotAreaChanged, this, [this] { place(); });
    }

private:
    void place() {
        const QRectF plot = chart_->plotArea();
        for (std::size_t i = 0; i < labels_.size(); ++i) {
            const auto& l = labels_[i];
            QGraphicsSimpleTextItem* item = items_[i];
            const QRectF box = item->boundingRect();
            if (horizontal_) {
                const QPointF p = chart_->mapToPosition(QPointF(l.value, l.category), series_);
                double x = p.x() + 4;
                if (x + box.width() > plot.right()) x = p.x() - box.width() - 4;  // inside the bar
                item->setPos(x, p.y() - box.height() / 2);
            } else {
                const QPointF p = chart_->mapToPosition(QPointF(l.category, l.value), series_);
                item->setPos(p.x() - box.width() / 2,
                             std::max(plot.top() - box.height(), p.y() - box.height() - 2));
            }
        }
    }

    QChart* chart_;
    QAbstractSeries* series_;
    bool horizontal_;
    std::vector<Label> labels_;
    std::vector<QGraphicsSimpleTextItem*> items_;
};

QAbstractBarSeries* makeBarSeries(QChart* chart, bool horizontal, bool stacked) {
    if (horizontal)
        return stacked ? static_cast<QAbstractBarSeries*>(new QHorizontalStackedBarSeries(chart))
                       : new QHorizontalBarSeries(chart);
    return stacked ? static_cast<QAbstractBarSeries*>(new QStackedBarSeries(chart)) : new QBarSeries(chart);
}

// "Dec 2024 (partial)\nrevenue (average): $1,234.5" with every digit; "no rows" for an empty cell.
QString cellTooltip(const chart::CategoryGrid& g, std::size_t set, std::size_t i, const QString& name,
                    const dashboard::NumberFormat& f) {
    const QString label =
        qs(g.labels[i]) + (int(i) == g.partialCategory ? QStringLiteral(" (partial)") : QString());
    const QString value = g.counts[set][i] == 0 && g.values[set][i] == 0 ? QStringLiteral("no rows")
                                                                         : exactText(g.values[set][i], f);
    return QStringLiteral("%1\n%2: %3").arg(label, name, value);
}

void drawComboLine(const DrawContext& c, const chart::BarShape& shape, QBarCategoryAxis* catAxis) {
    const auto& g = shape.grid;
    const auto k = std::size_t(shape.lineSet);
    auto* line = new QLineSeries(c.chart);
    line->setName(qs(g.setNames[k]));
    const auto& vals = g.values[k];
    for (std::size_t i = 0; i < vals.size(); ++i) line->append(double(i), vals[i]);
    line->setPen(QPen(seriesColor(k, c.settings.colors), 2.5));
    line->setPointsVisible(vals.size() < 40);
    c.chart->addSeries(line);
    // The line's own measure: a plain number, not the bars' currency or percent.
    const dashboard::NumberFormat plain;
    QAbstractAxis* right = makeValueAxis(shape.lineMin, shape.lineMax, plain, false, false);
    right->setGridLineVisible(false);
    right->setTitleText(qs(g.setNames[k]));
    c.chart->addAxis(right, Qt::AlignRight);
    line->attachAxis(catAxis);
    line->attachAxis(right);
    const QString name = measureName(qs(g.setNames[k]), c.settings.aggregation);
    QObject::connect(line, &QLineSeries::hovered, c.chart,
                     [hooks = c.hooks, g, k, name, plain](const QPointF& p, bool on) {
                         if (!hooks.tooltip) return;
                         const long i = std::lround(p.x());
                         hooks.tooltip(on && i >= 0 && std::size_t(i) < g.labels.size()
                                           ? cellTooltip(g, k, std::size_t(i), name, plain)
                                           : QString());
                     });
}

}  // namespace

void drawBars(const DrawContext& c, const chart::BarShape& shape) {
    const auto& g = shape.grid;
    const auto& s = c.settings;
    const bool horizontal = c.type == ChartType::Row;
    const dashboard::NumberFormat format = chart::valueFormat(s);
    QAbstractBarSeries* bars = makeBarSeries(c.chart, horizontal, s.stacked);
    const QStringList labels = [&] {
        QStringList out;
        for (const auto& l : g.labels) out << qs(l);
        return out;
    }();
    int barSets = 0;
    for (std::size_t k = 0; k < g.setNames.size(); ++k) {
        if (int(k) == shape.lineSet) continue;
        ++barSets;
        auto* set = new QBarSet(qs(g.setNames[k]));
        const QColor color = seriesColor(k, s.colors);
        set->setColor(color);
        set->setBorderColor(color);
        set->setLabelColor(s.stacked ? QColor(Qt::white) : c.colors.text);
        for (double v : g.values[k]) set->append(v);
        if (g.partialCategory >= 0) {  // the partial period: same hue, lighter
            set->setSelectedColor(partialColor(color, c.colors));
            set->selectBar(g.partialCategory);
        }
        const QString name = measureName(qs(g.setNames[k]), s.aggregation);
        QObject::connect(set, &QBarSet::hovered, c.chart,
                         [hooks = c.hooks, g, k, name, format](bool on, int i) {
                             if (!hooks.tooltip) return;
                             hooks.tooltip(on && i >= 0 && std::size_t(i) < g.labels.size()
                                               ? cellTooltip(g, k, std::size_t(i), name, format)
                                               : QString());
                         });
        QObject::connect(set, &QBarSet::clicked, c.chart,
                         [hooks = c.hooks, cats = g.categories, x = c.xColumn()](int i) {
                             if (hooks.clicked && i >= 0 && std::size_t(i) < cats.size())
                                 hooks.clicked(x, qs(valueToText(cats[std::size_t(i)])));
                         });
        bars->append(set);
    }
    double lo = shape.valueMin, hi = shape.valueMax;
    const bool ownLabels = s.dataLabels && !s.stacked && barSets == 1;
    if (s.dataLabels && !ownLabels) {
        bars->setLabelsVisible(true);
        bars->setLabelsPosition(s.stacked ? QAbstractBarSeries::LabelsCenter
                                          : QAbstractBarSeries::LabelsOutsideEnd);
        bars->setLabelsFormat(qs(format.prefix) + QStringLiteral("@value") + qs(format.suffix));
        bars->setLabelsPrecision(format.compact ? 3 : 8);
        if (!s.stacked) hi *= 1.08;  // room for the labels above the tallest bar
    }
    if (ownLabels) hi *= horizontal ? 1.12 : 1.08;
    if (s.goal) hi = std::max(hi, *s.goal);
    c.chart->addSeries(bars);
    auto* catAxis = new QBarCategoryAxis(c.chart);
    catAxis->append(labels);
    int longest = 0;
    for (const auto& l : labels) longest = std::max(longest, int(l.size()));
    if (!horizontal && labels.size() > 8 && labels.size() <= 16 && longest > 4) catAxis->setLabelsAngle(-40);
    QAbstractAxis* valueAxis = makeValueAxis(lo, hi, format, s.logScale, true);
    c.chart->addAxis(catAxis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    c.chart->addAxis(valueAxis, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    bars->attachAxis(catAxis);
    bars->attachAxis(valueAxis);
    if (!s.xTitle.empty()) catAxis->setTitleText(qs(s.xTitle));
    if (!s.yTitle.empty()) valueAxis->setTitleText(qs(s.yTitle));
    catAxis->setGridLineVisible(false);
    if (!horizontal) thinCategoryLabels(c.chart, catAxis, labels, valueAxis, longest > 4 ? 8 : 24);
    if (ownLabels) {
        std::vector<BarValueLabels::Label> valueLabels;
        for (std::size_t k = 0; k < g.setNames.size(); ++k) {
            if (int(k) == shape.lineSet) continue;
            for (std::size_t i = 0; i < g.categories.size(); ++i)
                valueLabels.push_back({double(i), g.values[k][i], valueText(g.values[k][i], format)});
        }
        new BarValueLabels(c.chart, bars, horizontal, c.colors.text, std::move(valueLabels));
    }
    if (shape.lineSet >= 0) drawComboLine(c, shape, catAxis);
    addGoalLine(c.chart, s, c.colors, horizontal ? valueAxis : catAxis, horizontal ? catAxis : valueAxis,
                -0.5, double(g.categories.size()) - 0.5, horizontal);
    if (g.partialCategory >= 0) addChartNote(c.chart, partialNote(g.lastPeriod, s.dateGranularity), c.colors);
    setLegend(c.chart, s.legend && (g.setNames.size() > 1 || s.goal), c.colors);
}

}  // namespace deskbase::widgets
