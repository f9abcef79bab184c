#include "app/gui/index_advice_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include "core/runtime/background.h"
#include "core/runtime/runtime.h"
#include "core/warehouse/warehouse.h"

namespace deskbase::gui {

IndexAdviceBar::IndexAdviceBar(Runtime& runtime, QWidget* parent)
    : QFrame(parent),
      runtime_(runtime),
      text_(new QLabel(this)),
      create_(new QPushButton(this)),
      cancel_(new QPushButton(tr("Cancel"), this)) {
    setObjectName(QStringLiteral("indexAdvice"));
    setFrameShape(QFrame::StyledPanel);
    text_->setWordWrap(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(text_, 1);
    layout->addWidget(create_);
    layout->addWidget(cancel_);
    auto* close = new QPushButton(tr("Dismiss"), this);
    layout->addWidget(close);
    connect(create_, &QPushButton::clicked, this, &IndexAdviceBar::createIndex);
    connect(cancel_, &QPushButton::clicked, this, &IndexAdviceBar::cancel);
    connect(close, &QPushButton::clicked, this, &IndexAdviceBar::dismiss);
    cancel_->setVisible(false);
    setVisible(false);
}

void IndexAdviceBar::runFinished(const QString& target, const std::string& sql,
                                 const std::vector<Value>& params, double seconds) {
    if (seconds < kSlowRunSeconds || isCreating()) return;
    const int generation = ++generation_;
    target_ = target;
    JobSpec spec;
    spec.kind = "advice";
    spec.key = "index-advice:" + target.toStdString();
    runInBackground(
        runtime_.jobs(), mailbox_, std::move(spec),
        [t = target.toStdString(), sql, params](JobContext& context) -> Result<std::vector<IndexAdvice>> {
            auto w = context.connection(t);
            if (!w) return w.status();
            return adviseIndexes(**w, sql, params);
        },
        [this, generation](Result<std::vector<IndexAdvice>> advice) {
            if (generation != generation_) return;
            show(advice ? *advice : std::vector<IndexAdvice>{});  // no plan: no advice, nothing to say
        });
}

void IndexAdviceBar::show(const std::vector<IndexAdvice>& advice) {
    advice_ = advice;
    if (advice_.empty()) {
        setVisible(false);
        return;
    }
    const IndexAdvice& a = advice_.front();
    text_->setText(tr("Slow query: %1.").arg(QString::fromStdString(a.why())));
    create_->setText(QString::fromStdString(a.label()));
    create_->setToolTip(tr("Creates the index in the background, then runs the query again"));
    create_->setEnabled(true);
    cancel_->setVisible(false);
    setVisible(true);
}

void IndexAdviceBar::dismiss() {
    ++generation_;
    if (isCreating()) return;  // the running job reports when it ends
    advice_.clear();
    setVisible(false);
}

void IndexAdviceBar::createIndex() {
    if (advice_.empty() || isCreating()) return;
    const IndexAdvice a = advice_.front();
    JobSpec spec;
    spec.kind = "index";
    spec.key = "index:" + target_.toStdString() + ":" + a.table;
    spec.writesTo = target_.toStdString();
    const QString label = QString::fromStdString(a.label()).chopped(1);  // without the "?"
    text_->setText(tr("Creating the index on %1…").arg(QString::fromStdString(a.table)));
    create_->setEnabled(false);
    cancel_->setVisible(true);
    creating_ = runInBackground(
        runtime_.jobs(), mailbox_, std::move(spec),
        [t = target_.toStdString(), a](JobContext& context) -> Status {
            auto w = context.connection(t);
            if (!w) return w.status();
            return createAdvisedIndex(**w, a);
        },
        [this, label, generation = ++createGeneration_](Status s) {
            if (generation != createGeneration_) return;  // cancelled: cancel() said so
            creating_ = JobHandle();
            advice_.clear();
            setVisible(false);
            if (s)
                emit indexCreated(tr("%1: done; running the query again").arg(label));
            else
                emit failed(QString::fromStdString(s.message()));
        });
}

void IndexAdviceBar::cancel() {
    if (!isCreating()) return;
    ++createGeneration_;
    creating_.cancel();  // interrupts the CREATE INDEX; the transaction rolls back
    creating_ = JobHandle();
    advice_.clear();
    setVisible(false);
    emit failed(tr("Index creation cancelled"));
}

}  // namespace deskbase::gui
