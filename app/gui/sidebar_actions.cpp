#include "app/gui/sidebar_actions.h"

#include <QDir>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

#include "app/gui/page_tabs.h"
#include "app/gui/query_page.h"
#include "app/gui/query_tabs.h"
#include "app/gui/status_text.h"
#include "app/gui/workspace_controller.h"
#include "core/runtime/background.h"
#include "core/runtime/runtime.h"
#include "core/warehouse/warehouse.h"
#include "core/workspace/table_edits.h"
#include "core/workspace/workspace_edits.h"
#include "widgets/common/display_locale.h"
#include "widgets/common/unsaved_work.h"
#include "widgets/dashboard/dashboard_view.h"

namespace deskbase::gui {

namespace {
using Kind = widgets::SchemaModel::Kind;

QString canonical(const QString& path) {
    const QString c = QFileInfo(path).canonicalFilePath();
    return c.isEmpty() ? QFileInfo(path).absoluteFilePath() : c;
}

QString quoted(const QString& name) {
    return QObject::tr("“%1”").arg(name);
}
}  // namespace

SidebarActions::SidebarActions(WorkspaceController* workspace, PageTabs* pages, QueryTabs* queries,
                               QWidget* dialogParent)
    : QObject(dialogParent),
      workspace_(workspace),
      pages_(pages),
      queries_(queries),
      dialogParent_(dialogParent) {}

std::string SidebarActions::relative(const QString& path) const {
    return QDir(workspace_->dir()).relativeFilePath(path).toStdString();
}

QString SidebarActions::absolute(const std::string& rel) const {
    return QDir(workspace_->dir()).filePath(QString::fromStdString(rel));
}

bool SidebarActions::confirm(const QString& title, const QString& text, const QString& verb) {
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Cancel, dialogParent_);
    box.setObjectName(QStringLiteral("confirmBox"));
    QPushButton* yes = box.addButton(verb, QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == yes;
}

void SidebarActions::warn(const QString& title, const QString& message) {
    emit statusMessage(message.toHtmlEscaped());
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, dialogParent_);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("warningBox"));
    box->open();
}

void SidebarActions::askRename(const widgets::SchemaItem& item) {
    const QString what = item.kind == Kind::Table      ? tr("table")
                         : item.kind == Kind::Question ? tr("question")
                                                       : tr("dashboard");
    bool ok = false;
    const QString name = QInputDialog::getText(dialogParent_, tr("Rename %1").arg(what), tr("New name:"),
                                               QLineEdit::Normal, item.name, &ok)
                             .trimmed();
    if (!ok || name.isEmpty() || name == item.name) return;
    if (item.kind == Kind::Question)
        renameQuestion(item.path, name);
    else if (item.kind == Kind::Dashboard)
        renameDashboard(item.path, name);
    else if (item.kind == Kind::Table)
        renameTable(item.name, name);
}

void SidebarActions::askDelete(const widgets::SchemaItem& item) {
    if (item.kind == Kind::Question) {
        if (confirm(tr("Delete question"), deleteQuestionText(item.path), tr("Delete question")))
            deleteQuestion(item.path);
    } else if (item.kind == Kind::Dashboard) {
        if (confirm(tr("Delete dashboard"),
                    tr("Delete the dashboard %1? Its questions stay.").arg(quoted(item.name)),
                    tr("Delete dashboard")))
            deleteDashboard(item.path);
    } else if (item.kind == Kind::Table) {
        if (confirm(tr("Delete table"), deleteTableText(item.name), tr("Delete table")))
            deleteTable(item.name);
    }
}

void SidebarActions::duplicate(const widgets::SchemaItem& item) {
    Workspace* ws = workspace_->workspace();
    if (!ws) return;
    if (item.kind == Kind::Table) {
        duplicateTable(item.name);
        return;
    }
    auto copy = item.kind == Kind::Question ? duplicateQuestion(*ws, relative(item.path))
                                            : duplicateDashboard(*ws, relative(item.path));
    if (!copy) return warn(tr("Duplicate"), QString::fromStdString(copy.message()));
    workspace_->refreshSchema();
    emit statusMessage(tr("Made %1").arg(QString::fromStdString(*copy).toHtmlEscaped()));
}

