#pragma once
// The lineage graph: sources -> models -> questions -> dashboards, one column per layer of
// core's layoutLineage() (core/models/lineage_layout.h), edges as curves left to right. A node's
// stripe and border show its last status (models: success, error, skipped; others by kind). A
// click opens the node (nodeActivated); hovering shows its file and status. Only draws.
#include <QString>
#include <QWidget>

#include "core/models/lineage.h"
#include "core/models/lineage_layout.h"

namespace deskbase::widgets {

class LineageView : public QWidget {
    Q_OBJECT
public:
    explicit LineageView(QWidget* parent = nullptr);

    void setLineage(Lineage lineage);
    const Lineage& lineage() const { return lineage_; }
    const LineageLayout& layout() const { return layout_; }

    QRect nodeRect(const QString& id) const;  // empty when there is no such node
    QString nodeAt(const QPoint& pos) const;  // the node id under `pos`, or empty
    QString selected() const { return selected_; }

    // The colour a node is drawn with: its status for models, else its kind.
    static QColor nodeColor(const LineageNode& node, bool dark);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

signals:
    void nodeActivated(const QString& kind, const QString& name, const QString& file);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;  // tooltips

private:
    int indexOf(const QString& id) const;
    QRect rectAt(int index) const;

    Lineage lineage_;
    LineageLayout layout_;
    QString selected_;
};

}  // namespace deskbase::widgets
