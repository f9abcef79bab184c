#include "widgets/dashboard/filter_form.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QVBoxLayout>
#include <filesystem>

#include "core/dashboard/filter_editing.h"
#include "widgets/charts/chart_palette.h"
#include "widgets/dashboard/dashboard_session.h"
#include "widgets/dashboard/filter_value_editor.h"
#include "widgets/dashboard/filter_wiring.h"

namespace deskbase::widgets {

namespace {
QLabel* sectionTitle(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

QString fileOf(const WorkspaceQuestion& q) {
    return QString::fromStdString(std::filesystem::path(q.file).filename().string());
}
}  // namespace

FilterForm::FilterForm(DashboardSession* session, const std::vector<TableInfo>& tables,
                       const std::map<std::string, QString>& cardTitles, const std::string& filterId,
                       QWidget* parent)
    : QWidget(parent), session_(session), tables_(tables), id_(filterId) {
    const dashboard::Filter* current = filter();
    if (!current) return;
    const dashboard::Filter f = *current;
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* form = new QFormLayout;
    label_ = new QLineEdit(QString::fromStdString(f.label), this);
    label_->setObjectName(QStringLiteral("filterLabel"));
    connect(label_, &QLineEdit::editingFinished, this, [this] {
        dashboard::Filter g = *filter();
        g.label = label_->text().trimmed().toStdString();
        commit(g);
    });
    form->addRow(tr("Label"), label_);
    type_ = new QComboBox(this);
    type_->setObjectName(QStringLiteral("filterType"));
    for (const auto& [t, name] : {std::pair{dashboard::FilterType::Text, tr("Text")},
                                  std::pair{dashboard::FilterType::Number, tr("Number")},
                                  std::pair{dashboard::FilterType::DateRange, tr("Date range")},
                                  std::pair{dashboard::FilterType::List, tr("List of values")}})
        type_->addItem(name, QString::fromStdString(std::string(dashboard::filterTypeName(t))));
    type_->setCurrentIndex(
        type_->findData(QString::fromStdString(std::string(dashboard::filterTypeName(f.type)))));
    connect(type_, &QComboBox::activated, this, [this](int i) {
        dashboard::Filter g = *filter();
        const auto t = dashboard::parseFilterType(type_->itemData(i).toString().toStdString());
        if (!t || *t == g.type) return;
        g.type = *t;
        g.defaultValue = g.type == dashboard::FilterType::DateRange ? std::vector<std::string>{"", ""}
                                                                    : std::vector<std::string>{};
        if (g.type != dashboard::FilterType::DateRange)
            for (auto& target : g.targets) target.parameterEnd.clear();
        commit(g);
    });
    form->addRow(tr("Type"), type_);
    // The default offers the choices the dashboard shows (those its question returned).
    dashboard::Filter shown = f;
    for (const auto& s : session_->shownFilters())
        if (s.id == f.id) shown.options = s.options;
    default_ = new FilterValueEditor(shown, this);
    default_->setObjectName(QStringLiteral("filterDefault"));
    default_->setValue(f.defaultValue);
    connect(default_, &FilterValueEditor::valueEdited, this, [this](const std::vector<std::string>& v) {
        dashboard::Filter g = *filter();
        g.defaultValue =
            v.empty() && g.type == dashboard::FilterType::DateRange ? std::vector<std::string>{"", ""} : v;
        commit(g);
    });
    form->addRow(tr("Default"), default_);
    layout->addLayout(form);

    if (f.type == dashboard::FilterType::List) addChoicesSection(layout, f);

    layout->addWidget(sectionTitle(tr("Clicking a bar or slice sets it"), this));
    crossFilter_ = new QLineEdit(QString::fromStdString(f.column), this);
    crossFilter_->setObjectName(QStringLiteral("filterColumn"));
    crossFilter_->setPlaceholderText(tr("a result column, e.g. category (empty: off)"));
    connect(crossFilter_, &QLineEdit::editingFinished, this, [this] {
        dashboard::Filter g = *filter();
        g.column = crossFilter_->text().trimmed().toStdString();
        commit(g);
    });
    layout->addWidget(crossFilter_);

    layout->addWidget(sectionTitle(tr("Cards it filters"), this));
    wiring_ = new FilterWiring(this);
    if (session_->workspace()) wiring_->show(*session_->workspace(), session_->dashboard(), f, cardTitles);
    connect(wiring_, &FilterWiring::wiringEdited, this, &FilterForm::commit);
    connect(wiring_, &FilterWiring::wireMatchingRequested, this, [this] { session_->autoWireFilter(id_); });
    layout->addWidget(wiring_);

    problems_ = new QLabel(this);
    problems_->setObjectName(QStringLiteral("filterProblems"));
    problems_->setWordWrap(true);
    QPalette pal = problems_->palette();
    pal.setColor(QPalette::WindowText, currentChartColors().negative);
    problems_->setPalette(pal);
    QStringList lines;
    if (session_->workspace())
        for (const auto& p : dashboard::filterProblems(*session_->workspace(), session_->dashboard(), f))
            lines << QString::fromStdString(p);
    problems_->setText(lines.join(QLatin1Char('\n')));
    problems_->setVisible(!lines.isEmpty());
    layout->addWidget(problems_);
    layout->addStretch(1);
}

void FilterForm::addChoicesSection(QVBoxLayout* layout, const dashboard::Filter& f) {
    layout->addWidget(sectionTitle(tr("Choices"), this));
    fromColumn_ = new QRadioButton(tr("Values of a column"), this);
    fromQuestion_ = new QRadioButton(tr("Results of a saved question (first column)"), this);
    typed_ = new QRadioButton(tr("Only the values typed below"), this);
    fromColumn_->setObjectName(QStringLiteral("choicesFromColumn"));  // names find them again after a rebuild
    fromQuestion_->setObjectName(QStringLiteral("choicesFromQuestion"));
    typed_->setObjectName(QStringLiteral("choicesOnlyTyped"));
    table_ = new QComboBox(this);
    table_->setObjectName(QStringLiteral("choicesTable"));
    column_ = new QComboBox(this);
    column_->setObjectName(QStringLiteral("choicesColumn"));
    question_ = new QComboBox(this);
    question_->setObjectName(QStringLiteral("choicesQuestion"));
    for (const auto& t : tables_) table_->addItem(QString::fromStdString(t.name));
    // Which table and column give the current choices, when a values question does.
    const auto [tableIndex, columnIndex] = valuesSource(f.optionsQuestion);
    auto fillColumns = [this](int t) {
        column_->clear();
        if (t >= 0 && t < int(tables_.size()))
            for (const auto& c : tables_[std::size_t(t)].columns)
                column_->addItem(QString::fromStdString(c.name));
    };
    table_->setCurrentIndex(tableIndex);
    fillColumns(tableIndex);
    column_->setCurrentIndex(columnIndex);
    if (const Workspace* ws = session_->workspace())
        for (const auto& q : ws->questions())
            question_->addItem(QString::fromStdString(q.question.name), fileOf(q));
    question_->setCurrentIndex(question_->findData(QString::fromStdString(f.optionsQuestion)));
    if (tableIndex >= 0)
        fromColumn_->setChecked(true);
    else if (!f.optionsQuestion.empty())
        fromQuestion_->setChecked(true);
    else
        typed_->setChecked(true);
    auto* columnRow = new QHBoxLayout;
    columnRow->setContentsMargins(20, 0, 0, 0);
    columnRow->addWidget(table_, 1);
    columnRow->addWidget(column_, 1);
    auto* questionRow = new QHBoxLayout;
    questionRow->setContentsMargins(20, 0, 0, 0);
    questionRow->addWidget(question_, 1);
    layout->addWidget(fromColumn_);
    layout->addLayout(columnRow);
    layout->addWidget(fromQuestion_);
    layout->addLayout(questionRow);
    layout->addWidget(typed_);
    values_ = new QPlainTextEdit(this);
    values_->setObjectName(QStringLiteral("choicesTyped"));
    values_->setPlaceholderText(tr("One value per line (also offered when the question cannot run)"));
    values_->setMaximumHeight(90);
    QStringList typedValues;
    for (const auto& o : f.options) typedValues << QString::fromStdString(o);
    values_->setPlainText(typedValues.join(QLatin1Char('\n')));
    values_->installEventFilter(this);
    layout->addWidget(values_);

    connect(table_, &QComboBox::activated, this, [this, fillColumns](int t) {
        fillColumns(t);
        column_->setCurrentIndex(-1);  // the column is chosen next
        fromColumn_->setChecked(true);
    });
    connect(column_, &QComboBox::activated, this, [this] {
        fromColumn_->setChecked(true);
        useColumn();
    });
    connect(fromColumn_, &QRadioButton::clicked, this, &FilterForm::useColumn);
    auto useQuestion = [this] {
        fromQuestion_->setChecked(true);
        dashboard::Filter g = *filter();
        g.optionsQuestion = question_->currentData().toString().toStdString();
        commit(g);
    };
    connect(question_, &QComboBox::activated, this, useQuestion);
    connect(fromQuestion_, &QRadioButton::clicked, this, useQuestion);
    connect(typed_, &QRadioButton::clicked, this, [this] {
        dashboard::Filter g = *filter();
        g.optionsQuestion.clear();
        commit(g);
    });
}

void FilterForm::useColumn() {
    if (table_->currentIndex() < 0 || column_->currentIndex() < 0) return;
    const std::string table = table_->currentText().toStdString(),
                      column = column_->currentText().toStdString();
    auto file = session_->createValuesQuestion(table, column);
    if (!file) {
        problems_->setText(QString::fromStdString(file.message()));
        problems_->show();
        return;
    }
    dashboard::Filter g = *filter();
    // Clicking that column's bars then sets the filter, unless the user chose another column.
    const auto [oldTable, oldColumn] = valuesSource(g.optionsQuestion);
    if (g.column.empty() ||
        (oldTable >= 0 && g.column == tables_[std::size_t(oldTable)].columns[std::size_t(oldColumn)].name))
        g.column = column;
    g.optionsQuestion = *file;
    commit(g);
}

std::pair<int, int> FilterForm::valuesSource(const std::string& optionsQuestion) const {
    for (int t = 0; t < int(tables_.size()); ++t)
        for (int c = 0; c < int(tables_[std::size_t(t)].columns.size()); ++c)
            if (dashboard::distinctValuesFileName(tables_[std::size_t(t)].name,
                                                  tables_[std::size_t(t)].columns[std::size_t(c)].name) ==
                optionsQuestion)
                return {t, c};
    return {-1, -1};
}

bool FilterForm::eventFilter(QObject* watched, QEvent* event) {
    if (watched == values_ && event->type() == QEvent::FocusOut && filter()) {
        dashboard::Filter g = *filter();
        g.options.clear();
        for (const QString& line : values_->toPlainText().split(QLatin1Char('\n')))
            if (!line.trimmed().isEmpty()) g.options.push_back(line.trimmed().toStdString());
        commit(g);
    }
    return QWidget::eventFilter(watched, event);
}

const dashboard::Filter* FilterForm::filter() const {
    return session_->dashboard().filter(id_);
}

void FilterForm::commit(const dashboard::Filter& f) {
    if (filter() && f == *filter()) return;
    session_->updateFilter(f);
}

}  // namespace deskbase::widgets
