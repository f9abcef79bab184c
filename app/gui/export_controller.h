#pragma once
// Exporting a query's full result to a file from the GUI: runs a core ResultExport on its own
// one-worker executor, shows rows and MB written in a progress strip with Cancel (polled a few
// times a second, so a fast export does not flood the event loop), and reports the outcome in
// one line. The window never waits for it; one export runs at a time.
#include <QObject>
#include <QString>
#include <memory>
#include <optional>

#include "core/export/result_export.h"

class QTimer;
class QWidget;

namespace deskbase {
class QueryExecutor;
}

namespace deskbase::widgets {
class GuiMailbox;
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
    ExportController(widgets::ProgressStrip* strip, QObject* parent);
    ~ExportController() override;  // cancels a running export (its temporary file is removed)

    // Starts the export; `expectedRows` (-1: unknown) fills the progress bar. The outcome, also a
    // request refused at once (format, destination), comes as finished(). False, with finished(),
    // when an export is already running.
    bool start(ExportRequest request, qint64 expectedRows = -1);
    void cancel();
    bool isRunning() const { return running_ != nullptr; }

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

    widgets::ProgressStrip* strip_;
    QTimer* timer_;
    std::unique_ptr<QueryExecutor> executor_;  // created on the first export
    std::shared_ptr<widgets::GuiMailbox> mailbox_;
    std::shared_ptr<ResultExport> running_;
    QString fileName_;
    qint64 expectedRows_ = -1;
};

}  // namespace deskbase::gui
