#pragma once
// The "number" visualization: the latest value large, with its change against the previous
// row (the previous period) in green or red.
#include <QString>
#include <QWidget>
#include <optional>

#include "core/chart/chart_data.h"
#include "core/dashboard/visualization.h"

namespace deskbase::widgets {

class NumberWidget : public QWidget {
    Q_OBJECT
public:
    explicit NumberWidget(QWidget* parent = nullptr);
    void setData(const chart::ChartData& data, const dashboard::VisualizationSettings& s);

    QString valueText() const { return value_; }
    QString changeText() const { return change_; }  // e.g. "▲ 12.5% vs previous month"; empty when none
    std::optional<double> changeRatio() const { return ratio_; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString value_;
    QString change_;
    QString period_;
    std::optional<double> ratio_;
};

}  // namespace deskbase::widgets
