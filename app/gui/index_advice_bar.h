#pragma once
// Slow-query help under the query editor (issue 14): after a Run that took longer than
// kSlowRunSeconds, asks the warehouse's plan which index would help (core/exec/index_advice.h)
// and offers it — "Index order_items(order_id)?" — with one button. The index is made by a
// runtime job (Cancel stops it; a failure is a one-line message) that bumps only that table's
// data version; indexCreated() then lets the page run the query again.
#include <QFrame>
#include <QString>
#include <vector>

#include "core/exec/index_advice.h"
#include "core/runtime/job_queue.h"
#include "core/runtime/mailbox.h"

class QLabel;
class QPushButton;

namespace deskbase {
class Runtime;
}

namespace deskbase::gui {

class IndexAdviceBar : public QFrame {
    Q_OBJECT
public:
    static constexpr double kSlowRunSeconds = 1.0;

    IndexAdviceBar(Runtime& runtime, QWidget* parent = nullptr);

    // A Run finished after `seconds`: when it was slow, reads the plan in the background.
    void runFinished(const QString& target, const std::string& sql, const std::vector<Value>& params,
                     double seconds);
    void dismiss();  // a new Run or new SQL: the old advice goes
    const std::vector<IndexAdvice>& advice() const { return advice_; }
    bool isCreating() const { return creating_.isValid() && !creating_.isDone(); }
    void createIndex();  // the button: the first advice
    void cancel();

signals:
    void indexCreated(const QString& message);
    void failed(const QString& message);

private:
    void show(const std::vector<IndexAdvice>& advice);

    Runtime& runtime_;
    QLabel* text_;
    QPushButton* create_;
    QPushButton* cancel_;
    QString target_;
    std::vector<IndexAdvice> advice_;
    JobHandle creating_;
    int generation_ = 0;        // answers for an earlier Run are dropped
    int createGeneration_ = 0;  // the outcome of a cancelled creation is dropped
    Mailbox mailbox_;           // last: closed first
};

}  // namespace deskbase::gui
