#include "app/gui/report_pages.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

#include "app/gui/main_menus.h"
#include "app/gui/main_window.h"
#include "app/gui/runs_page.h"
#include "app/gui/source_pages.h"
#include "app/gui/workspace_controller.h"
#include "core/reports/report_file.h"
#include "core/sources/source_spec.h"
#include "core/workspace/workspace.h"
#include "widgets/reports/report_editor.h"
#include "widgets/schema/schema_browser.h"
#include "widgets/schema/schema_model.h"

namespace deskbase::gui {

namespace {
QString stem(const std::string& path) {
    return QFileInfo(QString::fromStdString(path)).completeBaseName();
}
}  // namespace

ReportPages::ReportPages(MainWindow* window) : QObject(window), window_(window) {
    if (QMenu* menu = window_->menus() ? window_->menus()->pipelineMenu : nullptr) {
        QAction* add = menu->addAction(tr("New &report…"));
        add->setObjectName(QStringLiteral("pipelineNewReport"));
        connect(add, &QAction::triggered, this, [this] { edit({}); });
        QAction* open = menu->addAction(tr("&Edit report…"));
        open->setObjectName(QStringLiteral("pipelineEditReport"));
        connect(open, &QAction::triggered, this, &ReportPages::chooseAndEdit);
    }
    connect(window_->sidebar(), &widgets::SchemaBrowser::contextMenuAboutToShow, this,
            &ReportPages::addSidebarActions);
    connect(window_->sidebar(), &widgets::SchemaBrowser::reportActivated, this,
            [this](const QString& name) { edit(name); });
    connect(window_->runs(), &RunsPage::rerunFinished, this, [this](const QString& line) {
        if (editor_) editor_->showRunResult(line, window_->runs()->lastWrittenFile());  // what it wrote, or why not
        window_->workspace()->refreshSchema();                   // the sidebar's Reports follow
        emit ran(line);
    });
}

widgets::ReportEditor* ReportPages::edit(const QString& name) {
    const Workspace* ws = window_->workspace()->workspace();
    if (!ws) return nullptr;
    if (editor_) editor_->close();
    // Offered by title (the sidebar's snapshot has the dashboards' titles), saved by file name.
    QList<widgets::ReportEditor::Choice> dashboards, questions;
    for (const auto& d : ws->dashboardFiles()) {
        QString title;
        for (const auto& e : window_->workspace()->schema().dashboards)
            if (e.path == QString::fromStdString(d)) title = e.title;
        dashboards.push_back({stem(d), title});
    }
    for (const auto& q : ws->questions()) questions.push_back({stem(q.file), QString::fromStdString(q.question.name)});
    QStringList sources;
    for (const auto& s : loadWorkspaceSources(ws->dir()).sources) sources << QString::fromStdString(s.name);
    editor_ = new widgets::ReportEditor(QString::fromStdString(ws->dir()), dashboards, questions, sources,
                                        window_);
    editor_->setAttribute(Qt::WA_DeleteOnClose);
    if (!name.isEmpty()) {
        for (const auto& r : loadWorkspaceReports(ws->dir()).reports)
            if (r.name == name.toStdString()) editor_->setSpec(r);
    }
    connect(editor_, &widgets::ReportEditor::runNowRequested, this, &ReportPages::runNow);
    connect(editor_, &widgets::ReportEditor::saved, window_->workspace(),
            &WorkspaceController::refreshSchema);
    editor_->show();
    return editor_;
}

void ReportPages::chooseAndEdit() {
    const Workspace* ws = window_->workspace()->workspace();
    if (!ws) return;
    QStringList names;
    for (const auto& r : loadWorkspaceReports(ws->dir()).reports) names << QString::fromStdString(r.name);
    if (names.isEmpty()) {
        edit({});
        return;
    }
    bool ok = false;
    const QString name =
        QInputDialog::getItem(window_, tr("Edit report"), tr("Report:"), names, 0, false, &ok);
    if (ok) edit(name);
}

void ReportPages::runNow(const QString& name) {
    window_->runs()->rerun(QStringLiteral("report"), name);
    if (!window_->runs()->panel()) window_->runs()->open();
}

void ReportPages::deleteReport(const QString& name) {
    const Workspace* ws = window_->workspace()->workspace();
    if (!ws) return;
    const QString file =
        QString::fromStdString(ws->dir()) + QStringLiteral("/reports/") + name + QStringLiteral(".json");
    auto* box = new QMessageBox(QMessageBox::Question, tr("Delete report"),
                                tr("Delete the report %1 (reports/%1.json)? The files it wrote and its run "
                                   "history stay.")
                                    .arg(name),
                                QMessageBox::Cancel, window_);
    box->setObjectName(QStringLiteral("deleteReportBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* del = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, del, file, name](QAbstractButton* b) {
        if (b != del) return;
        const bool removed = QFile::remove(file);
        window_->statusBar()->showMessage(removed ? tr("Deleted reports/%1.json").arg(name)
                                                  : tr("⚠ Could not delete reports/%1.json").arg(name),
                                          removed ? 10000 : 0);
        window_->workspace()->refreshSchema();
    });
    box->open();
}

void ReportPages::addSidebarActions(QMenu* menu, const widgets::SchemaItem& item) {
    addRunnableActions(
        menu, item, widgets::SchemaModel::Kind::Report, window_->sidebar()->model(),
        {tr("New report…"), [this](const QString& n) { runNow(n); }, [this](const QString& n) { edit(n); },
         [this](const QString& n) { deleteReport(n); }, [this] { edit({}); }});
}

}  // namespace deskbase::gui
