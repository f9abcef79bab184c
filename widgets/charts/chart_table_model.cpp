#include "widgets/charts/chart_table_model.h"

#include <algorithm>

#include "core/chart/labels.h"

namespace deskbase::widgets {

ChartTableModel::ChartTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ChartTableModel::setData(std::shared_ptr<const chart::ChartData> data,
                              const dashboard::VisualizationSettings& s) {
    beginResetModel();
    data_ = std::move(data);
    settings_ = s;
    endResetModel();
}

int ChartTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !data_ ? 0 : int(data_->rows.size());
}

int ChartTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !data_ ? 0 : int(data_->columns.size());
}

QVariant ChartTableModel::data(const QModelIndex& index, int role) const {
    if (!data_ || !index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
    const auto& col = data_->columns[std::size_t(index.column())];
    const Value& v = data_->rows[std::size_t(index.row())][std::size_t(index.column())];
    const bool numeric = col.type == ColumnType::Integer || col.type == ColumnType::Real;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        if (isNull(v)) return QString();
        if (numeric) {
            auto n = chart::cellNumber(v);
            if (!n) return QString::fromStdString(valueToText(v));
            // Identifiers ("order_id") stay plain; measures named in y use the question's format.
            const bool measure =
                std::find(settings_.y.begin(), settings_.y.end(), col.name) != settings_.y.end();
            const bool identifier = col.name == "id" || col.name.ends_with("_id");
            if (identifier) return QString::fromStdString(valueToText(v));
            dashboard::NumberFormat f = measure ? settings_.format : dashboard::NumberFormat{};
            if (!measure && col.type == ColumnType::Real) f.decimals = 2;  // aligned decimals in a column
            // The cell may round; its tooltip shows every digit.
            if (role == Qt::ToolTipRole) return QString::fromStdString(chart::formatExact(*n, f));
            return QString::fromStdString(dashboard::formatNumber(*n, f));
        }
        return QString::fromStdString(valueToText(v));
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(numeric ? Qt::AlignRight | Qt::AlignVCenter
                                           : Qt::AlignLeft | Qt::AlignVCenter);
    return {};
}

QVariant ChartTableModel::headerData(int section, Qt::Orientation o, int role) const {
    if (role != Qt::DisplayRole || !data_) return {};
    if (o == Qt::Vertical) return section + 1;
    if (section < 0 || section >= columnCount()) return {};
    const auto& c = data_->columns[std::size_t(section)];
    return QString::fromStdString(c.displayName.empty() ? c.name : c.displayName);
}

}  // namespace deskbase::widgets
