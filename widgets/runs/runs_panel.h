#pragma once
// The Runs page (like Airflow's grid): the grid of runs (RunsGridModel) on top, a row per source,
// model, report and alert and a coloured cell per run, newest on the right; below it the chosen
// run: its status, start, duration, attempt and one-line error, and its steps (kind, name,
// status, rows, seconds, error). "Re-run" asks for the chosen row's target to run again,
// "Refresh" for the history to be read again. The panel only draws: the page that owns it reads
// the history and runs things (app/gui/runs_page.h).
#include <QWidget>
#include <vector>

#include "core/pipeline/runs_grid.h"

class QLabel;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace deskbase::widgets {

class RunsGridModel;

class RunsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunsPanel(QWidget* parent = nullptr);

    // Keeps the chosen cell (same row target, same run) when it is still there.
    void setGrid(RunsGrid grid);
    // The chosen run's steps, read by the owner after runChosen().
    void setSteps(std::int64_t runId, const std::vector<RunStep>& steps);
    void setMessage(const QString& text);  // one line under the toolbar ("Re-running orders…")

    RunsGridModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    QTreeWidget* stepsView() const { return steps_; }
    QLabel* detail() const { return detail_; }
    QPushButton* rerunButton() const { return rerun_; }
    QPushButton* refreshButton() const { return refresh_; }
    std::int64_t chosenRun() const { return chosenRun_; }

signals:
    void runChosen(std::int64_t runId);  // a cell with a run was clicked: its steps are wanted
    void rerunRequested(const QString& kind, const QString& name);
    void refreshRequested();

private:
    void choose(const QModelIndex& index);
    void chooseRow(int row, const RunsGridCell* cell);

    RunsGridModel* model_;
    QTableView* view_;
    QLabel* message_;
    QLabel* detail_;
    QTreeWidget* steps_;
    QPushButton* rerun_;
    QPushButton* refresh_;
    std::int64_t chosenRun_ = 0;
    QString chosenKind_, chosenName_;
};

}  // namespace deskbase::widgets
