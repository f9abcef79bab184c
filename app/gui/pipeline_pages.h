#pragma once
// The pipeline in the window: models open as pages (one per model), the lineage page, a checks
// page per table or model (its last results, Run checks, Edit checks..., Show failing rows in a
// query tab), the check editor, and builds started from the sidebar. The work is done by the
// PipelineController on the workspace runtime.
#include <QObject>
#include <QString>
#include <QStringList>
#include <map>

class QMenu;

namespace deskbase::widgets {
class BuildPanel;
class ChecksPanel;
struct SchemaItem;
}  // namespace deskbase::widgets

namespace deskbase::gui {

class LineagePage;
class MainWindow;
class ModelPage;
class PipelineController;

class PipelinePages : public QObject {
    Q_OBJECT
public:
    explicit PipelinePages(MainWindow* window);

    PipelineController* controller() const { return pipeline_; }
    // Shows the model's page, opening models/<name>.sql when needed (a template when new).
    ModelPage* openModel(const QString& name);
    ModelPage* model(const QString& name) const;
    // Asks a name and opens a new model page for it.
    ModelPage* newModel();
    LineagePage* openLineage();
    widgets::ChecksPanel* openChecks(const QString& table);
    widgets::ChecksPanel* checks(const QString& table) const;
    // The check editor for checks/<table>.json (modal); true when it saved.
    bool editChecks(const QString& table);
    // Runs a model (or it and what is downstream) from its page, opening it.
    void runModel(const QString& name, bool downstream);
    // Opens `sql` in a new query tab and runs it (a check's failing rows); the user's tabs keep
    // their SQL.
    void showRows(const QString& sql, const QString& title);
    // Builds every model, the report on the Build page.
    void buildAll();
    widgets::BuildPanel* buildPage() const { return buildPage_; }
    // The sidebar's selected table or model: its checks page / the check editor.
    void openSelectedChecks();
    void editSelectedChecks();
    // When a model page is shown: it runs its model, and true; else false (the window's
    // Ctrl+Enter then runs the SQL tab). Ctrl+S saves a model page as any UnsavedWork page.
    bool runCurrent();

    // The sidebar's menu (SchemaBrowser::contextMenuAboutToShow): a table or model gets Checks and
    // Edit checks…, a model Build downstream.
    void addSidebarActions(QMenu* menu, const widgets::SchemaItem& item);

private:
    void openNode(const QString& kind, const QString& nameOrFile);
    void rerunChecks(const QString& table);  // after the editor saved: its open page runs them

    MainWindow* window_;
    PipelineController* pipeline_;
    QString selectedTable() const;  // the sidebar's table, column's table or model; "" for none

    LineagePage* lineage_ = nullptr;
    widgets::BuildPanel* buildPage_ = nullptr;  // tab-owned
    bool buildPageOwnsBuild_ = false;
    std::map<QString, ModelPage*> models_;             // tab-owned
    std::map<QString, widgets::ChecksPanel*> checks_;  // tab-owned
};

}  // namespace deskbase::gui
