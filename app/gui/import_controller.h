#pragma once
// Importing files: each dropped/chosen file is previewed by a job on the workspace runtime, shown
// in the preview dialog, and, once accepted, queued; one at a time, an ImportJob runs as an
// "import" job writing the warehouse (the runtime lets one writer per warehouse run), with
// progress posted back to the GUI thread and Cancel. The workspace's checks on the table
// (checks/<table>.json) run inside each import and are recorded in the run log, as with
// `deskbase import`. A file that cannot be read gets a clear message and changes nothing.
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <deque>
#include <memory>

#include "core/ingest/import_job.h"
#include "core/runtime/job_queue.h"
#include "core/runtime/mailbox.h"
#include "widgets/importer/import_preview_dialog.h"

class QWidget;

namespace deskbase::widgets {
class ImportProgressPanel;
}

namespace deskbase::gui {

class WorkspaceController;

class ImportController : public QObject {
    Q_OBJECT
public:
    ImportController(WorkspaceController* workspace, widgets::ImportProgressPanel* panel,
                     QWidget* dialogParent);
    // Cancels a running import; the runtime waits for it to roll back when it shuts down.
    ~ImportController() override;

    void importFiles(const QStringList& paths);
    // Queues an import as accepted in the preview (no dialog).
    void enqueue(const ImportOptions& options);
    void cancelCurrent();
    bool isBusy() const;
    int queuedJobs() const { return int(jobs_.size()); }
    widgets::ImportPreviewDialog* currentDialog() const { return dialog_; }

    static bool looksImportable(const QString& path);  // by extension: csv, tsv, txt, json, ndjson, jsonl

signals:
    void previewShown(deskbase::widgets::ImportPreviewDialog* dialog);
    // `indexes`: the columns the import indexed (ImportResult::indexes). `checks`: the table's
    // checks that ran inside the import (checks/<table>.json), one line ("3 pass, 1 warn"), empty
    // when none; `checksFailed`: any did not pass.
    void imported(const QString& table, qint64 rows, qint64 rejected, const QString& rejectsTable,
                  double seconds, const QStringList& indexes, const QString& checks, bool checksFailed);
    void fileImported(const QString& path);  // with imported(): the file that was loaded
    // With imported(): how it was loaded (the options, the table, the CSV dialect sniffed).
    void importedWith(const deskbase::ImportOptions& options);
    void failed(const QString& path, const QString& message);
    // An append refused because the file's content was already loaded; the "alreadyLoadedBox"
    // asks whether to load it anyway.
    void alreadyLoaded(const QString& path, const QString& table);
    // An import refused because it rejected too many rows (ImportJob::refusedForRejects); the
    // "tooManyRejectsBox" shows the reason and asks whether to load the rest anyway.
    void tooManyRejects(const QString& path, const QString& message);
    void cancelled(const QString& path);
    void idle();

private:
    void nextPreview();
    void startNextJob();
    enum class Refusal { None, AlreadyLoaded, TooManyRejects };
    void onJobDone(const ImportOptions& options, Result<ImportResult> result, bool wasCancelled,
                   Refusal refusal, const QString& why);
    // A refused import: the box says why; "Load anyway" queues it again with the refusal waived.
    void askLoadAnyway(const ImportOptions& options, Refusal refusal, const QString& message);

    WorkspaceController* workspace_;
    widgets::ImportProgressPanel* panel_;
    QWidget* dialogParent_;
    QStringList previewQueue_;
    bool previewing_ = false;
    QPointer<widgets::ImportPreviewDialog> dialog_;
    std::deque<ImportOptions> jobs_;
    std::shared_ptr<ImportJob> running_;
    JobHandle job_;
    Mailbox mailbox_;  // last: closed first
};

}  // namespace deskbase::gui
