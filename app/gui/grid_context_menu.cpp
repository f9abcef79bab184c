#include "app/gui/grid_context_menu.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMenu>
#include <QTableView>

#include "app/gui/query_page.h"
#include "widgets/grid/result_grid.h"
#include "widgets/grid/result_table_model.h"

namespace deskbase::gui {

namespace {
void addSortActions(QMenu* menu, widgets::ResultGrid* grid, int column) {
    const QString name = grid->model()->headerData(column, Qt::Horizontal).toString();
    menu->addAction(QObject::tr("Sort by %1 ascending").arg(name), grid,
                    [grid, column] { grid->model()->sort(column, Qt::AscendingOrder); });
    menu->addAction(QObject::tr("Sort by %1 descending").arg(name), grid,
                    [grid, column] { grid->model()->sort(column, Qt::DescendingOrder); });
}
}  // namespace

QMenu* gridCellMenu(widgets::ResultGrid* grid, QueryPage* page, const QPoint& viewportPos) {
    QTableView* view = grid->view();
    auto* menu = new QMenu(view);
    const QModelIndex at = view->indexAt(viewportPos);
    // A right click outside the selection selects that cell first, as file managers do.
    if (at.isValid() && !view->selectionModel()->isSelected(at))
        view->selectionModel()->select(at, QItemSelectionModel::ClearAndSelect);
    QAction* copy = menu->addAction(QObject::tr("Copy"), grid, &widgets::ResultGrid::copySelection);
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(view->selectionModel()->hasSelection());
    QAction* all = menu->addAction(QObject::tr("Select all"), view, &QTableView::selectAll);
    all->setShortcut(QKeySequence::SelectAll);
    if (at.isValid()) {
        menu->addSeparator();
        addSortActions(menu, grid, at.column());
    }
    menu->addSeparator();
    QAction* exportAll = menu->addAction(QObject::tr("Export result…"), page, &QueryPage::exportResult);
    exportAll->setEnabled(!grid->model()->query().sql.empty());
    return menu;
}

QMenu* gridHeaderMenu(widgets::ResultGrid* grid, int section) {
    QTableView* view = grid->view();
    auto* menu = new QMenu(view);
    if (section < 0) return menu;
    addSortActions(menu, grid, section);
    menu->addSeparator();
    const QString name = grid->model()->headerData(section, Qt::Horizontal).toString();
    menu->addAction(QObject::tr("Copy column name"), grid,
                    [name] { QApplication::clipboard()->setText(name); });
    menu->addAction(QObject::tr("Select column"), view, [view, section] { view->selectColumn(section); });
    return menu;
}

void installGridContextMenu(widgets::ResultGrid* grid, QueryPage* page) {
    QTableView* view = grid->view();
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(view, &QWidget::customContextMenuRequested, grid, [grid, page, view](const QPoint& pos) {
        QMenu* menu = gridCellMenu(grid, page, pos);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(view->viewport()->mapToGlobal(pos));
    });
    QHeaderView* header = view->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(header, &QWidget::customContextMenuRequested, grid, [grid, header](const QPoint& pos) {
        QMenu* menu = gridHeaderMenu(grid, header->logicalIndexAt(pos));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(header->mapToGlobal(pos));
    });
}

}  // namespace deskbase::gui
