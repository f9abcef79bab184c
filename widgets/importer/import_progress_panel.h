#pragma once
// The import status strip: a progress bar with rows, MB/s and time left, the number of queued
// imports, and Cancel; "waiting for another writer" with a busy bar while the import waits its
// turn (ImportStage::Waiting).
#include <QElapsedTimer>

#include "core/ingest/import_job.h"
#include "widgets/common/progress_strip.h"

namespace deskbase::widgets {

class ImportProgressPanel : public ProgressStrip {
    Q_OBJECT
public:
    explicit ImportProgressPanel(QWidget* parent = nullptr);

    void start(const QString& fileName, int queued);
    void update(const ImportProgress& progress);
    void setQueued(int queued);

    // "12,345 rows · 48.2 MB/s · 3 s left" from a progress report after `seconds`.
    static QString describe(const ImportProgress& p, double seconds);

private:
    QString fileName_;
    int queued_ = 0;
    QElapsedTimer clock_;
};

}  // namespace deskbase::widgets
