#include "widgets/runs/runs_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "widgets/runs/runs_grid_model.h"
#include "widgets/theme/theme.h"

namespace deskbase::widgets {

namespace {
constexpr int kCell = 22;  // px: a cell is a small square, as in Airflow's grid
constexpr int kGap = 2;    // px between squares: runs side by side stay countable

// A run is a square in its status colour with a gap around it (without one, three failed runs
// in a row were one red bar); the chosen run keeps its colour and gets an outline in the
// highlight colour (the selection's fill hid a failed run's red).
class RunCellDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        const QVariant fill = index.data(Qt::BackgroundRole);
        if (!fill.isValid()) return;  // no run in this column
        const QRect square = option.rect.adjusted(kGap, kGap, -kGap, -kGap);
        p->save();
        p->fillRect(square, fill.value<QColor>());
        if (option.state & QStyle::State_Selected) {
            p->setPen(QPen(option.palette.color(QPalette::Highlight), 2));
            p->setBrush(Qt::NoBrush);
            p->drawRect(QRectF(option.rect).adjusted(1, 1, -1, -1));
        }
        p->restore();
    }
};
}

RunsPanel::RunsPanel(QWidget* parent)
    : QWidget(parent),
      model_(new RunsGridModel(this)),
      view_(new QTableView(this)),
      message_(new QLabel(this)),
      detail_(new QLabel(this)),
      steps_(new QTreeWidget(this)),
      rerun_(new QPushButton(tr("Re-run"), this)),
      refresh_(new QPushButton(tr("Refresh"), this)) {
    setObjectName(QStringLiteral("runsPanel"));
    setWindowTitle(tr("Runs"));
    auto* title = new QLabel(tr("<b>Runs</b> — each row a source, model, report or alert; each square a run, "
                                "the newest on the right"),
                             this);
    auto* bar = new QHBoxLayout;
    bar->addWidget(title, 1);
    bar->addWidget(rerun_);
    bar->addWidget(refresh_);
    rerun_->setEnabled(false);
    rerun_->setToolTip(tr("Run the chosen row's source, model or report again"));

    view_->setObjectName(QStringLiteral("runsGrid"));
    view_->setModel(model_);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setSelectionBehavior(QAbstractItemView::SelectItems);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setShowGrid(false);
    view_->setItemDelegate(new RunCellDelegate(view_));
    view_->horizontalHeader()->setMinimumSectionSize(kCell);
    view_->horizontalHeader()->setDefaultSectionSize(kCell);
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view_->horizontalHeader()->setFixedHeight(6);
    view_->verticalHeader()->setDefaultSectionSize(kCell);
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);

    detail_->setObjectName(QStringLiteral("runDetail"));
    detail_->setWordWrap(true);
    detail_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detail_->setText(tr("Click a square to see that run's steps."));
    steps_->setObjectName(QStringLiteral("runSteps"));
    steps_->setRootIsDecorated(false);
    steps_->setHeaderLabels({tr("Step"), tr("Name"), tr("Status"), tr("Rows"), tr("Seconds"), tr("Error")});
    message_->setObjectName(QStringLiteral("runsMessage"));
    message_->setVisible(false);

    auto* lower = new QWidget(this);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(detail_);
    lowerLayout->addWidget(steps_, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(view_);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(message_);
    layout->addWidget(split, 1);

    connect(view_, &QTableView::clicked, this, &RunsPanel::choose);
    // A row's name picks its target (for Re-run) also before its first run.
    connect(view_->verticalHeader(), &QHeaderView::sectionClicked, this,
            [this](int row) { chooseRow(row, nullptr); });
    connect(rerun_, &QPushButton::clicked, this, [this] {
        if (!chosenName_.isEmpty()) emit rerunRequested(chosenKind_, chosenName_);
    });
    connect(refresh_, &QPushButton::clicked, this, &RunsPanel::refreshRequested);
}

void RunsPanel::setGrid(RunsGrid grid) {
    model_->setGrid(std::move(grid));
    view_->scrollToBottom();
    const int row = model_->grid().rowOf(chosenKind_.toStdString(), chosenName_.toStdString());
    if (row < 0) {
        rerun_->setEnabled(false);
        return;
    }
    for (int c = 0; c < model_->columnCount(); ++c)
        if (const RunsGridCell* cell = model_->grid().cell(row, c); cell && cell->runId == chosenRun_) {
            view_->setCurrentIndex(model_->index(row, c));
            break;
        }
    view_->scrollTo(model_->index(row, model_->columnCount() - 1));
}

void RunsPanel::choose(const QModelIndex& index) {
    chooseRow(index.row(), model_->cellAt(index));
}

void RunsPanel::chooseRow(int rowIndex, const RunsGridCell* cell) {
    const RunsGridRow* row = model_->rowAt(rowIndex);
    if (!row) return;
    chosenKind_ = QString::fromStdString(row->kind);
    chosenName_ = QString::fromStdString(row->name);
    rerun_->setEnabled(true);
    rerun_->setText(tr("Re-run %1").arg(chosenName_));
    steps_->clear();
    if (!cell) {
        chosenRun_ = 0;
        detail_->setText(tr("%1 %2: click one of its squares for that run.").arg(chosenKind_, chosenName_));
        return;
    }
    chosenRun_ = cell->runId;
    detail_->setText(QStringLiteral("<b>%1</b> — run %2: %3")
                         .arg(chosenName_.toHtmlEscaped())
                         .arg(cell->runId)
                         .arg(RunsGridModel::cellText(*cell).toHtmlEscaped().replace(
                             QLatin1Char('\n'), QStringLiteral("<br>"))));
    emit runChosen(cell->runId);
}

void RunsPanel::setSteps(std::int64_t runId, const std::vector<RunStep>& steps) {
    if (runId != chosenRun_) return;  // an answer for a run no longer chosen
    steps_->clear();
    for (const auto& s : steps) {
        auto* item = new QTreeWidgetItem(
            steps_, {QString::fromStdString(s.kind), QString::fromStdString(s.name),
                     QString::fromStdString(s.status), s.rows ? QString::number(*s.rows) : QString(),
                     QString::number(s.seconds, 'f', 2), QString::fromStdString(s.error)});
        item->setForeground(2, RunsGridModel::toneColor(runTone(s.status), isDarkTheme()));
        item->setToolTip(5, QString::fromStdString(s.error));
    }
    for (int c = 0; c < 5; ++c) steps_->resizeColumnToContents(c);
}

void RunsPanel::setMessage(const QString& text) {
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

}  // namespace deskbase::widgets
