#include "widgets/sources/source_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "core/sources/source_file.h"
#include "core/sources/source_run.h"
#include "widgets/sources/schedule_edit.h"

namespace deskbase::widgets {

namespace {
constexpr int kCheckFile = 0, kWarn = 1, kRefuse = 2;  // onFailure_ rows
}

SourceForm::SourceForm(const QString& workspaceDir, QWidget* parent)
    : QWidget(parent),
      dir_(workspaceDir),
      name_(new QLineEdit(this)),
      path_(new QLineEdit(this)),
      match_(new QLabel(this)),
      preview_(new QPushButton(tr("Preview…"), this)),
      table_(new QLineEdit(this)),
      mode_(new QComboBox(this)),
      key_(new QComboBox(this)),
      schedule_(new ScheduleEdit(this)),
      stable_(new QDoubleSpinBox(this)),
      onFailure_(new QComboBox(this)),
      moveProcessed_(new QCheckBox(tr("Move loaded files to"), this)),
      processedFolder_(new QLineEdit(QStringLiteral("processed"), this)),
      moveFailed_(new QCheckBox(tr("Move failed files to"), this)),
      failedFolder_(new QLineEdit(QStringLiteral("failed"), this)) {
    setObjectName(QStringLiteral("sourceForm"));
    name_->setObjectName(QStringLiteral("sourceName"));
    name_->setPlaceholderText(tr("orders_inbox (the file is sources/<name>.json)"));
    path_->setObjectName(QStringLiteral("sourcePath"));
    path_->setPlaceholderText(tr("inbox/  ·  inbox/*.csv  ·  exports/sales.csv (relative to the workspace)"));
    match_->setObjectName(QStringLiteral("sourceMatch"));
    // Dimmed but readable in both themes (palette(mid) was dark grey on the dark window).
    match_->setForegroundRole(QPalette::PlaceholderText);
    table_->setObjectName(QStringLiteral("sourceTable"));
    mode_->addItem(tr("Append: each file adds rows"), int(ImportMode::Append));
    mode_->addItem(tr("Replace: each file replaces the table"), int(ImportMode::Replace));
    key_->setObjectName(QStringLiteral("sourceKey"));
    key_->setEditable(true);
    key_->setToolTip(
        tr("Rows whose key is already in the table update that row (append only). "
           "Several columns: separate them with commas."));
    stable_->setRange(0, 86400);
    stable_->setDecimals(1);
    stable_->setSuffix(tr(" s"));
    stable_->setValue(2);
    stable_->setToolTip(tr("A file is taken once its size and time were unchanged this long"));
    onFailure_->addItem(tr("As the table's check file says"), kCheckFile);
    onFailure_->addItem(tr("Keep the file's rows (warn)"), kWarn);
    onFailure_->addItem(tr("Refuse the file (roll its import back)"), kRefuse);

    auto* pickFile = new QPushButton(tr("File…"), this);
    auto* pickFolder = new QPushButton(tr("Folder…"), this);
    connect(pickFile, &QPushButton::clicked, this, [this] { pick(false); });
    connect(pickFolder, &QPushButton::clicked, this, [this] { pick(true); });
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path_, 1);
    pathRow->addWidget(pickFile);
    pathRow->addWidget(pickFolder);
    auto* matchRow = new QHBoxLayout;
    matchRow->addWidget(match_, 1);
    matchRow->addWidget(preview_);
    auto* moves = new QHBoxLayout;
    moves->addWidget(moveProcessed_);
    moves->addWidget(processedFolder_);
    moves->addSpacing(16);
    moves->addWidget(moveFailed_);
    moves->addWidget(failedFolder_);
    moves->addStretch();

    auto* form = new QFormLayout(this);
    form->addRow(tr("Name:"), name_);
    form->addRow(tr("Files:"), pathRow);
    form->addRow(QString(), matchRow);
    form->addRow(tr("Table:"), table_);
    form->addRow(tr("Mode:"), mode_);
    form->addRow(tr("Unique key:"), key_);
    form->addRow(tr("Runs:"), schedule_);
    form->addRow(tr("Still for:"), stable_);
    form->addRow(tr("A failing check:"), onFailure_);
    form->addRow(tr("Afterwards:"), moves);

