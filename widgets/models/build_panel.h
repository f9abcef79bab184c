#pragma once
// A build's report in the window: a title, a progress bar with Cancel while it runs, then one
// line per model as each ends (core's modelRunLine), coloured by status, and the summary.
#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace deskbase::widgets {

class BuildPanel : public QWidget {
    Q_OBJECT
public:
    explicit BuildPanel(QWidget* parent = nullptr);

    void start(const QString& title, int total);
    // One model ended: its status ("success", "error", "skipped") and line.
    void addModel(const QString& status, const QString& line, int done, int total);
    void finish(const QString& summary, bool failed);
    void fail(const QString& error);  // nothing was built (a broken template, a cycle, ...)

    bool isRunning() const { return running_; }
    QStringList lines() const;
    QString title() const;
    QPushButton* cancelButton() const { return cancel_; }

signals:
    void cancelRequested();

private:
    QLabel* title_;
    QProgressBar* bar_;
    QPushButton* cancel_;
    QListWidget* lines_;
    QLabel* summary_;
    bool running_ = false;
};

}  // namespace deskbase::widgets
