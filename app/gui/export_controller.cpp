#include "app/gui/export_controller.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QTimer>

#include "core/runtime/runtime.h"
#include "widgets/common/progress_strip.h"
#include "widgets/grid/cell_format.h"

namespace deskbase::gui {

ExportController::ExportController(Runtime& runtime, widgets::ProgressStrip* strip, QObject* parent)
    : QObject(parent), runtime_(runtime), strip_(strip), timer_(new QTimer(this)) {
    timer_->setInterval(200);
    connect(timer_, &QTimer::timeout, this, &ExportController::showProgress);
    connect(strip_, &widgets::ProgressStrip::cancelRequested, this, &ExportController::cancel);
}

ExportController::~ExportController() {
    mailbox_.close();  // the job may still finish: nothing reaches this object after this
    job_.cancel();     // the export removes its temporary file as it stops
}

bool ExportController::start(ExportRequest request, qint64 expectedRows) {
    if (job_.isValid()) {
        emit finished(false, tr("An export is already running; cancel it or wait for it to finish"));
        return false;
    }
    const QString path = QDir::toNativeSeparators(QString::fromStdString(request.path));
    fileName_ = QFileInfo(path).fileName();
    expectedRows_ = expectedRows;
    JobSpec spec;
    spec.kind = "export";
    spec.key = "export";
    auto outcome = std::make_shared<Result<ExportSummary>>(Error{"Export cancelled"});  // unless it runs
    spec.run = [&executor = runtime_.executor(), request = std::move(request),
                outcome](JobContext& job) -> Status {
        // Checks the request and creates the temporary file here, off the GUI thread; the rows
        // stream through the executor.
        auto running = ResultExport::start(executor, request, [&job](const ExportProgress& p) {
            job.setProgress({-1, p.rows, p.bytes, {}});
        });
        job.onCancel([running] { running->cancel(); });
        running->wait();
        *outcome = running->result();
        return *outcome ? Status::ok() : Status::fail(outcome->message());
    };
    // Also for an export cancelled before it started.
    spec.onDone = [mailbox = mailbox_.address(), self = this, outcome, path](const JobHandle&) {
        mailbox.post([self, path, outcome] { self->onDone(*outcome, path); });
    };
    job_ = runtime_.jobs().submit(std::move(spec));
    strip_->start(tr("Exporting %1…").arg(fileName_));
    strip_->setFraction(expectedRows_ > 0 ? 0.0 : -1.0);
    timer_->start();
    emit runningChanged(true);
    return true;
}

void ExportController::cancel() {
    job_.cancel();
}

void ExportController::showProgress() {
    if (!job_.isValid()) return;
    const JobProgress p = job_.progress();
    const QLocale loc = widgets::displayLocale();
    strip_->setText(
        tr("Exporting %1: %2 rows · %3 MB")
            .arg(fileName_, loc.toString(qulonglong(p.items)), loc.toString(double(p.bytes) / 1e6, 'f', 1)));
    if (expectedRows_ > 0) strip_->setFraction(double(p.items) / double(expectedRows_));
}

namespace {
struct FormatFilter {
    const char* filter;
    ExportFormat format;
};
constexpr FormatFilter kFilters[] = {
    {QT_TR_NOOP("CSV (*.csv)"), ExportFormat::Csv},
    {QT_TR_NOOP("TSV (*.tsv)"), ExportFormat::Tsv},
    {QT_TR_NOOP("JSON array (*.json)"), ExportFormat::Json},
    {QT_TR_NOOP("NDJSON, one object per line (*.ndjson *.jsonl)"), ExportFormat::Ndjson},
    {QT_TR_NOOP("Excel workbook (*.xlsx)"), ExportFormat::Xlsx}};
}  // namespace

ExportChoice ExportController::resolveChoice(const QString& path, ExportFormat filterFormat) {
    if (exportFormatForPath(path.toStdString())) return {path, std::nullopt};
    if (QFileInfo(path).suffix().isEmpty()) {
        const auto ext = exportFormatName(filterFormat);
        return {path + QLatin1Char('.') + QString::fromLatin1(ext.data(), qsizetype(ext.size())),
                std::nullopt};
    }
    return {path, filterFormat};  // an extension of the user's own: keep it, write the filter's format
}

std::optional<ExportChoice> ExportController::chooseFile(QWidget* parent, const QString& suggestedPath) {
    QStringList filters;
    for (const auto& f : kFilters) filters << tr(f.filter);
    QString selected = filters.first();
    if (auto format = exportFormatForPath(suggestedPath.toStdString()))
        for (const auto& f : kFilters)
            if (f.format == *format) selected = tr(f.filter);
    const QString path = QFileDialog::getSaveFileName(parent, tr("Export result"), suggestedPath,
                                                      filters.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty()) return std::nullopt;
    const auto index = std::max<qsizetype>(0, filters.indexOf(selected));
    ExportChoice choice = resolveChoice(path, kFilters[index].format);
    // The dialog asked about overwriting the name as typed; an added extension names another file.
    if (choice.path != path && QFileInfo::exists(choice.path) &&
        QMessageBox::question(parent, tr("Export result"),
                              tr("%1 already exists. Replace it?").arg(QFileInfo(choice.path).fileName())) !=
            QMessageBox::Yes)
        return std::nullopt;
    return choice;
}

QString ExportController::describe(const Result<ExportSummary>& outcome, const QString& path) {
    if (!outcome) {
        const QString why = QString::fromStdString(outcome.message());
        if (why == QStringLiteral("Export cancelled"))
            return tr("Export cancelled; %1 was not written").arg(path);
        return tr("Export failed: %1").arg(why);
    }
    const QLocale loc = widgets::displayLocale();
    const QString rows =
        outcome->rows == 1 ? tr("1 row") : tr("%1 rows").arg(loc.toString(qulonglong(outcome->rows)));
    return tr("Exported %1 to %2 in %3 s").arg(rows, path, loc.toString(outcome->seconds, 'f', 1));
}

void ExportController::onDone(const Result<ExportSummary>& outcome, const QString& path) {
    job_ = {};
    timer_->stop();
    strip_->finish();
    emit runningChanged(false);
    emit finished(outcome.isOk(), describe(outcome, path));
}

}  // namespace deskbase::gui
