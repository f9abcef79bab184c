#pragma once
// What the sidebar's Rename / Duplicate / Delete do, for questions, dashboards and tables: asks
// (a name; a confirmation naming what depends on the item), then does the work in core
// (core/workspace: workspace_edits for files and references, table_edits for the warehouse) and
// brings the open tabs along — a renamed question's tab follows its new file, a deleted question's
// tab keeps its SQL as an unsaved query, dashboards showing a renamed or deleted question reload,
// and a table's unmodified tabs follow a rename or close on delete.
//
// The ask* functions are what the menus call; the others do the work without asking (scripts,
// tests). Results are reported with statusMessage(); failures also with a warning box.
#include <QObject>
#include <QString>
#include <functional>
#include <string>

#include "core/runtime/mailbox.h"
#include "core/util/result.h"
#include "widgets/schema/schema_browser.h"

class QWidget;

namespace deskbase {
class Warehouse;
}

namespace deskbase::gui {

class PageTabs;
class QueryTabs;
class WorkspaceController;

class SidebarActions : public QObject {
    Q_OBJECT
public:
    SidebarActions(WorkspaceController* workspace, PageTabs* pages, QueryTabs* queries,
                   QWidget* dialogParent);

    void askRename(const widgets::SchemaItem& item);
    void askDelete(const widgets::SchemaItem& item);
    void duplicate(const widgets::SchemaItem& item);

    bool renameQuestion(const QString& path, const QString& newName);
    bool deleteQuestion(const QString& path);
    bool renameDashboard(const QString& path, const QString& newName);
    bool deleteDashboard(const QString& path);
    // Warehouse work runs in the background; tableChanged() follows (true when it worked).
    void renameTable(const QString& table, const QString& newName);
    void deleteTable(const QString& table);
    void duplicateTable(const QString& table);

    // The confirmation text for deleting a question (names the dashboards that use it).
    QString deleteQuestionText(const QString& path) const;
    QString deleteTableText(const QString& table) const;

signals:
    void statusMessage(const QString& richText);
    void tableChanged(bool ok);
    // A dashboard file moved (renamed) or went away (newPath empty): its page should follow.
    void dashboardMoved(const QString& oldPath, const QString& newPath);

private:
    std::string relative(const QString& path) const;
    QString absolute(const std::string& rel) const;
    bool confirm(const QString& title, const QString& text, const QString& verb);
    void warn(const QString& title, const QString& message);
    // Dashboards open as pages that use the question are asked to save or discard first.
    bool settleDashboardsUsing(const QString& questionPath, const QString& action);
    void reopenDashboards(const QStringList& paths);
    void runOnWarehouse(const QString& done, std::function<Status(Warehouse&)> work,
                        std::function<void()> after);

    WorkspaceController* workspace_;
    PageTabs* pages_;
    QueryTabs* queries_;
    QWidget* dialogParent_;
    Mailbox mailbox_;  // last: closed first; the warehouse work's outcome comes back through it
};

}  // namespace deskbase::gui
