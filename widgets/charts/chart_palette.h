#pragma once
// Colours for charts in the light and dark themes, and applying them to a QChart.
#include <QColor>
#include <QString>
#include <string>
#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
class QAbstractAxis;
QT_END_NAMESPACE

namespace deskbase::widgets {

struct ChartColors {
    QColor background;
    QColor text;
    QColor mutedText;
    QColor grid;
    QColor axisLine;
    QColor positive;
    QColor negative;
    QColor goal;
    QColor trend;
    bool dark = false;
};

ChartColors chartColors(bool dark);  // for the given theme
ChartColors currentChartColors();    // for the theme in effect (widgets/theme)
// Series colour i: the user's colours first ("#rrggbb"), then the built-in palette.
QColor seriesColor(std::size_t i, const std::vector<std::string>& userColors = {});

void styleChart(QChart* chart, const ChartColors& c);
void styleAxis(QAbstractAxis* axis, const ChartColors& c);

}  // namespace deskbase::widgets
