#pragma once
// A form for a question's chart settings (the "visualization" JSON): type, columns, axis
// titles and scale, number format, date granularity and how grouped rows combine (sum,
// average, min, max, count), legend, labels, stacking, goal and trend line. The question editor shows it next
// to a ChartView and saves serializeVisualization().
#include <QWidget>
#include <vector>

#include "core/dashboard/visualization.h"
#include "core/types/value.h"

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
QT_END_NAMESPACE

namespace deskbase::widgets {

class ChartSettingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartSettingsPanel(QWidget* parent = nullptr);

    // The result's columns fill the x / y / series choices.
    void setColumns(const std::vector<Column>& columns);
    void setSettings(const dashboard::VisualizationSettings& s);
    dashboard::VisualizationSettings settings() const;

signals:
    void settingsChanged(const dashboard::VisualizationSettings& s);

private:
    void emitChanged();
    void selectSettingsColumns();  // x / y / series choices from base_

    bool loading_ = false;
    dashboard::VisualizationSettings base_;  // keeps what the form does not show (colours, bins, ...)
    QComboBox* type_ = nullptr;
    QComboBox* x_ = nullptr;
    QComboBox* y_ = nullptr;
    QComboBox* series_ = nullptr;
    QLineEdit* xTitle_ = nullptr;
    QLineEdit* yTitle_ = nullptr;
    QCheckBox* log_ = nullptr;
    QSpinBox* decimals_ = nullptr;
    QCheckBox* thousands_ = nullptr;
    QCheckBox* percent_ = nullptr;
    QCheckBox* compact_ = nullptr;
    QLineEdit* prefix_ = nullptr;
    QComboBox* granularity_ = nullptr;
    QComboBox* aggregation_ = nullptr;
    QCheckBox* legend_ = nullptr;
    QCheckBox* labels_ = nullptr;
    QCheckBox* stacked_ = nullptr;
    QCheckBox* trend_ = nullptr;
    QCheckBox* hasGoal_ = nullptr;
    QDoubleSpinBox* goal_ = nullptr;
};

}  // namespace deskbase::widgets
