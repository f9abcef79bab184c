#include "app/gui/query_page.h"

#include <QAction>
#include <QActionGroup>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QTextDocument>
#include <QToolBar>
#include <QVBoxLayout>

#include "app/gui/export_controller.h"
#include "app/gui/find_bar.h"
#include "app/gui/grid_context_menu.h"
#include "app/gui/index_advice_bar.h"
#include "app/gui/save_question_dialog.h"
#include "app/gui/status_text.h"
#include "app/gui/welcome_panel.h"
#include "app/gui/workspace_controller.h"
#include "core/dashboard/visualization.h"
#include "core/infer/naming.h"
#include "core/question/parameter_defaults.h"
#include "core/sql/result_sql.h"
#include "core/sql/sql_template.h"
#include "core/sql/statement_kind.h"
#include "core/warehouse/warehouse.h"
#include "widgets/charts/question_chart_panel.h"
#include "widgets/common/display_locale.h"
#include "widgets/common/progress_strip.h"
#include "widgets/editor/parameter_bar.h"
#include "widgets/editor/sql_editor.h"
#include "widgets/editor/sql_highlighter.h"
#include "widgets/grid/result_grid.h"
#include "widgets/grid/result_table_model.h"
#include "widgets/schema/schema_snapshot.h"
#include "widgets/theme/icons.h"

namespace deskbase::gui {

QueryPage::QueryPage(WorkspaceController* workspace, QWidget* parent)
    : QWidget(parent),
      workspace_(workspace),
      editor_(new widgets::SqlEditor(this)),
      find_(new FindBar(editor_, this)),
      parameters_(new widgets::ParameterBar(this)),
      grid_(new widgets::ResultGrid(workspace->runtime(), this)),
      chart_(new widgets::QuestionChartPanel(workspace->runtime().executor(), this)),
      welcome_(new WelcomePanel(this)),
      views_(new QStackedWidget(this)),
      error_(new QLabel(this)),
      advice_(new IndexAdviceBar(workspace->runtime(), this)),
      title_(new QLabel(this)),
      exportStrip_(new widgets::ProgressStrip(this)),
      exports_(new ExportController(workspace->runtime(), exportStrip_, this)),
      defaultTitle_(tr("Query")) {
    setObjectName(QStringLiteral("queryPage"));
    auto* toolbar = new QToolBar(this);
    buildToolbar(toolbar);

    error_->setObjectName(QStringLiteral("queryError"));
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->setStyleSheet(QStringLiteral("QLabel { color: #d64545; padding: 4px 6px; }"));
    error_->setVisible(false);

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->setSpacing(0);
    topLayout->addWidget(editor_, 1);
    topLayout->addWidget(find_);

    auto* results = new QWidget(this);
    auto* resultsLayout = new QVBoxLayout(results);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->setSpacing(2);
    resultsLayout->addWidget(parameters_);
    resultsLayout->addWidget(error_);
    resultsLayout->addWidget(advice_);
    views_->addWidget(grid_);
    views_->addWidget(chart_);
    views_->addWidget(welcome_);
    resultsLayout->addWidget(views_, 1);
    exportStrip_->setObjectName(QStringLiteral("exportProgress"));
    exportStrip_->setContentsMargins(6, 0, 6, 2);
    resultsLayout->addWidget(exportStrip_);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(results);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({180, 520});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolbar);
    layout->addWidget(splitter, 1);

