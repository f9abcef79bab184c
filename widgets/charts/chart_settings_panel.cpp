#include "widgets/charts/chart_settings_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <limits>

namespace deskbase::widgets {

using dashboard::ChartType;

namespace {
const ChartType kTypes[] = {ChartType::Auto, ChartType::Number,  ChartType::Table,    ChartType::Bar,
                            ChartType::Row,  ChartType::Line,    ChartType::Area,     ChartType::Combo,
                            ChartType::Pie,  ChartType::Scatter, ChartType::Histogram};

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

void selectData(QComboBox* box, const QString& value) {
    const int i = box->findData(value);
    box->setCurrentIndex(i >= 0 ? i : 0);
}

// A column named by the settings stays a choice even before (or without) a result that has it,
// so loading settings never loses it.
void selectColumn(QComboBox* box, const QString& column) {
    if (!column.isEmpty() && box->findData(column) < 0) box->addItem(column, column);
    selectData(box, column);
}
}  // namespace

ChartSettingsPanel::ChartSettingsPanel(QWidget* parent) : QWidget(parent) {
    auto* form = new QFormLayout(this);
    type_ = new QComboBox(this);
    for (ChartType t : kTypes)
        type_->addItem(text(std::string(dashboard::chartTypeName(t))),
                       text(std::string(dashboard::chartTypeName(t))));
    x_ = new QComboBox(this);
    y_ = new QComboBox(this);
    series_ = new QComboBox(this);
    xTitle_ = new QLineEdit(this);
    yTitle_ = new QLineEdit(this);
    log_ = new QCheckBox(tr("Logarithmic y axis"), this);
    decimals_ = new QSpinBox(this);
    decimals_->setRange(-1, 10);
    decimals_->setSpecialValueText(tr("auto"));
    thousands_ = new QCheckBox(tr("Thousands separators"), this);
    percent_ = new QCheckBox(tr("Percent"), this);
    compact_ = new QCheckBox(tr("Compact (1.2k)"), this);
    prefix_ = new QLineEdit(this);
    prefix_->setPlaceholderText(tr("e.g. $"));
    granularity_ = new QComboBox(this);
    for (const char* g : {"", "day", "week", "month", "quarter", "year"})
        granularity_->addItem(*g ? QString::fromLatin1(g) : tr("as is"), QString::fromLatin1(g));
    aggregation_ = new QComboBox(this);
    aggregation_->setToolTip(tr("How the rows of one date period or one category combine"));
    for (auto [a, label] : {std::pair{dashboard::Aggregation::Sum, tr("Sum")},
                            std::pair{dashboard::Aggregation::Average, tr("Average")},
                            std::pair{dashboard::Aggregation::Min, tr("Minimum")},
                            std::pair{dashboard::Aggregation::Max, tr("Maximum")},
                            std::pair{dashboard::Aggregation::Count, tr("Count")}})
        aggregation_->addItem(label, int(a));
    legend_ = new QCheckBox(tr("Legend"), this);
    labels_ = new QCheckBox(tr("Data labels"), this);
    stacked_ = new QCheckBox(tr("Stacked"), this);
    trend_ = new QCheckBox(tr("Trend line"), this);
    hasGoal_ = new QCheckBox(tr("Goal line"), this);
    goal_ = new QDoubleSpinBox(this);
    goal_->setRange(-std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
    goal_->setDecimals(2);
    form->addRow(tr("Chart"), type_);
    form->addRow(tr("X / category"), x_);
    form->addRow(tr("Y / measure"), y_);
    form->addRow(tr("Series"), series_);
    form->addRow(tr("X title"), xTitle_);
    form->addRow(tr("Y title"), yTitle_);
    form->addRow(QString(), log_);
    form->addRow(tr("Decimals"), decimals_);
    form->addRow(tr("Prefix"), prefix_);
    form->addRow(QString(), thousands_);
    form->addRow(QString(), percent_);
    form->addRow(QString(), compact_);
    form->addRow(tr("Dates by"), granularity_);
    form->addRow(tr("Combine by"), aggregation_);
    form->addRow(QString(), legend_);
    form->addRow(QString(), labels_);
    form->addRow(QString(), stacked_);
    form->addRow(QString(), trend_);
    form->addRow(hasGoal_, goal_);
    for (auto* c : {type_, x_, y_, series_, granularity_, aggregation_})
        connect(c, &QComboBox::currentIndexChanged, this, &ChartSettingsPanel::emitChanged);
    for (auto* e : {xTitle_, yTitle_, prefix_})
        connect(e, &QLineEdit::editingFinished, this, &ChartSettingsPanel::emitChanged);
    for (auto* b : {log_, thousands_, percent_, compact_, legend_, labels_, stacked_, trend_, hasGoal_})
        connect(b, &QCheckBox::toggled, this, &ChartSettingsPanel::emitChanged);
    connect(decimals_, &QSpinBox::valueChanged, this, &ChartSettingsPanel::emitChanged);
    connect(goal_, &QDoubleSpinBox::valueChanged, this, &ChartSettingsPanel::emitChanged);
    setSettings({});
}

void ChartSettingsPanel::setColumns(const std::vector<Column>& columns) {
    loading_ = true;
    for (auto* box : {x_, y_, series_}) {
        box->clear();
        box->addItem(tr("(automatic)"), QString());
        for (const auto& c : columns)
            box->addItem(text(c.displayName.empty() ? c.name : c.displayName), text(c.name));
    }
    selectSettingsColumns();
    loading_ = false;
}

void ChartSettingsPanel::selectSettingsColumns() {
    selectColumn(x_, text(base_.x));
    selectColumn(y_, base_.y.empty() ? QString() : text(base_.y.front()));
    selectColumn(series_, text(base_.series));
}

void ChartSettingsPanel::setSettings(const dashboard::VisualizationSettings& s) {
    loading_ = true;
    base_ = s;
    selectData(type_, text(std::string(dashboard::chartTypeName(s.type))));
    selectSettingsColumns();
    xTitle_->setText(text(s.xTitle));
    yTitle_->setText(text(s.yTitle));
    log_->setChecked(s.logScale);
    decimals_->setValue(s.format.decimals);
    thousands_->setChecked(s.format.thousands);
    percent_->setChecked(s.format.percent);
    compact_->setChecked(s.format.compact);
    prefix_->setText(text(s.format.prefix));
    selectData(granularity_, text(s.dateGranularity));
    aggregation_->setCurrentIndex(aggregation_->findData(int(s.aggregation)));
    legend_->setChecked(s.legend);
    labels_->setChecked(s.dataLabels);
    stacked_->setChecked(s.stacked);
    trend_->setChecked(s.trendLine);
    hasGoal_->setChecked(s.goal.has_value());
    goal_->setValue(s.goal.value_or(0));
    goal_->setEnabled(s.goal.has_value());
    loading_ = false;
}

dashboard::VisualizationSettings ChartSettingsPanel::settings() const {
    dashboard::VisualizationSettings s = base_;
    s.type =
        dashboard::parseChartType(type_->currentData().toString().toStdString()).value_or(ChartType::Auto);
    s.x = x_->currentData().toString().toStdString();
    const std::string y = y_->currentData().toString().toStdString();
    // One measure picked here; several (from the file) are kept while the choice is unchanged.
    if (y.empty())
        s.y.clear();
    else if (s.y.empty() || s.y.front() != y)
        s.y = {y};
    s.series = series_->currentData().toString().toStdString();
    s.xTitle = xTitle_->text().toStdString();
    s.yTitle = yTitle_->text().toStdString();
    s.logScale = log_->isChecked();
    s.format.decimals = decimals_->value();
    s.format.thousands = thousands_->isChecked();
    s.format.percent = percent_->isChecked();
    s.format.compact = compact_->isChecked();
    s.format.prefix = prefix_->text().toStdString();
    s.dateGranularity = granularity_->currentData().toString().toStdString();
    s.aggregation = dashboard::Aggregation(aggregation_->currentData().toInt());
    s.legend = legend_->isChecked();
    s.dataLabels = labels_->isChecked();
    s.stacked = stacked_->isChecked();
    s.trendLine = trend_->isChecked();
    if (hasGoal_->isChecked())
        s.goal = goal_->value();
    else
        s.goal.reset();
    return s;
}

void ChartSettingsPanel::emitChanged() {
    goal_->setEnabled(hasGoal_->isChecked());
    if (loading_) return;
    base_ = settings();
    emit settingsChanged(base_);
}

}  // namespace deskbase::widgets
