#pragma once
// One SQL tab: editor, {{parameter}} inputs, Run/Cancel/Save, and the answer as a grid or as the
// question's chart. Opening a table or a saved question shows it here; Save writes the question
// file through the workspace. The page is modified (windowModified, the tab's "*") while its SQL,
// parameter settings or chart settings differ from what was opened or last saved; replacing its
// content asks Save / Discard / Cancel first (widgets::UnsavedWork).
#include <QElapsedTimer>
#include <QWidget>
#include <optional>

#include "core/export/result_export.h"
#include "core/question/question.h"
#include "core/sql/sql_template.h"
#include "widgets/common/unsaved_work.h"

class QAction;
class QLabel;
class QStackedWidget;
class QToolBar;

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
class FindBar;
class IndexAdviceBar;
class WelcomePanel;
class WorkspaceController;

class QueryPage : public QWidget, public widgets::UnsavedWork {
    Q_OBJECT
public:
    QueryPage(WorkspaceController* workspace, QWidget* parent = nullptr);

    widgets::SqlEditor* editor() const { return editor_; }
    widgets::ResultGrid* grid() const { return grid_; }
    widgets::ParameterBar* parameters() const { return parameters_; }
    widgets::QuestionChartPanel* chartPanel() const { return chart_; }
    ExportController* exports() const { return exports_; }
    FindBar* findBar() const { return find_; }
    IndexAdviceBar* indexAdvice() const { return advice_; }
    WelcomePanel* welcome() const { return welcome_; }
    QString errorText() const;
    QString questionPath() const { return questionPath_; }
    QString tableName() const { return table_; }  // the table this tab was opened on, if any
    // Nothing in it: no question, no table, no SQL. Opening something may reuse a blank tab.
    bool isBlank() const;
    // The title when nothing is open ("Query 1"); the tab shows windowTitle().
    void setDefaultTitle(const QString& title);

    void run();
    void cancel();
    // These replace the page's content; each asks first when the page is modified and returns
    // false when the user cancels (or the question cannot be read).
    bool newQuery();
    bool openTable(const QString& table);
    // Shows `sql` as the page's content, not modified (nothing of the user's to lose), and runs it:
    // the failing rows of a check. For a new tab (it does not ask).
    void showSql(const QString& sql);
    bool openQuestion(const QString& path);
    // Saves to the open question's file; asks for a name first when there is none (or `askName`).
    bool saveQuestion(bool askName);
    // Saves under `name` without asking. With `valuesAsDefaults` the values typed now become the
    // parameters' defaults; otherwise the declared defaults are kept.
    bool saveQuestionAs(const QString& name, bool valuesAsDefaults = false);
    // The open question was renamed (its file moved): the tab follows, keeping its edits.
    void followQuestion(const QString& path, const QString& name);
    // The open question was deleted: the tab keeps its SQL as an unsaved query.
    void forgetQuestion();
    void applySchema(const widgets::SchemaSnapshot& snapshot);
    void updateColors();
    // The answer as a table (the grid) or as the question's chart with its settings.
    void showChart(bool chart);
    bool isChartShown() const;
    void showFind();  // Ctrl+F: the find bar under the editor
    // The window's Edit > Undo / Redo while the focus is elsewhere on the page: the SQL editor's.
    Q_INVOKABLE bool canUndo() const;
    Q_INVOKABLE bool canRedo() const;
    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();
    // Export… : asks for a file, then exportTo() it.
    void exportResult();
    // Exports the full result of the last Run, in the grid's order, in the background. The
    // outcome is a statusMessage(). False when there is nothing to export or one is running.
    bool exportTo(const QString& path, std::optional<ExportFormat> format = std::nullopt);

    // widgets::UnsavedWork
    QString unsavedWorkName() const override;
    bool saveWork() override { return saveQuestion(false); }

signals:
    void statusMessage(const QString& text);
    void demoRequested();  // the welcome panel's buttons
    void importRequested();
    void sourceChanged();            // the question or table shown changed
    void addToDashboardRequested();  // the toolbar's Add to dashboard (DashboardPages does it)

private:
    void buildToolbar(QToolBar* toolbar);
    void showError(const QString& message);
    void setQuestion(const QString& path, const Question& q);
    void resetVisualization(const nlohmann::json& visualization);
    void setView(bool chart);  // switches grid/chart without running anything
    void showLastRunInChart();
    void onRunningChanged(bool running);
    void onSqlEdited();
    // What Save would write now: the open question with the editor's SQL and parameters.
    Question currentQuestion() const;
    void markSaved();  // what is shown now is the saved state
    void updateModified();
    void updateTitle();
    void updateWelcome();

    WorkspaceController* workspace_;
    widgets::SqlEditor* editor_;
    FindBar* find_;
    widgets::ParameterBar* parameters_;
    widgets::ResultGrid* grid_;
    widgets::QuestionChartPanel* chart_;
    WelcomePanel* welcome_;
    QStackedWidget* views_;
    QLabel* error_;
    IndexAdviceBar* advice_;
    QLabel* title_;
    QAction* runAction_ = nullptr;
    QAction* cancelAction_ = nullptr;
    QAction* tableAction_ = nullptr;
    QAction* chartAction_ = nullptr;
    QAction* chartSettingsAction_ = nullptr;
    QAction* exportAction_ = nullptr;
    widgets::ProgressStrip* exportStrip_;
    ExportController* exports_;
    QString exportDir_;  // where the last export went, offered again
    QString questionPath_;
    QString table_;
    QString defaultTitle_;
    Question question_;  // the open question: keeps its visualization and cache policy on save
    Question saved_;     // what was opened or saved last: the page is modified when it differs
    bool emptyWorkspace_ = false;
    QString lastRunSql_;
    int lastRunOffset_ = 0;
    ExpandedSql lastExpanded_;  // maps error positions back onto lastRunSql_
    QElapsedTimer runClock_;
};

}  // namespace deskbase::gui
