#pragma once
// The lineage page: the workspace's sources -> models -> questions -> dashboards graph
// (widgets::LineageView in a scroll area), a legend of the node colours, Refresh and Build all
// models (the window shows that build's report).
// Clicking a node asks the window to open it.
#include <QWidget>

class QLabel;
class QScrollArea;

namespace deskbase::widgets {
class LineageView;
}

namespace deskbase::gui {

class PipelineController;

class LineagePage : public QWidget {
    Q_OBJECT
public:
    explicit LineagePage(PipelineController* pipeline, QWidget* parent = nullptr);

    widgets::LineageView* view() const { return view_; }
    QString messageText() const;
    void refresh();
    void updateColors();

signals:
    void modelRequested(const QString& name);
    void questionRequested(const QString& file);   // relative to the workspace
    void dashboardRequested(const QString& file);  // relative to the workspace
    void tableRequested(const QString& table);
    void buildAllRequested();

private:
    void updateLegend();

    PipelineController* pipeline_;
    widgets::LineageView* view_;
    QScrollArea* scroll_;
    QLabel* message_;
    QLabel* legend_;
};

}  // namespace deskbase::gui
