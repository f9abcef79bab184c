#include "app/gui/dashboard_pages.h"

#include <QDir>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>

#include "app/gui/add_to_dashboard_dialog.h"
#include "app/gui/import_controller.h"
#include "app/gui/main_menus.h"
#include "app/gui/main_window.h"
#include "app/gui/query_page.h"
#include "app/gui/query_tabs.h"
#include "app/gui/workspace_controller.h"
#include "core/dashboard/dashboard.h"
#include "widgets/dashboard/dashboard_canvas.h"
#include "widgets/dashboard/dashboard_view.h"
#include "widgets/schema/schema_browser.h"
#include "widgets/schema/schema_model.h"

namespace deskbase::gui {

DashboardPages::DashboardPages(MainWindow* window) : QObject(window), window_(window) {
    connect(window, &MainWindow::dashboardActivated, this, [this](const QString& path) { open(path); });
    connect(window->imports(), &ImportController::imported, this, [this] { refreshAll(); });
    connect(window->workspace(), &WorkspaceController::schemaLoaded, this, [this] {
        for (auto* view : openPages()) view->setTables(window_->workspace()->schema().tables);
    });
    connect(window->sidebar(), &widgets::SchemaBrowser::contextMenuAboutToShow, this,
            &DashboardPages::addSidebarActions);
}

void DashboardPages::addSidebarActions(QMenu* menu, const widgets::SchemaItem& item) {
    using Kind = widgets::SchemaModel::Kind;
    const auto* model = window_->sidebar()->model();
    const bool dashboardsSection =
        item.kind == Kind::Section &&
        item.name == model->sectionIndex(Kind::Dashboard).data(widgets::SchemaModel::NameRole).toString();
    QAction* first = menu->actions().value(0);
    if (item.kind == Kind::Question) {
        const QString path = item.path;
        auto* add = new QAction(tr("Add to dashboard…"), menu);
        connect(add, &QAction::triggered, this, [this, path] { askAddToDashboard(path); });
        menu->insertAction(menu->actions().value(2), add);  // after Open and its separator; else last
    } else if (item.kind == Kind::Dashboard || dashboardsSection) {
        auto* create = new QAction(tr("New dashboard…"), menu);
        create->setShortcut(window_->menus()->newDashboard->shortcut());  // shown, as File's
        connect(create, &QAction::triggered, this, [this] { newDashboard(); });
        menu->insertAction(item.kind == Kind::Dashboard ? menu->actions().value(1) : first, create);
    }
}

widgets::DashboardView* DashboardPages::page(const QString& path) const {
    auto it = pages_.find(QFileInfo(path).canonicalFilePath());
    return it == pages_.end() ? nullptr : it->second;
}

std::vector<widgets::DashboardView*> DashboardPages::openPages() const {
    std::vector<widgets::DashboardView*> out;
    for (const auto& [path, view] : pages_) out.push_back(view);
    return out;
}

widgets::DashboardView* DashboardPages::open(const QString& path) {
    const QString key = QFileInfo(path).canonicalFilePath();
    if (auto* existing = page(path)) {
        window_->showPage(existing);
        return existing;
    }
    WorkspaceController* ws = window_->workspace();
    // Every tab borrows the workspace's runtime: one executor and one cache for all of them.
    auto* view = new widgets::DashboardView(ws->runtime());
    // The session's target may carry a password typed at connect time (memory only).
    if (ws->isOpen()) view->setTargetOverride(ws->target().toStdString());
    const Status opened = view->open(path.toStdString(), ws->workspace());
    if (!opened) {
        delete view;
        QMessageBox::warning(window_, tr("Cannot open dashboard"), QString::fromStdString(opened.message()));
        return nullptr;
    }
    view->setTables(ws->schema().tables);
    window_->addPage(view, QString::fromStdString(view->dashboard().name));
    window_->showPage(view);
    pages_[key] = view;
    connect(view, &widgets::DashboardView::titleChanged, this,
            [this, view](const QString& title) { window_->setPageTitle(view, title); });
    connect(view, &widgets::DashboardView::saved, ws, &WorkspaceController::refreshSchema);
    connect(view, &widgets::DashboardView::saved, this, [this, view](const QString& saved) {
        emit statusMessage(view, tr("Saved %1").arg(QFileInfo(saved).fileName().toHtmlEscaped()));
    });
    connect(view, &widgets::DashboardView::questionsCreated, ws, &WorkspaceController::refreshSchema);
    connect(view, &widgets::DashboardView::openQuestionRequested, this, [this](const QString& question) {
        window_->queryTabs()->openQuestion(question);  // opens or focuses its tab
    });
    connect(view, &widgets::DashboardView::fullScreenChanged, this,
            [this, view](bool on) { showWallDisplay(view, on); });
    connect(view, &QObject::destroyed, this, [this, key] { pages_.erase(key); });
    return view;
}

void DashboardPages::showWallDisplay(widgets::DashboardView* view, bool on) {
    // Only the dashboard: no menus, sidebar, tabs or status bar (Esc in the view leaves).
    window_->showPage(view);
    window_->menuBar()->setVisible(!on);
    window_->statusBar()->setVisible(!on);
    window_->sidebar()->setVisible(!on);
    window_->pages()->tabBar()->setVisible(!on);
}

widgets::DashboardView* DashboardPages::newDashboard() {
    if (!window_->workspace()->isOpen()) return nullptr;
    bool ok = false;
    const QString name = QInputDialog::getText(window_, tr("New dashboard"), tr("Dashboard name:"),
                                               QLineEdit::Normal, QString(), &ok);
    if (!ok || name.trimmed().isEmpty()) return nullptr;
    return createDashboard(name);
}

widgets::DashboardView* DashboardPages::createDashboard(const QString& name) {
    WorkspaceController* ws = window_->workspace();
    if (!ws->isOpen()) return nullptr;
    auto path = dashboard::createDashboard(ws->workspace()->dashboardsDir(), name.toStdString());
    if (!path) {
        QMessageBox::warning(window_, tr("New dashboard"), QString::fromStdString(path.message()));
        return nullptr;
    }
    ws->workspace()->reload();
    ws->refreshSchema();
    widgets::DashboardView* view = open(QString::fromStdString(*path));
    if (view) view->setEditMode(true);
    return view;
}

AddToDashboardDialog* DashboardPages::askAddToDashboard(const QString& questionPath) {
    WorkspaceController* ws = window_->workspace();
    if (!ws->isOpen()) return nullptr;
    ws->workspace()->reload();
    std::vector<std::pair<QString, QString>> dashboards;
    for (const auto& file : ws->workspace()->dashboardFiles()) {
        auto d = dashboard::loadDashboard(file);
        const QString path = QString::fromStdString(file);
        dashboards.push_back({path, d && !d->name.empty() ? QString::fromStdString(d->name)
                                                          : QFileInfo(path).completeBaseName()});
    }
    const auto* q = ws->workspace()->findQuestion(questionPath.toStdString());
    const QString questionName =
        q ? QString::fromStdString(q->question.name) : QFileInfo(questionPath).completeBaseName();
    auto* dialog = new AddToDashboardDialog(dashboards, questionName, lastDashboard_, window_);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, questionPath] {
        const AddToDashboardDialog::Choice choice = dialog->choice();
        QString target = choice.path;
        if (target.isEmpty()) {
            auto created = dashboard::createDashboard(window_->workspace()->workspace()->dashboardsDir(),
                                                      choice.name.toStdString());
            if (!created) {
                QMessageBox::warning(window_, tr("New dashboard"), QString::fromStdString(created.message()));
                return;
            }
            target = QString::fromStdString(*created);
        }
        addToDashboard(questionPath, target);
    });
    dialog->open();
    return dialog;
}

widgets::DashboardView* DashboardPages::addToDashboard(const QString& questionPath,
                                                       const QString& dashboardPath) {
    WorkspaceController* ws = window_->workspace();
    ws->workspace()->reload();
    ws->refreshSchema();
    widgets::DashboardView* view = open(dashboardPath);
    if (!view) return nullptr;
    lastDashboard_ = dashboardPath;
    view->session()->reloadQuestions();
    view->setEditMode(true);
    const std::string id = view->addQuestionCard(QFileInfo(questionPath).fileName().toStdString());
    view->revealCard(id);
    return view;
}

AddToDashboardDialog* DashboardPages::addQueryToDashboard() {
    QueryPage* query = window_->queryPage();
    // The question as it is now goes on the dashboard: it is saved first (asking for a name
    // when it has none yet).
    if (!query->saveQuestion(false) || query->questionPath().isEmpty()) return nullptr;
    return askAddToDashboard(query->questionPath());
}

void DashboardPages::refreshAll() {
    for (auto& [path, view] : pages_) view->refresh();
}

}  // namespace deskbase::gui