QString SidebarActions::deleteQuestionText(const QString& path) const {
    const Workspace* ws = workspace_->workspace();
    const WorkspaceQuestion* q = ws ? ws->findQuestion(relative(path)) : nullptr;
    const QString name = q ? QString::fromStdString(q->question.name) : QFileInfo(path).completeBaseName();
    QString text = tr("Delete the question %1?").arg(quoted(name));
    QStringList uses;
    if (ws) {
        for (const QuestionUse& u : dashboardsUsingQuestion(*ws, relative(path)))
            uses << (u.cards == 1 ? tr("%1 (1 card)") : tr("%1 (%2 cards)").arg(u.cards))
                        .arg(quoted(QString::fromStdString(u.dashboardName)));
    }
    if (uses.isEmpty()) return text + QLatin1Char('\n') + tr("No dashboard uses it.");
    return text + QLatin1Char('\n') +
           (uses.size() == 1 ? tr("It is used by 1 dashboard: %1. Its cards will be removed from it.")
                             : tr("It is used by %1 dashboards: %2. Its cards will be removed from them.")
                                   .arg(uses.size()))
               .arg(uses.join(QStringLiteral(", ")));
}

QString SidebarActions::deleteTableText(const QString& table) const {
    QString rows;
    for (const TableInfo& t : workspace_->schema().tables)
        if (QString::fromStdString(t.name) == table && t.approxRows >= 0)
            rows = tr(" (%1 rows)").arg(widgets::displayLocale().toString(qlonglong(t.approxRows)));
    QString text =
        tr("Delete the table %1%2 from the warehouse? This cannot be undone.").arg(quoted(table), rows);
    const QString rejects = QString::fromStdString(rejectsTableOf(table.toStdString()));
    for (const TableInfo& t : workspace_->schema().tables)
        if (QString::fromStdString(t.name) == rejects)
            text += QLatin1Char('\n') + tr("Its rejected rows (%1) are deleted with it.").arg(rejects);
    if (const Workspace* ws = workspace_->workspace()) {
        QStringList names;
        for (const auto& n : questionsMentioning(*ws, table.toStdString()))
            names << quoted(QString::fromStdString(n));
        if (!names.isEmpty())
            text += QLatin1Char('\n') +
                    tr("Questions that read it will fail: %1.").arg(names.join(QStringLiteral(", ")));
    }
    return text;
}

bool SidebarActions::settleDashboardsUsing(const QString& questionPath, const QString& action) {
    const Workspace* ws = workspace_->workspace();
    if (!ws) return false;
    QStringList used;
    for (const QuestionUse& u : dashboardsUsingQuestion(*ws, relative(questionPath)))
        used << canonical(absolute(u.dashboardFile));
    for (QWidget* page : pages_->pages()) {
        auto* view = qobject_cast<widgets::DashboardView*>(page);
        if (!view || !used.contains(canonical(QString::fromStdString(view->path())))) continue;
        pages_->show(view);
        if (!widgets::askToSave(view, dialogParent_, action)) return false;
    }
    return true;
}

void SidebarActions::reopenDashboards(const QStringList& paths) {
    for (QWidget* page : pages_->pages()) {
        auto* view = qobject_cast<widgets::DashboardView*>(page);
        if (view && paths.contains(canonical(QString::fromStdString(view->path()))))
            view->open(view->path(), workspace_->workspace());
    }
}

bool SidebarActions::renameQuestion(const QString& path, const QString& newName) {
    Workspace* ws = workspace_->workspace();
    if (!ws || !settleDashboardsUsing(path, tr("renaming the question"))) return false;
    QStringList dashboards;
    for (const QuestionUse& u : dashboardsUsingQuestion(*ws, relative(path)))
        dashboards << canonical(absolute(u.dashboardFile));
    auto renamed = deskbase::renameQuestion(*ws, relative(path), newName.toStdString());
    if (!renamed) {
        warn(tr("Rename question"), QString::fromStdString(renamed.message()));
        return false;
    }
    const QString newPath = absolute(*renamed);
    if (QueryPage* page = queries_->findQuestion(path)) page->followQuestion(newPath, newName.trimmed());
    reopenDashboards(dashboards);
    workspace_->refreshSchema();
    // The name is %1 in both messages: it is filled first, then the count (arg() fills the lowest
    // marker, so filling the count first put it where the name belongs).
    const QString name = quoted(newName.trimmed()).toHtmlEscaped();
    emit statusMessage(
        dashboards.size() == 1
            ? tr("Renamed the question to %1; 1 dashboard updated").arg(name)
            : tr("Renamed the question to %1; %2 dashboards updated").arg(name).arg(dashboards.size()));
    return true;
}

