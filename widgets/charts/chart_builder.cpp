#include "widgets/charts/chart_builder.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QFontMetrics>
#include <QDate>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsSimpleTextItem>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QTimeZone>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>

#include "widgets/charts/value_axis.h"

namespace deskbase::widgets {

using dashboard::ChartData;
using dashboard::ChartType;
using dashboard::VisualizationSettings;

namespace {

bool isNumeric(ColumnType t) {
    return t == ColumnType::Integer || t == ColumnType::Real;
}
bool isTemporal(ColumnType t) {
    return t == ColumnType::Date || t == ColumnType::DateTime;
}

QString fmt(double v, const dashboard::NumberFormat& f) {
    return QString::fromStdString(dashboard::formatNumber(v, f));
}

QString columnTitle(const ChartData& d, int i) {
    if (i < 0) return {};
    const auto& c = d.columns[std::size_t(i)];
    return QString::fromStdString(c.displayName.empty() ? c.name : c.displayName);
}

// Categories in first-seen order, and per series (set) the summed value of each category.
struct Grid {
    std::vector<Value> categories;
    QStringList categoryLabels;
    QStringList setNames;
    std::vector<std::vector<double>> values;  // [set][category]
};

Grid pivot(const ChartData& d, const ColumnRoles& r, const VisualizationSettings& s) {
    Grid g;
    std::map<QString, std::size_t> catIndex, setIndex;
    const ColumnType xType = r.x >= 0 ? d.columns[std::size_t(r.x)].type : ColumnType::Text;
    auto setOf = [&](const QString& name) {
        auto [it, inserted] = setIndex.emplace(name, g.setNames.size());
        if (inserted) {
            g.setNames << name;
            g.values.emplace_back(g.categories.size(), 0.0);
        }
        return it->second;
    };
    if (r.series < 0)
        for (int y : r.y) setOf(columnTitle(d, y));
    for (const auto& row : d.rows) {
        const Value& xv = r.x >= 0 ? row[std::size_t(r.x)] : Value{};
        const QString label = categoryLabel(xv, xType, s.dateGranularity);
        auto [it, inserted] = catIndex.emplace(label, g.categories.size());
        if (inserted) {
            g.categories.push_back(xv);
            g.categoryLabels << label;
            for (auto& v : g.values) v.push_back(0.0);
        }
        const std::size_t ci = it->second;
        if (r.series >= 0) {
            const std::size_t si = setOf(QString::fromStdString(valueToText(row[std::size_t(r.series)])));
            if (!r.y.empty())
                g.values[si][ci] += dashboard::cellNumber(row[std::size_t(r.y.front())]).value_or(0);
        } else {
            for (std::size_t k = 0; k < r.y.size(); ++k)
                g.values[k][ci] += dashboard::cellNumber(row[std::size_t(r.y[k])]).value_or(0);
        }
    }
    for (auto& v : g.values) v.resize(g.categories.size(), 0.0);
    if (s.limit > 0 && int(g.categories.size()) > s.limit) {
        g.categories.resize(std::size_t(s.limit));
        while (g.categoryLabels.size() > s.limit) g.categoryLabels.removeLast();
        for (auto& v : g.values) v.resize(std::size_t(s.limit));
    }
    return g;
}

void addGoalLine(QChart* chart, const VisualizationSettings& s, const ChartColors& c, QAbstractAxis* xAxis,
                 QAbstractAxis* yAxis, double x0, double x1, bool vertical = false) {
    if (!s.goal) return;
    auto* goal = new QLineSeries(chart);
    goal->setName(s.goalLabel.empty() ? QStringLiteral("Goal") : QString::fromStdString(s.goalLabel));
    if (vertical) {
        goal->append(*s.goal, x0);
        goal->append(*s.goal, x1);
    } else {
        goal->append(x0, *s.goal);
        goal->append(x1, *s.goal);
    }
    QPen pen(c.goal, 2, Qt::DashLine);
    goal->setPen(pen);
    chart->addSeries(goal);
    goal->attachAxis(xAxis);
    goal->attachAxis(yAxis);
}

void addTrendLine(QChart* chart, const std::vector<double>& x, const std::vector<double>& y,
                  const ChartColors& c, QAbstractAxis* xAxis, QAbstractAxis* yAxis) {
    auto fit = dashboard::leastSquares(x, y);
    if (!fit || x.empty()) return;
    const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
    auto* trend = new QLineSeries(chart);
    trend->setName(QStringLiteral("Trend"));
    trend->append(*lo, fit->intercept + fit->slope * *lo);
    trend->append(*hi, fit->intercept + fit->slope * *hi);
    trend->setPen(QPen(c.trend, 1.5, Qt::DashLine));
    chart->addSeries(trend);
    trend->attachAxis(xAxis);
    trend->attachAxis(yAxis);
}

void setLegend(QChart* chart, bool visible, const ChartColors& c) {
    chart->legend()->setVisible(visible);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setLabelColor(c.text);
    QFont f = chart->legend()->font();
    f.setPointSizeF(8.5);
    chart->legend()->setFont(f);
    // Helper series (goal, trend) stay out of the legend unless named by the user.
    for (QLegendMarker* m : chart->legend()->markers())
        if (m->label() == QStringLiteral("Trend") || m->label() == QStringLiteral("__anchor"))
            m->setVisible(false);
}

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

// Too many category labels to fit: hide the category axis and show every k-th label on a
// value-positioned axis instead (an empty helper series keeps that axis in the layout).
void thinCategoryLabels(QChart* chart, QBarCategoryAxis* categories, const QStringList& labels,
                        QAbstractAxis* valueAxis, int maxLabels) {
    const int n = int(labels.size());
    if (n <= maxLabels) return;
    const int every = (n + maxLabels - 1) / maxLabels;
    categories->setVisible(false);
    auto* ticks = new QCategoryAxis(chart);
    ticks->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    ticks->setStartValue(-0.5);
    ticks->setRange(-0.5, n - 0.5);
    for (int i = 0; i < n; i += every) ticks->append(labels[i], i);
    ticks->setGridLineVisible(false);
    chart->addAxis(ticks, Qt::AlignBottom);
    auto* anchor = new QLineSeries(chart);
    chart->addSeries(anchor);
    anchor->attachAxis(ticks);
    anchor->attachAxis(valueAxis);
    anchor->setName(QStringLiteral("__anchor"));  // hidden from the legend in setLegend()
}

// ---- bar, row, combo --------------------------------------------------------------------

void buildBars(QChart* chart, const ChartData& d, const ColumnRoles& r, const VisualizationSettings& s,
               ChartType type, const ChartColors& c, const ChartHooks& hooks) {
    Grid g = pivot(d, r, s);
    const bool horizontal = type == ChartType::Row;
    // Combo: one y column becomes a line on its own axis.
    int lineSet = -1;
    if (type == ChartType::Combo && g.setNames.size() >= 2) {
        lineSet = int(g.setNames.size()) - 1;
        for (int k = 0; k < int(r.y.size()); ++k)
            if (d.columns[std::size_t(r.y[std::size_t(k)])].name == s.lineColumn) lineSet = k;
    }
    if (horizontal) {  // first category on top
        std::reverse(g.categories.begin(), g.categories.end());
        std::reverse(g.categoryLabels.begin(), g.categoryLabels.end());
        for (auto& v : g.values) std::reverse(v.begin(), v.end());
    }
    QAbstractBarSeries* bars = nullptr;
    if (horizontal)
        bars = s.stacked ? static_cast<QAbstractBarSeries*>(new QHorizontalStackedBarSeries(chart))
                         : new QHorizontalBarSeries(chart);
    else
        bars = s.stacked ? static_cast<QAbstractBarSeries*>(new QStackedBarSeries(chart))
                         : new QBarSeries(chart);
    double lo = 0, hi = 0;
    std::vector<double> stackHi(g.categories.size(), 0.0), stackLo(g.categories.size(), 0.0);
    const QString xName = r.x >= 0 ? QString::fromStdString(d.columns[std::size_t(r.x)].name) : QString();
    for (int k = 0; k < int(g.setNames.size()); ++k) {
        if (k == lineSet) continue;
        auto* set = new QBarSet(g.setNames[k]);
        const QColor color = seriesColor(std::size_t(k), s.colors);
        set->setColor(color);
        set->setBorderColor(color);
        set->setLabelColor(s.stacked ? QColor(Qt::white) : c.text);
        for (std::size_t i = 0; i < g.categories.size(); ++i) {
            const double v = g.values[std::size_t(k)][i];
            set->append(v);
            lo = std::min(lo, v);
            hi = std::max(hi, v);
            (v >= 0 ? stackHi[i] : stackLo[i]) += v;
        }
        const QString setName = g.setNames[k];
        QObject::connect(set, &QBarSet::hovered, chart,
                         [=, labels = g.categoryLabels, vals = g.values[std::size_t(k)]](bool on, int i) {
                             if (!hooks.tooltip) return;
                             if (!on || i < 0 || i >= labels.size()) {
                                 hooks.tooltip(QString());
                                 return;
                             }
                             hooks.tooltip(QStringLiteral("%1\n%2: %3")
                                               .arg(labels[i], setName, fmt(vals[std::size_t(i)], s.format)));
                         });
        QObject::connect(set, &QBarSet::clicked, chart, [=, cats = g.categories](int i) {
            if (hooks.clicked && i >= 0 && std::size_t(i) < cats.size())
                hooks.clicked(xName, QString::fromStdString(valueToText(cats[std::size_t(i)])));
        });
        bars->append(set);
    }
    if (s.stacked) {
        for (double v : stackHi) hi = std::max(hi, v);
        for (double v : stackLo) lo = std::min(lo, v);
    }
    const int barSets = int(g.setNames.size()) - (lineSet >= 0 ? 1 : 0);
    const bool ownLabels = s.dataLabels && !s.stacked && barSets == 1;
    if (s.dataLabels && !ownLabels) {
        bars->setLabelsVisible(true);
        bars->setLabelsPosition(s.stacked ? QAbstractBarSeries::LabelsCenter
                                          : QAbstractBarSeries::LabelsOutsideEnd);
        bars->setLabelsFormat(QString::fromStdString(s.format.prefix) + QStringLiteral("@value") +
                              QString::fromStdString(s.format.suffix));
        bars->setLabelsPrecision(s.format.compact ? 3 : 8);
        if (!s.stacked) hi *= 1.08;  // room for the labels above the tallest bar
    }
    if (ownLabels) hi *= horizontal ? 1.12 : 1.08;
    if (s.goal) hi = std::max(hi, *s.goal);
    chart->addSeries(bars);
    auto* catAxis = new QBarCategoryAxis(chart);
    catAxis->append(g.categoryLabels);
    int longest = 0;
    for (const auto& l : g.categoryLabels) longest = std::max(longest, int(l.size()));
    if (!horizontal && g.categories.size() > 8 && g.categories.size() <= 16 && longest > 4)
        catAxis->setLabelsAngle(-40);
    QAbstractAxis* valueAxis = makeValueAxis(lo, hi, s.format, s.logScale, true);
    chart->addAxis(catAxis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(valueAxis, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    bars->attachAxis(catAxis);
    bars->attachAxis(valueAxis);
    if (!s.xTitle.empty()) catAxis->setTitleText(QString::fromStdString(s.xTitle));
    if (!s.yTitle.empty()) valueAxis->setTitleText(QString::fromStdString(s.yTitle));
    catAxis->setGridLineVisible(false);
    if (!horizontal) thinCategoryLabels(chart, catAxis, g.categoryLabels, valueAxis, longest > 4 ? 8 : 24);
    if (ownLabels) {
        std::vector<BarValueLabels::Label> labels;
        for (int k = 0; k < int(g.setNames.size()); ++k) {
            if (k == lineSet) continue;
            for (std::size_t i = 0; i < g.categories.size(); ++i)
                labels.push_back(
                    {double(i), g.values[std::size_t(k)][i], fmt(g.values[std::size_t(k)][i], s.format)});
        }
        new BarValueLabels(chart, bars, horizontal, c.text, std::move(labels));
    }

    if (lineSet >= 0) {
        auto* line = new QLineSeries(chart);
        line->setName(g.setNames[lineSet]);
        const auto& vals = g.values[std::size_t(lineSet)];
        double lmin = 0, lmax = 0;
        for (std::size_t i = 0; i < vals.size(); ++i) {
            line->append(double(i), vals[i]);
            lmin = i == 0 ? vals[i] : std::min(lmin, vals[i]);
            lmax = i == 0 ? vals[i] : std::max(lmax, vals[i]);
        }
        const QColor color = seriesColor(std::size_t(lineSet), s.colors);
        line->setPen(QPen(color, 2.5));
        line->setPointsVisible(vals.size() < 40);
        chart->addSeries(line);
        dashboard::NumberFormat plain;
        QAbstractAxis* right = makeValueAxis(lmin, lmax, plain, false, false);
        right->setGridLineVisible(false);
        right->setTitleText(g.setNames[lineSet]);
        chart->addAxis(right, Qt::AlignRight);
        line->attachAxis(catAxis);
        line->attachAxis(right);
        const QStringList labels = g.categoryLabels;
        const QString name = g.setNames[lineSet];
        QObject::connect(line, &QLineSeries::hovered, chart, [=](const QPointF& p, bool on) {
            if (!hooks.tooltip) return;
            const int i = int(std::lround(p.x()));
            if (!on || i < 0 || i >= labels.size()) {
                hooks.tooltip(QString());
                return;
            }
            hooks.tooltip(
                QStringLiteral("%1\n%2: %3").arg(labels[i], name, fmt(vals[std::size_t(i)], plain)));
        });
    }
    addGoalLine(chart, s, c, horizontal ? valueAxis : catAxis, horizontal ? catAxis : valueAxis, -0.5,
                double(g.categories.size()) - 0.5, horizontal);
    setLegend(chart, s.legend && (g.setNames.size() > 1 || s.goal), c);
}

// Date labels at calendar boundaries (month starts, years, ...) on a value axis over epoch ms,
// so a monthly series never shows "Jan 2024" twice the way evenly spaced ticks do.
QCategoryAxis* makeCalendarAxis(QChart* chart, double minMs, double maxMs) {
    auto* axis = new QCategoryAxis(chart);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const double span = std::max(maxMs - minMs, 1.0);
    axis->setStartValue(minMs);
    axis->setRange(minMs, maxMs);
    const QDateTime lo = QDateTime::fromMSecsSinceEpoch(qint64(minMs), QTimeZone::utc());
    const double day = 86400000.0;
    struct Step {
        int months;
        int days;
        const char* format;
    };
    static const Step steps[] = {{0, 1, "d MMM"},    {0, 7, "d MMM"},    {1, 0, "MMM yyyy"},
                                 {3, 0, "MMM yyyy"}, {6, 0, "MMM yyyy"}, {12, 0, "yyyy"},
                                 {24, 0, "yyyy"},    {60, 0, "yyyy"},    {120, 0, "yyyy"}};
    for (const Step& st : steps) {
        const double approx = st.months ? st.months * 30.4 * day : st.days * day;
        if (span / approx > 7 && &st != &steps[std::size(steps) - 1]) continue;
        QDate d = lo.date();
        if (st.months) {
            d = QDate(d.year(), d.month(), 1);
            if (st.months >= 12)
                d = QDate(d.year(), 1, 1);
            else if (st.months > 1)
                d = QDate(d.year(), ((d.month() - 1) / st.months) * st.months + 1, 1);
        } else if (st.days == 7) {
            d = d.addDays(1 - d.dayOfWeek());
        }
        for (int guard = 0; guard < 64; ++guard) {
            const double ms = double(QDateTime(d, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch());
            if (ms > maxMs + 1) break;
            if (ms >= minMs - 1)
                axis->append(d.toString(QString::fromLatin1(st.format)), std::max(ms, minMs));
            d = st.months ? d.addMonths(st.months) : d.addDays(st.days);
        }
        break;
    }
    return axis;
}

// ---- line, area -------------------------------------------------------------------------

struct Line {
    QString name;
    std::shared_ptr<XYData> xy = std::make_shared<XYData>();
};

void buildLines(QChart* chart, BuiltChart& out, const ChartData& d, const ColumnRoles& r,
                const VisualizationSettings& s, ChartType type, const ChartColors& c,
                const ChartHooks& hooks) {
    const ColumnType xType = r.x >= 0 ? d.columns[std::size_t(r.x)].type : ColumnType::Integer;
    const bool dateX = isTemporal(xType);
    const bool categoryX = !dateX && !isNumeric(xType);
    // Text x (e.g. "2024-Q1"): points at category indices on a category axis.
    QStringList categories;
    std::map<QString, int> catIndex;
    std::vector<Line> lines;
    std::map<QString, std::size_t> lineIndex;
    auto lineFor = [&](const QString& name) -> Line& {
        auto [it, inserted] = lineIndex.emplace(name, lines.size());
        if (inserted) lines.push_back(Line{name});
        return lines[it->second];
    };
    if (r.series < 0)
        for (int y : r.y) lineFor(columnTitle(d, y));
    for (std::size_t row = 0; row < d.rows.size(); ++row) {
        const auto& cells = d.rows[row];
        double x = double(row);
        if (r.x >= 0) {
            const Value& xv = cells[std::size_t(r.x)];
            if (dateX) {
                const std::string t = s.dateGranularity.empty()
                                          ? valueToText(xv)
                                          : dashboard::truncateDate(valueToText(xv), s.dateGranularity);
                auto ms = dashboard::cellEpochMs(Value{t});
                if (!ms) continue;
                x = *ms;
            } else if (categoryX) {
                const QString label = categoryLabel(xv, xType, s.dateGranularity);
                auto [it, inserted] = catIndex.emplace(label, int(categories.size()));
                if (inserted) categories << label;
                x = it->second;
            } else {
                auto v = dashboard::cellNumber(xv);
                if (!v) continue;
                x = *v;
            }
        }
        if (r.series >= 0) {
            auto y = r.y.empty() ? std::nullopt : dashboard::cellNumber(cells[std::size_t(r.y.front())]);
            if (!y) continue;
            Line& l = lineFor(QString::fromStdString(valueToText(cells[std::size_t(r.series)])));
            l.xy->x.push_back(x);
            l.xy->y.push_back(*y);
        } else {
            for (std::size_t k = 0; k < r.y.size(); ++k) {
                auto y = dashboard::cellNumber(cells[std::size_t(r.y[k])]);
                if (!y) continue;
                lines[k].xy->x.push_back(x);
                lines[k].xy->y.push_back(*y);
            }
        }
    }
    // Same x twice (granularity truncation): sum into one point; keep x ascending for reduction.
    for (auto& l : lines) {
        auto& xy = *l.xy;
        std::vector<std::size_t> order(xy.x.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        if (!std::is_sorted(xy.x.begin(), xy.x.end()))
            std::stable_sort(order.begin(), order.end(),
                             [&](std::size_t a, std::size_t b) { return xy.x[a] < xy.x[b]; });
        XYData merged;
        merged.x.reserve(order.size());
        merged.y.reserve(order.size());
        for (std::size_t i : order) {
            if (!s.dateGranularity.empty() && !merged.x.empty() && merged.x.back() == xy.x[i])
                merged.y.back() += xy.y[i];
            else {
                merged.x.push_back(xy.x[i]);
                merged.y.push_back(xy.y[i]);
            }
        }
        xy = std::move(merged);
    }
    const bool stacked = s.stacked && type == ChartType::Area;
    double xMin = 0, xMax = 1, yMin = 0, yMax = 0;
    bool first = true;
    std::vector<double> cumulative;
    std::vector<QLineSeries*> previousUpper;
    for (auto& l : lines) {
        if (l.xy->x.empty()) continue;
        if (stacked) {  // cumulative sums over aligned x (same row order per series)
            cumulative.resize(std::max(cumulative.size(), l.xy->y.size()), 0.0);
            for (std::size_t i = 0; i < l.xy->y.size(); ++i) l.xy->y[i] = (cumulative[i] += l.xy->y[i]);
        }
        xMin = first ? l.xy->x.front() : std::min(xMin, l.xy->x.front());
        xMax = first ? l.xy->x.back() : std::max(xMax, l.xy->x.back());
        for (double y : l.xy->y) {
            yMin = first ? y : std::min(yMin, y);
            yMax = first ? y : std::max(yMax, y);
            first = false;
        }
    }
    if (s.goal) {
        yMin = std::min(yMin, *s.goal);
        yMax = std::max(yMax, *s.goal);
    }
    QAbstractAxis* xAxis = nullptr;
    bool anyReduced = false;
    for (const auto& l : lines) anyReduced = anyReduced || l.xy->x.size() > 4000;
    if (dateX && !anyReduced) {
        xAxis = makeCalendarAxis(chart, xMin, xMax);
    } else if (dateX) {
        // Zoomable huge series: QDateTimeAxis relabels itself on every zoom.
        auto* axis = new QDateTimeAxis(chart);
        const std::string& g = s.dateGranularity;
        axis->setFormat(g == "year"                        ? QStringLiteral("yyyy")
                        : (g == "month" || g == "quarter") ? QStringLiteral("MMM yyyy")
                                                           : QStringLiteral("d MMM yy"));
        axis->setTickCount(6);
        axis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(xMin), QTimeZone::utc()),
                       QDateTime::fromMSecsSinceEpoch(qint64(xMax), QTimeZone::utc()));
        xAxis = axis;
    } else if (categoryX) {
        auto* axis = new QBarCategoryAxis(chart);
        axis->append(categories);
        xAxis = axis;
    } else {
        auto* axis = new QValueAxis(chart);
        const NiceScale ns = niceScale(xMin, xMax);
        axis->setRange(xMin, xMax);
        axis->setTickCount(std::clamp(int(std::lround((ns.max - ns.min) / ns.step)) + 1, 2, 8));
        axis->setLabelFormat(QStringLiteral("%g"));
        xAxis = axis;
    }
    xAxis->setGridLineVisible(false);
    QAbstractAxis* yAxis = makeValueAxis(yMin, yMax, s.format, s.logScale, type == ChartType::Area);
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    if (!s.xTitle.empty()) xAxis->setTitleText(QString::fromStdString(s.xTitle));
    if (!s.yTitle.empty()) yAxis->setTitleText(QString::fromStdString(s.yTitle));

    QLineSeries* lowerForStack = nullptr;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const Line& l = lines[k];
        if (l.xy->x.empty()) continue;
        const QColor color = seriesColor(k, s.colors);
        auto* upper = new QLineSeries(chart);
        upper->setName(l.name);
        upper->setPen(QPen(color, 2));
        const bool reduce = !stacked && l.xy->x.size() > 4000;
        if (reduce) {
            auto* reducer = new ReducedLine(l.xy, upper, chart);
            reducer->showAll();
            out.reducers.push_back(reducer);
        } else {
            QList<QPointF> pts;
            pts.reserve(qsizetype(l.xy->x.size()));
            for (std::size_t i = 0; i < l.xy->x.size(); ++i) pts.append(QPointF(l.xy->x[i], l.xy->y[i]));
            upper->replace(pts);
            upper->setPointsVisible(pts.size() <= 36 && type == ChartType::Line);
        }
        QAbstractSeries* shown = upper;
        if (type == ChartType::Area) {
            auto* area = new QAreaSeries(upper, stacked ? lowerForStack : nullptr);
            area->setParent(chart);
            area->setName(l.name);
            QColor fill = color;
            fill.setAlphaF(c.dark ? 0.35f : 0.28f);
            area->setBrush(fill);
            area->setPen(QPen(color, 2));
            shown = area;
            lowerForStack = upper;
            QObject::connect(
                area, &QAreaSeries::hovered, chart, [=, xy = l.xy, name = l.name](const QPointF& p, bool on) {
                    if (!hooks.tooltip) return;
                    if (!on) {
                        hooks.tooltip(QString());
                        return;
                    }
                    auto it = std::lower_bound(xy->x.begin(), xy->x.end(), p.x());
                    if (it == xy->x.end()) --it;
                    if (it != xy->x.begin() && std::abs(*(it - 1) - p.x()) < std::abs(*it - p.x())) --it;
                    const std::size_t i = std::size_t(it - xy->x.begin());
                    const QString xs =
                        dateX ? QDateTime::fromMSecsSinceEpoch(qint64(xy->x[i]), QTimeZone::utc())
                                    .toString(QStringLiteral("d MMM yyyy"))
                        : categoryX && int(xy->x[i]) < categories.size() ? categories[int(xy->x[i])]
                                                                         : QString::number(xy->x[i], 'g', 10);
                    hooks.tooltip(QStringLiteral("%1\n%2: %3").arg(xs, name, fmt(xy->y[i], s.format)));
                });
        }
        chart->addSeries(shown);
        shown->attachAxis(xAxis);
        shown->attachAxis(yAxis);
        if (reduce) out.reducers.back()->followAxis(xAxis);
        if (type == ChartType::Line) {
            QObject::connect(
                upper, &QLineSeries::hovered, chart, [=, name = l.name](const QPointF& p, bool on) {
                    if (!hooks.tooltip) return;
                    if (!on) {
                        hooks.tooltip(QString());
                        return;
                    }
                    const QString xs = dateX ? QDateTime::fromMSecsSinceEpoch(qint64(p.x()), QTimeZone::utc())
                                                   .toString(QStringLiteral("d MMM yyyy"))
                                       : categoryX && int(std::lround(p.x())) < categories.size()
                                           ? categories[int(std::lround(p.x()))]
                                           : QString::number(p.x(), 'g', 10);
                    hooks.tooltip(QStringLiteral("%1\n%2: %3").arg(xs, name, fmt(p.y(), s.format)));
                });
        }
    }
    if (auto* cats = qobject_cast<QBarCategoryAxis*>(xAxis))
        thinCategoryLabels(chart, cats, categories, yAxis, 8);
    if (s.trendLine && !lines.empty() && !lines.front().xy->x.empty())
        addTrendLine(chart, lines.front().xy->x, lines.front().xy->y, c, xAxis, yAxis);
    addGoalLine(chart, s, c, xAxis, yAxis, xMin, xMax);
    setLegend(chart, s.legend && (lines.size() > 1 || s.goal), c);
}

// ---- pie --------------------------------------------------------------------------------

void buildPie(QChart* chart, const ChartData& d, const ColumnRoles& r, const VisualizationSettings& s,
              const ChartColors& c, const ChartHooks& hooks) {
    Grid g = pivot(d, r, s);
    auto* pie = new QPieSeries(chart);
    if (s.donut) pie->setHoleSize(0.5);
    pie->setPieSize(0.78);
    double total = 0;
    for (double v : g.values.empty() ? std::vector<double>{} : g.values.front()) total += std::max(v, 0.0);
    const QString xName = r.x >= 0 ? QString::fromStdString(d.columns[std::size_t(r.x)].name) : QString();
    for (std::size_t i = 0; i < g.categories.size() && !g.values.empty(); ++i) {
        const double v = g.values.front()[i];
        if (v <= 0) continue;
        auto* slice = pie->append(g.categoryLabels[int(i)], v);
        const QColor color = seriesColor(i, s.colors);
        slice->setColor(color);
        slice->setBorderColor(c.background);
        slice->setBorderWidth(1);
        slice->setLabelColor(c.text);
        const double share = total > 0 ? v / total : 0;
        slice->setLabel(QStringLiteral("%1 %2%").arg(g.categoryLabels[int(i)]).arg(share * 100, 0, 'f', 0));
        // Labels only where they fit; tooltips carry the rest.
        slice->setLabelVisible(share >= 0.04 && (s.dataLabels || !s.legend));
        slice->setLabelPosition(QPieSlice::LabelOutside);
        const QString label = g.categoryLabels[int(i)];
        const Value raw = g.categories[i];
        QObject::connect(slice, &QPieSlice::hovered, chart, [=](bool on) {
            slice->setExploded(on);
            if (!hooks.tooltip) return;
            hooks.tooltip(
                on ? QStringLiteral("%1\n%2 (%3%)").arg(label, fmt(v, s.format)).arg(share * 100, 0, 'f', 1)
                   : QString());
        });
        QObject::connect(slice, &QPieSlice::clicked, chart, [=]() {
            if (hooks.clicked) hooks.clicked(xName, QString::fromStdString(valueToText(raw)));
        });
    }
    chart->addSeries(pie);
    chart->legend()->setVisible(s.legend);
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->legend()->setLabelColor(c.text);
    QFont f = chart->legend()->font();
    f.setPointSizeF(8.5);
    chart->legend()->setFont(f);
    // The legend shows the bare names (slice labels carry the percentages).
    const auto markers = chart->legend()->markers(pie);
    int widest = 0;
    const QFontMetrics metrics(f);
    for (int i = 0; i < markers.size(); ++i) {
        markers[i]->setLabel(pie->slices()[i]->label());
        widest = std::max(widest, metrics.horizontalAdvance(pie->slices()[i]->label()));
    }
    // Qt Charts sizes a side legend tightly and elides ("Outdoors 1..."); ask for the labels'
    // width (marker and margins included), up to a limit that leaves the pie its room.
    chart->legend()->setMinimumWidth(std::min(widest + 40, 180));
}

// ---- scatter / bubble -------------------------------------------------------------------

void buildScatter(QChart* chart, const ChartData& d, const ColumnRoles& r, const VisualizationSettings& s,
                  const ChartColors& c, const ChartHooks& hooks) {
    const int yCol = r.y.empty() ? -1 : r.y.front();
    std::vector<double> xs, ys, sizes;
    for (const auto& row : d.rows) {
        if (r.x < 0 || yCol < 0) break;
        const auto x = dashboard::cellNumber(row[std::size_t(r.x)]);
        const auto y = dashboard::cellNumber(row[std::size_t(yCol)]);
        if (!x.has_value() || !y.has_value()) continue;
        xs.push_back(x.value());
        ys.push_back(y.value());
        sizes.push_back(r.size >= 0 ? dashboard::cellNumber(row[std::size_t(r.size)]).value_or(0) : 0);
    }
    double xMin = xs.empty() ? 0 : *std::min_element(xs.begin(), xs.end());
    double xMax = xs.empty() ? 1 : *std::max_element(xs.begin(), xs.end());
    double yMin = ys.empty() ? 0 : *std::min_element(ys.begin(), ys.end());
    double yMax = ys.empty() ? 1 : *std::max_element(ys.begin(), ys.end());
    if (s.goal) {
        yMin = std::min(yMin, *s.goal);
        yMax = std::max(yMax, *s.goal);
    }
    const NiceScale xs_ = niceScale(xMin, xMax);
    auto* xAxis = new QValueAxis(chart);
    xAxis->setRange(xs_.min, xs_.max);
    xAxis->setTickCount(std::clamp(int(std::lround((xs_.max - xs_.min) / xs_.step)) + 1, 2, 11));
    xAxis->setLabelFormat(QStringLiteral("%g"));
    QAbstractAxis* yAxis = makeValueAxis(yMin, yMax, s.format, s.logScale, false);
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    xAxis->setTitleText(
        QString::fromStdString(s.xTitle.empty() ? d.columns[std::size_t(std::max(r.x, 0))].name : s.xTitle));
    if (!s.yTitle.empty()) yAxis->setTitleText(QString::fromStdString(s.yTitle));
    // Bubbles: Qt Charts has one marker size per series, so sizes go into five classes.
    const int classes = r.size >= 0 ? 5 : 1;
    double sMin = sizes.empty() ? 0 : *std::min_element(sizes.begin(), sizes.end());
    double sMax = sizes.empty() ? 0 : *std::max_element(sizes.begin(), sizes.end());
    std::vector<QScatterSeries*> series;
    QColor color = seriesColor(0, s.colors);
    color.setAlphaF(0.6f);
    for (int k = 0; k < classes; ++k) {
        auto* sc = new QScatterSeries(chart);
        sc->setName(classes == 1 ? columnTitle(d, yCol) : QStringLiteral("size %1").arg(k + 1));
        sc->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        sc->setMarkerSize(classes == 1 ? 7 : 6 + 4 * k);
        sc->setColor(color);
        sc->setBorderColor(Qt::transparent);
        series.push_back(sc);
    }
    std::vector<QList<QPointF>> pts;
    pts.resize(std::size_t(classes));
    for (std::size_t i = 0; i < xs.size(); ++i) {
        int k = 0;
        if (classes > 1 && sMax > sMin)
            k = std::min(classes - 1, int((sizes[i] - sMin) / (sMax - sMin) * classes));
        pts[std::size_t(k)].append(QPointF(xs[i], ys[i]));
    }
    for (int k = 0; k < classes; ++k) {
        series[std::size_t(k)]->replace(pts[std::size_t(k)]);
        chart->addSeries(series[std::size_t(k)]);
        series[std::size_t(k)]->attachAxis(xAxis);
        series[std::size_t(k)]->attachAxis(yAxis);
        QObject::connect(series[std::size_t(k)], &QScatterSeries::hovered, chart,
                         [=](const QPointF& p, bool on) {
                             if (!hooks.tooltip) return;
                             hooks.tooltip(on ? QStringLiteral("%1: %2\n%3: %4")
                                                    .arg(columnTitle(d, r.x), QString::number(p.x(), 'g', 10),
                                                         columnTitle(d, yCol), fmt(p.y(), s.format))
                                              : QString());
                         });
    }
    if (s.trendLine) addTrendLine(chart, xs, ys, c, xAxis, yAxis);
    addGoalLine(chart, s, c, xAxis, yAxis, xs_.min, xs_.max);
    setLegend(chart, false, c);
    if (s.goal && s.legend) setLegend(chart, true, c);
}

// ---- histogram --------------------------------------------------------------------------

void buildHistogram(QChart* chart, const ChartData& d, const ColumnRoles& r, const VisualizationSettings& s,
                    const ChartColors& c, const ChartHooks& hooks) {
    const int col =
        r.x >= 0 && isNumeric(d.columns[std::size_t(r.x)].type) ? r.x : (r.y.empty() ? r.x : r.y.front());
    std::vector<double> v;
    v.reserve(d.rows.size());
    for (const auto& row : d.rows)
        if (col >= 0)
            if (auto n = dashboard::cellNumber(row[std::size_t(col)])) v.push_back(*n);
    const double lo = v.empty() ? 0 : *std::min_element(v.begin(), v.end());
    const double hi = v.empty() ? 1 : *std::max_element(v.begin(), v.end());
    const int bins =
        s.bins > 0 ? s.bins
                   : std::max(1, int(std::ceil(std::log2(double(std::max<std::size_t>(v.size(), 1))))) + 1);
    const NiceScale ns = niceScale(lo, hi, bins);
    const int nb = std::max(1, int(std::lround((ns.max - ns.min) / ns.step)));
    std::vector<double> counts(std::size_t(nb), 0.0);
    for (double x : v) counts[std::size_t(std::clamp(int((x - ns.min) / ns.step), 0, nb - 1))] += 1;
    auto* upper = new QLineSeries(chart);
    for (int b = 0; b < nb; ++b) {
        upper->append(ns.min + b * ns.step, counts[std::size_t(b)]);
        upper->append(ns.min + (b + 1) * ns.step, counts[std::size_t(b)]);
    }
    auto* area = new QAreaSeries(upper);
    area->setParent(chart);
    const QColor color = seriesColor(0, s.colors);
    QColor fill = color;
    fill.setAlphaF(0.75f);
    area->setBrush(fill);
    area->setPen(QPen(c.background, 1));
    area->setName(columnTitle(d, col));
    chart->addSeries(area);
    auto* xAxis = makeValueAxis(ns.min, ns.max, s.format, false, false, 5);
    const double maxCount = counts.empty() ? 1 : *std::max_element(counts.begin(), counts.end());
    dashboard::NumberFormat countFormat;
    QAbstractAxis* yAxis = makeValueAxis(0, maxCount, countFormat, false, true);
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    xAxis->setGridLineVisible(false);
    area->attachAxis(xAxis);
    area->attachAxis(yAxis);
    xAxis->setTitleText(s.xTitle.empty() ? columnTitle(d, col) : QString::fromStdString(s.xTitle));
    yAxis->setTitleText(s.yTitle.empty() ? QStringLiteral("Count") : QString::fromStdString(s.yTitle));
    QObject::connect(area, &QAreaSeries::hovered, chart, [=](const QPointF& p, bool on) {
        if (!hooks.tooltip) return;
        if (!on) {
            hooks.tooltip(QString());
            return;
        }
        const int b = std::clamp(int((p.x() - ns.min) / ns.step), 0, nb - 1);
        hooks.tooltip(QStringLiteral("%1 – %2\n%3")
                          .arg(fmt(ns.min + b * ns.step, s.format), fmt(ns.min + (b + 1) * ns.step, s.format))
                          .arg(counts[std::size_t(b)], 0, 'f', 0));
    });
    setLegend(chart, false, c);
}

}  // namespace

QString categoryLabel(const Value& v, ColumnType type, const std::string& granularity) {
    if (isNull(v)) return QStringLiteral("(empty)");
    if (isTemporal(type)) {
        const std::string t = valueToText(v);
        const QDate d = QDate::fromString(QString::fromStdString(t.substr(0, 10)), Qt::ISODate);
        if (d.isValid()) {
            if (granularity == "year") return QString::number(d.year());
            if (granularity == "quarter")
                return QStringLiteral("Q%1 %2").arg((d.month() - 1) / 3 + 1).arg(d.year());
            if (granularity == "month") return d.toString(QStringLiteral("MMM yyyy"));
            return d.toString(QStringLiteral("d MMM yyyy"));
        }
    }
    if (auto* dv = std::get_if<double>(&v)) return QString::number(*dv, 'g', 10);
    return QString::fromStdString(valueToText(v));
}

ColumnRoles resolveRoles(const ChartData& d, const VisualizationSettings& s, ChartType type) {
    ColumnRoles r;
    r.x = s.x.empty() ? -1 : d.columnIndex(s.x);
    r.series = s.series.empty() ? -1 : d.columnIndex(s.series);
    r.size = s.size.empty() ? -1 : d.columnIndex(s.size);
    if (r.x < 0) {
        for (std::size_t i = 0; i < d.columns.size(); ++i)
            if (!isNumeric(d.columns[i].type) && int(i) != r.series) {
                r.x = int(i);
                break;
            }
        if (r.x < 0 &&
            (type == ChartType::Scatter || type == ChartType::Line || type == ChartType::Area ||
             type == ChartType::Histogram || type == ChartType::Bar || type == ChartType::Row) &&
            d.columns.size() >= (type == ChartType::Histogram ? 1u : 2u))
            r.x = 0;
    }
    for (const auto& name : s.y) {
        const int i = d.columnIndex(name);
        if (i >= 0) r.y.push_back(i);
    }
    if (r.y.empty())
        for (std::size_t i = 0; i < d.columns.size(); ++i)
            if (isNumeric(d.columns[i].type) && int(i) != r.x && int(i) != r.series && int(i) != r.size)
                r.y.push_back(int(i));
    // A series split shows one measure.
    if (r.series >= 0 && r.y.size() > 1) r.y.resize(1);
    return r;
}

BuiltChart buildChart(const ChartData& d, const VisualizationSettings& s, ChartType type,
                      const ChartColors& c, const ChartHooks& hooks) {
    BuiltChart out;
    auto chart = std::make_unique<QChart>();
    chart->setAnimationOptions(QChart::NoAnimation);
    const ColumnRoles roles = resolveRoles(d, s, type);
    switch (type) {
        case ChartType::Bar:
        case ChartType::Row:
        case ChartType::Combo:
            buildBars(chart.get(), d, roles, s, type, c, hooks);
            break;
        case ChartType::Line:
        case ChartType::Area:
            buildLines(chart.get(), out, d, roles, s, type, c, hooks);
            break;
        case ChartType::Pie:
            buildPie(chart.get(), d, roles, s, c, hooks);
            break;
        case ChartType::Scatter:
            buildScatter(chart.get(), d, roles, s, c, hooks);
            break;
        case ChartType::Histogram:
            buildHistogram(chart.get(), d, roles, s, c, hooks);
            break;
        default:
            break;
    }
    styleChart(chart.get(), c);
    out.chart = chart.release();
    return out;
}

BuiltChart buildXYLineChart(std::shared_ptr<const XYData> data, bool reduce, bool dateX, const ChartColors& c,
                            int pixelColumns) {
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
    ReducedLine* reducer = nullptr;
    if (reduce) {
        reducer = new ReducedLine(data, series, chart.get());
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
    if (!reduce) {
        QList<QPointF> pts;
        pts.reserve(qsizetype(data->x.size()));
        for (std::size_t i = 0; i < data->x.size(); ++i) pts.append(QPointF(data->x[i], data->y[i]));
        series->replace(pts);
    }
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
