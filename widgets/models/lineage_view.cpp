#include "widgets/models/lineage_view.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include "widgets/theme/theme.h"

namespace deskbase::widgets {

namespace {

constexpr int kMargin = 24;
constexpr int kNodeWidth = 190;
constexpr int kNodeHeight = 46;
constexpr int kColumnGap = 70;
constexpr int kRowGap = 14;
constexpr int kStripe = 6;

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// The second line of a node: what it is and how it last went.
QString detailOf(const LineageNode& n) {
    QString kind = qs(n.kind);
    if (n.kind == "model" && !n.materialized.empty()) kind += QStringLiteral(" · ") + qs(n.materialized);
    if (!n.status.empty()) kind += QStringLiteral(" · ") + qs(n.status);
    return kind;
}

}  // namespace

LineageView::LineageView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
}

void LineageView::setLineage(Lineage lineage) {
    lineage_ = std::move(lineage);
    layout_ = layoutLineage(lineage_);
    if (indexOf(selected_) < 0) selected_.clear();
    updateGeometry();
    resize(sizeHint());
    update();
}

QColor LineageView::nodeColor(const LineageNode& node, bool dark) {
    if (node.kind == "model") {
        if (node.status == "success") return dark ? QColor(0x4c, 0xc3, 0x6b) : QColor(0x2e, 0x8b, 0x3e);
        if (node.status == "error") return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
        if (node.status == "skipped") return dark ? QColor(0xe0, 0xb0, 0x40) : QColor(0xb0, 0x7a, 0x00);
        return dark ? QColor(0x9a, 0x9a, 0xa6) : QColor(0x80, 0x80, 0x8c);  // never built
    }
    if (node.kind == "source") return dark ? QColor(0x6c, 0xa8, 0xff) : QColor(0x1f, 0x5f, 0xbf);
    if (node.kind == "question") return dark ? QColor(0xc3, 0x8d, 0xff) : QColor(0x7b, 0x3f, 0xc4);
    return dark ? QColor(0x4d, 0xd0, 0xd0) : QColor(0x00, 0x80, 0x80);  // dashboards
}

int LineageView::indexOf(const QString& id) const {
    if (id.isEmpty()) return -1;
    const std::string key = id.toStdString();
    for (std::size_t i = 0; i < lineage_.nodes.size(); ++i)
        if (lineage_.nodes[i].id == key) return int(i);
    return -1;
}

QRect LineageView::rectAt(int i) const {
    const LineagePlace& p = layout_.places[std::size_t(i)];
    return {kMargin + p.layer * (kNodeWidth + kColumnGap), kMargin + p.row * (kNodeHeight + kRowGap),
            kNodeWidth, kNodeHeight};
}

QRect LineageView::nodeRect(const QString& id) const {
    const int i = indexOf(id);
    return i < 0 ? QRect() : rectAt(i);
}

QString LineageView::nodeAt(const QPoint& pos) const {
    for (std::size_t i = 0; i < lineage_.nodes.size(); ++i)
        if (rectAt(int(i)).contains(pos)) return qs(lineage_.nodes[i].id);
    return {};
}

QSize LineageView::sizeHint() const {
    if (layout_.layers == 0) return {2 * kMargin + kNodeWidth, 2 * kMargin + kNodeHeight};
    return {2 * kMargin + layout_.layers * kNodeWidth + (layout_.layers - 1) * kColumnGap,
            2 * kMargin + layout_.rows * kNodeHeight + (layout_.rows - 1) * kRowGap};
}

void LineageView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    const bool dark = isDarkTheme();
    p.fillRect(rect(), pal.color(QPalette::Base));
    if (lineage_.nodes.empty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No sources, models, questions or dashboards yet."));
        return;
    }

    // Edges under the nodes: from the right side of one box to the left side of the next.
    QColor edge = pal.color(QPalette::Text);
    edge.setAlpha(110);
    p.setPen(QPen(edge, 1.4));
    for (const auto& e : lineage_.edges) {
        const int f = indexOf(qs(e.from)), t = indexOf(qs(e.to));
        if (f < 0 || t < 0) continue;
        const QRectF a = rectAt(f), b = rectAt(t);
        const QPointF start(a.right(), a.center().y()), end(b.left() - 1, b.center().y());
        const qreal bend = std::max<qreal>(30, (end.x() - start.x()) / 2);
        QPainterPath path(start);
        path.cubicTo(start + QPointF(bend, 0), end - QPointF(bend, 0), end);
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        QPolygonF head;
        head << end << end + QPointF(-7, -4) << end + QPointF(-7, 4);
        p.setBrush(edge);
        p.drawPolygon(head);
    }

    QFont nameFont = font();
    nameFont.setBold(true);
    QFont detailFont = font();
    detailFont.setPointSizeF(std::max(7.0, font().pointSizeF() * 0.85));
    for (std::size_t i = 0; i < lineage_.nodes.size(); ++i) {
        const LineageNode& n = lineage_.nodes[i];
        const QRect r = rectAt(int(i));
        const QColor c = nodeColor(n, dark);
        const bool isSelected = selected_ == qs(n.id);
        p.setPen(QPen(c, isSelected ? 2.5 : 1.2));
        p.setBrush(pal.color(QPalette::Window));
        p.drawRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5);
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawRoundedRect(QRectF(r.left() + 1, r.top() + 1, kStripe, r.height() - 2), 3, 3);
        const QRect text = r.adjusted(kStripe + 8, 4, -6, -4);
        p.setPen(pal.color(QPalette::WindowText));
        p.setFont(nameFont);
        const QFontMetrics nm(nameFont);
        p.drawText(QRect(text.left(), text.top(), text.width(), text.height() / 2),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   nm.elidedText(qs(n.name), Qt::ElideMiddle, text.width()));
        p.setFont(detailFont);
        p.setPen(pal.color(QPalette::PlaceholderText));
        const QFontMetrics dm(detailFont);
        p.drawText(QRect(text.left(), text.center().y(), text.width(), text.height() / 2),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   dm.elidedText(detailOf(n), Qt::ElideRight, text.width()));
    }
}

void LineageView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
    const QString id = nodeAt(event->position().toPoint());
    selected_ = id;
    update();
    const int i = indexOf(id);
    if (i < 0) return;
    const LineageNode& n = lineage_.nodes[std::size_t(i)];
    emit nodeActivated(qs(n.kind), qs(n.name), qs(n.file));
}

bool LineageView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int i = indexOf(nodeAt(help->pos()));
        if (i < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const LineageNode& n = lineage_.nodes[std::size_t(i)];
        QString tip = qs(n.name) + QStringLiteral("\n") + detailOf(n);
        if (!n.file.empty()) tip += QStringLiteral("\n") + qs(n.file);
        QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QWidget::event(event);
}

}  // namespace deskbase::widgets
