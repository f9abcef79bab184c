#pragma once
// The sidebar: a filterable tree of tables, saved questions, dashboards and models. Double-click or
// Enter opens; a right click offers what fits the item (open, rename, duplicate, delete, copy name),
// F2 renames and Delete deletes the selected item. The browser only asks: it emits requests and
// the window does the work (core/workspace) and reloads the tree.
#include <QSet>
#include <QWidget>

#include "widgets/schema/schema_model.h"

class QAction;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QTreeView;

namespace deskbase::widgets {

struct SchemaSnapshot;

// One sidebar entry: a table (name), a column (name, table), a question or a dashboard (name =
// its title, path = its file).
struct SchemaItem {
    SchemaModel::Kind kind = SchemaModel::Kind::Section;
    QString name;
    QString path;
    QString table;  // for columns: their table
    bool canEdit() const {
        return kind == SchemaModel::Kind::Table || kind == SchemaModel::Kind::Question ||
               kind == SchemaModel::Kind::Dashboard;
    }
};

class SchemaBrowser : public QWidget {
    Q_OBJECT
public:
    explicit SchemaBrowser(QWidget* parent = nullptr);

    void setSnapshot(const SchemaSnapshot& snapshot);  // keeps expanded tables and the selection
    SchemaModel* model() const { return model_; }
    QTreeView* view() const { return view_; }
    void activate(const QModelIndex& proxyIndex);  // what a double-click does

    SchemaItem itemAt(const QModelIndex& proxyIndex) const;
    SchemaItem currentItem() const;
    // Selects the entry of that kind with that name (tables) or path (questions, dashboards).
    bool select(SchemaModel::Kind kind, const QString& nameOrPath);
    // The right-click menu for an item (built, not shown; the caller owns it).
    QMenu* contextMenu(const SchemaItem& item);
    QAction* renameAction() const { return rename_; }  // F2
    QAction* deleteAction() const { return delete_; }  // Delete

signals:
    void tableActivated(const QString& table);
    void columnActivated(const QString& table, const QString& column);
    void questionActivated(const QString& path);
    void dashboardActivated(const QString& path);
    void questionOpenHereRequested(const QString& path);  // "Open in the current tab"
    void renameRequested(const deskbase::widgets::SchemaItem& item);
    void duplicateRequested(const deskbase::widgets::SchemaItem& item);
    void deleteRequested(const deskbase::widgets::SchemaItem& item);
    void refreshRequested();
    // Emitted with the menu filled, before it shows: other areas may add their own actions.
    void contextMenuAboutToShow(QMenu* menu, const deskbase::widgets::SchemaItem& item);
    void modelActivated(const QString& name);
    void sourceActivated(const QString& name);  // a source: double-click or Enter
    void reportActivated(const QString& name);  // a report or alert: double-click or Enter

private:
    void search(const QString& text);  // the filter box's text
    void updateSpans();
    void fitDetailColumn();  // the detail column: its text's width, at most 40% of the tree
    void resizeEvent(QResizeEvent* event) override;

    SchemaModel* model_;
    QSortFilterProxyModel* proxy_;
    QLineEdit* filter_;
    QTreeView* view_;
    QAction* rename_;
    QAction* delete_;
    bool searching_ = false;
    QSet<QString> expandedBeforeSearch_;  // sections and tables open when the search began
};

}  // namespace deskbase::widgets

Q_DECLARE_METATYPE(deskbase::widgets::SchemaItem)
