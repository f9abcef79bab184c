#include "app/gui/pipeline_pages.h"

#include <QDir>
#include <QInputDialog>
#include <QMessageBox>
#include <QStatusBar>

#include "app/gui/lineage_page.h"
#include "app/gui/main_window.h"
#include "app/gui/model_page.h"
#include "app/gui/pipeline_controller.h"
#include "app/gui/query_page.h"
#include "app/gui/workspace_controller.h"
#include "core/models/model_project.h"
#include "widgets/checks/check_editor.h"
#include "widgets/checks/checks_panel.h"
#include "widgets/editor/sql_editor.h"
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
        window_->showPage(window_->queryPage());
        window_->queryPage()->openQuestion(path);
    } else {
        window_->showPage(window_->queryPage());
        window_->queryPage()->openTable(nameOrFile);
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
        if (editChecks(t)) pipeline_->loadChecks(t);
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
    QueryPage* page = window_->queryPage();
    window_->showPage(page);
    page->editor()->setPlainText(sql);
    page->run();
    window_->statusBar()->showMessage(title, 8000);
}

}  // namespace deskbase::gui
