#pragma once
// A read-only table model over a chart result (the "table" visualization). Numbers use the
// question's format for its measure columns and thousands separators elsewhere.
#include <QAbstractTableModel>
#include <memory>

#include "core/chart/chart_data.h"
#include "core/dashboard/visualization.h"

namespace deskbase::widgets {

class ChartTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ChartTableModel(QObject* parent = nullptr);
    void setData(std::shared_ptr<const chart::ChartData> data, const dashboard::VisualizationSettings& s);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const chart::ChartData> data_;
    dashboard::VisualizationSettings settings_;
};

}  // namespace deskbase::widgets
