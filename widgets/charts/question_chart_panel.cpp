#include "widgets/charts/question_chart_panel.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>
#include <atomic>
#include <cmath>

#include "core/chart/chart_data.h"
#include "core/chart/m4_fetch.h"
#include "core/exec/query_executor.h"
#include "core/sql/statement_kind.h"
#include "core/warehouse/warehouse.h"
#include "widgets/charts/chart_palette.h"
#include "widgets/charts/chart_settings_panel.h"
#include "widgets/charts/chart_view.h"

namespace deskbase::widgets {

namespace {
std::string nextSlot() {
    static std::atomic<std::uint64_t> next{1};
    return "chart" + std::to_string(next++);
}

std::string queryKey(const std::string& target, const std::string& sql, const std::vector<Value>& params) {
    std::string key = target + '\x1f' + sql;
    for (const Value& v : params) key += '\x1f' + std::to_string(v.index()) + valueToText(v);
    return key;
}
}  // namespace

QuestionChartPanel::QuestionChartPanel(QueryExecutor& executor, QWidget* parent)
    : QWidget(parent),
      executor_(executor),
      slot_(nextSlot()),
      chart_(new ChartView(this)),
      settingsPanel_(new ChartSettingsPanel(this)),
      settingsScroll_(new QScrollArea(this)),
      status_(new QLabel(this)) {
    setObjectName(QStringLiteral("questionChart"));

    status_->setWordWrap(true);
    status_->setTextFormat(Qt::PlainText);
    status_->setVisible(false);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(status_);
    leftLayout->addWidget(chart_, 1);

    settingsScroll_->setWidget(settingsPanel_);
    settingsScroll_->setWidgetResizable(true);
    settingsScroll_->setFrameShape(QFrame::NoFrame);
    settingsScroll_->setMinimumWidth(settingsPanel_->sizeHint().width() + 24);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(settingsScroll_);
    splitter->setStretchFactor(0, 1);
    splitter->setCollapsible(0, false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(settingsPanel_, &ChartSettingsPanel::settingsChanged, this,
            [this](const dashboard::VisualizationSettings& s) {
                settings_ = s;
                // Reduced rows hold only the drawn columns: other settings need the warehouse again.
                if (reduced_)
                    rerun();
                else
                    draw();
                emit settingsChanged(s);
            });
    connect(chart_, &ChartView::xRangeChanged, this, [this](double lo, double hi) { zoomTo(lo, hi); });
    connect(chart_, &ChartView::zoomResetRequested, this, [this] {
        if (reduced_) zoomTo(xMin_, xMax_);
    });
}

QuestionChartPanel::~QuestionChartPanel() {
    mailbox_.close();  // a run finishing now is dropped
    executor_.cancelSlot(slot_);
    executor_.cancelSlot(slot_ + "-zoom");
}

void QuestionChartPanel::setSettings(const dashboard::VisualizationSettings& s) {
    const bool changed = !(s == settings_);
    settings_ = s;
    settingsPanel_->setSettings(s);
    if (reduced_ && changed)
        rerun();
    else
        draw();
}

dashboard::VisualizationSettings QuestionChartPanel::settings() const {
    return settings_;
}

void QuestionChartPanel::setSettingsVisible(bool visible) {
    settingsScroll_->setVisible(visible);
}

QString QuestionChartPanel::statusText() const {
    return status_->isHidden() ? QString() : status_->text();
}

void QuestionChartPanel::setStatus(const QString& text, bool isError) {
    QPalette pal = status_->palette();
    const ChartColors colors = currentChartColors();
    pal.setColor(QPalette::WindowText, isError ? colors.negative : colors.mutedText);
    status_->setPalette(pal);
    status_->setText(text);
    status_->setVisible(!text.isEmpty());
}

void QuestionChartPanel::showQuery(const std::string& target, const std::string& sql,
                                   const std::vector<Value>& params) {
    std::string key = queryKey(target, sql, params);
    if (key == shownKey_ && (loading_ || data_)) return;
    // The grid has already run the statement once; an INSERT or CREATE must not run again here.
    if (!classifyStatement(sql, Warehouse::dialectFor(target)).readOnly) {
        clear();
        setStatus(tr("Only a query (SELECT, WITH, VALUES) can be drawn as a chart."), false);
        return;
    }
    shownKey_ = std::move(key);
    target_ = target;
    sql_ = sql;
    params_ = params;
    const std::uint64_t gen = ++generation_;
    ++zoomGeneration_;
    loading_ = true;
    setStatus(tr("Loading…"), false);
    QueryRequest request;
    request.target = target;
    request.sql = sql;
    request.params = params;
    request.slotKey = slot_;
    request.useCache = false;
    auto fetch = std::make_shared<chart::ChartFetch>();
    const int width = plotWidth();
    request.work = [fetch, sql, params, settings = settings_, width](Warehouse& connection,
                                                                     const std::atomic<bool>& cancelled)
        -> Result<QueryResult> {
        auto r = chart::fetchForChart(connection, sql, params, settings, width, kReduceAbove, kMaxRows, cancelled);
        if (!r) return Error{r.message()};
        *fetch = std::move(*r);
        return std::move(fetch->result);
    };
    request.onFinished = [mailbox = mailbox_.address(), panel = this, gen, fetch](const Result<QueryResult>& r) {
        if (!r.isOk()) {
            const QString error = QString::fromStdString(r.message());
            mailbox.post([panel, gen, error] { panel->finish(gen, nullptr, false, error); });
            return;
        }
        auto data = std::make_shared<const chart::ChartData>(chart::chartDataFrom(r.value()));
        mailbox.post([panel, gen, data, truncated = r.value().truncated, fetch] {
            panel->finish(gen, data, truncated, QString(), fetch);
        });
    };
    executor_.submit(std::move(request));
}

void QuestionChartPanel::rerun() {
    if (shownKey_.empty()) return;
    shownKey_.clear();
    showQuery(target_, sql_, params_);
}

int QuestionChartPanel::plotWidth() const {
    const QChart* c = chart_->chartView()->chart();
    const int plot = c ? int(c->plotArea().width()) : 0;
    return plot > 10 ? plot : std::max(100, chart_->width() - 80);  // less the axis labels' room
}

std::size_t QuestionChartPanel::drawnRows() const {
    return data_ ? data_->rows.size() : 0;
}

void QuestionChartPanel::showReducedStatus(std::size_t rows) {
    const QLocale locale;
    setStatus(tr("Reduced in the warehouse from %1 rows to %2 (M4: the first, last, lowest and highest "
                 "point of each pixel column)")
                  .arg(locale.toString(qlonglong(sourceRows_)), locale.toString(qlonglong(rows))),
              false);
}

void QuestionChartPanel::finish(std::uint64_t generation, std::shared_ptr<const chart::ChartData> data,
                                bool truncated, const QString& error, std::shared_ptr<const chart::ChartFetch> fetch) {
    if (generation != generation_) return;  // a newer query is on its way
    loading_ = false;
    if (!data) {
        data_.reset();
        shownKey_.clear();
        reduced_ = false;
        chart_->clear();
        if (error != QStringLiteral("superseded")) {
            setStatus(error == QStringLiteral("cancelled") ? tr("Cancelled") : error, true);
            emit failed(error);
        }
        return;
    }
    data_ = std::move(data);
    reduced_ = fetch && fetch->reduced;
    if (reduced_) {
        sourceRows_ = fetch->sourceRows;
        m4_ = std::make_shared<const chart::M4Plan>(*fetch->m4);
        m4Settings_ = fetch->settings;
        xMin_ = zoomLo_ = fetch->xMin;
        xMax_ = zoomHi_ = fetch->xMax;
        settingsPanel_->setColumns(fetch->questionColumns);
    } else {
        sourceRows_ = qint64(data_->rows.size());
        m4_.reset();
        settingsPanel_->setColumns(fetch && !fetch->questionColumns.empty() ? fetch->questionColumns
                                                                            : data_->columns);
    }
    const QLocale locale;
    if (data_->rows.empty())
        setStatus(tr("No results"), false);
    else if (reduced_)
        showReducedStatus(data_->rows.size());
    else if (truncated)
        setStatus(tr("The chart shows the first %1 rows (%2); aggregate in SQL (GROUP BY) to chart them all.")
                      .arg(locale.toString(qlonglong(data_->rows.size())),
                           fetch ? QString::fromStdString(fetch->notReduced) : QString()),
                  false);
    else
        setStatus(QString(), false);
    draw();
    emit loaded(qint64(data_->rows.size()), truncated);
}

void QuestionChartPanel::zoomTo(double lo, double hi) {
    if (!reduced_ || !m4_ || applyingZoom_ || !(hi > lo)) return;
    // The axis reports ranges while the chart lays out: only a real change of range re-runs.
    const double tolerance = (zoomHi_ - zoomLo_) * 1e-6;
    if (std::abs(lo - zoomLo_) <= tolerance && std::abs(hi - zoomHi_) <= tolerance) return;
    zoomLo_ = lo;
    zoomHi_ = hi;
    const std::uint64_t gen = ++zoomGeneration_;
    const std::uint64_t queryGen = generation_;
    QueryRequest request;
    request.target = target_;
    request.sql = sql_;
    request.params = params_;
    request.slotKey = slot_ + "-zoom";
    request.useCache = false;
    auto m4 = std::make_shared<chart::M4Plan>(*m4_);
    m4->request.width = plotWidth();  // the plot may have been resized since
    request.work = [m4, params = params_, lo, hi](Warehouse& connection, const std::atomic<bool>& cancelled) {
        return chart::fetchM4(connection, *m4, params, lo, hi, cancelled);
    };
    request.onFinished = [mailbox = mailbox_.address(), panel = this, gen, queryGen, lo, hi](const Result<QueryResult>& r) {
        const QString error = r.isOk() ? QString() : QString::fromStdString(r.message());
        auto data = r.isOk() ? std::make_shared<const chart::ChartData>(chart::chartDataFrom(r.value())) : nullptr;
        mailbox.post([panel, gen, queryGen, lo, hi, data, error] {
            if (queryGen != panel->generation_) return;
            panel->finishZoom(gen, lo, hi, data, error);
        });
    };
    executor_.submit(std::move(request));
}

void QuestionChartPanel::finishZoom(std::uint64_t generation, double lo, double hi,
                                    std::shared_ptr<const chart::ChartData> data, const QString& error) {
    if (generation != zoomGeneration_) return;  // a newer zoom is on its way
    if (!data) {
        if (error != QStringLiteral("superseded") && error != QStringLiteral("cancelled")) setStatus(error, true);
        return;
    }
    data_ = std::move(data);
    applyingZoom_ = true;
    chart_->setData(data_, m4Settings_);
    chart_->zoomX(lo, hi);
    applyingZoom_ = false;
    showReducedStatus(data_->rows.size());
    emit zoomLoaded(lo, hi, qint64(data_->rows.size()));
}

void QuestionChartPanel::draw() {
    if (!data_ || data_->rows.empty()) {
        chart_->clear();
        return;
    }
    applyingZoom_ = true;  // the new chart's own first range is not a zoom
    chart_->setData(data_, reduced_ ? m4Settings_ : settings_);
    applyingZoom_ = false;
}

void QuestionChartPanel::invalidate() {
    shownKey_.clear();
    data_.reset();
    reduced_ = false;
    m4_.reset();
}

void QuestionChartPanel::cancel() {
    if (!loading_) return;
    executor_.cancelSlot(slot_);
    executor_.cancelSlot(slot_ + "-zoom");
}

void QuestionChartPanel::clear() {
    ++generation_;
    executor_.cancelSlot(slot_);
    executor_.cancelSlot(slot_ + "-zoom");
    loading_ = false;
    invalidate();
    chart_->clear();
    setStatus(QString(), false);
}

}  // namespace deskbase::widgets
