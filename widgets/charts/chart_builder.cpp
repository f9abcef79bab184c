#include "widgets/charts/chart_builder.h"

#include <QChart>

#include "core/chart/column_roles.h"
#include "widgets/charts/chart_families.h"

namespace deskbase::widgets {

using dashboard::ChartType;

QString DrawContext::xColumn() const {
    return roles.x >= 0 ? QString::fromStdString(data.columns[std::size_t(roles.x)].name) : QString();
}

BuiltChart buildChart(const chart::ChartData& d, const dashboard::VisualizationSettings& s, ChartType type,
                      const ChartColors& colors, const ChartHooks& hooks, const ChartOptions& options) {
    BuiltChart out;
    auto qchart = std::make_unique<QChart>();
    qchart->setAnimationOptions(QChart::NoAnimation);
    const chart::ColumnRoles roles = chart::resolveRoles(d, s, type);
    const DrawContext c{qchart.get(), d, roles, s, type, colors, hooks, options};
    switch (type) {
        case ChartType::Bar:
        case ChartType::Row:
        case ChartType::Combo:
            drawBars(c, chart::shapeBars(d, roles, s, type, options.today));
            break;
        case ChartType::Line:
        case ChartType::Area:
            drawLines(c, chart::shapeLines(d, roles, s, type, options.today), out);
            break;
        case ChartType::Pie:
            drawPie(c, chart::shapePie(d, roles, s));
            break;
        case ChartType::Scatter:
            drawScatter(c, chart::shapeScatter(d, roles, s));
            break;
        case ChartType::Histogram:
            drawHistogram(c, chart::shapeHistogram(d, roles, s));
            break;
        default:
            break;
    }
    styleChart(qchart.get(), colors);
    out.chart = qchart.release();
    return out;
}

}  // namespace deskbase::widgets
