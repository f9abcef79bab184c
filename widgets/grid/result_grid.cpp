#include "widgets/grid/result_grid.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

#include "core/runtime/runtime.h"
#include "core/sql/result_sql.h"
#include "core/warehouse/warehouse.h"
#include "widgets/grid/cell_format.h"
#include "widgets/grid/result_table_model.h"

namespace deskbase::widgets {

ResultGrid::ResultGrid(Runtime& runtime, QWidget* parent)
    : QWidget(parent),
      model_(new ResultTableModel(runtime.executor(), this)),
      view_(new QTableView(this)),
      status_(new QLabel(this)),
      fetcher_(std::make_unique<SelectionFetcher>(runtime.jobs())) {
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
    // Painting a header section asks isColumnSelected() of its neighbours, which walks every row
    // of the column: 0.2 s after Ctrl+A on 3M rows. The header highlights nothing here, so it
    // gets a selection model of its own that stays empty.
    view_->horizontalHeader()->setSelectionModel(new QItemSelectionModel(model_, view_));
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
        if (fetcher_->isRunning()) {  // a new query or order: the rows being copied are gone
            fetcher_->cancel();
            emit message(tr("Copy cancelled: the result changed"));
        }
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
    if (model_->query().sql.empty()) {  // nothing has run (or it was cleared): no count to give
        status_->clear();
        return;
    }
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

ResultGrid::~ResultGrid() = default;

SelectionShape ResultGrid::currentSelection() const {
    // Ranges, not selectedIndexes(): Ctrl+A on millions of rows is one range, not millions of indexes.
    std::vector<CellRect> rects;
    for (const QItemSelectionRange& r : view_->selectionModel()->selection())
        if (r.isValid()) rects.push_back({r.top(), r.bottom(), r.left(), r.right()});
    return selectionShape(rects);
}

QString ResultGrid::selectionAsTsv() const {
    const SelectionShape shape = currentSelection();
    std::string text;
    bool firstLine = true;
    for (const SelectionSegment& segment : shape.segments) {
        for (std::int64_t row = segment.first; row <= segment.last; ++row) {
            if (!std::exchange(firstLine, false)) text += '\n';
            appendTsvLine(text, shape, segment, model_->cachedRow(row));
        }
    }
    return QString::fromStdString(text);
}

void ResultGrid::copySelection() {
    const SelectionShape shape = currentSelection();
    if (shape.empty()) return;
    const bool cached =
        std::all_of(shape.segments.begin(), shape.segments.end(),
                    [this](const SelectionSegment& s) { return model_->hasRows(s.first, s.last); });
    // A statement that cannot be paged ran once and kept all it had: copy what is there.
    if (cached || !isPageableQuery(model_->query().sql, Warehouse::dialectFor(model_->query().target))) {
        fetcher_->cancel();
        QApplication::clipboard()->setText(selectionAsTsv());
        return;
    }
    const QLocale loc = displayLocale();
    emit message(tr("Copying %1 rows…").arg(loc.toString(qlonglong(shape.rowCount()))));
    fetcher_->start(model_->query(), shape, limits_, [this](CopiedSelection copied) { onCopied(copied); });
}

void ResultGrid::onCopied(const CopiedSelection& copied) {
    const QLocale loc = displayLocale();
    if (!copied.error.isEmpty()) {
        emit message(tr("Copy failed: %1").arg(copied.error));
        return;
    }
    QApplication::clipboard()->setText(copied.text);
    if (copied.capped)
        emit message(
            tr("Copied the first %1 of %2 selected rows (the copy limit); export the result for all of them")
                .arg(loc.toString(qlonglong(copied.rows)), loc.toString(qlonglong(copied.selectedRows))));
    else
        emit message(copied.rows == 1 ? tr("Copied 1 row")
                                      : tr("Copied %1 rows").arg(loc.toString(qlonglong(copied.rows))));
}

}  // namespace deskbase::widgets
