#include "widgets/common/progress_strip.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <cmath>

namespace deskbase::widgets {

ProgressStrip::ProgressStrip(QWidget* parent)
    : QWidget(parent),
      label_(new QLabel(this)),
      bar_(new QProgressBar(this)),
      cancel_(new QPushButton(tr("Cancel"), this)) {
    bar_->setRange(0, 1000);
    bar_->setTextVisible(false);
    bar_->setFixedWidth(160);
    bar_->setMaximumHeight(14);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label_, 1);  // the text takes the room; bar and button keep their size
    layout->addWidget(bar_);
    layout->addWidget(cancel_);
    connect(cancel_, &QPushButton::clicked, this, &ProgressStrip::cancelRequested);
    setVisible(false);
}

void ProgressStrip::start(const QString& text) {
    bar_->setRange(0, 1000);
    bar_->setValue(0);
    cancel_->setEnabled(true);
    label_->setText(text);
    setVisible(true);
}

void ProgressStrip::setText(const QString& text) {
    label_->setText(text);
}

void ProgressStrip::setFraction(double fraction) {
    if (fraction < 0) {
        bar_->setRange(0, 0);  // Qt draws a busy indicator for an empty range
        return;
    }
    bar_->setRange(0, 1000);
    bar_->setValue(int(std::lround(std::min(fraction, 1.0) * 1000)));
}

void ProgressStrip::finish() {
    setVisible(false);
}

QString ProgressStrip::text() const {
    return label_->text();
}

}  // namespace deskbase::widgets
