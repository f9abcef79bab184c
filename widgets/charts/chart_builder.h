#pragma once
// Builds a Qt Charts QChart for one result and its visualization settings (every type except
// number and table, which are plain widgets). Large line/area series go through ReducedLine.
#include <QString>
#include <functional>
#include <vector>

#include "core/dashboard/chart_data.h"
#include "core/dashboard/visualization.h"
#include "widgets/charts/chart_palette.h"
#include "widgets/charts/reduced_line.h"

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace deskbase::widgets {

struct ChartHooks {
    std::function<void(const QString& text)> tooltip;                          // empty text hides it
    std::function<void(const QString& column, const QString& value)> clicked;  // a bar or slice
};

struct BuiltChart {
    QChart* chart = nullptr;             // caller takes ownership
    std::vector<ReducedLine*> reducers;  // children of the chart
};

// Which columns play which part, resolved against the data (settings first, then defaults).
struct ColumnRoles {
    int x = -1;
    int series = -1;
    int size = -1;
    std::vector<int> y;
};
ColumnRoles resolveRoles(const dashboard::ChartData& data, const dashboard::VisualizationSettings& s,
                         dashboard::ChartType type);

// Text of a cell for category labels and tooltips (dates by granularity, numbers formatted).
QString categoryLabel(const Value& v, ColumnType type, const std::string& granularity);

BuiltChart buildChart(const dashboard::ChartData& data, const dashboard::VisualizationSettings& s,
                      dashboard::ChartType type, const ChartColors& colors, const ChartHooks& hooks);

// A plain line chart over prepared x/y data (what the benchmark and huge series use).
// `reduce` false hands every point to Qt Charts.
BuiltChart buildXYLineChart(std::shared_ptr<const XYData> data, bool reduce, bool dateX,
                            const ChartColors& colors, int pixelColumns);

}  // namespace deskbase::widgets