    auto edited = [this] {
        if (!loading_) emit changed();
    };
    for (QLineEdit* e : {name_, table_, processedFolder_, failedFolder_})
        connect(e, &QLineEdit::textChanged, this, edited);
    connect(table_, &QLineEdit::textChanged, this, &SourceForm::offerTableColumns);
    connect(path_, &QLineEdit::editingFinished, this, [this] {
        if (path_->text().trimmed().toStdString() != base_.path) watchWhenAFolder();  // typed anew
    });
    connect(path_, &QLineEdit::textChanged, this, [this, edited] {
        updateMatch();
        edited();
    });
    connect(key_, &QComboBox::currentTextChanged, this, edited);
    connect(mode_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this, edited] {
        key_->setEnabled(ImportMode(mode_->currentData().toInt()) == ImportMode::Append);
        edited();
    });
    connect(onFailure_, qOverload<int>(&QComboBox::currentIndexChanged), this, edited);
    connect(stable_, qOverload<double>(&QDoubleSpinBox::valueChanged), this, edited);
    connect(schedule_, &ScheduleEdit::changed, this, edited);
    for (QCheckBox* b : {moveProcessed_, moveFailed_}) connect(b, &QCheckBox::toggled, this, edited);
    connect(preview_, &QPushButton::clicked, this, [this] {
        if (const QString f = firstMatchingFile(); !f.isEmpty()) emit previewRequested(f);
    });
    setKeyColumns({});
    updateMatch();
}

QString SourceForm::relative(const QString& path) const {
    const QString rel = QDir(dir_).relativeFilePath(path);
    return rel.startsWith(QStringLiteral("..")) ? QDir::cleanPath(path) : rel;
}

void SourceForm::pick(bool folder) {
    const QString start = QDir(dir_).filePath(path_->text());
    const QString picked = folder ? QFileDialog::getExistingDirectory(this, tr("Watched folder"), start)
                                  : QFileDialog::getOpenFileName(this, tr("Source file"), start);
    if (picked.isEmpty()) return;
    path_->setText(relative(picked) + (folder ? QStringLiteral("/") : QString()));
    watchWhenAFolder();
}

void SourceForm::watchWhenAFolder() {
    // A folder is there to be watched (Xvfb, session 6: a picked folder stayed "On demand"); a
    // schedule the user chose stays.
    const QString text = path_->text().trimmed();
    const bool folder = text.endsWith(QLatin1Char('/')) || QFileInfo(QDir(dir_).filePath(text)).isDir();
    if (!folder || text.isEmpty() || schedule_->watch() || !schedule_->scheduleText().empty()) return;
    schedule_->setSchedule({}, true);
    emit changed();
}

void SourceForm::setExistingTables(QHash<QString, QStringList> columnsByTable) {
    tables_ = std::move(columnsByTable);
    offerTableColumns();
}

void SourceForm::offerTableColumns() {
    if (keyFromPreview_) return;
    setKeyColumns(tables_.value(table_->text().trimmed()));
}

void SourceForm::setKeyColumns(const QStringList& columns) {
    const QString current = key_->currentText();
    const bool was = loading_;
    loading_ = true;
    key_->clear();
    key_->addItem(QString());  // none
    key_->addItems(columns);
    key_->setCurrentText(current);
    loading_ = was;
}

