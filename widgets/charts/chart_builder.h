#pragma once
// Builds a Qt Charts QChart for one result and its visualization settings (every type except
// number and table, which are plain widgets). The data is shaped in core/chart/ (pivots, date
// periods, bins, series); the files here only draw it, one per chart family. Large line and
// area series go through ReducedLine.
#include <QString>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/chart/chart_data.h"
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

struct ChartOptions {
    int pixelColumns = 1200;  // the plot width expected: large lines are reduced to it once
    std::string today;        // "YYYY-MM-DD" for the partial-period rule; empty: not checked
};

BuiltChart buildChart(const chart::ChartData& data, const dashboard::VisualizationSettings& s,
                      dashboard::ChartType type, const ChartColors& colors, const ChartHooks& hooks,
                      const ChartOptions& options = {});

// A plain line chart over prepared x/y data (what the benchmark and huge series use).
// `reduce` false hands every point to Qt Charts.
BuiltChart buildXYLineChart(std::shared_ptr<const chart::XYData> data, bool reduce, bool dateX,
                            const ChartColors& colors, int pixelColumns);

}  // namespace deskbase::widgets
