#pragma once
// The run history's grid (core/pipeline/runs_grid.h) as a table model: a row per source, model,
// report or alert (its header "source  orders"), a column per run with the newest on the right.
// A cell with a run is coloured by its status (BackgroundRole), says it in its tooltip and in
// StatusRole; an empty cell has no data. The shaping is core's; this only presents it.
#include <QAbstractTableModel>
#include <QColor>

#include "core/pipeline/runs_grid.h"

namespace deskbase::widgets {

class RunsGridModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { StatusRole = Qt::UserRole + 1, RunIdRole, KindRole, NameRole };

    explicit RunsGridModel(QObject* parent = nullptr);

    void setGrid(RunsGrid grid);
    const RunsGrid& grid() const { return grid_; }
    const RunsGridCell* cellAt(const QModelIndex& index) const;
    const RunsGridRow* rowAt(int row) const;

    static QColor toneColor(RunTone tone, bool dark);
    // "success · 2026-12-01 08:00:00 UTC · 2.1 s · attempt 2" and the error on a second line.
    static QString cellText(const RunsGridCell& cell);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    RunsGrid grid_;
};

}  // namespace deskbase::widgets
