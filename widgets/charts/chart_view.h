#pragma once
// One question's answer drawn as its visualization: number, table, or a Qt Charts chart
// (bar, row, line, area, combo, pie/donut, scatter/bubble, histogram). Hover shows exact
// values; clicking a bar or slice emits categoryClicked (dashboards use it to cross-filter).
// Line charts with many points are reduced per pixel column and re-reduced on zoom
// (drag a rectangle to zoom in, right-click or double-click to zoom out).
#include <QWidget>
#include <memory>

#include "core/chart/chart_data.h"
#include "core/dashboard/visualization.h"
#include "widgets/charts/chart_builder.h"
#include "widgets/charts/reduced_line.h"

QT_BEGIN_NAMESPACE
class QChartView;
class QStackedLayout;
class QTableView;
QT_END_NAMESPACE

namespace deskbase::widgets {

class NumberWidget;
class ChartTableModel;

class ChartView : public QWidget {
    Q_OBJECT
public:
    explicit ChartView(QWidget* parent = nullptr);
    ~ChartView() override;

    // Draws `data` with `settings`; ChartType::Auto picks the type from the result's shape.
    void setData(std::shared_ptr<const chart::ChartData> data,
                 const dashboard::VisualizationSettings& settings);
    // A plain line over prepared x/y (ascending x), e.g. millions of points; `reduce` false hands
    // every point to Qt Charts (for comparison in the benchmark).
    void setXYLine(std::shared_ptr<const chart::XYData> data, bool reduce = true, bool dateX = false);
    void clear();

    dashboard::ChartType shownType() const { return shownType_; }
    // Points currently handed to Qt Charts over all reduced lines (0 when nothing is reduced).
    std::size_t shownPoints() const;
    // Passes over the data by all reduced lines since the chart was built (a frame makes one each).
    std::size_t reductions() const;
    QChartView* chartView() const { return chartView_; }
    NumberWidget* numberWidget() const { return number_; }
    QTableView* tableView() const { return table_; }

    // Zooms the x axis of a line chart to [lo, hi] (data units), re-reducing.
    void zoomX(double lo, double hi);
    void resetZoom();

signals:
    void categoryClicked(const QString& column, const QString& value);
    // The x axis of a line, area or scatter chart now shows [lo, hi] (data units; dates in epoch
    // ms): a zoom, a reset, or the chart's own layout.
    void xRangeChanged(double lo, double hi);
    // Double-click: back to the whole x range.
    void zoomResetRequested();

protected:
    void resizeEvent(QResizeEvent* e) override;
    void changeEvent(QEvent* e) override;

private:
    void install(BuiltChart built);
    void updateReductionWidth();
    int expectedPlotWidth() const;
    void rebuild();

    QStackedLayout* stack_ = nullptr;
    QChartView* chartView_ = nullptr;
    NumberWidget* number_ = nullptr;
    QTableView* table_ = nullptr;
    ChartTableModel* model_ = nullptr;
    std::vector<ReducedLine*> reducers_;
    dashboard::ChartType shownType_ = dashboard::ChartType::Auto;
    std::shared_ptr<const chart::ChartData> data_;
    dashboard::VisualizationSettings settings_;
};

}  // namespace deskbase::widgets
