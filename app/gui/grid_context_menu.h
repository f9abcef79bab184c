#pragma once
// Right-click menus of a query page's result grid. On a cell: Copy, Select all, sort by that
// column, Export result…; on a column header: sort ascending / descending, Copy column name,
// Select column. Built from the grid's own operations (copySelection, the model's sort).
class QMenu;
class QPoint;

namespace deskbase::widgets {
class ResultGrid;
}

namespace deskbase::gui {

class QueryPage;

void installGridContextMenu(widgets::ResultGrid* grid, QueryPage* page);
// The menus themselves (filled, not shown), for tests: at a viewport point / for a header section.
QMenu* gridCellMenu(widgets::ResultGrid* grid, QueryPage* page, const QPoint& viewportPos);
QMenu* gridHeaderMenu(widgets::ResultGrid* grid, int section);

}  // namespace deskbase::gui
