#include "widgets/checks/check_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>

#include "core/checks/check_file.h"

namespace deskbase::widgets {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool isNumeric(ColumnType t) {
    return t == ColumnType::Integer || t == ColumnType::Real;
}

QPlainTextEdit* textBox(QWidget* parent, const QString& placeholder, int lines) {
    auto* e = new QPlainTextEdit(parent);
    e->setPlaceholderText(placeholder);
    e->setTabChangesFocus(true);
    e->setFixedHeight(e->fontMetrics().lineSpacing() * lines + 12);
    return e;
}

}  // namespace

CheckEditor::CheckEditor(const QString& workspaceDir, TableInfo table, std::vector<TableInfo> tables,
                         QWidget* parent)
    : QDialog(parent), dir_(workspaceDir), table_(std::move(table)), tables_(std::move(tables)) {
    path_ = QDir(dir_).filePath(QStringLiteral("checks/%1.json").arg(qs(table_.name)));
    setWindowTitle(tr("Checks on %1").arg(qs(table_.name)));
    build();
    showKindFields();
}

void CheckEditor::build() {
    list_ = new QListWidget(this);
    add_ = new QPushButton(tr("Add check"), this);
    remove_ = new QPushButton(tr("Remove"), this);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(list_, 1);
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(add_);
    listButtons->addWidget(remove_);
    leftLayout->addLayout(listButtons);

    auto* right = new QWidget(this);
    fields_ = new QFormLayout(right);
    kind_ = new QComboBox(right);
    for (CheckKind k : allCheckKinds()) kind_->addItem(qs(checkKindName(k)));
    name_ = new QLineEdit(right);
    column_ = new QComboBox(right);
    column_->setEditable(true);
    fillColumns(column_, &table_);
    keyColumns_ = new QListWidget(right);
    keyColumns_->setFixedHeight(keyColumns_->fontMetrics().lineSpacing() * 5 + 12);
    for (const auto& c : table_.columns) {
        auto* item = new QListWidgetItem(qs(c.name), keyColumns_);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    values_ = textBox(right, tr("one accepted value per line"), 4);
    numeric_ = new QCheckBox(tr("The values are numbers"), right);
    to_ = new QComboBox(right);
    to_->setEditable(true);
    for (const auto& t : tables_) to_->addItem(qs(t.name));
    field_ = new QComboBox(right);
    field_->setEditable(true);
    min_ = new QLineEdit(right);
    min_->setPlaceholderText(tr("a number or a date (2024-01-31); empty: no minimum"));
    max_ = new QLineEdit(right);
    max_->setPlaceholderText(tr("empty: no maximum"));
    minInclusive_ = new QCheckBox(tr("the minimum itself passes"), right);
    maxInclusive_ = new QCheckBox(tr("the maximum itself passes"), right);
    minInclusive_->setChecked(true);
    maxInclusive_->setChecked(true);
    auto* regexRow = new QWidget(right);
    auto* regexLayout = new QVBoxLayout(regexRow);
    regexLayout->setContentsMargins(0, 0, 0, 0);
    regex_ = new QLineEdit(regexRow);
    regex_->setPlaceholderText(QStringLiteral("^[^@]+@[^@]+$"));
    regexStatus_ = new QLabel(regexRow);
    regexStatus_->setWordWrap(true);
    regexLayout->addWidget(regex_);
    regexLayout->addWidget(regexStatus_);
    warnAfter_ = new QLineEdit(right);
    warnAfter_->setPlaceholderText(tr("e.g. 2d, 12h, 30m"));
    errorAfter_ = new QLineEdit(right);
    errorAfter_->setPlaceholderText(tr("e.g. 7d"));
    auto* requiredRow = new QWidget(right);
    auto* requiredLayout = new QVBoxLayout(requiredRow);
    requiredLayout->setContentsMargins(0, 0, 0, 0);
    required_ = textBox(requiredRow, tr("one \"name type\" per line; the type may be left out"), 4);
    fillRequired_ = new QPushButton(tr("Fill from the table"), requiredRow);
    requiredLayout->addWidget(required_);
    requiredLayout->addWidget(fillRequired_, 0, Qt::AlignLeft);
    sql_ = textBox(right, tr("a SELECT returning the failing rows"), 4);
    severity_ = new QComboBox(right);
    severity_->addItems({QStringLiteral("error"), QStringLiteral("warn")});
    mostly_ = new QLineEdit(right);
    mostly_->setPlaceholderText(tr("empty: every row; 0.99: 99% of the rows must pass"));
    description_ = new QLineEdit(right);

    fields_->addRow(tr("Check"), kind_);
    fields_->addRow(tr("Name"), name_);
    fields_->addRow(tr("Column"), column_);
    fields_->addRow(tr("Key columns"), keyColumns_);
    fields_->addRow(tr("Accepted values"), values_);
    fields_->addRow(QString(), numeric_);
    fields_->addRow(tr("Must exist in table"), to_);
    fields_->addRow(tr("Column of that table"), field_);
    fields_->addRow(tr("Minimum"), min_);
    fields_->addRow(QString(), minInclusive_);
    fields_->addRow(tr("Maximum"), max_);
    fields_->addRow(QString(), maxInclusive_);
    fields_->addRow(tr("Regular expression"), regexRow);
    fields_->addRow(tr("Warn after"), warnAfter_);
    fields_->addRow(tr("Error after"), errorAfter_);
    fields_->addRow(tr("Required columns"), requiredRow);
    fields_->addRow(tr("SQL"), sql_);
    fields_->addRow(tr("Severity"), severity_);
    fields_->addRow(tr("Mostly"), mostly_);
    fields_->addRow(tr("Description"), description_);

    validation_ = new QLabel(this);
    validation_->setWordWrap(true);
    validation_->setObjectName(QStringLiteral("checkValidation"));
    onFailure_ = new QComboBox(this);
    onFailure_->addItem(tr("An import still commits when an error check fails"), QStringLiteral("warn"));
    onFailure_->addItem(tr("An import is refused when an error check fails"), QStringLiteral("refuse"));
    auto* box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    save_ = box->addButton(QDialogButtonBox::Save);

    auto* split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(validation_);
    layout->addWidget(onFailure_);
    layout->addWidget(box);
    resize(760, 560);

    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(save_, &QPushButton::clicked, this, [this] {
        QString error;
        if (save(&error))
            accept();
        else
            validation_->setText(error);
    });
    connect(add_, &QPushButton::clicked, this, [this] { addCheck(); });
    connect(remove_, &QPushButton::clicked, this, [this] { removeCheck(current_); });
    connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!filling_) selectCheck(row);
    });
    connect(fillRequired_, &QPushButton::clicked, this, [this] {
        QStringList lines;
        for (const auto& c : table_.columns)
            lines << qs(c.name) + QLatin1Char(' ') + qs(columnTypeName(c.type));
        required_->setPlainText(lines.join(QLatin1Char('\n')));
    });
    connect(to_, &QComboBox::currentTextChanged, this, [this](const QString& t) {
        if (!filling_) fillColumns(field_, findTable(t));
    });
    connect(column_, &QComboBox::currentTextChanged, this, [this](const QString& c) {
        if (filling_) return;
        for (const auto& col : table_.columns)
            if (qs(col.name) == c) numeric_->setChecked(isNumeric(col.type));
    });
    auto changed = [this] { fieldsChanged(); };
    for (QComboBox* b : {kind_, column_, to_, field_, severity_})
        connect(b, &QComboBox::currentTextChanged, this, changed);
    for (QLineEdit* e : {name_, min_, max_, regex_, warnAfter_, errorAfter_, mostly_, description_})
        connect(e, &QLineEdit::textChanged, this, changed);
    for (QPlainTextEdit* e : {values_, required_, sql_})
        connect(e, &QPlainTextEdit::textChanged, this, changed);
    for (QCheckBox* c : {numeric_, minInclusive_, maxInclusive_})
        connect(c, &QCheckBox::toggled, this, changed);
    connect(keyColumns_, &QListWidget::itemChanged, this, changed);
}

