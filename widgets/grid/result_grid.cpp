#include "widgets/grid/result_grid.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>
#include <map>

#include "widgets/grid/cell_format.h"
#include "widgets/grid/result_table_model.h"

namespace deskbase::widgets {

namespace {
// TSV cells cannot hold tabs or newlines: they become spaces.
QString tsvCell(QString s) {
    s.replace(QLatin1Char('\t'), QLatin1Char(' '));
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    s.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return s;
}
}  // namespace

ResultGrid::ResultGrid(QWidget* parent)
    : QWidget(parent),
      model_(new ResultTableModel(this)),
      view_(new QTableView(this)),
      status_(new QLabel(this)) {
    view_->setModel(model_);
    view_->setObjectName(QStringLiteral("resultView"));
    view_->setAlternatingRowColors(true);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setWordWrap(false);
    view_->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed row heights: the vertical header never measures millions of rows.
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 8);
    view_->horizontalHeader()->setSectionsClickable(true);
    view_->horizontalHeader()->setSortIndicatorShown(false);
    view_->horizontalHeader()->setDefaultSectionSize(140);
    view_->horizontalHeader()->setHighlightSections(false);
    connect(view_->horizontalHeader(), &QHeaderView::sectionClicked, this, &ResultGrid::onHeaderClicked);

    status_->setObjectName(QStringLiteral("resultStatus"));
    status_->setContentsMargins(6, 2, 6, 2);

    auto* copy = new QAction(tr("Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &ResultGrid::copySelection);
    view_->addAction(copy);
    view_->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(view_, 1);
    layout->addWidget(status_);

    connect(model_, &ResultTableModel::rowCountChanged, this, &ResultGrid::updateStatus);
    connect(model_, &ResultTableModel::runningChanged, this, &ResultGrid::updateStatus);
    connect(model_, &ResultTableModel::queryFailed, this,
            [this](const QString& m) { status_->setText(tr("Error: %1").arg(m)); });
    connect(model_, &ResultTableModel::firstRowsReady, this, [this] {
        // Fit columns to the rows on screen (the view measures only visible rows), within bounds.
        view_->resizeColumnsToContents();
        auto* header = view_->horizontalHeader();
        for (int c = 0; c < header->count(); ++c)
            header->resizeSection(c, std::clamp(header->sectionSize(c) + 12, 60, 320));
    });
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        auto* header = view_->horizontalHeader();
        header->setSortIndicatorShown(model_->sortColumn() >= 0);
        if (model_->sortColumn() >= 0) header->setSortIndicator(model_->sortColumn(), model_->sortOrder());
    });
    updateStatus();
}

void ResultGrid::onHeaderClicked(int section) {
    // First click sorts ascending, the next one descending, then back to ascending.
    const bool same = model_->sortColumn() == section;
    const Qt::SortOrder order =
        same && model_->sortOrder() == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
    model_->sort(section, order);
}

QString ResultGrid::statusText() const {
    return status_->text();
}

void ResultGrid::updateStatus() {
    const QLocale loc = displayLocale();
    if (model_->columnCount() == 0 && model_->isRunning()) {
        status_->setText(tr("Running…"));
        return;
    }
    const QString rows = loc.toString(qlonglong(model_->totalRows()));
    if (model_->rowCountExact())
        status_->setText(model_->totalRows() == 1 ? tr("1 row") : tr("%1 rows").arg(rows));
    else
        status_->setText(model_->isRunning() ? tr("%1+ rows, counting…").arg(rows)
                                             : tr("%1+ rows").arg(rows));
}

QString ResultGrid::selectionAsTsv() const {
    const QModelIndexList selected = view_->selectionModel()->selectedIndexes();
    if (selected.isEmpty()) return {};
    std::map<int, std::map<int, QString>> byRow;
    int minCol = INT_MAX, maxCol = -1;
    for (const QModelIndex& i : selected) {
        const Value* v = model_->cell(i.row(), i.column());
        byRow[i.row()][i.column()] =
            v && !isNull(*v) ? tsvCell(QString::fromStdString(valueToText(*v))) : QString();
        minCol = std::min(minCol, i.column());
        maxCol = std::max(maxCol, i.column());
    }
    QStringList lines;
    for (const auto& [row, cells] : byRow) {
        QStringList fields;
        for (int c = minCol; c <= maxCol; ++c) {
            auto it = cells.find(c);
            fields << (it == cells.end() ? QString() : it->second);
        }
        lines << fields.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n'));
}

void ResultGrid::copySelection() const {
    QApplication::clipboard()->setText(selectionAsTsv());
}

}  // namespace deskbase::widgets