void SourceForm::setSpec(const SourceSpec& s) {
    loading_ = true;
    base_ = s;
    keyFromPreview_ = false;
    name_->setText(QString::fromStdString(s.name));
    path_->setText(QString::fromStdString(s.path));
    table_->setText(QString::fromStdString(s.table));
    mode_->setCurrentIndex(mode_->findData(int(s.mode)));
    key_->setEnabled(s.mode == ImportMode::Append);
    QStringList key;
    for (const auto& k : s.uniqueKey) key << QString::fromStdString(k);
    key_->setCurrentText(key.join(QStringLiteral(", ")));
    schedule_->setSchedule(s.schedule ? s.schedule->text() : std::string(), s.watch);
    stable_->setValue(s.stableSeconds);
    onFailure_->setCurrentIndex(!s.refuseOnCheckFailure   ? kCheckFile
                                : *s.refuseOnCheckFailure ? kRefuse
                                                          : kWarn);
    moveProcessed_->setChecked(!s.moveProcessed.empty());
    processedFolder_->setText(s.moveProcessed.empty() ? QStringLiteral("processed")
                                                      : QString::fromStdString(s.moveProcessed));
    moveFailed_->setChecked(!s.moveFailed.empty());
    failedFolder_->setText(s.moveFailed.empty() ? QStringLiteral("failed")
                                                : QString::fromStdString(s.moveFailed));
    loading_ = false;
    updateMatch();
}

Result<SourceSpec> SourceForm::spec() const {
    SourceSpec s = base_;
    s.name = name_->text().trimmed().toStdString();
    const std::string shown = "sources/" + (s.name.empty() ? std::string("(no name)") : s.name) + ".json";
    if (auto problem = sourceNameProblem(s.name); !problem.empty()) return Error{shown + ": " + problem};
    s.path = path_->text().trimmed().toStdString();
    s.table = table_->text().trimmed().toStdString();
    if (s.table.empty()) s.table = s.name;
    s.mode = ImportMode(mode_->currentData().toInt());
    s.uniqueKey.clear();
    if (s.mode == ImportMode::Append)
        for (const QString& k : key_->currentText().split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!k.trimmed().isEmpty()) s.uniqueKey.push_back(k.trimmed().toStdString());
    if (!schedule_->problem().isEmpty())
        return Error{shown + ": \"schedule\": " + schedule_->problem().toStdString()};
    s.watch = schedule_->watch();
    s.schedule.reset();
    if (const std::string text = schedule_->scheduleText(); !text.empty())
        if (auto parsed = Schedule::parse(text)) s.schedule = std::move(*parsed);
    s.stableSeconds = stable_->value();
    const int onFailure = onFailure_->currentData().toInt();
    s.refuseOnCheckFailure =
        onFailure == kCheckFile ? std::nullopt : std::optional<bool>(onFailure == kRefuse);
    s.moveProcessed = moveProcessed_->isChecked() ? processedFolder_->text().trimmed().toStdString() : "";
    s.moveFailed = moveFailed_->isChecked() ? failedFolder_->text().trimmed().toStdString() : "";
    // What is saved must read back: the file's own reader has the last word.
    return sourceSpecFromText(sourceSpecToJson(s).dump(), shown);
}

void SourceForm::applyImport(const ImportOptions& o, const QStringList& columns) {
    if (table_->text().trimmed().isEmpty() && !o.table.empty())
        table_->setText(QString::fromStdString(o.table));
    if (o.mode == ImportMode::Replace) mode_->setCurrentIndex(mode_->findData(int(ImportMode::Replace)));
    base_.delimiter = o.delimiter;
    base_.header = o.hasHeader;
    base_.encoding = o.encoding;
    base_.types = o.typeOverrides;
    keyFromPreview_ = !columns.isEmpty();
    setKeyColumns(columns);
    emit changed();
}

QString SourceForm::firstMatchingFile() const {
    SourceSpec probe;
    probe.path = path_->text().trimmed().toStdString();
    if (probe.path.empty()) return {};
    auto files = sourceCandidates(probe, dir_.toStdString());
    return files && !files->empty() ? QString::fromStdString(files->front()) : QString();
}

QString SourceForm::matchText() const {
    return match_->text();
}

void SourceForm::updateMatch() {
    const QString first = firstMatchingFile();
    if (path_->text().trimmed().isEmpty())
        match_->setText(tr("Type a path or pick a file or a folder."));
    else if (first.isEmpty())
        match_->setText(tr("No file there yet: the first one that arrives loads."));
    else
        match_->setText(tr("First file: %1").arg(relative(first)));
    preview_->setEnabled(!first.isEmpty());
}

}  // namespace deskbase::widgets
