#include "widgets/importer/import_preview_dialog.h"

#include <QAbstractScrollArea>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/infer/value_parsers.h"
#include "core/runtime/background.h"
#include "widgets/common/wheel_guard.h"
#include "widgets/grid/cell_format.h"

namespace deskbase::widgets {

namespace {
constexpr ColumnType kTypes[] = {ColumnType::Integer, ColumnType::Real,     ColumnType::Boolean,
                                 ColumnType::Date,    ColumnType::DateTime, ColumnType::Text};

QString typeLabel(ColumnType t) {
    const auto n = columnTypeName(t);
    return QString::fromUtf8(n.data(), qsizetype(n.size()));
}

QString delimiterLabel(char c) {
    switch (c) {
        case ',':
            return QObject::tr("Comma ( , )");
        case ';':
            return QObject::tr("Semicolon ( ; )");
        case '\t':
            return QObject::tr("Tab");
        case '|':
            return QObject::tr("Pipe ( | )");
        default:
            return QObject::tr("'%1'").arg(QLatin1Char(c));
    }
}

QString encodingLabel(TextEncoding e) {
    const auto n = textEncodingName(e);
    return QString::fromUtf8(n.data(), qsizetype(n.size()));
}

}  // namespace

QString formatLabel(const FileSniff& sniff) {
    if (sniff.format == FileFormat::Csv && sniff.dialect.delimiter == '\t') return QStringLiteral("TSV");
    const auto fmt = fileFormatName(sniff.format);
    return QString::fromUtf8(fmt.data(), qsizetype(fmt.size())).toUpper();
}

QTableWidgetItem* previewCell(const std::string& text) {
    // What the import loads as NULL (empty, NA, N/A, null) is shown as the grid shows NULL.
    if (isNullToken(trimSpaces(text))) {
        auto* item = new QTableWidgetItem(QStringLiteral("NULL"));
        QFont italic = item->font();
        italic.setItalic(true);
        item->setFont(italic);
        item->setForeground(QColor(0x8a, 0x8f, 0x98));
        item->setData(Qt::UserRole, true);  // a NULL, not the text "NULL"
        item->setToolTip(text.empty()
                             ? QObject::tr("Empty: loaded as NULL")
                             : QObject::tr("\"%1\": loaded as NULL").arg(QString::fromStdString(text)));
        return item;
    }
    return new QTableWidgetItem(QString::fromStdString(text));
}

ImportPreviewDialog::ImportPreviewDialog(JobQueue& jobs, ImportOptions options, ImportPreview preview,
                                         QWidget* parent)
    : QDialog(parent),
      jobs_(jobs),
      base_(std::move(options)),
      preview_(std::move(preview)),
      summary_(new QLabel(this)),
      sniffNotes_(new QLabel(this)),
      delimiter_(new QComboBox(this)),
      encoding_(new QComboBox(this)),
      header_(new QCheckBox(tr("First row is the header"), this)),
      tableName_(new QLineEdit(this)),
      mode_(new QComboBox(this)),
      columns_(new QTableWidget(this)),
      rows_(new QTableWidget(this)),
      status_(new QLabel(this)),
      hint_(new QLabel(this)),
      wheelGuard_(new WheelGuard(this)) {
    setObjectName(QStringLiteral("importPreviewDialog"));
    setWindowTitle(tr("Import %1").arg(QFileInfo(QString::fromStdString(base_.path)).fileName()));
    resize(920, 620);

    for (char c : {',', ';', '\t', '|'}) delimiter_->addItem(delimiterLabel(c), int(c));
    for (TextEncoding e : {TextEncoding::Utf8, TextEncoding::Utf8Bom, TextEncoding::Utf16LE,
                           TextEncoding::Utf16BE, TextEncoding::Windows1252})
        encoding_->addItem(encodingLabel(e), int(e));
    mode_->addItem(tr("Create a new table"), int(ImportMode::Create));
    mode_->addItem(tr("Replace the table"), int(ImportMode::Replace));
    mode_->addItem(tr("Append to the table"), int(ImportMode::Append));
    mode_->setCurrentIndex(mode_->findData(int(base_.mode)));
    tableName_->setText(QString::fromStdString(base_.table.empty() ? preview_.table : base_.table));

    auto* form = new QFormLayout;
    form->addRow(tr("Table:"), tableName_);
    auto* modeRow = new QHBoxLayout;
    modeRow->addWidget(mode_);
    modeRow->addWidget(hint_, 1);
    hint_->setObjectName(QStringLiteral("tableHint"));
    hint_->setStyleSheet(QStringLiteral("QLabel { color: #c77c02; }"));
    form->addRow(tr("Mode:"), modeRow);
    auto* dialect = new QHBoxLayout;
    dialect->addWidget(new QLabel(tr("Delimiter:"), this));
    dialect->addWidget(delimiter_);
    dialect->addSpacing(12);
    dialect->addWidget(new QLabel(tr("Encoding:"), this));
    dialect->addWidget(encoding_);
    dialect->addSpacing(12);
    dialect->addWidget(header_);
    dialect->addStretch(1);
    form->addRow(tr("Format:"), dialect);

    columns_->setObjectName(QStringLiteral("importColumns"));
    columns_->setColumnCount(4);
    columns_->setHorizontalHeaderLabels({tr("Column"), tr("Type"), tr("Header in file"), tr("Index")});
    columns_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    columns_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    columns_->verticalHeader()->setVisible(false);
    rows_->setObjectName(QStringLiteral("importRows"));
    rows_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    rows_->setAlternatingRowColors(true);
    rows_->verticalHeader()->setDefaultSectionSize(rows_->fontMetrics().height() + 6);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* columnsBox = new QWidget(splitter);
    auto* columnsLayout = new QVBoxLayout(columnsBox);
    columnsLayout->setContentsMargins(0, 0, 0, 0);
    columnsLayout->addWidget(new QLabel(tr("<b>Columns</b> (rename or change a type)"), columnsBox));
    columnsLayout->addWidget(columns_);
    auto* rowsBox = new QWidget(splitter);
    auto* rowsLayout = new QVBoxLayout(rowsBox);
    rowsLayout->setContentsMargins(0, 0, 0, 0);
    rowsLayout->addWidget(new QLabel(tr("<b>First rows</b>"), rowsBox));
    rowsLayout->addWidget(rows_);
    splitter->addWidget(columnsBox);
    splitter->addWidget(rowsBox);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    importButton_ = buttons->button(QDialogButtonBox::Ok);
    connect(tableName_, &QLineEdit::textChanged, this, &ImportPreviewDialog::updateTableHint);
    connect(mode_, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &ImportPreviewDialog::updateTableHint);

    auto* layout = new QVBoxLayout(this);
    summary_->setWordWrap(true);
    layout->addWidget(summary_);
    sniffNotes_->setObjectName(QStringLiteral("sniffNotes"));
    sniffNotes_->setWordWrap(true);
    sniffNotes_->setTextFormat(Qt::PlainText);
    layout->addWidget(sniffNotes_);
    layout->addLayout(form);
    layout->addWidget(splitter, 1);
    status_->setObjectName(QStringLiteral("importStatus"));
    // Dimmed but readable in both themes (palette(mid) was 1.4:1 on the dark window).
    status_->setForegroundRole(QPalette::PlaceholderText);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(status_, 1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    showPreview();
    for (QComboBox* combo : {delimiter_, encoding_})
        connect(combo, qOverload<int>(&QComboBox::currentIndexChanged), this,
                &ImportPreviewDialog::reloadPreview);
    connect(header_, &QCheckBox::toggled, this, &ImportPreviewDialog::reloadPreview);
    connect(columns_, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (item->column() == 0) refreshRowHeaders();
    });
}

void ImportPreviewDialog::showPreview() {
    loading_ = true;
    const FileSniff& s = preview_.sniff;
    const bool csv = s.format == FileFormat::Csv;
    const QLocale loc = displayLocale();
    summary_->setText(
        tr("<b>%1</b> — %2, %3 · %4 rows scanned%5")
            .arg(QFileInfo(QString::fromStdString(base_.path)).fileName().toHtmlEscaped(), formatLabel(s),
                 QLocale().formattedDataSize(s.sizeBytes), loc.toString(qlonglong(preview_.rowsScanned)),
                 preview_.scannedWholeFile ? tr(" (whole file)")
                                           : tr(" (types are checked again over the whole file)")));
    QStringList notes;
    for (const auto& n : s.notes) notes << QStringLiteral("• ") + QString::fromStdString(n);
    sniffNotes_->setText(notes.join(QLatin1Char('\n')));
    sniffNotes_->setVisible(!notes.isEmpty());
    delimiter_->setEnabled(csv);
    header_->setEnabled(csv);
    int d = delimiter_->findData(int(s.dialect.delimiter));
    if (d < 0) {
        delimiter_->addItem(delimiterLabel(s.dialect.delimiter), int(s.dialect.delimiter));
        d = delimiter_->count() - 1;
    }
    delimiter_->setCurrentIndex(d);
    encoding_->setCurrentIndex(encoding_->findData(int(s.encoding)));
    header_->setChecked(s.dialect.hasHeader);

    columns_->clearContents();
    columns_->setRowCount(int(preview_.columns.size()));
    for (int i = 0; i < int(preview_.columns.size()); ++i) {
        const Column& c = preview_.columns[std::size_t(i)];
        columns_->setItem(i, 0, new QTableWidgetItem(QString::fromStdString(c.name)));
        auto* type = new QComboBox(columns_);
        type->setFocusPolicy(Qt::StrongFocus);  // not Qt::WheelFocus: see WheelGuard
        type->installEventFilter(wheelGuard_);
        for (ColumnType t : kTypes) type->addItem(typeLabel(t), int(t));
        type->setCurrentIndex(type->findData(int(c.type)));
        type->setProperty("inferred", int(c.type));
        if (std::size_t(i) < preview_.notes.size())
            type->setToolTip(QString::fromStdString(preview_.notes[std::size_t(i)]));
        columns_->setCellWidget(i, 1, type);
        auto* header = new QTableWidgetItem(QString::fromStdString(c.displayName));
        header->setFlags(header->flags() & ~Qt::ItemIsEditable);
        columns_->setItem(i, 2, header);
        // Ticked: a key by its name and type, indexed after the load when its values are mostly
        // distinct (docs/ingestion.md, "Key indexes"); the user may tick or untick any column.
        const bool key =
            std::size_t(i) < preview_.keyCandidates.size() && preview_.keyCandidates[std::size_t(i)];
        auto* index = new QTableWidgetItem;
        index->setFlags((index->flags() | Qt::ItemIsUserCheckable) & ~Qt::ItemIsEditable);
        index->setCheckState(key ? Qt::Checked : Qt::Unchecked);
        index->setData(Qt::UserRole, key);
        index->setToolTip(
            key ? tr("Looks like a key: indexed after the load when its values are mostly distinct")
                : tr("Tick to index this column after the load"));
        columns_->setItem(i, kIndexColumn, index);
    }

    rows_->clear();
    rows_->setColumnCount(int(preview_.columns.size()));
    rows_->setRowCount(int(preview_.rows.size()));
    for (int r = 0; r < int(preview_.rows.size()); ++r) {
        const auto& row = preview_.rows[std::size_t(r)];
        for (int c = 0; c < int(row.size()) && c < rows_->columnCount(); ++c)
            rows_->setItem(r, c, previewCell(row[std::size_t(c)]));
    }
    refreshRowHeaders();
    // Say why a column of numbers is text (a value a real would round), or that a few values miss
    // its type (their rows go to the rejects; the type box lets the user choose text instead), for
    // the first such column.
    const auto n = preview_.columns.size();
    QString status = n == 1 ? tr("1 column") : tr("%1 columns").arg(n);
    for (std::size_t i = 0; i < preview_.notes.size() && i < preview_.columns.size(); ++i)
        if (!preview_.notes[i].empty()) {
            status += QStringLiteral(" · ") + QString::fromStdString(preview_.columns[i].name) +
                      QStringLiteral(": ") + QString::fromStdString(preview_.notes[i]);
            break;
        }
    status_->setText(status);
    loading_ = false;
}

QString ImportPreviewDialog::sniffNotesText() const { return sniffNotes_->text(); }

void ImportPreviewDialog::refreshRowHeaders() {
    QStringList names;
    for (int i = 0; i < columns_->rowCount(); ++i)
        names << (columns_->item(i, 0) ? columns_->item(i, 0)->text() : QString());
    rows_->setHorizontalHeaderLabels(names);
}

ImportOptions ImportPreviewDialog::sniffOverrides() const {
    ImportOptions o = base_;
    const FileSniff& s = preview_.sniff;
    if (s.format == FileFormat::Csv) {
        o.delimiter = char(delimiter_->currentData().toInt());
        o.hasHeader = header_->isChecked();
    }
    o.encoding = TextEncoding(encoding_->currentData().toInt());
    return o;
}

void ImportPreviewDialog::reloadPreview() {
    if (loading_) return;
    const ImportOptions o = sniffOverrides();
    status_->setText(tr("Reading the preview again…"));
    setEnabled(false);
    JobSpec spec;
    spec.kind = "preview";
    spec.key = "preview:" + o.path;  // a newer re-read supersedes
    runInBackground(
        jobs_, mailbox_, std::move(spec), [o](JobContext&) { return previewImport(o); },
        [this, o](Result<ImportPreview> result) {
            setEnabled(true);
            if (!result) {
                status_->setText(
                    tr("Cannot read the file that way: %1").arg(QString::fromStdString(result.message())));
                return;
            }
            base_.delimiter = o.delimiter;
            base_.hasHeader = o.hasHeader;
            base_.encoding = o.encoding;
            preview_ = std::move(*result);
            showPreview();
            emit previewReloaded();
        });
}

void ImportPreviewDialog::setExistingTables(const QStringList& tables) {
    existing_ = tables;
    updateTableHint();
}

QString ImportPreviewDialog::hintText() const {
    return hint_->text();
}

void ImportPreviewDialog::updateTableHint() {
    const QString name = tableName_->text().trimmed();
    const bool exists = existing_.contains(name);
    const auto mode = ImportMode(mode_->currentData().toInt());
    QString hint;
    if (exists && mode == ImportMode::Create)
        hint = tr("A table %1 exists: replace it, append to it, or rename.").arg(name);
    else if (exists && mode == ImportMode::Replace)
        hint = tr("The rows of %1 will be replaced.").arg(name);
    else if (!exists && mode == ImportMode::Append && !name.isEmpty())
        hint = tr("No table %1 yet: it will be created.").arg(name);
    hint_->setText(hint);
    if (importButton_) importButton_->setEnabled(!name.isEmpty() && !(exists && mode == ImportMode::Create));
}

void ImportPreviewDialog::setColumnName(int column, const QString& name) {
    if (auto* item = columns_->item(column, 0)) item->setText(name);
}

void ImportPreviewDialog::setColumnType(int column, ColumnType type) {
    if (auto* combo = qobject_cast<QComboBox*>(columns_->cellWidget(column, 1)))
        combo->setCurrentIndex(combo->findData(int(type)));
}

ImportOptions ImportPreviewDialog::options() const {
    ImportOptions o = base_;
    o.table = tableName_->text().trimmed().toStdString();
    o.mode = ImportMode(mode_->currentData().toInt());
    o.columnNames.clear();
    o.typeOverrides.clear();
    bool renamed = false;
    for (int i = 0; i < columns_->rowCount() && i < int(preview_.columns.size()); ++i) {
        const Column& inferred = preview_.columns[std::size_t(i)];
        const QString name = columns_->item(i, 0) ? columns_->item(i, 0)->text().trimmed() : QString();
        const bool changed = !name.isEmpty() && name.toStdString() != inferred.name;
        o.columnNames.push_back(changed ? name.toStdString() : std::string());
        renamed = renamed || changed;
        // Only types the user changed are forced; the rest are inferred again over the whole file.
        if (auto* combo = qobject_cast<QComboBox*>(columns_->cellWidget(i, 1))) {
            const auto t = ColumnType(combo->currentData().toInt());
            if (combo->currentData().toInt() != combo->property("inferred").toInt())
                o.typeOverrides.emplace_back(
                    inferred.displayName.empty() ? inferred.name : inferred.displayName, t);
        }
    }
    if (!renamed) o.columnNames.clear();
    // Index boxes: an unticked key is skipped by the rule, a ticked other column is always indexed.
    o.indexes.columns.clear();
    o.indexes.skipped.clear();
    for (int i = 0; i < columns_->rowCount() && i < int(preview_.columns.size()); ++i) {
        const QTableWidgetItem* box = columns_->item(i, kIndexColumn);
        if (!box) continue;
        const Column& inferred = preview_.columns[std::size_t(i)];
        const std::string key = inferred.displayName.empty() ? inferred.name : inferred.displayName;
        const bool ticked = box->checkState() == Qt::Checked;
        if (ticked != box->data(Qt::UserRole).toBool())
            (ticked ? o.indexes.columns : o.indexes.skipped).push_back(key);
    }
    return o;
}

}  // namespace deskbase::widgets
