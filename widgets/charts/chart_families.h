#pragma once
// The chart families, each drawing data already shaped in core/chart/ onto a QChart
// (bar_chart.cpp, line_chart.cpp, pie_chart.cpp, scatter_chart.cpp, histogram_chart.cpp).
#include <string>

#include "core/chart/bar_shape.h"
#include "core/chart/histogram.h"
#include "core/chart/line_shape.h"
#include "core/chart/pie_shape.h"
#include "core/chart/scatter_shape.h"
#include "widgets/charts/chart_builder.h"

namespace deskbase::widgets {

struct DrawContext {
    QChart* chart;
    const chart::ChartData& data;
    const chart::ColumnRoles& roles;
    const dashboard::VisualizationSettings& settings;
    dashboard::ChartType type;
    const ChartColors& colors;
    const ChartHooks& hooks;
    const ChartOptions& options;
    QString xColumn() const;  // the x column's name (what a click filters on)
};

void drawBars(const DrawContext& c, const chart::BarShape& shape);                     // bar, row, combo
void drawLines(const DrawContext& c, const chart::LineShape& shape, BuiltChart& out);  // line, area
void drawPie(const DrawContext& c, const chart::PieShape& shape);
void drawScatter(const DrawContext& c, const chart::ScatterShape& shape);
void drawHistogram(const DrawContext& c, const chart::Histogram& shape);

}  // namespace deskbase::widgets