    installGridContextMenu(grid_, this);
    connect(editor_, &widgets::SqlEditor::runRequested, this, &QueryPage::run);
    connect(parameters_, &widgets::ParameterBar::runRequested, this, &QueryPage::run);
    connect(parameters_, &widgets::ParameterBar::declarationsChanged, this, &QueryPage::updateModified);
    connect(editor_, &QPlainTextEdit::textChanged, this, &QueryPage::onSqlEdited);
    connect(welcome_, &WelcomePanel::demoRequested, this, &QueryPage::demoRequested);
    connect(welcome_, &WelcomePanel::importRequested, this, &QueryPage::importRequested);
    auto* model = grid_->model();
    connect(model, &widgets::ResultTableModel::runningChanged, this, &QueryPage::onRunningChanged);
    connect(model, &widgets::ResultTableModel::queryFailed, this, [this](const QString& failure) {
        // The position the warehouse reported, moved from the expanded SQL onto what was typed.
        const QString message = QString::fromStdString(
            errorInTemplate(lastExpanded_, lastRunSql_.toStdString(), failure.toStdString()));
        showError(message);
        editor_->showError(lastRunSql_, lastRunOffset_, message);
    });
    connect(model, &widgets::ResultTableModel::firstRowsReady, this, [this] { error_->setVisible(false); });
    connect(grid_, &widgets::ResultGrid::message, this, &QueryPage::statusMessage);
    connect(advice_, &IndexAdviceBar::indexCreated, this, [this](const QString& m) {
        emit statusMessage(m);
        run();
    });
    connect(advice_, &IndexAdviceBar::failed, this, &QueryPage::statusMessage);
    connect(exports_, &ExportController::runningChanged, exportAction_, &QAction::setDisabled);
    connect(exports_, &ExportController::finished, this,
            [this](bool, const QString& m) { emit statusMessage(m); });
    connect(chart_, &widgets::QuestionChartPanel::settingsChanged, this,
            [this](const dashboard::VisualizationSettings& s) {
                question_.visualization = nlohmann::json::parse(dashboard::serializeVisualization(s));
                updateModified();
            });
    markSaved();
    updateTitle();
}

void QueryPage::buildToolbar(QToolBar* toolbar) {
    toolbar->setIconSize(QSize(16, 16));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // The shortcuts live on the window's menu actions (one per window, whatever tab is current);
    // the tooltips name them.
    runAction_ = toolbar->addAction(widgets::runIcon(), tr("Run"), this, &QueryPage::run);
    runAction_->setToolTip(tr("Run the SQL, or the selection (Ctrl+Enter)"));
    cancelAction_ = toolbar->addAction(widgets::stopIcon(), tr("Cancel"), this, &QueryPage::cancel);
    cancelAction_->setToolTip(tr("Stop the running query (Ctrl+.)"));
    cancelAction_->setEnabled(false);
    toolbar->addSeparator();
    QAction* save = toolbar->addAction(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("Save"), this,
                                       [this] { saveQuestion(false); });
    save->setToolTip(tr("Save the question (Ctrl+S); a new one asks for a name"));
    toolbar->addAction(tr("Save as…"), this, [this] { saveQuestion(true); })
        ->setToolTip(tr("Save as a new question (Ctrl+Shift+S)"));
    toolbar->addAction(tr("Add to dashboard…"), this, &QueryPage::addToDashboardRequested)
        ->setToolTip(tr("Put this question on a dashboard (saved first)"));
    exportAction_ = toolbar->addAction(widgets::exportIcon(), tr("Export…"), this, &QueryPage::exportResult);
    exportAction_->setToolTip(tr("Download the full result as CSV, TSV, JSON or NDJSON (Ctrl+E)"));
    toolbar->addSeparator();
    // Like Metabase's table/visualization toggle; the chart's settings are saved in the question.
    auto* viewGroup = new QActionGroup(this);
    tableAction_ = toolbar->addAction(tr("Table"), this, [this] { showChart(false); });
    chartAction_ = toolbar->addAction(tr("Chart"), this, [this] { showChart(true); });
    for (QAction* a : {tableAction_, chartAction_}) {
        a->setCheckable(true);
        viewGroup->addAction(a);
    }
    tableAction_->setChecked(true);
    tableAction_->setToolTip(tr("Show the result as a table (Ctrl+1)"));
    chartAction_->setToolTip(tr("Show the result as the question's chart (Ctrl+2)"));
    chartSettingsAction_ =
        toolbar->addAction(tr("Chart settings"), this, [this](bool on) { chart_->setSettingsVisible(on); });
    chartSettingsAction_->setCheckable(true);
    chartSettingsAction_->setChecked(true);
    chartSettingsAction_->setVisible(false);
    auto* spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    title_->setObjectName(QStringLiteral("questionTitle"));
    toolbar->addWidget(title_);
}

bool QueryPage::isChartShown() const {
    return views_->currentWidget() == chart_;
}

bool QueryPage::isBlank() const {
    return questionPath_.isEmpty() && table_.isEmpty() && editor_->document()->isEmpty();
}

