#include "app/gui/pipeline_pages.h"

#include <QAction>
#include <QDir>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>

#include "app/gui/import_controller.h"
#include "app/gui/lineage_page.h"
#include "app/gui/main_window.h"
#include "app/gui/model_page.h"
#include "app/gui/pipeline_controller.h"
#include "app/gui/query_page.h"
#include "app/gui/query_tabs.h"
#include "app/gui/workspace_controller.h"
#include "core/models/model_project.h"
#include "widgets/checks/check_editor.h"
#include "widgets/checks/checks_panel.h"
#include "widgets/editor/sql_editor.h"
#include "widgets/models/build_panel.h"
#include "widgets/schema/schema_browser.h"
#include "widgets/schema/schema_model.h"
#include "widgets/schema/schema_snapshot.h"

namespace deskbase::gui {

PipelinePages::PipelinePages(MainWindow* window)
    : QObject(window), window_(window), pipeline_(new PipelineController(*window->workspace(), this)) {
    WorkspaceController* ws = window->workspace();
    connect(ws, &WorkspaceController::schemaLoaded, this, [this](const widgets::SchemaSnapshot& snapshot) {
        for (auto& [name, page] : models_) page->applySchema(snapshot);
    });
    connect(window, &MainWindow::themeChanged, this, [this] {
        for (auto& [name, page] : models_) page->updateColors();
        if (lineage_) lineage_->updateColors();
    });
    connect(pipeline_, &PipelineController::checksLoaded, this,
            [this](const QString& table, const QString& when) {
                if (auto* panel = checks(table)) panel->setResults(pipeline_->checkResults(table), when);
            });
    connect(pipeline_, &PipelineController::checksFailed, this,
            [this](const QString& table, const QString& error) {
                if (auto* panel = checks(table)) panel->setError(error);
            });
    connect(ws, &WorkspaceController::opened, this, [this] {
        if (lineage_) lineage_->refresh();
    });
    connect(window->sidebar(), &widgets::SchemaBrowser::modelActivated, this,
            [this](const QString& name) { openModel(name); });
    connect(window->sidebar(), &widgets::SchemaBrowser::contextMenuAboutToShow, this,
            &PipelinePages::addSidebarActions);
    // An import ran the table's checks: its open checks page shows them.
    connect(window->imports(), &ImportController::imported, this, [this](const QString& table) {
        if (checks(table)) pipeline_->loadChecks(table);
    });
    // Builds started from the menu or the lineage page report on the Build page.
    connect(pipeline_, &PipelineController::modelBuilt, this,
            [this](const QString& status, const QString& line, int done, int total) {
                if (buildPageOwnsBuild_ && buildPage_) buildPage_->addModel(status, line, done, total);
            });
    connect(pipeline_, &PipelineController::buildFinished, this, [this](const QString& summary, bool failed) {
        if (!buildPageOwnsBuild_) return;
        buildPageOwnsBuild_ = false;
        if (buildPage_) buildPage_->finish(summary, failed);
        window_->statusBar()->showMessage(tr("Build: %1").arg(summary), 8000);
    });
    connect(pipeline_, &PipelineController::buildFailed, this, [this](const QString& error) {
        if (!buildPageOwnsBuild_) return;
        buildPageOwnsBuild_ = false;
        if (buildPage_) buildPage_->fail(error);
    });
}

void PipelinePages::buildAll() {
    if (!buildPage_) {
        buildPage_ = new widgets::BuildPanel;
        buildPage_->setObjectName(QStringLiteral("buildPage"));
        buildPage_->setWindowTitle(tr("Build"));
        window_->addPage(buildPage_, buildPage_->windowTitle());
        connect(buildPage_, &widgets::BuildPanel::cancelRequested, pipeline_,
                &PipelineController::cancelBuild);
        connect(buildPage_, &QObject::destroyed, this, [this] { buildPage_ = nullptr; });
    }
    window_->showPage(buildPage_);
    if (!pipeline_->build({})) {
        window_->statusBar()->showMessage(tr("A build is already running."), 8000);
        return;
    }
    buildPageOwnsBuild_ = true;
    buildPage_->start(tr("Building all models"), 0);
}

void PipelinePages::addSidebarActions(QMenu* menu, const widgets::SchemaItem& item) {
    using Kind = widgets::SchemaModel::Kind;
    if (item.kind != Kind::Table && item.kind != Kind::Model) return;
    const QString name = item.name;
    // After Open and Copy name, set apart: what the pipeline offers on it.
    QAction* before = menu->actions().value(2);
    QList<QAction*> mine;
    if (item.kind == Kind::Model) {
        auto* downstream = new QAction(tr("Build downstream"), menu);
        connect(downstream, &QAction::triggered, this, [this, name] { runModel(name, true); });
        mine << downstream;
    }
    auto* checksAction = new QAction(tr("Checks"), menu);
    connect(checksAction, &QAction::triggered, this, [this, name] { openChecks(name); });
    auto* edit = new QAction(tr("Edit checks…"), menu);
    connect(edit, &QAction::triggered, this, [this, name] {
        if (editChecks(name))
            if (checks(name)) pipeline_->loadChecks(name);
    });
    mine << checksAction << edit;
    menu->insertActions(before, mine);
    menu->insertSeparator(mine.first());
}

QString PipelinePages::selectedTable() const {
    const QModelIndex i = window_->sidebar()->view()->currentIndex();
    const auto kind = widgets::SchemaModel::Kind(i.data(widgets::SchemaModel::KindRole).toInt());
    const QString name = i.siblingAtColumn(0).data(widgets::SchemaModel::NameRole).toString();
    if (kind == widgets::SchemaModel::Kind::Table || kind == widgets::SchemaModel::Kind::Model) return name;
    if (kind == widgets::SchemaModel::Kind::Column)
        return i.siblingAtColumn(0).parent().data(widgets::SchemaModel::NameRole).toString();
    return {};
}

void PipelinePages::openSelectedChecks() {
    const QString table = selectedTable();
    if (table.isEmpty())
        window_->statusBar()->showMessage(tr("Select a table or a model in the sidebar first."), 8000);
    else
        openChecks(table);
}

void PipelinePages::editSelectedChecks() {
    const QString table = selectedTable();
    if (table.isEmpty()) {
        window_->statusBar()->showMessage(tr("Select a table or a model in the sidebar first."), 8000);
        return;
    }
    if (editChecks(table)) rerunChecks(table);
}

void PipelinePages::rerunChecks(const QString& table) {
    // The page showed the old file's results: the saved file's checks run at once.
    if (auto* panel = checks(table)) {
        panel->setRunning(true);
        pipeline_->runChecks(panel->table());
    }
}

bool PipelinePages::runCurrent() {
    auto* page = qobject_cast<ModelPage*>(window_->pages()->currentWidget());
    if (!page) return false;
    page->runModel();
    return true;
}

ModelPage* PipelinePages::model(const QString& name) const {
    auto it = models_.find(name);
    return it == models_.end() ? nullptr : it->second;
}

ModelPage* PipelinePages::openModel(const QString& name) {
    if (auto* page = model(name)) {
        window_->showPage(page);
        return page;
    }
    auto* page = new ModelPage(window_->workspace(), pipeline_, name);
    QString error;
    if (!page->load(&error)) {
        delete page;
        QMessageBox::warning(window_, tr("Cannot open model"), error);
        return nullptr;
    }
    window_->addPage(page, name);
    window_->showPage(page);
    models_[name] = page;
    connect(page, &ModelPage::statusMessage, window_->statusBar(),
            [this](const QString& text) { window_->statusBar()->showMessage(text, 8000); });
    connect(page, &ModelPage::checksRequested, this, [this](const QString& m) { openChecks(m); });
    connect(page, &ModelPage::lineageRequested, this, [this] { openLineage(); });
    connect(page, &QObject::destroyed, this, [this, name] { models_.erase(name); });
    return page;
}

ModelPage* PipelinePages::newModel() {
    bool ok = false;
    const QString name =
        QInputDialog::getText(window_, tr("New model"),
                              tr("Model name (letters, digits and _; the file is models/<name>.sql):"),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok || name.isEmpty()) return nullptr;
    if (auto problem = modelNameProblem(name.toStdString()); !problem.empty()) {
        QMessageBox::warning(window_, tr("New model"), QString::fromStdString(problem));
        return nullptr;
    }
    return openModel(name);
}

LineagePage* PipelinePages::openLineage() {
    if (!lineage_) {
        lineage_ = new LineagePage(pipeline_);
        window_->addPage(lineage_, tr("Lineage"));
        connect(lineage_, &LineagePage::modelRequested, this, [this](const QString& m) { openModel(m); });
        connect(lineage_, &LineagePage::questionRequested, this,
                [this](const QString& file) { openNode(QStringLiteral("question"), file); });
        connect(lineage_, &LineagePage::dashboardRequested, this,
                [this](const QString& file) { openNode(QStringLiteral("dashboard"), file); });
        connect(lineage_, &LineagePage::tableRequested, this,
                [this](const QString& table) { openNode(QStringLiteral("table"), table); });
        connect(lineage_, &LineagePage::buildAllRequested, this, &PipelinePages::buildAll);
        connect(lineage_, &QObject::destroyed, this, [this] { lineage_ = nullptr; });
    }
    window_->showPage(lineage_);
    lineage_->refresh();
    return lineage_;
}

void PipelinePages::openNode(const QString& kind, const QString& nameOrFile) {
    const QString path = QDir(window_->workspace()->dir()).filePath(nameOrFile);
    if (kind == QStringLiteral("dashboard")) {
        window_->activateDashboard(path);
    } else if (kind == QStringLiteral("question")) {
        window_->queryTabs()->openQuestion(path);
    } else {
        window_->queryTabs()->openTable(nameOrFile);
    }
}

widgets::ChecksPanel* PipelinePages::checks(const QString& table) const {
    auto it = checks_.find(table);
    return it == checks_.end() ? nullptr : it->second;
}

widgets::ChecksPanel* PipelinePages::openChecks(const QString& table) {
    if (auto* panel = checks(table)) {
        window_->showPage(panel);
        pipeline_->loadChecks(table);
        return panel;
    }
    auto* panel = new widgets::ChecksPanel;
    panel->setObjectName(QStringLiteral("checksPanel"));
    panel->setTable(table);
    panel->setWindowTitle(tr("Checks: %1").arg(table));
    window_->addPage(panel, panel->windowTitle());
    window_->showPage(panel);
    checks_[table] = panel;
    connect(panel, &widgets::ChecksPanel::runRequested, this, [this, panel](const QString& t) {
        panel->setRunning(true);
        pipeline_->runChecks(t);
    });
    connect(panel, &widgets::ChecksPanel::editRequested, this, [this](const QString& t) {
        if (editChecks(t)) rerunChecks(t);
    });
    connect(panel, &widgets::ChecksPanel::failingRowsRequested, this, &PipelinePages::showRows);
    connect(panel, &QObject::destroyed, this, [this, table] { checks_.erase(table); });
    pipeline_->loadChecks(table);
    return panel;
}

bool PipelinePages::editChecks(const QString& table) {
    const auto& schema = window_->workspace()->schema();
    TableInfo info;
    info.name = table.toStdString();
    for (const auto& t : schema.tables)
        if (t.name == info.name) info = t;
    widgets::CheckEditor editor(window_->workspace()->dir(), info, schema.tables, window_);
    QString error;
    if (!editor.load(&error)) {
        QMessageBox::warning(window_, tr("Checks on %1").arg(table),
                             tr("%1\n\nFix the file by hand, or Save here to replace it.").arg(error));
    }
    const bool saved = editor.exec() == QDialog::Accepted;
    if (saved) window_->statusBar()->showMessage(tr("Saved checks/%1.json").arg(table), 8000);
    return saved;
}

void PipelinePages::runModel(const QString& name, bool downstream) {
    if (auto* page = openModel(name)) {
        if (downstream)
            page->buildDownstream();
        else
            page->runModel();
    }
}

void PipelinePages::showRows(const QString& sql, const QString& title) {
    QueryPage* page = window_->queryTabs()->newTab();
    page->setDefaultTitle(title);
    window_->showPage(page);
    page->showSql(sql);  // not an edit of the user's: closing the tab does not ask
}

}  // namespace deskbase::gui
