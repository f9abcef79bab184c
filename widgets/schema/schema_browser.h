#pragma once
// The sidebar: a filterable tree of tables, saved questions and dashboards. Double-click opens.
#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace deskbase::widgets {

class SchemaModel;
struct SchemaSnapshot;

class SchemaBrowser : public QWidget {
    Q_OBJECT
public:
    explicit SchemaBrowser(QWidget* parent = nullptr);

    void setSnapshot(const SchemaSnapshot& snapshot);  // keeps expanded tables expanded
    SchemaModel* model() const { return model_; }
    QTreeView* view() const { return view_; }
    void activate(const QModelIndex& proxyIndex);  // what a double-click does

signals:
    void tableActivated(const QString& table);
    void columnActivated(const QString& table, const QString& column);
    void questionActivated(const QString& path);
    void dashboardActivated(const QString& path);

private:
    SchemaModel* model_;
    QSortFilterProxyModel* proxy_;
    QLineEdit* filter_;
    QTreeView* view_;
};

}  // namespace deskbase::widgets
