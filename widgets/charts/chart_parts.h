#pragma once
// Pieces every chart family draws with: value text, goal and trend lines, the legend,
// thinned category labels, calendar date axes and the note a chart shows under its title
// (a partial last period, slices a pie cannot show).
#include <QColor>
#include <QString>
#include <string>

#include "core/chart/date_bucket.h"
#include "core/chart/least_squares.h"
#include "core/dashboard/visualization.h"
#include "widgets/charts/chart_palette.h"

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QBarCategoryAxis;
class QCategoryAxis;
class QChart;
class QGraphicsSimpleTextItem;
QT_END_NAMESPACE

namespace deskbase::widgets {

inline QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
// As the format shows it (axes, data labels).
QString valueText(double v, const dashboard::NumberFormat& f);
// Every digit the value has (tooltips): a chart never hides a number behind its rounding.
QString exactText(double v, const dashboard::NumberFormat& f);
// "revenue" or, when rows are combined other than by sum, "revenue (average)".
QString measureName(const QString& name, dashboard::Aggregation a);

// A dashed horizontal line at the goal from x0 to x1 (vertical: a line at x = goal, for row charts).
void addGoalLine(QChart* chart, const dashboard::VisualizationSettings& s, const ChartColors& c,
                 QAbstractAxis* xAxis, QAbstractAxis* yAxis, double x0, double x1, bool vertical = false);
// The fitted line from x0 to x1, named "Trend".
void addTrendLine(QChart* chart, const chart::LinearFit& fit, double x0, double x1, const ChartColors& c,
                  QAbstractAxis* xAxis, QAbstractAxis* yAxis);
// The legend at the bottom; helper series (trend, label anchors, partial pieces) left out.
void setLegend(QChart* chart, bool visible, const ChartColors& c);
// Names of helper series that never get a legend entry.
inline const QString kTrendName = QStringLiteral("Trend");
inline const QString kHiddenName = QStringLiteral("__hidden");

// Too many category labels to fit: hide the category axis and show every k-th label on a
// value-positioned axis instead (an empty helper series keeps that axis in the layout).
void thinCategoryLabels(QChart* chart, QBarCategoryAxis* categories, const QStringList& labels,
                        QAbstractAxis* valueAxis, int maxLabels);
// Date labels at calendar boundaries (month starts, years, ...) on a value axis over epoch ms,
// so a monthly series never shows "Jan 2024" twice the way evenly spaced ticks do.
QCategoryAxis* makeCalendarAxis(QChart* chart, double minMs, double maxMs);

// "Dec 2024 is partial: data through 15 Dec 2024" / "... is not over yet".
QString partialNote(const chart::PeriodCoverage& p, const std::string& granularity);
// A muted line of text at the plot area's top right, kept there when the plot moves.
QGraphicsSimpleTextItem* addChartNote(QChart* chart, const QString& text, const ChartColors& c);
// The note added to `chart`, or "" (tests, and whoever wants to say it again).
QString chartNote(const QChart* chart);

// The set colour for the part of a chart that shows a partial period.
QColor partialColor(QColor color, const ChartColors& c);

}  // namespace deskbase::widgets
