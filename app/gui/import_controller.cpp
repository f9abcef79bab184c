#include "app/gui/import_controller.h"

#include <QFileInfo>
#include <QMetaObject>
#include <QThread>

#include "app/gui/workspace_controller.h"
#include "core/warehouse/warehouse.h"
#include "widgets/common/background_task.h"
#include "widgets/importer/import_preview_dialog.h"
#include "widgets/importer/import_progress_panel.h"

namespace deskbase::gui {

ImportController::ImportController(WorkspaceController* workspace, widgets::ImportProgressPanel* panel,
                                   QWidget* dialogParent)
    : QObject(dialogParent), workspace_(workspace), panel_(panel), dialogParent_(dialogParent) {
    connect(panel_, &widgets::ImportProgressPanel::cancelRequested, this, &ImportController::cancelCurrent);
}

ImportController::~ImportController() {
    if (running_) running_->cancel();
    if (thread_) thread_->wait();  // the job rolls back at its next row block
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
    widgets::runInBackground(
        this, [options] { return previewImport(options); },
        [this, options, path](Result<ImportPreview> preview) {
            if (!preview) {
                emit failed(path, QString::fromStdString(preview.message()));
                nextPreview();
                return;
            }
            auto* dialog = new widgets::ImportPreviewDialog(options, std::move(*preview), dialogParent_);
            QStringList existing;
            for (const auto& t : workspace_->schema().tables) existing << QString::fromStdString(t.name);
            dialog->setExistingTables(existing);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setWindowModality(Qt::WindowModal);
            dialog_ = dialog;
            connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
                if (result == QDialog::Accepted) {
                    jobs_.push_back(dialog->options());
                    if (running_)
                        panel_->setQueued(int(jobs_.size()));
                    else
                        startNextJob();
                }
                nextPreview();
            });
            dialog->open();
            emit previewShown(dialog);
        });
}

void ImportController::startNextJob() {
    if (jobs_.empty()) {
        panel_->finish();
        if (!isBusy()) emit idle();
        return;
    }
    ImportOptions options = std::move(jobs_.front());
    jobs_.pop_front();
    const QString path = QString::fromStdString(options.path);
    const std::string target = workspace_->target().toStdString();
    auto job = std::make_shared<ImportJob>(options);
    running_ = job;
    panel_->start(QFileInfo(path).fileName(), int(jobs_.size()));

    auto result = std::make_shared<std::optional<Result<ImportResult>>>();
    thread_ = QThread::create([this, job, target, result] {
        auto warehouse = Warehouse::open(target);
        if (!warehouse) {
            result->emplace(Error{warehouse.message()});
            return;
        }
        // Progress comes ~20 times a second on this thread; hand it to the GUI thread.
        result->emplace(job->run(**warehouse, [this](const ImportProgress& p) {
            QMetaObject::invokeMethod(
                this, [this, p] { panel_->update(p); }, Qt::QueuedConnection);
        }));
    });
    connect(thread_, &QThread::finished, this, [this, path, job, result] {
        thread_->deleteLater();
        thread_ = nullptr;
        running_.reset();
        Result<ImportResult> outcome =
            result->has_value() ? std::move(**result) : Result<ImportResult>(Error{"the import stopped"});
        // A Cancel that came during the commit, or after it, did not stop anything: the table is
        // loaded and must be reported (and dashboards refreshed) as such.
        const bool stopped = job->isCancelled() && !outcome.isOk();
        onJobDone(path, std::move(outcome), stopped);
    });
    thread_->start();
}

void ImportController::onJobDone(const QString& path, Result<ImportResult> result, bool wasCancelled) {
    if (wasCancelled) {
        emit cancelled(path);
    } else if (!result) {
        emit failed(path, QString::fromStdString(result.message()));
    } else {
        const ImportResult& r = *result;
        emit imported(QString::fromStdString(r.table), r.rows, r.rejected,
                      QString::fromStdString(r.rejectsTable), r.seconds);
    }
    workspace_->refreshSchema();
    startNextJob();
}

void ImportController::cancelCurrent() {
    if (running_) running_->cancel();
}

}  // namespace deskbase::gui
