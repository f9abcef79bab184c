#include "app/gui/model_page.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include "app/gui/pipeline_controller.h"
#include "app/gui/workspace_controller.h"
#include "core/models/model_project.h"
#include "core/warehouse/warehouse.h"
#include "widgets/editor/sql_editor.h"
#include "widgets/editor/sql_highlighter.h"
#include "widgets/models/build_panel.h"
#include "widgets/schema/schema_snapshot.h"
#include "widgets/theme/icons.h"

namespace deskbase::gui {

namespace {
const char* kNewModel =
    "-- A model is one SELECT; {{ ref('other_model') }} reads another model, {{ source('src', 'table') }} a "
    "table.\n"
    "{{ config(materialized='view') }}\n\n"
    "select 1 as id\n";
}

ModelPage::ModelPage(WorkspaceController* workspace, PipelineController* pipeline, const QString& name,
                     QWidget* parent)
    : QWidget(parent),
      workspace_(workspace),
      pipeline_(pipeline),
      name_(name),
      editor_(new widgets::SqlEditor(this)),
      compiled_(new widgets::SqlEditor(this)),
      build_(new widgets::BuildPanel(this)),
      lower_(new QTabWidget(this)),
      status_(new QLabel(this)) {
    setObjectName(QStringLiteral("modelPage"));
    editor_->highlighter()->setTemplateMode(TemplateMode::Jinja);
    editor_->setPlaceholderText(tr("One SELECT. {{ ref('model') }} reads another model."));
    compiled_->setReadOnly(true);
    compiled_->setPlaceholderText(tr("Compiled SQL shows what a build of this model runs."));

    auto* toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    saveAction_ = toolbar->addAction(tr("Save"), this, [this] { saveWork(); });
    saveAction_->setToolTip(
        tr("Save models/%1.sql (Ctrl+S)").arg(name_));  // the window's Ctrl+S saves the page shown
    runAction_ = toolbar->addAction(widgets::runIcon(), tr("Run model"), this, &ModelPage::runModel);
    runAction_->setToolTip(tr("Save and build this model (Ctrl+Enter)"));
    downstreamAction_ = toolbar->addAction(tr("Build downstream"), this, &ModelPage::buildDownstream);
    downstreamAction_->setToolTip(tr("Save and build this model and every model that reads it"));
    compiledAction_ = toolbar->addAction(tr("Compiled SQL"), this, &ModelPage::showCompiledSql);
    toolbar->addSeparator();
    toolbar->addAction(tr("Checks"), this, [this] { emit checksRequested(name_); });
    toolbar->addAction(widgets::lineageIcon(), tr("Lineage"), this, [this] { emit lineageRequested(); });
    connect(editor_, &widgets::SqlEditor::runRequested, this, &ModelPage::runModel);

    lower_->addTab(build_, tr("Build"));
    lower_->addTab(compiled_, tr("Compiled SQL"));
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(editor_);
    split->addWidget(lower_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(toolbar);
    layout->addWidget(status_);
    layout->addWidget(split, 1);

    connect(editor_, &QPlainTextEdit::textChanged, this, &ModelPage::updateTitle);
    connect(build_, &widgets::BuildPanel::cancelRequested, pipeline_, &PipelineController::cancelBuild);
    connect(pipeline_, &PipelineController::modelBuilt, this,
            [this](const QString& status, const QString& line, int done, int total) {
                if (ownsBuild_) build_->addModel(status, line, done, total);
            });
    connect(pipeline_, &PipelineController::buildFinished, this, [this](const QString& summary, bool failed) {
        if (!ownsBuild_) return updateBuildActions();
        ownsBuild_ = false;
        build_->finish(summary, failed);
        emit statusMessage(tr("Build: %1").arg(summary));
        updateBuildActions();
    });
    connect(pipeline_, &PipelineController::buildFailed, this, [this](const QString& error) {
        if (!ownsBuild_) return updateBuildActions();
        ownsBuild_ = false;
        build_->fail(error);
        emit statusMessage(error);
        updateBuildActions();
    });
    connect(pipeline_, &PipelineController::buildStarted, this, [this] { updateBuildActions(); });
    if (workspace_) applySchema(workspace_->schema());
    updateTitle();
}

QString ModelPage::path() const {
    return QDir(workspace_->dir()).filePath(QStringLiteral("models/%1.sql").arg(name_));
}

bool ModelPage::load(QString* error) {
    QFile f(path());
    QString text;
    if (f.exists()) {
        if (!f.open(QIODevice::ReadOnly)) {
            if (error) *error = tr("Cannot read %1: %2").arg(path(), f.errorString());
            return false;
        }
        text = QString::fromUtf8(f.readAll());
        saved_ = text;
    } else {
        text = QString::fromUtf8(kNewModel);
        saved_.clear();  // a new model is unsaved until Save
    }
    editor_->setPlainText(text);
    updateTitle();
    return true;
}

bool ModelPage::save(QString* error) {
    const QString text = editor_->toPlainText();
    const Status s = saveModelFile(workspace_->dir().toStdString(), name_.toStdString(), text.toStdString());
    if (!s) {
        if (error) *error = QString::fromStdString(s.message());
        return false;
    }
    saved_ = text;
    updateTitle();
    emit statusMessage(tr("Saved models/%1.sql").arg(name_));
    workspace_->refreshSchema();
    return true;
}

bool ModelPage::isModified() const {
    return editor_->toPlainText() != saved_;
}

QString ModelPage::unsavedWorkName() const {
    return tr("the model “%1”").arg(name_);
}

bool ModelPage::saveWork() {
    QString error;
    if (save(&error)) return true;
    emit statusMessage(error);
    return false;
}

void ModelPage::discardWork() {
    editor_->setPlainText(saved_);
}

void ModelPage::startBuild(const QStringList& selectors) {
    QString error;
    if (isModified() && !save(&error)) {
        emit statusMessage(error);
        return;
    }
    if (!pipeline_->build(selectors)) {
        emit statusMessage(tr("A build is already running."));
        return;
    }
    ownsBuild_ = true;
    build_->start(tr("Building %1").arg(selectors.join(QStringLiteral(", "))), 0);
    lower_->setCurrentWidget(build_);
    updateBuildActions();
}

void ModelPage::runModel() {
    startBuild({name_});
}

void ModelPage::buildDownstream() {
    startBuild({name_ + QLatin1Char('+')});
}

void ModelPage::showCompiledSql() {
    QString error;
    if (isModified() && !save(&error)) {
        emit statusMessage(error);
        return;
    }
    auto sql = pipeline_->compiledSql(name_);
    compiled_->setPlainText(sql ? QString::fromStdString(*sql) : QString::fromStdString(sql.message()));
    lower_->setCurrentWidget(compiled_);
}

void ModelPage::applySchema(const widgets::SchemaSnapshot& snapshot) {
    editor_->setSchema(snapshot.tables);
    compiled_->setSchema(snapshot.tables);
    const std::string target = workspace_->target().toStdString();
    editor_->setDialect(Warehouse::dialectFor(target));
    compiled_->setDialect(Warehouse::dialectFor(target));
    QStringList models;
    QString status;
    for (const auto& m : snapshot.pipeline.models) {
        models << m.name;
        if (m.name == name_)
            status = tr("%1 · last build: %2")
                         .arg(m.materialized, m.status.isEmpty() ? tr("never built") : m.status);
    }
    editor_->setModelNames(models);
    status_->setText(status.isEmpty() ? tr("New model: Save writes models/%1.sql").arg(name_) : status);
}

void ModelPage::updateColors() {
    editor_->highlighter()->updateColors();
    compiled_->highlighter()->updateColors();
}

QString ModelPage::statusText() const {
    return status_->text();
}

void ModelPage::updateTitle() {
    setWindowTitle(name_);
    setWindowModified(isModified());
}

void ModelPage::updateBuildActions() {
    const bool busy = pipeline_->isBuilding();
    runAction_->setEnabled(!busy);
    downstreamAction_->setEnabled(!busy);
}

}  // namespace deskbase::gui
