#include "app/gui/dashboard_pages.h"

#include <QFileInfo>
#include <QMessageBox>
#include <QTabWidget>

#include "app/gui/import_controller.h"
#include "app/gui/main_window.h"
#include "app/gui/workspace_controller.h"
#include "widgets/dashboard/dashboard_view.h"

namespace deskbase::gui {

DashboardPages::DashboardPages(MainWindow* window) : QObject(window), window_(window) {
    connect(window, &MainWindow::dashboardActivated, this, [this](const QString& path) { open(path); });
    connect(window->imports(), &ImportController::imported, this, [this] { refreshAll(); });
    connect(window, &MainWindow::themeChanged, this, [this] { refreshAll(); });
}

widgets::DashboardView* DashboardPages::page(const QString& path) const {
    auto it = pages_.find(QFileInfo(path).canonicalFilePath());
    return it == pages_.end() ? nullptr : it->second;
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
    const int index = window_->addPage(view, QString::fromStdString(view->dashboard().name));
    window_->showPage(view);
    pages_[key] = view;
    connect(view, &widgets::DashboardView::titleChanged, this,
            [this, view](const QString& title) { window_->setPageTitle(view, title); });
    connect(view, &QObject::destroyed, this, [this, key] { pages_.erase(key); });
    (void)index;
    return view;
}

void DashboardPages::refreshAll() {
    for (auto& [path, view] : pages_) view->refresh();
}

}  // namespace deskbase::gui
