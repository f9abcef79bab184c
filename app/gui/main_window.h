#pragma once
// The window: a thin shell. The sidebar (schema browser) sits left of a tab area of pages (the
// SQL page first; other areas add theirs with addPage()). Menus come from MainMenus; the work is
// done by WorkspaceController, ImportController and the pages. Files dropped anywhere on the
// window are imported.
#include <QMainWindow>

#include "core/runtime/mailbox.h"

class QLabel;
class QSplitter;
class QTabWidget;

namespace deskbase::widgets {
class ImportProgressPanel;
class SchemaBrowser;
struct SchemaSnapshot;
}  // namespace deskbase::widgets

namespace deskbase::gui {

class AppSettings;
class DashboardPages;
class ImportController;
class QueryPage;
class WorkspaceController;
struct MainMenus;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    bool openWorkspace(const QString& dir);
    void importFiles(const QStringList& paths);

    // Hosts another page (e.g. a dashboard) as a closable tab; returns its tab index.
    int addPage(QWidget* page, const QString& title);
    void showPage(QWidget* page);
    QTabWidget* pages() const { return pages_; }

    WorkspaceController* workspace() const { return workspace_; }
    ImportController* imports() const { return imports_; }
    DashboardPages* dashboards() const { return dashboards_; }
    QueryPage* queryPage() const { return queryPage_; }
    widgets::SchemaBrowser* sidebar() const { return sidebar_; }
    QString statusText() const;

    void setTheme(const QString& mode);  // "system" | "light" | "dark"; persisted
    // Asks for a dashboard to be shown (what a double-click in the sidebar does).
    void activateDashboard(const QString& path) { onDashboardActivated(path); }
    // Makes `dir` the demo workspace in the background (sample data imported on first use), then
    // opens it and its start dashboard.
    void openDemoWorkspace(const QString& dir);

signals:
    void dashboardActivated(const QString& path);  // double-click on a dashboard in the sidebar
    void themeChanged(bool dark);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void connectMenus();
    void connectControllers();
    void chooseWorkspace();
    void chooseFilesToImport();
    void editConnection();
    void askPassword(const QString& reason);
    void onSchemaLoaded(const widgets::SchemaSnapshot& snapshot);
    void onImported(const QString& table, qint64 rows, qint64 rejected, const QString& rejectsTable,
                    double seconds);
    void onDashboardActivated(const QString& path);
    void showMessage(const QString& richText);
    void showWarning(const QString& title, const QString& text);
    void rebuildRecentMenus();

    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainMenus> menus_;
    WorkspaceController* workspace_;
    widgets::SchemaBrowser* sidebar_;
    QTabWidget* pages_;
    QueryPage* queryPage_;
    QSplitter* splitter_;
    QLabel* message_;
    widgets::ImportProgressPanel* progress_;
    ImportController* imports_;
    Mailbox mailbox_;  // the demo setup's result comes back through it
    DashboardPages* dashboards_ = nullptr;
};

}  // namespace deskbase::gui
