#pragma once
// The SQL page: editor, {{parameter}} inputs, Run/Cancel/Save, and the result grid. Opening a
// table or a saved question lands here; Save writes the question file through the workspace.
#include <QElapsedTimer>
#include <QWidget>
#include <optional>

#include "core/export/result_export.h"
#include "core/question/question.h"
#include "core/sql/sql_template.h"

class QAction;
class QLabel;
class QStackedWidget;

namespace deskbase::widgets {
class ParameterBar;
class ProgressStrip;
class QuestionChartPanel;
class ResultGrid;
class SqlEditor;
struct SchemaSnapshot;
}  // namespace deskbase::widgets

namespace deskbase::gui {

class ExportController;
class WorkspaceController;

class QueryPage : public QWidget {
    Q_OBJECT
public:
    QueryPage(WorkspaceController* workspace, QWidget* parent = nullptr);

    widgets::SqlEditor* editor() const { return editor_; }
    widgets::ResultGrid* grid() const { return grid_; }
    widgets::ParameterBar* parameters() const { return parameters_; }
    widgets::QuestionChartPanel* chartPanel() const { return chart_; }
    ExportController* exports() const { return exports_; }
    QString errorText() const;
    QString questionPath() const { return questionPath_; }

    void run();
    void cancel();
    void newQuery();
    void openTable(const QString& table);
    bool openQuestion(const QString& path);
    // Saves to the open question's file; asks for a name first when there is none (or `askName`).
    bool saveQuestion(bool askName);
    // Saves under `name` without asking (used by saveQuestion and scripted use).
    bool saveQuestionAs(const QString& name);
    void applySchema(const widgets::SchemaSnapshot& snapshot);
    void updateColors();
    // The answer as a table (the grid) or as the question's chart with its settings.
    void showChart(bool chart);
    bool isChartShown() const;
    // Export… : asks for a file, then exportTo() it.
    void exportResult();
    // Exports the full result of the last Run, in the grid's order, in the background. The
    // outcome is a statusMessage(). False when there is nothing to export or one is running.
    bool exportTo(const QString& path, std::optional<ExportFormat> format = std::nullopt);

signals:
    void statusMessage(const QString& text);
    void titleChanged(const QString& title);
    void addToDashboardRequested();  // the toolbar's Add to dashboard (DashboardPages does it)

private:
    void showError(const QString& message);
    void setQuestion(const QString& path, const Question& q);
    void resetVisualization(const nlohmann::json& visualization);
    void setView(bool chart);  // switches grid/chart without running anything
    void showLastRunInChart();

    WorkspaceController* workspace_;
    widgets::SqlEditor* editor_;
    widgets::ParameterBar* parameters_;
    widgets::ResultGrid* grid_;
    widgets::QuestionChartPanel* chart_;
    QStackedWidget* views_;
    QLabel* error_;
    QLabel* title_;
    QAction* runAction_;
    QAction* cancelAction_;
    QAction* tableAction_;
    QAction* chartAction_;
    QAction* chartSettingsAction_;
    QAction* exportAction_;
    widgets::ProgressStrip* exportStrip_;
    ExportController* exports_;
    QString exportDir_;  // where the last export went, offered again
    QString questionPath_;
    Question question_;  // the open question: keeps its visualization and cache policy on save
    QString lastRunSql_;
    int lastRunOffset_ = 0;
    ExpandedSql lastExpanded_;  // maps error positions back onto lastRunSql_
    QElapsedTimer runClock_;
};

}  // namespace deskbase::gui
