#pragma once
// The sidebar's tree: "Tables" (each table with its row count; its columns and their types as
// children; a table whose last checks failed or warned carries a red or amber mark, the summary
// in its tooltip), "Questions", "Dashboards" and "Models" (each with its materialization and
// last build status), "Sources" and "Reports" (each with when it runs and its last run's status;
// a broken file with its one-line error). Two columns: name and detail.
#include <QAbstractItemModel>
#include <memory>
#include <vector>

#include "widgets/schema/schema_snapshot.h"

namespace deskbase::widgets {

class SchemaModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class Kind { Section, Table, Column, Question, Dashboard, Model, Source, Report };
    // StatusRole: a model's last build status; a table's worst last check status ("" for none).
    enum Role { KindRole = Qt::UserRole + 1, NameRole, PathRole, StatusRole };

    explicit SchemaModel(QObject* parent = nullptr);
    ~SchemaModel() override;

    void setSnapshot(const SchemaSnapshot& snapshot);
    const SchemaSnapshot& snapshot() const { return snapshot_; }
    QModelIndex tableIndex(const QString& table) const;    // invalid when absent
    QModelIndex modelIndex(const QString& model) const;    // invalid when absent
    QModelIndex sourceIndex(const QString& source) const;  // invalid when absent
    QModelIndex reportIndex(const QString& report) const;  // invalid when absent
    QModelIndex sectionIndex(Kind sectionOf) const;  // Table/Question/Dashboard/Model/Source/Report sections

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct Node;
    Node* nodeOf(const QModelIndex& index) const;
    QModelIndex childIndex(Kind sectionOf, const QString& name) const;
    void rebuild();

    SchemaSnapshot snapshot_;
    std::unique_ptr<Node> root_;
};

}  // namespace deskbase::widgets
