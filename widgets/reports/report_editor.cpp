#include "widgets/reports/report_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

#include "widgets/sources/schedule_edit.h"

namespace deskbase::widgets {

namespace {

const QStringList kDashboardFormats = {QStringLiteral("pdf"), QStringLiteral("png")};
const QStringList kQuestionFormats = {QStringLiteral("csv"), QStringLiteral("xlsx"), QStringLiteral("tsv"),
                                      QStringLiteral("json"), QStringLiteral("ndjson")};
const QString kNoFile = QStringLiteral("(no file: alert only)");

}  // namespace

ReportEditor::ReportEditor(const QString& workspaceDir, QList<Choice> dashboards, QList<Choice> questions,
                           QStringList sources, QWidget* parent)
    : QDialog(parent),
      dir_(workspaceDir),
      dashboards_(std::move(dashboards)),
      questions_(std::move(questions)),
      sources_(std::move(sources)) {
    build();
    ReportSpec fresh;
    fresh.name = "new_report";
    fresh.format = "pdf";
    if (!dashboards_.isEmpty()) fresh.dashboard = dashboards_.first().name.toStdString();
    setSpec(fresh);
}

void ReportEditor::build() {
    setObjectName(QStringLiteral("reportEditor"));
    setWindowTitle(tr("Report"));
    name_ = new QLineEdit(this);
    reads_ = new QComboBox(this);
    reads_->addItem(tr("A dashboard"), QStringLiteral("dashboard"));
    reads_->addItem(tr("A question"), QStringLiteral("question"));
    target_ = new QComboBox(this);
    target_->setObjectName(QStringLiteral("reportTarget"));
    params_ = new QPlainTextEdit(this);
    params_->setPlaceholderText(tr("one per line: region=North"));
    params_->setFixedHeight(56);
    format_ = new QComboBox(this);
    out_ = new QLineEdit(this);
    out_->setPlaceholderText(tr("reports-out (inside the workspace, or any folder)"));
    outFolder_ = new QPushButton(tr("Folder…"), this);
    outFolder_->setObjectName(QStringLiteral("reportOutFolder"));
    auto* outRow = new QHBoxLayout;
    outRow->setContentsMargins(0, 0, 0, 0);
    outRow->addWidget(out_, 1);
    outRow->addWidget(outFolder_);
    schedule_ = new ScheduleEdit(this);
    schedule_->setForReports();
    after_ = new QListWidget(this);
    after_->setFixedHeight(72);
    for (const QString& s : sources_) {
        auto* item = new QListWidgetItem(s, after_);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    skipIfEmpty_ = new QCheckBox(tr("Write no file when the question returns no rows"), this);
    keep_ = new QSpinBox(this);
    keep_->setRange(0, 100000);
    keep_->setSpecialValueText(tr("all"));
    retries_ = new QSpinBox(this);
    retries_->setRange(0, 100);
    retryDelay_ = new QDoubleSpinBox(this);
    retryDelay_->setRange(0, 86400);
    retryDelay_->setSuffix(tr(" s"));

    alert_ = new QGroupBox(tr("Alert: notify when the question's result says so"), this);
    alert_->setCheckable(true);
    alertWhen_ = new QComboBox(alert_);
    alertWhen_->addItem(tr("it returns rows"), QStringLiteral("rows"));
    alertWhen_->addItem(tr("a value goes above the goal"), QStringLiteral("above"));
    alertWhen_->addItem(tr("a value goes below the goal"), QStringLiteral("below"));
    alertColumn_ = new QLineEdit(alert_);
    alertColumn_->setPlaceholderText(tr("the first column"));
    alertGoal_ = new QDoubleSpinBox(alert_);
    alertGoal_->setRange(-1e15, 1e15);
    alertGoal_->setDecimals(4);
    alertNotify_ = new QComboBox(alert_);
    alertNotify_->addItem(tr("every time"), QStringLiteral("every_time"));
    alertNotify_->addItem(tr("the first time only"), QStringLiteral("first_time"));
    alertCommand_ = new QLineEdit(alert_);
    alertCommand_->setPlaceholderText(
        tr("optional: a command, e.g. notify-send \"$DESKBASE_ALERT_MESSAGE\""));
    auto* alertForm = new QFormLayout(alert_);
    alertForm->addRow(tr("When"), alertWhen_);
    alertForm->addRow(tr("Column"), alertColumn_);
    alertForm->addRow(tr("Goal"), alertGoal_);
    alertForm->addRow(tr("Notify"), alertNotify_);
    alertForm->addRow(tr("Command"), alertCommand_);

    auto* form = new QFormLayout;
    form->addRow(tr("Name"), name_);
    form->addRow(tr("Reads"), reads_);
    form->addRow(QString(), target_);
    form->addRow(tr("Filter values"), params_);
    form->addRow(tr("Format"), format_);
    form->addRow(tr("Output folder"), outRow);
    form->addRow(tr("Schedule"), schedule_);
    form->addRow(tr("After sources"), after_);
    form->addRow(QString(), skipIfEmpty_);
    form->addRow(tr("Keep newest"), keep_);
    form->addRow(tr("Retries"), retries_);
    form->addRow(tr("Retry delay"), retryDelay_);

    validation_ = new QLabel(this);
    validation_->setObjectName(QStringLiteral("reportValidation"));
    validation_->setWordWrap(true);
    openFile_ = new QPushButton(tr("Open file"), this);
    openFile_->setObjectName(QStringLiteral("reportOpenFile"));
    openFile_->hide();
    auto* resultRow = new QHBoxLayout;
    resultRow->addWidget(validation_, 1);
    resultRow->addWidget(openFile_, 0, Qt::AlignTop);
    auto* buttons = new QDialogButtonBox(this);
    save_ = buttons->addButton(QDialogButtonBox::Save);
    runNow_ = buttons->addButton(tr("Save and run now"), QDialogButtonBox::ActionRole);
    close_ = buttons->addButton(QDialogButtonBox::Cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(alert_);
    layout->addLayout(resultRow);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &ReportEditor::reject);
    connect(save_, &QPushButton::clicked, this, [this] {
        QString error;
        if (save(&error))
            accept();
        else
            validation_->setText(error);
    });
    connect(runNow_, &QPushButton::clicked, this, [this] {
        QString error;
        if (!save(&error)) {
            validation_->setText(error);
            return;
        }
        validation_->setText(tr("Running %1…").arg(name_->text()));
        emit runNowRequested(name_->text());
    });
    connect(outFolder_, &QPushButton::clicked, this, &ReportEditor::pickOutFolder);
    connect(openFile_, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(written_)); });
    connect(reads_, &QComboBox::currentIndexChanged, this, [this] {
        if (filling_) return;
        fillTargets();
        fillFormats();
        changed();
    });
    for (QLineEdit* e : {name_, out_, alertColumn_, alertCommand_})
        connect(e, &QLineEdit::textChanged, this, &ReportEditor::changed);
    connect(schedule_, &ScheduleEdit::changed, this, &ReportEditor::changed);
    connect(target_, &QComboBox::currentIndexChanged, this, &ReportEditor::changed);
    connect(params_, &QPlainTextEdit::textChanged, this, &ReportEditor::changed);
    connect(format_, &QComboBox::currentIndexChanged, this, &ReportEditor::changed);
    connect(after_, &QListWidget::itemChanged, this, &ReportEditor::changed);
    connect(skipIfEmpty_, &QCheckBox::toggled, this, &ReportEditor::changed);
    connect(alert_, &QGroupBox::toggled, this, [this] {
        if (filling_) return;
        fillFormats();
        changed();
    });
    for (QComboBox* b : {alertWhen_, alertNotify_})
        connect(b, &QComboBox::currentIndexChanged, this, &ReportEditor::changed);
    for (QSpinBox* b : {keep_, retries_}) connect(b, &QSpinBox::valueChanged, this, &ReportEditor::changed);
    for (QDoubleSpinBox* b : {alertGoal_, retryDelay_})
        connect(b, &QDoubleSpinBox::valueChanged, this, &ReportEditor::changed);
}