bool SidebarActions::deleteQuestion(const QString& path) {
    Workspace* ws = workspace_->workspace();
    if (!ws || !settleDashboardsUsing(path, tr("deleting the question"))) return false;
    QStringList dashboards;
    for (const QuestionUse& u : dashboardsUsingQuestion(*ws, relative(path)))
        dashboards << canonical(absolute(u.dashboardFile));
    QueryPage* page = queries_->findQuestion(path);
    if (auto s = deskbase::deleteQuestion(*ws, relative(path)); !s) {
        warn(tr("Delete question"), QString::fromStdString(s.message()));
        return false;
    }
    if (page) page->forgetQuestion();
    reopenDashboards(dashboards);
    workspace_->refreshSchema();
    emit statusMessage(tr("Deleted the question; %1 updated")
                           .arg(countText(dashboards.size(), tr("dashboard"), tr("dashboards"))));
    return true;
}

bool SidebarActions::renameDashboard(const QString& path, const QString& newName) {
    Workspace* ws = workspace_->workspace();
    if (!ws) return false;
    widgets::DashboardView* open = nullptr;
    for (QWidget* page : pages_->pages())
        if (auto* v = qobject_cast<widgets::DashboardView*>(page);
            v && canonical(QString::fromStdString(v->path())) == canonical(path))
            open = v;
    if (open && !pages_->close(open)) return false;
    auto renamed = deskbase::renameDashboard(*ws, relative(path), newName.toStdString());
    if (!renamed) {
        warn(tr("Rename dashboard"), QString::fromStdString(renamed.message()));
        return false;
    }
    workspace_->refreshSchema();
    if (open) emit dashboardMoved(path, absolute(*renamed));
    emit statusMessage(tr("Renamed the dashboard to %1").arg(quoted(newName.trimmed()).toHtmlEscaped()));
    return true;
}

bool SidebarActions::deleteDashboard(const QString& path) {
    Workspace* ws = workspace_->workspace();
    if (!ws) return false;
    for (QWidget* page : pages_->pages())
        if (auto* v = qobject_cast<widgets::DashboardView*>(page);
            v && canonical(QString::fromStdString(v->path())) == canonical(path))
            if (!pages_->close(v)) return false;
    if (auto s = deskbase::deleteDashboard(*ws, relative(path)); !s) {
        warn(tr("Delete dashboard"), QString::fromStdString(s.message()));
        return false;
    }
    workspace_->refreshSchema();
    emit dashboardMoved(path, QString());
    emit statusMessage(tr("Deleted the dashboard"));
    return true;
}

void SidebarActions::runOnWarehouse(const QString& done, std::function<Status(Warehouse&)> work,
                                    std::function<void()> after) {
    const std::string target = workspace_->target().toStdString();
    JobSpec spec;
    spec.kind = "table";
    spec.writesTo = target;
    runInBackground(
        workspace_->runtime().jobs(), mailbox_, std::move(spec),
        [target, work = std::move(work)](JobContext& context) -> Status {
            auto w = context.connection(target);
            if (!w) return Status::fail(w.message());
            return work(**w);
        },
        [this, done, after = std::move(after)](const Status& s) {
            workspace_->refreshSchema();
            if (!s)
                warn(tr("Table"), QString::fromStdString(s.message()));
            else {
                if (after) after();
                emit statusMessage(done.toHtmlEscaped());
            }
            emit tableChanged(s.isOk());
        });
}

void SidebarActions::renameTable(const QString& table, const QString& newName) {
    const std::string from = table.toStdString(), to = newName.trimmed().toStdString();
    runOnWarehouse(
        tr("Renamed table %1 to %2").arg(table, newName.trimmed()),
        [from, to](Warehouse& w) { return deskbase::renameTable(w, from, to); },
        [this, table, newName] {
            if (QueryPage* page = queries_->findTable(table); page && !page->isWindowModified())
                page->openTable(newName.trimmed());
        });
}

void SidebarActions::deleteTable(const QString& table) {
    const std::string name = table.toStdString();
    runOnWarehouse(
        tr("Deleted table %1").arg(table), [name](Warehouse& w) { return dropTable(w, name); },
        [this, table] {
            if (QueryPage* page = queries_->findTable(table); page && !page->isWindowModified())
                pages_->close(page);
        });
}

void SidebarActions::duplicateTable(const QString& table) {
    const std::string name = table.toStdString();
    runOnWarehouse(tr("Copied table %1").arg(table),
                   [name](Warehouse& w) -> Status {
                       auto copy = deskbase::duplicateTable(w, name);
                       return copy ? Status::ok() : Status::fail(copy.message());
                   },
                   {});
}

}  // namespace deskbase::gui
