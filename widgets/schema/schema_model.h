#pragma once
// The sidebar's tree: "Tables" (each table with its row count; its columns and their types as
// children), "Questions" and "Dashboards". Two columns: name and detail.
#include <QAbstractItemModel>
#include <memory>
#include <vector>

#include "widgets/schema/schema_snapshot.h"

namespace deskbase::widgets {

class SchemaModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class Kind { Section, Table, Column, Question, Dashboard };
    enum Role { KindRole = Qt::UserRole + 1, NameRole, PathRole };

    explicit SchemaModel(QObject* parent = nullptr);
    ~SchemaModel() override;

    void setSnapshot(const SchemaSnapshot& snapshot);
    const SchemaSnapshot& snapshot() const { return snapshot_; }
    QModelIndex tableIndex(const QString& table) const;  // invalid when absent
    QModelIndex sectionIndex(Kind sectionOf) const;      // Table/Question/Dashboard sections

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
    void rebuild();

    SchemaSnapshot snapshot_;
    std::unique_ptr<Node> root_;
};

}  // namespace deskbase::widgets