void ReportEditor::fillTargets() {
    const bool dashboard = reads_->currentData().toString() == QLatin1String("dashboard");
    const QString keep = target_->currentData().toString();
    const bool was = filling_;
    filling_ = true;
    target_->clear();
    for (const Choice& c : dashboard ? dashboards_ : questions_) {
        target_->addItem(c.title.isEmpty() ? c.name : c.title, c.name);
        target_->setItemData(target_->count() - 1,
                             (dashboard ? tr("dashboards/%1.json") : tr("questions/%1.json")).arg(c.name),
                             Qt::ToolTipRole);
    }
    if (target_->findData(keep) >= 0) target_->setCurrentIndex(target_->findData(keep));
    filling_ = was;
}

void ReportEditor::selectTarget(const QString& name) {
    int at = target_->findData(name);
    if (at < 0 && !name.isEmpty()) {  // a file that is gone is kept, and said to be missing
        target_->addItem(tr("%1 (not found)").arg(name), name);
        at = target_->count() - 1;
    }
    target_->setCurrentIndex(at);
}

void ReportEditor::pickOutFolder() {
    const QDir workspace(dir_);
    const QString start = workspace.filePath(out_->text().trimmed());
    const QString picked = QFileDialog::getExistingDirectory(this, tr("Output folder"), start);
    if (picked.isEmpty()) return;
    const QString rel = workspace.relativeFilePath(picked);
    out_->setText(rel.startsWith(QStringLiteral("..")) ? QDir::cleanPath(picked) : rel);
}

