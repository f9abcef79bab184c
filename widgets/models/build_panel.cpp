#include "widgets/models/build_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "widgets/models/lineage_view.h"
#include "widgets/theme/icons.h"
#include "widgets/theme/theme.h"

namespace deskbase::widgets {

BuildPanel::BuildPanel(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(this)),
      bar_(new QProgressBar(this)),
      cancel_(new QPushButton(stopIcon(), tr("Cancel"), this)),
      lines_(new QListWidget(this)),
      summary_(new QLabel(this)) {
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    lines_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    lines_->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(title_, 1);
    top->addWidget(bar_);
    top->addWidget(cancel_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(lines_, 1);
    layout->addWidget(summary_);
    connect(cancel_, &QPushButton::clicked, this, [this] {
        cancel_->setEnabled(false);
        emit cancelRequested();
    });
    bar_->hide();
    cancel_->hide();
}

void BuildPanel::start(const QString& title, int total) {
    running_ = true;
    title_->setText(title);
    lines_->clear();
    summary_->setText(tr("Building…"));
    bar_->setRange(0, std::max(total, 0));
    bar_->setValue(0);
    bar_->show();
    cancel_->setEnabled(true);
    cancel_->show();
}

void BuildPanel::addModel(const QString& status, const QString& line, int done, int total) {
    auto* item = new QListWidgetItem(line, lines_);
    LineageNode probe;
    probe.kind = "model";
    probe.status = status.toStdString();
    item->setForeground(LineageView::nodeColor(probe, isDarkTheme()));
    item->setToolTip(line);
    bar_->setRange(0, total);
    bar_->setValue(done);
    lines_->scrollToItem(item);
}

void BuildPanel::finish(const QString& summary, bool failed) {
    running_ = false;
    summary_->setText(failed ? tr("Build finished with problems: %1").arg(summary)
                             : tr("Built: %1").arg(summary));
    bar_->hide();
    cancel_->hide();
}

void BuildPanel::fail(const QString& error) {
    running_ = false;
    summary_->setText(tr("Nothing was built: %1").arg(error));
    bar_->hide();
    cancel_->hide();
}

QStringList BuildPanel::lines() const {
    QStringList out;
    for (int i = 0; i < lines_->count(); ++i) out << lines_->item(i)->text();
    return out;
}

QString BuildPanel::title() const {
    return title_->text();
}

}  // namespace deskbase::widgets
