#pragma once
// The import status strip: a progress bar with rows, MB/s and time left, the number of queued
// imports, and Cancel.
#include <QElapsedTimer>
#include <QWidget>

#include "core/ingest/import_job.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace deskbase::widgets {

class ImportProgressPanel : public QWidget {
    Q_OBJECT
public:
    explicit ImportProgressPanel(QWidget* parent = nullptr);

    void start(const QString& fileName, int queued);
    void update(const ImportProgress& progress);
    void setQueued(int queued);
    void finish();
    QString text() const;

    // "12,345 rows · 48.2 MB/s · 3 s left" from a progress report after `seconds`.
    static QString describe(const ImportProgress& p, double seconds);

signals:
    void cancelRequested();

private:
    QLabel* label_;
    QProgressBar* bar_;
    QPushButton* cancel_;
    QString fileName_;
    int queued_ = 0;
    QElapsedTimer clock_;
};

}  // namespace deskbase::widgets