void ReportEditor::showRunResult(const QString& line, const QString& writtenFile) {
    validation_->setText(line);
    written_ = writtenFile.isEmpty() ? QString() : QFileInfo(QDir(dir_), writtenFile).absoluteFilePath();
    openFile_->setVisible(!written_.isEmpty() && QFileInfo::exists(written_));
    openFile_->setToolTip(written_);
}

void ReportEditor::fillFormats() {
    const bool dashboard = reads_->currentData().toString() == QLatin1String("dashboard");
    const QString keep = format_->currentText();
    const bool was = filling_;
    filling_ = true;
    format_->clear();
    format_->addItems(dashboard ? kDashboardFormats : kQuestionFormats);
    if (!dashboard && alert_->isChecked()) format_->insertItem(0, kNoFile);
    format_->setCurrentIndex(std::max(0, format_->findText(keep)));
    filling_ = was;
    alert_->setEnabled(!dashboard);
    skipIfEmpty_->setEnabled(!dashboard);
}

void ReportEditor::setSpec(const ReportSpec& s) {
    filling_ = true;
    name_->setText(QString::fromStdString(s.name));
    reads_->setCurrentIndex(s.dashboard.empty() ? 1 : 0);
    alert_->setChecked(bool(s.alert));
    fillTargets();
    selectTarget(QString::fromStdString(s.dashboard.empty() ? s.question : s.dashboard));
    QStringList lines;
    for (const auto& [k, v] : s.params) lines << QString::fromStdString(k + "=" + v);
    params_->setPlainText(lines.join(QLatin1Char('\n')));
    fillFormats();
    format_->setCurrentIndex(
        std::max(0, format_->findText(s.format.empty() ? kNoFile : QString::fromStdString(s.format))));
    out_->setText(QString::fromStdString(s.out));
    schedule_->setSchedule(s.schedule, false);
    for (int i = 0; i < after_->count(); ++i) {
        QListWidgetItem* item = after_->item(i);
        const bool on =
            std::find(s.after.begin(), s.after.end(), item->text().toStdString()) != s.after.end();
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    for (const auto& a : s.after)  // a source not offered (gone, or not loaded) is kept
        if (after_->findItems(QString::fromStdString(a), Qt::MatchExactly).isEmpty()) {
            auto* item = new QListWidgetItem(QString::fromStdString(a), after_);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
    skipIfEmpty_->setChecked(s.skipIfEmpty);
    keep_->setValue(s.keep);
    retries_->setValue(s.retry.retries);
    retryDelay_->setValue(s.retry.delaySeconds);
    const AlertSpec alert = s.alert.value_or(AlertSpec{});
    alertWhen_->setCurrentIndex(int(alert.when));
    alertColumn_->setText(QString::fromStdString(alert.column));
    alertGoal_->setValue(alert.goal);
    alertNotify_->setCurrentIndex(alert.firstTimeOnly ? 1 : 0);
    alertCommand_->setText(QString::fromStdString(alert.command));
    filling_ = false;
    changed();
    modified_ = false;
    updateTitle();  // changed() marked the title modified: a report just opened is not
}

ReportSpec ReportEditor::spec() const {
    ReportSpec s;
    s.name = name_->text().trimmed().toStdString();
    s.file = "reports/" + s.name + ".json";
    const std::string target = target_->currentData().toString().toStdString();
    (reads_->currentData().toString() == QLatin1String("dashboard") ? s.dashboard : s.question) = target;
    s.format = format_->currentText() == kNoFile ? std::string() : format_->currentText().toStdString();
    for (const QString& line : params_->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const int eq = line.indexOf(QLatin1Char('='));
        if (eq > 0)
            s.params[line.left(eq).trimmed().toStdString()] = line.mid(eq + 1).trimmed().toStdString();
    }
    s.out = out_->text().trimmed().toStdString();
    s.schedule = schedule_->scheduleText();
    for (int i = 0; i < after_->count(); ++i)
        if (after_->item(i)->checkState() == Qt::Checked)
            s.after.push_back(after_->item(i)->text().toStdString());
    s.skipIfEmpty = skipIfEmpty_->isEnabled() && skipIfEmpty_->isChecked();
    s.keep = keep_->value();
    s.retry.retries = retries_->value();
    s.retry.delaySeconds = retryDelay_->value();
    if (alert_->isEnabled() && alert_->isChecked()) {
        AlertSpec a;
        a.when = AlertSpec::When(alertWhen_->currentIndex());
        a.column = alertColumn_->text().trimmed().toStdString();
        a.goal = alertGoal_->value();
        a.firstTimeOnly = alertNotify_->currentIndex() == 1;
        a.command = alertCommand_->text().toStdString();
        s.alert = a;
    }
    return s;
}

QString ReportEditor::validationText() const {
    const ReportSpec s = spec();
    if (s.name.empty()) return tr("A report needs a name.");
    if (s.dashboard.empty() && s.question.empty()) return tr("Pick what the report reads.");
    auto back = reportFromText(reportToText(s), s.file);
    return back ? QString() : QString::fromStdString(back.message());
}

QString ReportEditor::nextRunText() const {
    return schedule_->feedback();
}

void ReportEditor::changed() {
    if (filling_) return;
    modified_ = true;
    // A schedule's problem is said under the schedule, in red: not twice.
    const bool scheduleWrong = !schedule_->problem().isEmpty();
    const QString problem = scheduleWrong ? schedule_->problem() : validationText();
    validation_->setText(scheduleWrong ? QString() : problem);
    openFile_->hide();
    save_->setEnabled(problem.isEmpty());
    runNow_->setEnabled(problem.isEmpty());
    updateTitle();
}

void ReportEditor::updateTitle() {
    setWindowTitle(tr("Report %1").arg(name_->text()) + (modified_ ? QStringLiteral(" *") : QString()));
    close_->setText(modified_ ? tr("Cancel") : tr("Close"));
}

QString ReportEditor::filePath() const {
    return QDir(dir_).filePath(QStringLiteral("reports/%1.json").arg(name_->text().trimmed()));
}

bool ReportEditor::save(QString* error) {
    auto path = saveReportFile(dir_.toStdString(), spec());
    if (!path) {
        if (error) *error = QString::fromStdString(path.message());
        return false;
    }
    modified_ = false;
    updateTitle();
    emit saved(QString::fromStdString(*path));
    return true;
}

void ReportEditor::reject() {
    if (modified_) {
        QMessageBox box(QMessageBox::Question, tr("Unsaved report"),
                        tr("Save the changes to the report %1?").arg(name_->text()),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("unsavedReport"));
        box.setDefaultButton(QMessageBox::Save);
        const int answer = box.exec();
        if (answer == QMessageBox::Cancel) return;
        if (answer == QMessageBox::Save) {
            QString error;
            if (!save(&error)) {
                validation_->setText(error);
                return;
            }
        }
    }
    QDialog::reject();
}

}  // namespace deskbase::widgets
