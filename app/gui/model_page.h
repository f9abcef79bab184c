#pragma once
// One model open in the SQL editor: models/<name>.sql with dbt-style highlighting (a ref() to an
// unknown model is underlined) and completion of the workspace's model names inside ref('...').
// Save writes the file; Run model and Build downstream save first and build through the
// pipeline controller, the report below the editor one line per model; Compiled SQL shows what
// the build runs. The page is modified (windowModified) while the text differs from the file;
// as widgets::UnsavedWork, the window's Ctrl+S saves it and closing it asks first.
#include <QWidget>

#include "widgets/common/unsaved_work.h"

class QAction;
class QLabel;
class QTabWidget;

namespace deskbase::widgets {
class BuildPanel;
class SqlEditor;
struct SchemaSnapshot;
}  // namespace deskbase::widgets

namespace deskbase::gui {

class PipelineController;
class WorkspaceController;

class ModelPage : public QWidget, public widgets::UnsavedWork {
    Q_OBJECT
public:
    ModelPage(WorkspaceController* workspace, PipelineController* pipeline, const QString& name,
              QWidget* parent = nullptr);

    // Reads models/<name>.sql (a new model starts from a template when there is no file yet).
    bool load(QString* error = nullptr);
    bool save(QString* error = nullptr);
    QString modelName() const { return name_; }
    QString path() const;
    bool isModified() const;

    // widgets::UnsavedWork
    QString unsavedWorkName() const override;
    bool saveWork() override;  // save(); a failure is reported through statusMessage
    void discardWork() override;

    void runModel();         // saves, then builds this model
    void buildDownstream();  // saves, then builds it and every model downstream
    void showCompiledSql();  // fills and shows the Compiled SQL tab

    void applySchema(const widgets::SchemaSnapshot& snapshot);
    void updateColors();

    widgets::SqlEditor* editor() const { return editor_; }
    widgets::SqlEditor* compiledView() const { return compiled_; }
    widgets::BuildPanel* buildPanel() const { return build_; }
    QTabWidget* lowerTabs() const { return lower_; }
    QAction* saveAction() const { return saveAction_; }
    QAction* runAction() const { return runAction_; }
    QAction* downstreamAction() const { return downstreamAction_; }
    QAction* compiledAction() const { return compiledAction_; }
    QString statusText() const;

signals:
    void statusMessage(const QString& text);
    void checksRequested(const QString& model);
    void lineageRequested();

private:
    void startBuild(const QStringList& selectors);
    void updateTitle();
    void updateBuildActions();

    WorkspaceController* workspace_;
    PipelineController* pipeline_;
    QString name_;
    QString saved_;           // the file's text as opened or last saved
    bool ownsBuild_ = false;  // the build running was started here
    widgets::SqlEditor* editor_;
    widgets::SqlEditor* compiled_;
    widgets::BuildPanel* build_;
    QTabWidget* lower_;
    QLabel* status_;
    QAction* saveAction_ = nullptr;
    QAction* runAction_ = nullptr;
    QAction* downstreamAction_ = nullptr;
    QAction* compiledAction_ = nullptr;
};

}  // namespace deskbase::gui