void QueryPage::setDefaultTitle(const QString& title) {
    defaultTitle_ = title;
    updateTitle();
}

void QueryPage::setView(bool chart) {
    views_->setCurrentWidget(chart ? static_cast<QWidget*>(chart_) : grid_);
    (chart ? chartAction_ : tableAction_)->setChecked(true);
    chartSettingsAction_->setVisible(chart);
    updateWelcome();
}

void QueryPage::showChart(bool chart) {
    setView(chart);
    if (chart) showLastRunInChart();
}

void QueryPage::showLastRunInChart() {
    // The grid's query is the expanded SQL of the last Run, with its bound values.
    const widgets::ResultQuery& q = grid_->model()->query();
    if (!q.sql.empty()) chart_->showQuery(q.target, q.sql, q.params);
}

void QueryPage::resetVisualization(const nlohmann::json& visualization) {
    auto settings = dashboard::parseVisualization(visualization.dump());
    chart_->setSettings(settings ? *settings : dashboard::VisualizationSettings{});
    chart_->clear();
    // A question saved with a chart opens as that chart; plain SQL and tables open as a grid. The
    // view only switches: the previous SQL is not drawn, the caller's run() draws the new one.
    const std::string type =
        visualization.is_object() ? visualization.value("type", std::string()) : std::string();
    setView(!type.empty() && type != "table");
}

QString QueryPage::errorText() const {
    return error_->isHidden() ? QString() : error_->text();
}

void QueryPage::showError(const QString& message) {
    error_->setText(message);
    error_->setVisible(!message.isEmpty());
}

void QueryPage::onSqlEdited() {
    parameters_->setSqlTemplate(editor_->toPlainText());
    if (editor_->document()->isEmpty()) {
        // Nothing left to be wrong or to report on: the error and status lines go with the SQL.
        showError({});
        editor_->clearError();
        emit statusMessage(QString());
    }
    updateModified();
}

void QueryPage::onRunningChanged(bool running) {
    cancelAction_->setEnabled(running);
    // Only a Run of this page reports (a cleared model also stops "running").
    if (running || !runClock_.isValid()) return;
    // A failed run reports its error, not "0+ rows" (runningChanged comes before queryFailed).
    if (!errorText().isEmpty() || grid_->model()->hasFailed()) {
        emit statusMessage(tr("Query failed · %1").arg(durationText(double(runClock_.elapsed()) / 1000.0)));
        runClock_.invalidate();
        return;
    }
    // A statement that changed tables (CREATE, INSERT, DROP, ...): the sidebar shows it.
    const double seconds = double(runClock_.elapsed()) / 1000.0;
    if (classifyStatement(lastRunSql_.toStdString(),
                          Warehouse::dialectFor(workspace_->target().toStdString()))
            .writesData)
        workspace_->refreshSchema();
    else  // a slow SELECT: the plan may say which index would help
        advice_->runFinished(workspace_->target(), lastExpanded_.sql, lastExpanded_.params, seconds);
    const auto* m = grid_->model();
    const QString count = widgets::displayLocale().toString(qlonglong(m->totalRows()));
    const QString rows = !m->rowCountExact()   ? tr("%1+ rows").arg(count)
                         : m->totalRows() == 1 ? tr("1 row")
                                               : tr("%1 rows").arg(count);
    emit statusMessage(tr("%1 · %2").arg(rows, durationText(seconds)));
    runClock_.invalidate();
}

void QueryPage::run() {
    const QString sql = editor_->sqlToRun();
    if (sql.trimmed().isEmpty()) return;
    lastRunSql_ = sql;
    lastRunOffset_ = editor_->sqlToRunOffset();
    editor_->clearError();
    showError({});
    advice_->dismiss();
    const QString target = workspace_->target();
    // {{params}} become bound placeholders of their declared types; values never enter the SQL.
    auto expanded = expandSqlTemplate(sql.toStdString(), parameters_->parametersInUse(),
                                      parameters_->values(), Warehouse::dialectFor(target.toStdString()));
    if (!expanded) {
        showError(QString::fromStdString(expanded.message()));
        return;
    }
    lastExpanded_ = *expanded;
    runClock_.start();
    chart_->invalidate();  // Run means "fetch again", also for the chart
    grid_->model()->setQuery(target, QString::fromStdString(expanded->sql), expanded->params);
    if (isChartShown()) showLastRunInChart();
    updateWelcome();
    emit statusMessage(tr("Running…"));
}

