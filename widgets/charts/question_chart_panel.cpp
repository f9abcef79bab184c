#include "widgets/charts/question_chart_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>
#include <atomic>

#include "core/chart/chart_data.h"
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
                draw();
                emit settingsChanged(s);
            });
}

QuestionChartPanel::~QuestionChartPanel() {
    mailbox_.close();  // a run finishing now is dropped
    executor_.cancelSlot(slot_);
}

void QuestionChartPanel::setSettings(const dashboard::VisualizationSettings& s) {
    settings_ = s;
    settingsPanel_->setSettings(s);
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
    const std::uint64_t gen = ++generation_;
    loading_ = true;
    setStatus(tr("Loading…"), false);
    QueryRequest request;
    request.target = target;
    request.sql = sql;
    request.params = params;
    request.slotKey = slot_;
    request.rowLimit = kMaxRows;
    request.useCache = false;
    request.onFinished = [mailbox = mailbox_.address(), panel = this, gen](const Result<QueryResult>& r) {
        if (!r.isOk()) {
            const QString error = QString::fromStdString(r.message());
            mailbox.post([panel, gen, error] { panel->finish(gen, nullptr, false, error); });
            return;
        }
        auto data = std::make_shared<const chart::ChartData>(chart::chartDataFrom(r.value()));
        mailbox.post([panel, gen, data, truncated = r.value().truncated] {
            panel->finish(gen, data, truncated, QString());
        });
    };
    executor_.submit(std::move(request));
}

void QuestionChartPanel::finish(std::uint64_t generation, std::shared_ptr<const chart::ChartData> data,
                                bool truncated, const QString& error) {
    if (generation != generation_) return;  // a newer query is on its way
    loading_ = false;
    if (!data) {
        data_.reset();
        shownKey_.clear();
        chart_->clear();
        if (error != QStringLiteral("superseded")) {
            setStatus(error == QStringLiteral("cancelled") ? tr("Cancelled") : error, true);
            emit failed(error);
        }
        return;
    }
    data_ = std::move(data);
    settingsPanel_->setColumns(data_->columns);
    const QLocale locale;
    if (data_->rows.empty())
        setStatus(tr("No results"), false);
    else if (truncated)
        setStatus(tr("The chart shows the first %1 rows; aggregate in SQL (GROUP BY) to chart them all.")
                      .arg(locale.toString(qlonglong(data_->rows.size()))),
                  false);
    else
        setStatus(QString(), false);
    draw();
    emit loaded(qint64(data_->rows.size()), truncated);
}

void QuestionChartPanel::draw() {
    if (!data_ || data_->rows.empty()) {
        chart_->clear();
        return;
    }
    chart_->setData(data_, settings_);
}

void QuestionChartPanel::invalidate() {
    shownKey_.clear();
    data_.reset();
}

void QuestionChartPanel::cancel() {
    if (!loading_) return;
    executor_.cancelSlot(slot_);
}

void QuestionChartPanel::clear() {
    ++generation_;
    executor_.cancelSlot(slot_);
    loading_ = false;
    invalidate();
    chart_->clear();
    setStatus(QString(), false);
}

}  // namespace deskbase::widgets
