#include "widgets/charts/chart_parts.h"

#include <QBarCategoryAxis>
#include <QCategoryAxis>
#include <QChart>
#include <QDate>
#include <QDateTime>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QTimeZone>
#include <iterator>

#include "core/chart/labels.h"

namespace deskbase::widgets {

namespace {
constexpr int kNoteKey = 0;  // QGraphicsItem::data key marking the note
}

QString valueText(double v, const dashboard::NumberFormat& f) {
    return qs(dashboard::formatNumber(v, f));
}

QString exactText(double v, const dashboard::NumberFormat& f) {
    return qs(chart::formatExact(v, f));
}

QString measureName(const QString& name, dashboard::Aggregation a) {
    if (a == dashboard::Aggregation::Sum) return name;
    return QStringLiteral("%1 (%2)").arg(name, qs(dashboard::aggregationName(a)));
}

void addGoalLine(QChart* chart, const dashboard::VisualizationSettings& s, const ChartColors& c,
                 QAbstractAxis* xAxis, QAbstractAxis* yAxis, double x0, double x1, bool vertical) {
    if (!s.goal) return;
    auto* goal = new QLineSeries(chart);
    goal->setName(s.goalLabel.empty() ? QStringLiteral("Goal") : qs(s.goalLabel));
    if (vertical) {
        goal->append(*s.goal, x0);
        goal->append(*s.goal, x1);
    } else {
        goal->append(x0, *s.goal);
        goal->append(x1, *s.goal);
    }
    goal->setPen(QPen(c.goal, 2, Qt::DashLine));
    chart->addSeries(goal);
    goal->attachAxis(xAxis);
    goal->attachAxis(yAxis);
}

void addTrendLine(QChart* chart, const chart::LinearFit& fit, double x0, double x1, const ChartColors& c,
                  QAbstractAxis* xAxis, QAbstractAxis* yAxis) {
    auto* trend = new QLineSeries(chart);
    trend->setName(kTrendName);
    trend->append(x0, fit.at(x0));
    trend->append(x1, fit.at(x1));
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
    for (QLegendMarker* m : chart->legend()->markers())
        if (m->label() == kTrendName || m->label() == kHiddenName) m->setVisible(false);
}

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
    anchor->setName(kHiddenName);
}

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

QString partialNote(const chart::PeriodCoverage& p, const std::string& granularity) {
    const QString period = qs(chart::categoryLabel(Value{p.period}, ColumnType::Date, granularity));
    if (p.ongoing) return QStringLiteral("%1 is not over yet").arg(period);
    const QDate through = QDate::fromString(qs(p.through), Qt::ISODate);
    return QStringLiteral("%1 is partial: data through %2")
        .arg(period, through.toString(QStringLiteral("d MMM yyyy")));
}

QGraphicsSimpleTextItem* addChartNote(QChart* chart, const QString& text, const ChartColors& c) {
    auto* item = new QGraphicsSimpleTextItem(text, chart);
    QFont f = chart->font();
    f.setPointSizeF(8.0);
    f.setItalic(true);
    item->setFont(f);
    item->setBrush(c.mutedText);
    item->setZValue(60);
    item->setData(kNoteKey, QStringLiteral("note"));
    QObject::connect(chart, &QChart::plotAreaChanged, chart, [item](const QRectF& plot) {
        const QRectF box = item->boundingRect();
        item->setPos(plot.right() - box.width(), std::max(0.0, plot.top() - box.height() - 2));
    });
    return item;
}

QString chartNote(const QChart* chart) {
    for (const QGraphicsItem* item : chart->childItems())
        if (item->data(kNoteKey).toString() == QStringLiteral("note"))
            return static_cast<const QGraphicsSimpleTextItem*>(item)->text();
    return {};
}

QColor partialColor(QColor color, const ChartColors& c) {
    // Half way to the background: the same hue, visibly not a full period.
    return QColor((color.red() + c.background.red()) / 2, (color.green() + c.background.green()) / 2,
                  (color.blue() + c.background.blue()) / 2);
}

}  // namespace deskbase::widgets