const TableInfo* CheckEditor::findTable(const QString& name) const {
    for (const auto& t : tables_)
        if (qs(t.name) == name) return &t;
    return nullptr;
}

void CheckEditor::fillColumns(QComboBox* box, const TableInfo* table) {
    const QString keep = box->currentText();
    const QSignalBlocker block(box);
    box->clear();
    if (table)
        for (const auto& c : table->columns) box->addItem(qs(c.name));
    box->setCurrentText(keep.isEmpty() && box->count() ? box->itemText(0) : keep);
}

bool CheckEditor::isRowVisible(QWidget* field) const {
    return field->isVisibleTo(this);
}

void CheckEditor::showKindFields() {
    const auto kind = parseCheckKind(kind_->currentText().toStdString()).value_or(CheckKind::NotNull);
    using K = CheckKind;
    const bool hasColumn = kind != K::Unique && kind != K::RowCount && kind != K::Columns && kind != K::Sql;
    const bool bounds = kind == K::Between || kind == K::RowCount;
    const std::pair<QWidget*, bool> rows[] = {
        {column_, hasColumn},
        {keyColumns_, kind == K::Unique},
        {values_, kind == K::AcceptedValues},
        {numeric_, kind == K::AcceptedValues},
        {to_, kind == K::Relationships},
        {field_, kind == K::Relationships},
        {min_, bounds},
        {max_, bounds},
        {minInclusive_, kind == K::Between},
        {maxInclusive_, kind == K::Between},
        {regex_->parentWidget(), kind == K::Matches},
        {warnAfter_, kind == K::Freshness},
        {errorAfter_, kind == K::Freshness},
        {required_->parentWidget(), kind == K::Columns},
        {sql_, kind == K::Sql},
        {mostly_, isRowCheck(kind)},
    };
    for (const auto& [field, visible] : rows) fields_->setRowVisible(field, visible);
    column_->lineEdit()->setPlaceholderText(kind == K::Freshness ? tr("empty: the table's last import")
                                                                 : QString());
    for (QWidget* w : std::initializer_list<QWidget*>{kind_, name_, column_, severity_, description_})
        w->setEnabled(current_ >= 0);
}

