#include "app/gui/import_controller.h"

#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <algorithm>

#include "app/gui/workspace_controller.h"
#include "core/checks/check_report.h"
#include "core/pipeline/check_run.h"
#include "core/runtime/background.h"
#include "core/runtime/runtime.h"
#include "core/warehouse/warehouse.h"
#include "widgets/importer/import_preview_dialog.h"
#include "widgets/importer/import_progress_panel.h"

namespace deskbase::gui {

ImportController::ImportController(WorkspaceController* workspace, widgets::ImportProgressPanel* panel,
                                   QWidget* dialogParent)
    : QObject(dialogParent), workspace_(workspace), panel_(panel), dialogParent_(dialogParent) {
    connect(panel_, &widgets::ImportProgressPanel::cancelRequested, this, &ImportController::cancelCurrent);
}

ImportController::~ImportController() {
    mailbox_.close();
    if (running_) running_->cancel();  // the job rolls back at its next row block
}

bool ImportController::looksImportable(const QString& path) {
    static const QStringList exts = {
        QStringLiteral("csv"),    QStringLiteral("tsv"),   QStringLiteral("txt"), QStringLiteral("json"),
        QStringLiteral("ndjson"), QStringLiteral("jsonl"), QStringLiteral("tab"), QStringLiteral("psv")};
    return exts.contains(QFileInfo(path).suffix().toLower());
}

bool ImportController::isBusy() const {
    return previewing_ || running_ || !jobs_.empty() || !previewQueue_.isEmpty();
}

void ImportController::importFiles(const QStringList& paths) {
    previewQueue_ << paths;
    if (!previewing_) nextPreview();
}

void ImportController::nextPreview() {
    if (previewQueue_.isEmpty()) {
        previewing_ = false;
        if (!isBusy()) emit idle();
        return;
    }
    previewing_ = true;
    const QString path = previewQueue_.takeFirst();
    ImportOptions options;
    options.path = path.toStdString();
    JobSpec spec;
    spec.kind = "preview";
    runInBackground(
        workspace_->runtime().jobs(), mailbox_, std::move(spec),
        [options](JobContext&) { return previewImport(options); },
        [this, options, path](Result<ImportPreview> preview) {
            if (!preview) {
                emit failed(path, QString::fromStdString(preview.message()));
                nextPreview();
                return;
            }
            auto* dialog = new widgets::ImportPreviewDialog(workspace_->runtime().jobs(), options,
                                                            std::move(*preview), dialogParent_);
            QStringList existing;
            for (const auto& t : workspace_->schema().tables) existing << QString::fromStdString(t.name);
            dialog->setExistingTables(existing);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setWindowModality(Qt::WindowModal);
            dialog_ = dialog;
            connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
                if (result == QDialog::Accepted) enqueue(dialog->options());
                nextPreview();
            });
            dialog->open();
            emit previewShown(dialog);
        });
}

void ImportController::enqueue(const ImportOptions& options) {
    jobs_.push_back(options);
    if (running_)
        panel_->setQueued(int(jobs_.size()));
    else
        startNextJob();
}

