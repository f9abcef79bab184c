#include "widgets/reports/report_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <chrono>

#include "core/sources/schedule.h"

namespace deskbase::widgets {

namespace {

const QStringList kDashboardFormats = {QStringLiteral("pdf"), QStringLiteral("png")};
const QStringList kQuestionFormats = {QStringLiteral("csv"), QStringLiteral("xlsx"), QStringLiteral("tsv"),
                                      QStringLiteral("json"), QStringLiteral("ndjson")};
const QString kNoFile = QStringLiteral("(no file: alert only)");

}  // namespace

ReportEditor::ReportEditor(const QString& workspaceDir, QStringList dashboards, QStringList questions,
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
    if (!dashboards_.isEmpty()) fresh.dashboard = dashboards_.first().toStdString();
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
    target_->setEditable(true);
    params_ = new QPlainTextEdit(this);
    params_->setPlaceholderText(tr("one per line: region=North"));
    params_->setFixedHeight(56);
    format_ = new QComboBox(this);
    out_ = new QLineEdit(this);
    schedule_ = new QLineEdit(this);
    schedule_->setPlaceholderText(tr("weekly mon 08:00, daily 06:30, every 15 minutes, or cron"));
    nextRun_ = new QLabel(this);
    nextRun_->setObjectName(QStringLiteral("reportNextRun"));
    // A schedule's error can be long: it wraps instead of widening the dialog while typing.
    nextRun_->setWordWrap(true);
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
    form->addRow(tr("Output folder"), out_);
    form->addRow(tr("Schedule"), schedule_);
    form->addRow(QString(), nextRun_);
    form->addRow(tr("After sources"), after_);
    form->addRow(QString(), skipIfEmpty_);
    form->addRow(tr("Keep newest"), keep_);
    form->addRow(tr("Retries"), retries_);
    form->addRow(tr("Retry delay"), retryDelay_);

    validation_ = new QLabel(this);
    validation_->setObjectName(QStringLiteral("reportValidation"));
    validation_->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(this);
    save_ = buttons->addButton(QDialogButtonBox::Save);
    runNow_ = buttons->addButton(tr("Save and run now"), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(alert_);
    layout->addWidget(validation_);
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
        emit runNowRequested(name_->text());
    });
    connect(reads_, &QComboBox::currentIndexChanged, this, [this] {
        if (filling_) return;
        fillTargets();
        fillFormats();
        changed();
    });
    for (QLineEdit* e : {name_, out_, schedule_, alertColumn_, alertCommand_})
        connect(e, &QLineEdit::textChanged, this, &ReportEditor::changed);
    connect(target_, &QComboBox::currentTextChanged, this, &ReportEditor::changed);
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
    const QString keep = target_->currentText();
    const bool was = filling_;
    filling_ = true;
    target_->clear();
    target_->addItems(dashboard ? dashboards_ : questions_);
    if (target_->findText(keep) >= 0) target_->setCurrentText(keep);
    filling_ = was;
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
    target_->setCurrentText(QString::fromStdString(s.dashboard.empty() ? s.question : s.dashboard));
    QStringList lines;
    for (const auto& [k, v] : s.params) lines << QString::fromStdString(k + "=" + v);
    params_->setPlainText(lines.join(QLatin1Char('\n')));
    fillFormats();
    format_->setCurrentIndex(
        std::max(0, format_->findText(s.format.empty() ? kNoFile : QString::fromStdString(s.format))));
    out_->setText(QString::fromStdString(s.out));
    schedule_->setText(QString::fromStdString(s.schedule));
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
    const std::string target = target_->currentText().trimmed().toStdString();
    (reads_->currentData().toString() == QLatin1String("dashboard") ? s.dashboard : s.question) = target;
    s.format = format_->currentText() == kNoFile ? std::string() : format_->currentText().toStdString();
    for (const QString& line : params_->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const int eq = line.indexOf(QLatin1Char('='));
        if (eq > 0)
            s.params[line.left(eq).trimmed().toStdString()] = line.mid(eq + 1).trimmed().toStdString();
    }
    s.out = out_->text().trimmed().toStdString();
    s.schedule = schedule_->text().trimmed().toStdString();
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
    const std::string text = schedule_->text().trimmed().toStdString();
    if (text.empty()) return tr("No schedule: runs by hand or after its sources.");
    auto schedule = Schedule::parse(text);
    if (!schedule) return QString::fromStdString(schedule.message());
    const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto next = schedule->next(now, QTimeZone::systemTimeZone());
    if (!next) return tr("It never runs.");
    const QDateTime at = QDateTime::fromSecsSinceEpoch(next->time_since_epoch().count()).toLocalTime();
    return tr("Next run: %1").arg(QLocale().toString(at, QStringLiteral("ddd yyyy-MM-dd HH:mm")));
}

void ReportEditor::changed() {
    if (filling_) return;
    modified_ = true;
    nextRun_->setText(nextRunText());
    const QString problem = validationText();
    validation_->setText(problem);
    save_->setEnabled(problem.isEmpty());
    runNow_->setEnabled(problem.isEmpty());
    updateTitle();
}

void ReportEditor::updateTitle() {
    setWindowTitle(tr("Report %1").arg(name_->text()) + (modified_ ? QStringLiteral(" *") : QString()));
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