CheckForm CheckEditor::form() const {
    CheckForm f;
    f.kind = kind_->currentText().toStdString();
    f.name = name_->text().toStdString();
    f.column = column_->currentText().toStdString();
    for (int i = 0; i < keyColumns_->count(); ++i)
        if (keyColumns_->item(i)->checkState() == Qt::Checked)
            f.columns.push_back(keyColumns_->item(i)->text().toStdString());
    f.values = values_->toPlainText().toStdString();
    f.numericValues = numeric_->isChecked();
    f.to = to_->currentText().toStdString();
    f.field = field_->currentText().toStdString();
    f.min = min_->text().toStdString();
    f.max = max_->text().toStdString();
    f.minInclusive = minInclusive_->isChecked();
    f.maxInclusive = maxInclusive_->isChecked();
    f.regex = regex_->text().toStdString();
    f.warnAfter = warnAfter_->text().toStdString();
    f.errorAfter = errorAfter_->text().toStdString();
    f.required = required_->toPlainText().toStdString();
    f.sql = sql_->toPlainText().toStdString();
    f.severity = severity_->currentText().toStdString();
    f.mostly = mostly_->text().toStdString();
    f.description = description_->text().toStdString();
    return f;
}

void CheckEditor::setForm(const CheckForm& f) {
    filling_ = true;
    kind_->setCurrentText(qs(f.kind));
    name_->setText(qs(f.name));
    column_->setCurrentText(qs(f.column));
    // Key columns the table does not have (yet) are listed too, so nothing is lost.
    for (const auto& c : f.columns)
        if (keyColumns_->findItems(qs(c), Qt::MatchExactly).isEmpty()) {
            auto* item = new QListWidgetItem(qs(c), keyColumns_);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        }
    for (int i = 0; i < keyColumns_->count(); ++i) {
        const std::string name = keyColumns_->item(i)->text().toStdString();
        const bool on = std::find(f.columns.begin(), f.columns.end(), name) != f.columns.end();
        keyColumns_->item(i)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    values_->setPlainText(qs(f.values));
    numeric_->setChecked(f.numericValues);
    to_->setCurrentText(qs(f.to));
    fillColumns(field_, findTable(qs(f.to)));
    field_->setCurrentText(qs(f.field));
    min_->setText(qs(f.min));
    max_->setText(qs(f.max));
    minInclusive_->setChecked(f.minInclusive);
    maxInclusive_->setChecked(f.maxInclusive);
    regex_->setText(qs(f.regex));
    warnAfter_->setText(qs(f.warnAfter));
    errorAfter_->setText(qs(f.errorAfter));
    required_->setPlainText(qs(f.required));
    sql_->setPlainText(qs(f.sql));
    severity_->setCurrentText(qs(f.severity));
    mostly_->setText(qs(f.mostly));
    description_->setText(qs(f.description));
    filling_ = false;
    fieldsChanged();
}

QString CheckEditor::validationText() const {
    if (current_ < 0) return {};
    const auto spec = checkFromForm(forms_[std::size_t(current_)]);
    return spec ? QString() : qs(spec.message());
}

QString CheckEditor::regexStatus() const {
    return regexStatus_->text();
}

void CheckEditor::fieldsChanged() {
    if (filling_) return;
    showKindFields();
    if (current_ < 0) {
        validation_->setText(forms_.empty() ? tr("No checks yet: Add check.") : QString());
        return;
    }
    forms_[std::size_t(current_)] = form();
    const auto spec = checkFromForm(forms_[std::size_t(current_)]);
    validation_->setText(spec ? tr("OK: %1").arg(qs(spec->name)) : qs(spec.message()));
    name_->setPlaceholderText(spec ? qs(defaultCheckName(*spec)) : QString());
    if (kind_->currentText() == QStringLiteral("matches")) {
        // Whether the pattern compiles, from the loader itself (the column does not matter here).
        CheckForm probe;
        probe.kind = "matches";
        probe.column = "x";
        probe.regex = regex_->text().toStdString();
        const auto re = checkFromForm(probe);
        regexStatus_->setText(probe.regex.empty() ? tr("Type a pattern.")
                              : re                ? tr("✓ compiles")
                                                  : qs(re.message()));
    }
    refreshList();
}

void CheckEditor::refreshList() {
    filling_ = true;
    while (list_->count() > int(forms_.size())) delete list_->takeItem(list_->count() - 1);
    while (list_->count() < int(forms_.size())) list_->addItem(QString());
    for (std::size_t i = 0; i < forms_.size(); ++i) {
        const auto spec = checkFromForm(forms_[i]);
        list_->item(int(i))->setText(spec ? qs(spec->name) : tr("%1 (incomplete)").arg(qs(forms_[i].kind)));
    }
    list_->setCurrentRow(current_);
    remove_->setEnabled(current_ >= 0);
    filling_ = false;
}

void CheckEditor::selectCheck(int index) {
    current_ = index >= 0 && index < int(forms_.size()) ? index : -1;
    if (current_ >= 0)
        setForm(forms_[std::size_t(current_)]);
    else
        fieldsChanged();
    refreshList();
}

void CheckEditor::addCheck(const QString& kind) {
    CheckForm f;
    f.kind = kind.toStdString();
    if (!table_.columns.empty()) {
        f.column = table_.columns.front().name;
        f.columns = {table_.columns.front().name};
    }
    forms_.push_back(f);
    selectCheck(int(forms_.size()) - 1);
    kind_->setFocus();
}

void CheckEditor::removeCheck(int index) {
    if (index < 0 || index >= int(forms_.size())) return;
    forms_.erase(forms_.begin() + index);
    selectCheck(std::min(index, int(forms_.size()) - 1));
}

bool CheckEditor::load(QString* error) {
    forms_.clear();
    current_ = -1;
    const QString display = QStringLiteral("checks/%1.json").arg(qs(table_.name));
    if (!QFileInfo::exists(path_)) {
        addCheck();
        return true;
    }
    auto file = loadCheckFile(path_.toStdString(), display.toStdString());
    if (!file) {
        if (error) *error = qs(file.message());
        selectCheck(-1);
        return false;
    }
    for (const auto& c : file->checks) forms_.push_back(formFromCheck(c));
    onFailure_->setCurrentIndex(file->onFailure == OnFailure::Refuse ? 1 : 0);
    selectCheck(forms_.empty() ? -1 : 0);
    return true;
}

bool CheckEditor::save(QString* error) {
    if (current_ >= 0) forms_[std::size_t(current_)] = form();
    CheckFile file;
    file.path = path_.toStdString();
    file.displayName = QStringLiteral("checks/%1.json").arg(qs(table_.name)).toStdString();
    file.table = table_.name;
    file.onFailure = onFailure_->currentData().toString() == QStringLiteral("refuse") ? OnFailure::Refuse
                                                                                      : OnFailure::Warn;
    for (std::size_t i = 0; i < forms_.size(); ++i) {
        auto spec = checkFromForm(forms_[i]);
        if (!spec) {
            selectCheck(int(i));
            if (error) *error = tr("Check %1: %2").arg(i + 1).arg(qs(spec.message()));
            return false;
        }
        file.checks.push_back(std::move(*spec));
    }
    if (auto s = saveCheckFile(file); !s) {
        if (error) *error = qs(s.message());
        return false;
    }
    emit saved(qs(table_.name));
    return true;
}

}  // namespace deskbase::widgets
