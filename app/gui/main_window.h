#pragma once
// The window: a thin shell. The sidebar (schema browser) sits left of the tab area (PageTabs)
// holding the SQL tabs (QueryTabs) and other areas' pages (addPage()). Menus come from MainMenus;
// the work is done by WorkspaceController, ImportController, SidebarActions and the pages.
// Closing the window, switching workspace or closing a tab asks each modified page first
// (widgets::UnsavedWork). Files dropped anywhere on the window are imported.
#include <QMainWindow>
#include <QPointer>
#include <functional>
#include <vector>

#include "core/runtime/mailbox.h"

class QAction;
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
class PipelinePages;
class ReportPages;
class RunsPage;
class ImportController;
class PageTabs;
class QueryPage;
class QueryTabs;
class SidebarActions;
class SourcePages;
class WorkspaceController;
struct MainMenus;
struct ShortcutRow;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a workspace folder. Switching from another one asks about unsaved pages first and
    // closes them; false when the user cancelled or the folder cannot be opened.
    bool openWorkspace(const QString& dir);
    void importFiles(const QStringList& paths);

    // Hosts another page (e.g. a dashboard) as a closable tab; returns its tab index. The tab
    // shows the page's windowTitle() (or `title`) and a "*" while it isWindowModified().
    int addPage(QWidget* page, const QString& title);
    void showPage(QWidget* page);
    void setPageTitle(QWidget* page, const QString& title);
    QTabWidget* pages() const;
    PageTabs* pageTabs() const { return pages_; }
    QueryTabs* queryTabs() const { return queries_; }

    WorkspaceController* workspace() const { return workspace_; }
    ImportController* imports() const { return imports_; }
    SidebarActions* sidebarActions() const { return sidebarActions_; }
    MainMenus* menus() const { return menus_.get(); }
    // The current SQL tab (or the last one that was current).
    QueryPage* queryPage() const;
    DashboardPages* dashboards() const { return dashboards_; }
    PipelinePages* pipeline() const { return pipeline_; }
    RunsPage* runs() const { return runs_; }
    ReportPages* reports() const { return reports_; }
    SourcePages* sources() const { return sources_; }
    widgets::SchemaBrowser* sidebar() const { return sidebar_; }
    // The status bar's message: the current page's (each page keeps its own, e.g. "2 rows · 1 ms"
    // stays with its query tab and is not shown over a dashboard).
    QString statusText() const;
    // Help → Keyboard shortcuts reads these from the menus and the sidebar's actions.
    std::vector<ShortcutRow> shortcutRows() const;
    static QString docsFolder();  // where Help → Documentation points

    void setTheme(const QString& mode);  // "system" | "light" | "dark"; persisted
    void setEditorFontSize(int points);  // 0 = the system's; persisted
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
    void changeEvent(QEvent* event) override;

private:
    void routeToQueryPage(QAction* action, const std::function<void(QueryPage*)>& f);
    void connectMenus();
    void connectEditMenu();
    void connectSidebar();
    void connectControllers();
    void chooseWorkspace();
    void chooseFilesToImport();
    void editConnection();
    void editPreferences();
    void showShortcuts();
    void openDocs();
    void askPassword(const QString& reason);
    void onSchemaLoaded(const widgets::SchemaSnapshot& snapshot);
    void onImported(const QString& table, qint64 rows, qint64 rejected, const QString& rejectsTable,
                    double seconds, const QStringList& indexes, const QString& checks, bool checksFailed);
    void onDashboardActivated(const QString& path);
    void showMessage(const QString& richText);  // the current page's message
    void showPageMessage(QWidget* page, const QString& richText);
    void showWarning(const QString& title, const QString& text);
    void rebuildRecentMenus();
    void updateTitle();

    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainMenus> menus_;
    WorkspaceController* workspace_;
    widgets::SchemaBrowser* sidebar_;
    QTabWidget* tabWidget_;
    PageTabs* pages_;
    QueryTabs* queries_;
    SidebarActions* sidebarActions_;
    QSplitter* splitter_;
    QLabel* message_;
    widgets::ImportProgressPanel* progress_;
    ImportController* imports_;
    Mailbox mailbox_;  // the demo setup's result comes back through it
    DashboardPages* dashboards_ = nullptr;
    PipelinePages* pipeline_ = nullptr;
    RunsPage* runs_ = nullptr;
    ReportPages* reports_ = nullptr;
    SourcePages* sources_ = nullptr;
};

}  // namespace deskbase::gui