void QueryPage::cancel() {
    grid_->model()->cancel();
    chart_->cancel();
    emit statusMessage(tr("Query cancelled"));
}

void QueryPage::exportResult() {
    if (grid_->model()->query().sql.empty()) {
        emit statusMessage(tr("Nothing to export: run a query first"));
        return;
    }
    if (exports_->isRunning()) {  // the menu's Ctrl+E is not disabled with the toolbar button
        emit statusMessage(tr("An export is running; cancel it or wait for it to finish"));
        return;
    }
    if (exportDir_.isEmpty())
        exportDir_ = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString base = question_.name.empty() ? QStringLiteral("result")
                                                : QString::fromStdString(toIdentifier(question_.name));
    const auto choice =
        ExportController::chooseFile(this, QDir(exportDir_).filePath(base + QStringLiteral(".csv")));
    if (!choice) return;
    exportDir_ = QFileInfo(choice->path).absolutePath();
    exportTo(choice->path, choice->format);
}

bool QueryPage::exportTo(const QString& path, std::optional<ExportFormat> format) {
    const auto* model = grid_->model();
    const widgets::ResultQuery& q = model->query();  // the last Run, expanded, with its sort
    if (q.sql.empty()) {
        emit statusMessage(tr("Nothing to export: run a query first"));
        return false;
    }
    ExportRequest request;
    request.target = q.target;
    // In the grid's order: a header click re-sorts what is exported too.
    request.sql = sortedSql(q.sql, q.sortColumn, q.descending, Warehouse::dialectFor(q.target));
    request.params = q.params;
    request.path = path.toStdString();
    request.format = format;
    if (!exports_->start(std::move(request), model->rowCountExact() ? model->totalRows() : -1)) return false;
    emit statusMessage(tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool QueryPage::newQuery() {
    if (!widgets::askToSave(this, this, tr("starting a new query"))) return false;
    questionPath_.clear();
    table_.clear();
    question_ = Question{};
    parameters_->setDeclared({});
    editor_->clear();
    grid_->model()->clear();
    runClock_.invalidate();
    resetVisualization(question_.visualization);
    markSaved();
    emit sourceChanged();
    return true;
}

bool QueryPage::openTable(const QString& table) {
    if (!widgets::askToSave(this, this, tr("opening table %1").arg(table))) return false;
    questionPath_.clear();
    table_ = table;
    question_ = Question{};
    parameters_->setDeclared({});
    resetVisualization(question_.visualization);
    // Quote as an identifier: table names may need it.
    QString quoted = table;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    editor_->setPlainText(QStringLiteral("SELECT *\nFROM \"%1\"").arg(quoted));
    markSaved();
    emit sourceChanged();
    run();
    return true;
}

void QueryPage::showSql(const QString& sql) {
    questionPath_.clear();
    table_.clear();
    question_ = Question{};
    parameters_->setDeclared({});
    resetVisualization(question_.visualization);
    editor_->setPlainText(sql);
    markSaved();
    emit sourceChanged();
    run();
}

void QueryPage::setQuestion(const QString& path, const Question& q) {
    questionPath_ = path;
    table_.clear();
    question_ = q;
    markSaved();
    emit sourceChanged();
}

bool QueryPage::openQuestion(const QString& path) {
    auto q = loadQuestion(path.toStdString());
    if (!q) {
        showError(QString::fromStdString(q.message()));
        return false;
    }
    if (!widgets::askToSave(this, this, tr("opening another question"))) return false;
    parameters_->setDeclared(q->parameters);
    editor_->setPlainText(QString::fromStdString(q->sql));
    resetVisualization(q->visualization);
    setQuestion(path, *q);
    run();
    return true;
}

Question QueryPage::currentQuestion() const {
    Question q = question_;
    q.sql = editor_->toPlainText().toStdString();
    q.parameters = parameters_->parametersInUse();
    return q;
}

void QueryPage::markSaved() {
    saved_ = currentQuestion();
    updateModified();
    updateTitle();
}

void QueryPage::updateModified() {
    const Question now = currentQuestion();
    setWindowModified(now.sql != saved_.sql || now.parameters != saved_.parameters ||
                      now.visualization != saved_.visualization);
}

void QueryPage::updateTitle() {
    const QString name = QString::fromStdString(question_.name);
    if (!questionPath_.isEmpty()) {
        title_->setText(tr("Question: <b>%1</b>").arg(name.toHtmlEscaped()));
        setWindowTitle(name);
    } else {
        title_->setText(QString());
        setWindowTitle(table_.isEmpty() ? defaultTitle_ : table_);
    }
}

QString QueryPage::unsavedWorkName() const {
    if (!questionPath_.isEmpty()) return tr("the question “%1”").arg(QString::fromStdString(question_.name));
    return tr("“%1”").arg(windowTitle());
}

bool QueryPage::saveQuestion(bool askName) {
    if (!askName && !questionPath_.isEmpty()) {
        const Question q = currentQuestion();
        auto s = deskbase::saveQuestion(q, questionPath_.toStdString());
        if (!s) {
            showError(QString::fromStdString(s.message()));
            return false;
        }
        question_ = q;
        markSaved();
        workspace_->refreshSchema();
        emit statusMessage(tr("Saved %1").arg(QFileInfo(questionPath_).fileName()));
        return true;
    }
    SaveQuestionDialog dialog(QString::fromStdString(question_.name), parameters_->parametersInUse(),
                              parameters_->values(), this);
    if (dialog.exec() != QDialog::Accepted) return false;
    return saveQuestionAs(dialog.name(), dialog.valuesAsDefaults());
}

bool QueryPage::saveQuestionAs(const QString& name, bool valuesAsDefaults) {
    if (!workspace_->workspace() || name.trimmed().isEmpty()) return false;
    Question q = currentQuestion();
    q.name = name.trimmed().toStdString();
    if (valuesAsDefaults) {
        auto withDefaults = withValuesAsDefaults(q.parameters, parameters_->values());
        if (!withDefaults) {
            showError(QString::fromStdString(withDefaults.message()));
            return false;
        }
        q.parameters = std::move(*withDefaults);
        parameters_->setDeclared(q.parameters);
    }
    const QString fileName = QString::fromStdString(toIdentifier(q.name)) + QStringLiteral(".json");
    if (auto s = workspace_->saveQuestion(fileName, q); !s) {
        showError(QString::fromStdString(s.message()));
        return false;
    }
    setQuestion(QString::fromStdString(workspace_->workspace()->path("questions/" + fileName.toStdString())),
                q);
    emit statusMessage(tr("Saved question \"%1\"").arg(name.trimmed()));
    return true;
}

void QueryPage::followQuestion(const QString& path, const QString& name) {
    questionPath_ = path;
    question_.name = name.toStdString();
    saved_.name = question_.name;
    updateTitle();
    emit sourceChanged();
}

void QueryPage::forgetQuestion() {
    questionPath_.clear();
    question_.name.clear();
    saved_ = Question{};
    updateModified();
    updateTitle();
    emit sourceChanged();
}

void QueryPage::applySchema(const widgets::SchemaSnapshot& snapshot) {
    editor_->setSchema(snapshot.tables);
    emptyWorkspace_ = snapshot.error.isEmpty() && snapshot.tables.empty() && snapshot.questions.empty() &&
                      snapshot.dashboards.empty();
    updateWelcome();
}

void QueryPage::updateWelcome() {
    // An empty workspace and nothing run yet: offer the demo and importing instead of an empty grid.
    const bool welcome = emptyWorkspace_ && grid_->model()->query().sql.empty() && !isChartShown();
    if (welcome)
        views_->setCurrentWidget(welcome_);
    else if (views_->currentWidget() == welcome_)
        views_->setCurrentWidget(grid_);
}

void QueryPage::updateColors() {
    editor_->highlighter()->updateColors();
}

void QueryPage::showFind() {
    find_->open();
}

bool QueryPage::canUndo() const {
    return editor_->document()->isUndoAvailable();
}

bool QueryPage::canRedo() const {
    return editor_->document()->isRedoAvailable();
}

void QueryPage::undo() {
    editor_->undo();
}

void QueryPage::redo() {
    editor_->redo();
}

}  // namespace deskbase::gui
