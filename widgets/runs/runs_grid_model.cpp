#include "widgets/runs/runs_grid_model.h"

#include "widgets/theme/theme.h"

namespace deskbase::widgets {

RunsGridModel::RunsGridModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunsGridModel::setGrid(RunsGrid grid) {
    beginResetModel();
    grid_ = std::move(grid);
    endResetModel();
}

const RunsGridCell* RunsGridModel::cellAt(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this) return nullptr;
    return grid_.cell(index.row(), index.column());
}

const RunsGridRow* RunsGridModel::rowAt(int row) const {
    return row >= 0 && row < int(grid_.rows.size()) ? &grid_.rows[std::size_t(row)] : nullptr;
}

QColor RunsGridModel::toneColor(RunTone tone, bool dark) {
    switch (tone) {
        case RunTone::Good:
            return dark ? QColor(0x4c, 0xc3, 0x6b) : QColor(0x2e, 0x9d, 0x4e);
        case RunTone::Bad:
            return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd2, 0x3a, 0x3a);
        case RunTone::Attention:
            return dark ? QColor(0xe0, 0xb0, 0x40) : QColor(0xe0, 0x9a, 0x10);
        case RunTone::Running:
            return dark ? QColor(0x6a, 0xa8, 0xff) : QColor(0x2f, 0x74, 0xd0);
        case RunTone::Muted:
            break;
    }
    return dark ? QColor(0x6b, 0x71, 0x78) : QColor(0xb4, 0xba, 0xc0);
}

QString RunsGridModel::cellText(const RunsGridCell& c) {
    QString text = QString::fromStdString(c.status) + QStringLiteral(" · ") +
                   QString::fromStdString(c.startedAt) + QStringLiteral(" UTC · ") +
                   QString::number(c.seconds, 'f', c.seconds < 10 ? 2 : 1) + QStringLiteral(" s");
    if (c.rows) text += QStringLiteral(" · %1 rows").arg(*c.rows);
    if (c.attempt > 1) text += QStringLiteral(" · attempt %1").arg(c.attempt);
    if (!c.error.empty()) text += QLatin1Char('\n') + QString::fromStdString(c.error);
    return text;
}

int RunsGridModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(grid_.rows.size());
}

int RunsGridModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : grid_.columns;
}

QVariant RunsGridModel::data(const QModelIndex& index, int role) const {
    const RunsGridRow* row = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!row) return {};
    if (role == KindRole) return QString::fromStdString(row->kind);
    if (role == NameRole) return QString::fromStdString(row->name);
    const RunsGridCell* c = cellAt(index);
    if (!c) return {};
    switch (role) {
        case Qt::BackgroundRole:
            return toneColor(runTone(c->status), isDarkTheme());
        case Qt::ToolTipRole:
            return cellText(*c);
        case Qt::AccessibleTextRole:
        case StatusRole:
            return QString::fromStdString(c->status);
        case RunIdRole:
            return qlonglong(c->runId);
        default:
            return {};
    }
}

QVariant RunsGridModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical) {
        const RunsGridRow* row = rowAt(section);
        if (!row) return {};
        if (role == Qt::DisplayRole)
            return QString::fromStdString(row->kind) + QStringLiteral("  ") +
                   QString::fromStdString(row->name);
        if (role == Qt::ToolTipRole)
            return row->runs.empty() ? tr("No run yet")
                                     : tr("%n run(s) shown", nullptr, int(row->runs.size()));
        return {};
    }
    if (role == Qt::ToolTipRole && section >= 0 && section < grid_.columns)
        return tr("%n run(s) before the newest", nullptr, grid_.columns - 1 - section);
    return {};
}

}  // namespace deskbase::widgets
