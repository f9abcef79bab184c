#include "widgets/charts/chart_view.h"

#include <functional>

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDate>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHeaderView>
#include <QMouseEvent>
#include <QStackedLayout>
#include <QTableView>
#include <QTimeZone>
#include <QToolTip>
#include <QValueAxis>

#include "core/chart/chart_pick.h"
#include "widgets/charts/chart_builder.h"
#include "widgets/charts/chart_palette.h"
#include "widgets/charts/chart_table_model.h"
#include "widgets/charts/number_widget.h"

namespace deskbase::widgets {

namespace {
// Rubber-band zoom in; double-click resets (right-click zooms out, as QChartView does).
class ZoomableChartView : public QChartView {
public:
    using QChartView::QChartView;
    std::function<void()> onReset;

protected:
    void mouseDoubleClickEvent(QMouseEvent* e) override {
        if (chart()) chart()->zoomReset();
        if (onReset) onReset();
        e->accept();
    }
};
}  // namespace

ChartView::ChartView(QWidget* parent) : QWidget(parent) {
    stack_ = new QStackedLayout(this);
    stack_->setContentsMargins(0, 0, 0, 0);
    auto* zoomable = new ZoomableChartView(this);
    zoomable->onReset = [this] { emit zoomResetRequested(); };
    chartView_ = zoomable;
    chartView_->setRenderHint(QPainter::Antialiasing);
    chartView_->setFrameShape(QFrame::NoFrame);
    chartView_->setStyleSheet(QStringLiteral("background: transparent"));
    number_ = new NumberWidget(this);
    table_ = new QTableView(this);
    model_ = new ChartTableModel(this);
    table_->setModel(model_);
    table_->setFrameShape(QFrame::NoFrame);
    table_->verticalHeader()->setVisible(false);
    table_->verticalHeader()->setDefaultSectionSize(22);
    table_->horizontalHeader()->setStretchLastSection(false);
    table_->setAlternatingRowColors(true);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    stack_->addWidget(chartView_);
    stack_->addWidget(number_);
    stack_->addWidget(table_);
}

ChartView::~ChartView() = default;

void ChartView::clear() {
    reducers_.clear();
    auto* old = chartView_->chart();
    chartView_->setChart(new QChart);  // QChartView owns the chart it shows
    delete old;
    data_.reset();
    shownType_ = dashboard::ChartType::Auto;
}

void ChartView::setData(std::shared_ptr<const chart::ChartData> data,
                        const dashboard::VisualizationSettings& s) {
    data_ = std::move(data);
    settings_ = s;
    rebuild();
}

void ChartView::rebuild() {
    if (!data_) return;
    const auto& d = *data_;
    auto type = settings_.type;
    if (type == dashboard::ChartType::Auto) type = chart::pickChartType(chart::columnTypes(d), d.rows.size());
    shownType_ = type;
    if (type == dashboard::ChartType::Number) {
        number_->setData(d, settings_);
        stack_->setCurrentWidget(number_);
        return;
    }
    if (type == dashboard::ChartType::Table) {
        model_->setData(data_, settings_);
        table_->resizeColumnsToContents();
        stack_->setCurrentWidget(table_);
        return;
    }
    ChartHooks hooks;
    QPointer<ChartView> self(this);
    hooks.tooltip = [self](const QString& text) {
        if (!self) return;
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(QCursor::pos(), text, self);
    };
    hooks.clicked = [self](const QString& column, const QString& value) {
        if (self) emit self->categoryClicked(column, value);
    };
    ChartOptions options;
    options.pixelColumns = expectedPlotWidth();
    options.today = QDate::currentDate().toString(Qt::ISODate).toStdString();
    install(buildChart(d, settings_, type, currentChartColors(), hooks, options));
    const bool zoomable = type == dashboard::ChartType::Line || type == dashboard::ChartType::Area ||
                          type == dashboard::ChartType::Scatter;
    chartView_->setRubberBand(zoomable ? QChartView::HorizontalRubberBand : QChartView::NoRubberBand);
    stack_->setCurrentWidget(chartView_);
}

void ChartView::setXYLine(std::shared_ptr<const chart::XYData> data, bool reduce, bool dateX) {
    data_.reset();
    shownType_ = dashboard::ChartType::Line;
    install(buildXYLineChart(std::move(data), reduce, dateX, currentChartColors(), expectedPlotWidth()));
    chartView_->setRubberBand(QChartView::HorizontalRubberBand);
    stack_->setCurrentWidget(chartView_);
}

void ChartView::install(BuiltChart built) {
    auto* old = chartView_->chart();
    chartView_->setChart(built.chart);
    delete old;
    reducers_ = std::move(built.reducers);
    for (QAbstractAxis* axis : built.chart->axes(Qt::Horizontal)) {
        if (auto* v = qobject_cast<QValueAxis*>(axis))
            connect(v, &QValueAxis::rangeChanged, this, [this](qreal lo, qreal hi) { emit xRangeChanged(lo, hi); });
        else if (auto* d = qobject_cast<QDateTimeAxis*>(axis))
            connect(d, &QDateTimeAxis::rangeChanged, this, [this](const QDateTime& lo, const QDateTime& hi) {
                emit xRangeChanged(double(lo.toMSecsSinceEpoch()), double(hi.toMSecsSinceEpoch()));
            });
    }
    // The plot's width settles in the chart's own layout pass, after the view's resize.
    if (!reducers_.empty())
        connect(built.chart, &QChart::plotAreaChanged, this, [this] { updateReductionWidth(); });
    updateReductionWidth();
}

std::size_t ChartView::shownPoints() const {
    std::size_t n = 0;
    for (auto* r : reducers_) n += r->shownPoints();
    return n;
}

std::size_t ChartView::reductions() const {
    std::size_t n = 0;
    for (auto* r : reducers_) n += r->reductions();
    return n;
}

int ChartView::expectedPlotWidth() const {
    // Before the first layout the plot is about the view less the axis labels' room.
    return std::max(100, width() - 80);
}

void ChartView::updateReductionWidth() {
    if (reducers_.empty() || !chartView_->chart()) return;
    const int plot = int(chartView_->chart()->plotArea().width());
    for (auto* r : reducers_) r->setPixelColumns(plot > 10 ? plot : expectedPlotWidth());
}

void ChartView::zoomX(double lo, double hi) {
    if (!chartView_->chart()) return;
    for (QAbstractAxis* axis : chartView_->chart()->axes(Qt::Horizontal)) {
        if (auto* v = qobject_cast<QValueAxis*>(axis))
            v->setRange(lo, hi);
        else if (auto* d = qobject_cast<QDateTimeAxis*>(axis))
            d->setRange(QDateTime::fromMSecsSinceEpoch(qint64(lo), QTimeZone::utc()),
                        QDateTime::fromMSecsSinceEpoch(qint64(hi), QTimeZone::utc()));
    }
}

void ChartView::resetZoom() {
    if (chartView_->chart()) chartView_->chart()->zoomReset();
    for (auto* r : reducers_) r->showAll();
}

void ChartView::resizeEvent(QResizeEvent* e) {
    QWidget::resizeEvent(e);
    updateReductionWidth();
}

void ChartView::changeEvent(QEvent* e) {
    QWidget::changeEvent(e);
    if (e->type() == QEvent::PaletteChange && data_) rebuild();  // light/dark switch
}

}  // namespace deskbase::widgets