void ImportController::startNextJob() {
    if (jobs_.empty()) {
        panel_->finish();
        if (!isBusy()) emit idle();
        return;
    }
    ImportOptions options = std::move(jobs_.front());
    jobs_.pop_front();
    if (options.checksDir.empty()) options.checksDir = workspace_->dir().toStdString();  // its checks/
    const QString path = QString::fromStdString(options.path);
    const std::string target = workspace_->target().toStdString();
    auto job = std::make_shared<ImportJob>(options);
    running_ = job;
    panel_->start(QFileInfo(path).fileName(), int(jobs_.size()));

    JobSpec spec;
    spec.kind = "import";
    spec.writesTo = target;
    spec.run = [job, target, options, mailbox = mailbox_.address(), self = this](JobContext&) -> Status {
        // A connection of its own, not interrupted by the runtime: the job stops at its next row
        // block and rolls back, and a Cancel during the commit must not break the commit.
        auto warehouse = Warehouse::open(target);
        Result<ImportResult> outcome = Error{warehouse.isOk() ? std::string() : warehouse.message()};
        if (warehouse)  // progress comes ~20 times a second on this thread; the panel is updated on its own
            outcome = job->run(**warehouse, [mailbox, self](const ImportProgress& p) {
                mailbox.post([self, p] { self->panel_->update(p); });
            });
        // The checks' results, kept also when they refused the import (the sidebar's marks, the
        // checks page). A record that cannot be written loses no data: the import stands.
        if (warehouse) (void)recordImportChecks(**warehouse, job->checkResults(), outcome);
        const Status status = outcome ? Status::ok() : Status::fail(outcome.message());
        mailbox.post([self, options, job, outcome = std::move(outcome)]() mutable {
            self->job_ = {};
            self->running_.reset();
            // A Cancel that came during the commit, or after it, did not stop anything: the
            // table is loaded and must be reported (and dashboards refreshed) as such.
            const bool stopped = job->isCancelled() && !outcome.isOk();
            const Refusal refusal = job->refusedAsAlreadyLoaded() ? Refusal::AlreadyLoaded
                                    : job->refusedForRejects()    ? Refusal::TooManyRejects
                                                                  : Refusal::None;
            const QString why =
                refusal == Refusal::TooManyRejects
                    ? QString::fromStdString(job->rejectsRefusal())
                    : QString::fromStdString(outcome.isOk() ? std::string() : outcome.message());
            self->onJobDone(options, std::move(outcome), stopped, refusal, why);
        });
        return status;
    };
    job_ = workspace_->runtime().jobs().submit(std::move(spec));
}

void ImportController::onJobDone(const ImportOptions& options, Result<ImportResult> result, bool wasCancelled,
                                 Refusal refusal, const QString& why) {
    const QString path = QString::fromStdString(options.path);
    if (wasCancelled) {
        emit cancelled(path);
    } else if (!result && refusal != Refusal::None) {
        askLoadAnyway(options, refusal, why);
    } else if (!result) {
        emit failed(path, QString::fromStdString(result.message()));
    } else {
        const ImportResult& r = *result;
        const bool checksFailed = std::any_of(r.checks.begin(), r.checks.end(), [](const CheckResult& c) {
            return c.status != CheckStatus::Pass;
        });
        QStringList indexes;
        for (const auto& c : r.indexes) indexes << QString::fromStdString(c);
        emit imported(QString::fromStdString(r.table), r.rows, r.rejected,
                      QString::fromStdString(r.rejectsTable), r.seconds, indexes,
                      r.checks.empty() ? QString() : QString::fromStdString(checkSummary(r.checks)),
                      checksFailed);
        emit fileImported(path);
        ImportOptions used = options;  // with what sniffing found, so it can be repeated
        used.table = r.table;
        if (r.sniff.format == FileFormat::Csv) {
            if (!used.delimiter) used.delimiter = r.sniff.dialect.delimiter;
            if (!used.hasHeader) used.hasHeader = r.sniff.dialect.hasHeader;
        }
        emit importedWith(used);
    }
    workspace_->refreshSchema();
    startNextJob();
}

void ImportController::askLoadAnyway(const ImportOptions& options, Refusal refusal, const QString& message) {
    const QString path = QString::fromStdString(options.path);
    const QString table = QString::fromStdString(options.table);
    const bool duplicate = refusal == Refusal::AlreadyLoaded;
    if (duplicate)
        emit alreadyLoaded(path, table);
    else
        emit tooManyRejects(path, message);
    const QString text = duplicate
                             ? tr("The content of %1 was already loaded into %2. Load it again? Its rows are "
                                  "appended a second time.")
                                   .arg(QFileInfo(path).fileName(), table)
                             : tr("%1 was not loaded: %2. Load the rows that fit anyway? The rejected rows "
                                  "are kept in the table's rejects table.")
                                   .arg(QFileInfo(path).fileName(), message);
    auto* box = new QMessageBox(QMessageBox::Question,
                                duplicate ? tr("Already loaded") : tr("Too many rejected rows"), text,
                                QMessageBox::Cancel, dialogParent_);
    box->setObjectName(duplicate ? QStringLiteral("alreadyLoadedBox") : QStringLiteral("tooManyRejectsBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* again = box->addButton(tr("Load anyway"), QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, options, again, duplicate](QAbstractButton* b) {
        if (b != again) return;
        ImportOptions waived = options;
        if (duplicate)
            waived.force = true;
        else
            waived.allowRejects = true;
        enqueue(waived);
    });
    box->open();
}

void ImportController::cancelCurrent() {
    if (running_) running_->cancel();
}

}  // namespace deskbase::gui
