#pragma once
// Exporting a query's full result to a file from the GUI: an "export" job on the workspace
// runtime runs a core ResultExport (its rows stream through the runtime's executor), a progress
// strip shows rows and MB written with Cancel (polled a few times a second, so a fast export does
// not flood the event loop), and the outcome is one line. The window never waits for it; one
// export runs at a time.
#include <QObject>
#include <QString>
#include <memory>
#include <optional>

#include "core/export/result_export.h"
#include "core/runtime/job_queue.h"
#include "core/runtime/mailbox.h"

class QTimer;
class QWidget;

namespace deskbase {
class Runtime;
}

namespace deskbase::widgets {
class ProgressStrip;
}  // namespace deskbase::widgets

namespace deskbase::gui {

// A destination chosen in the file dialog, with the format its filter implies when the name has
// no known extension.
struct ExportChoice {
    QString path;
    std::optional<ExportFormat> format;  // set only when the extension does not tell
};

class ExportController : public QObject {
    Q_OBJECT
public:
    // Exports run on `runtime` (borrowed: it must outlive the controller).
    ExportController(Runtime& runtime, widgets::ProgressStrip* strip, QObject* parent);
    ~ExportController() override;  // cancels a running export (its temporary file is removed)

    // Starts the export; `expectedRows` (-1: unknown) fills the progress bar. The outcome, also a
    // request refused at once (format, destination), comes as finished(). False, with finished(),
    // when an export is already running.
    bool start(ExportRequest request, qint64 expectedRows = -1);
    void cancel();
    bool isRunning() const { return job_.isValid(); }

    // Asks for the destination (file dialog with a filter per format); nullopt when cancelled.
    static std::optional<ExportChoice> chooseFile(QWidget* parent, const QString& suggestedPath);
    // "out" + CSV filter -> out.csv; "data.txt" + CSV filter -> data.txt as CSV; "a.json" -> JSON.
    static ExportChoice resolveChoice(const QString& path, ExportFormat filterFormat);
    // "Exported 200,000 rows to /tmp/out.csv in 1.2 s", or why not.
    static QString describe(const Result<ExportSummary>& outcome, const QString& path);

signals:
    void runningChanged(bool running);
    void finished(bool ok, const QString& message);

private:
    void showProgress();
    void onDone(const Result<ExportSummary>& outcome, const QString& path);

    Runtime& runtime_;
    widgets::ProgressStrip* strip_;
    QTimer* timer_;
    JobHandle job_;  // the running export, if any
    QString fileName_;
    qint64 expectedRows_ = -1;
    Mailbox mailbox_;  // last: closed first
};

}  // namespace deskbase::gui
