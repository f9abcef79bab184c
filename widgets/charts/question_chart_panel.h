#pragma once
// A question's answer as its chart, with the settings form beside it: the query page's "Chart"
// view. The query runs on the workspace runtime's executor; a newer query supersedes an
// unfinished one, and every settings edit redraws at once. A result of more than kReduceAbove
// rows drawn as a line or area over a number or date x is reduced in the warehouse (M4,
// core/chart/m4_fetch.h) to at most 4 rows per pixel column and series, and a zoom re-runs the
// reduction for the visible range; other big results keep their first kMaxRows rows.
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
struct M4Plan;
struct ChartFetch;
}

namespace deskbase::widgets {

class ChartSettingsPanel;
class ChartView;

class QuestionChartPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr std::size_t kMaxRows = 250000;
    static constexpr std::size_t kReduceAbove = 100000;

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
    // The drawn rows were reduced in the warehouse; sourceRows() rows were behind them.
    bool isReduced() const { return reduced_; }
    qint64 sourceRows() const { return sourceRows_; }
    std::size_t drawnRows() const;
    void setSettingsVisible(bool visible);

    ChartView* chartView() const { return chart_; }
    ChartSettingsPanel* settingsPanel() const { return settingsPanel_; }
    QString statusText() const;

signals:
    void settingsChanged(const deskbase::dashboard::VisualizationSettings& s);
    void loaded(qint64 rows, bool truncated);
    // A zoom's reduction arrived and is drawn.
    void zoomLoaded(double lo, double hi, qint64 rows);
    void failed(const QString& message);

private:
    void finish(std::uint64_t generation, std::shared_ptr<const chart::ChartData> data, bool truncated,
                const QString& error, std::shared_ptr<const chart::ChartFetch> fetch = nullptr);
    void draw();
    void rerun();
    void zoomTo(double lo, double hi);  // re-runs the reduction for [lo, hi]
    void finishZoom(std::uint64_t generation, double lo, double hi, std::shared_ptr<const chart::ChartData> data,
                    const QString& error);
    void showReducedStatus(std::size_t rows);
    int plotWidth() const;  // pixel columns of the plot (the M4 width)
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
    std::string target_, sql_;
    std::vector<Value> params_;
    // Reduced in the warehouse: how, over which x range, and the settings it was resolved with.
    bool reduced_ = false;
    qint64 sourceRows_ = 0;
    std::shared_ptr<const chart::M4Plan> m4_;
    dashboard::VisualizationSettings m4Settings_;
    double xMin_ = 0, xMax_ = 0, zoomLo_ = 0, zoomHi_ = 0;
    bool applyingZoom_ = false;
    std::uint64_t zoomGeneration_ = 0;
    std::uint64_t generation_ = 0;
    bool loading_ = false;
    Mailbox mailbox_;  // last: closed first
};

}  // namespace deskbase::widgets
