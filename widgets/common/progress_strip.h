#pragma once
// A status-bar strip for one background job: a line of text, a progress bar (busy while the
// total is unknown) and Cancel. Hidden until start(); the import and export strips build on it.
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace deskbase::widgets {

class ProgressStrip : public QWidget {
    Q_OBJECT
public:
    explicit ProgressStrip(QWidget* parent = nullptr);

    void start(const QString& text);  // shows the strip with Cancel enabled and an empty bar
    void setText(const QString& text);
    void setFraction(double fraction);  // 0..1; below 0: busy (total unknown)
    void finish();                      // hides the strip
    QString text() const;

signals:
    void cancelRequested();

private:
    QLabel* label_;
    QProgressBar* bar_;
    QPushButton* cancel_;
};

}  // namespace deskbase::widgets
