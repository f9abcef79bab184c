#pragma once
// A question's answer as its chart, with the settings form beside it: the query page's "Chart"
// view. The query runs on the workspace runtime's executor (at most kMaxRows rows; aggregate in
// SQL for more), a newer query supersedes an unfinished one, and every settings edit redraws at
// once.
#include <QWidget>
#include <memory>
#include <string>
#include <vector>

#include "core/dashboard/visualization.h"
#include "core/runtime/mailbox.h"
#include "core/types/value.h"

QT_BEGIN_NAMESPACE
class QLabel;
class QScrollArea;
QT_END_NAMESPACE

namespace deskbase {
class QueryExecutor;
}

namespace deskbase::chart {
struct ChartData;
}

namespace deskbase::widgets {

class ChartSettingsPanel;
class ChartView;

class QuestionChartPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr std::size_t kMaxRows = 250000;

    // Runs on `executor` (the workspace runtime's; it must outlive the panel).
    explicit QuestionChartPanel(QueryExecutor& executor, QWidget* parent = nullptr);
    ~QuestionChartPanel() override;

    void setSettings(const dashboard::VisualizationSettings& s);
    dashboard::VisualizationSettings settings() const;

    // Draws the result of this query; runs it unless the same query is already drawn or running.
    void showQuery(const std::string& target, const std::string& sql, const std::vector<Value>& params);
    // Forgets the drawn result so the next showQuery runs again (the data may have changed).
    void invalidate();
    void cancel();
    void clear();
    bool isLoading() const { return loading_; }
    void setSettingsVisible(bool visible);

    ChartView* chartView() const { return chart_; }
    ChartSettingsPanel* settingsPanel() const { return settingsPanel_; }
    QString statusText() const;

signals:
    void settingsChanged(const deskbase::dashboard::VisualizationSettings& s);
    void loaded(qint64 rows, bool truncated);
    void failed(const QString& message);

private:
    void finish(std::uint64_t generation, std::shared_ptr<const chart::ChartData> data, bool truncated,
                const QString& error);
    void draw();
    void setStatus(const QString& text, bool isError);

    QueryExecutor& executor_;
    const std::string slot_;  // this panel's runs supersede each other
    ChartView* chart_;
    ChartSettingsPanel* settingsPanel_;
    QScrollArea* settingsScroll_;
    QLabel* status_;
    dashboard::VisualizationSettings settings_;
    std::shared_ptr<const chart::ChartData> data_;
    std::string shownKey_;  // target + SQL + values of the drawn (or running) query
    std::uint64_t generation_ = 0;
    bool loading_ = false;
    Mailbox mailbox_;  // last: closed first
};

}  // namespace deskbase::widgets
