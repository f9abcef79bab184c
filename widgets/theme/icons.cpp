#include "widgets/theme/icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <algorithm>

namespace deskbase::widgets {

namespace {
template <class Draw>
QIcon drawn(Draw draw) {
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        draw(p, double(size));
        p.end();
        icon.addPixmap(pm);
    }
    return icon;
}
}  // namespace

QIcon runIcon() {
    return drawn([](QPainter& p, double s) {
        QPainterPath path;
        path.moveTo(s * 0.25, s * 0.15);
        path.lineTo(s * 0.85, s * 0.5);
        path.lineTo(s * 0.25, s * 0.85);
        path.closeSubpath();
        p.setBrush(QColor(0x2e, 0x9d, 0x57));
        p.drawPath(path);
    });
}

QIcon stopIcon() {
    return drawn([](QPainter& p, double s) {
        p.setBrush(QColor(0xd6, 0x45, 0x45));
        p.drawRoundedRect(QRectF(s * 0.22, s * 0.22, s * 0.56, s * 0.56), s * 0.08, s * 0.08);
    });
}

QIcon exportIcon() {
    return drawn([](QPainter& p, double s) {
        const QColor blue(0x3a, 0x7b, 0xd5);
        QPainterPath arrow;
        arrow.moveTo(s * 0.42, s * 0.1);
        arrow.lineTo(s * 0.58, s * 0.1);
        arrow.lineTo(s * 0.58, s * 0.42);
        arrow.lineTo(s * 0.76, s * 0.42);
        arrow.lineTo(s * 0.5, s * 0.7);
        arrow.lineTo(s * 0.24, s * 0.42);
        arrow.lineTo(s * 0.42, s * 0.42);
        arrow.closeSubpath();
        p.setBrush(blue);
        p.drawPath(arrow);
        p.drawRoundedRect(QRectF(s * 0.14, s * 0.78, s * 0.72, s * 0.1), s * 0.03, s * 0.03);
    });
}

QIcon modelIcon() {
    return drawn([](QPainter& p, double s) {
        const QColor teal(0x1f, 0x9e, 0x9e);
        p.setPen(QPen(teal, std::max(1.0, s * 0.07)));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(QRectF(s * 0.08, s * 0.12, s * 0.38, s * 0.32), s * 0.05, s * 0.05);
        p.drawLine(QPointF(s * 0.27, s * 0.44), QPointF(s * 0.27, s * 0.72));
        p.drawLine(QPointF(s * 0.27, s * 0.72), QPointF(s * 0.52, s * 0.72));
        p.setBrush(teal);
        p.drawRoundedRect(QRectF(s * 0.52, s * 0.56, s * 0.4, s * 0.32), s * 0.05, s * 0.05);
    });
}

QIcon lineageIcon() {
    return drawn([](QPainter& p, double s) {
        const QColor blue(0x3a, 0x7b, 0xd5);
        p.setPen(QPen(blue, std::max(1.0, s * 0.07)));
        p.drawLine(QPointF(s * 0.2, s * 0.5), QPointF(s * 0.5, s * 0.25));
        p.drawLine(QPointF(s * 0.2, s * 0.5), QPointF(s * 0.5, s * 0.75));
        p.drawLine(QPointF(s * 0.5, s * 0.25), QPointF(s * 0.82, s * 0.5));
        p.drawLine(QPointF(s * 0.5, s * 0.75), QPointF(s * 0.82, s * 0.5));
        p.setPen(Qt::NoPen);
        p.setBrush(blue);
        for (const QPointF c :
             {QPointF(0.2, 0.5), QPointF(0.5, 0.25), QPointF(0.5, 0.75), QPointF(0.82, 0.5)})
            p.drawEllipse(QPointF(c.x() * s, c.y() * s), s * 0.11, s * 0.11);
    });
}

QIcon badgedIcon(const QIcon& base, const QColor& color) {
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        base.paint(&p, QRect(0, 0, size, size));
        const double r = size * 0.22;
        p.setPen(QPen(Qt::white, std::max(1.0, size * 0.06)));
        p.setBrush(color);
        p.drawEllipse(QPointF(size - r - 1, size - r - 1), r, r);
        p.end();
        icon.addPixmap(pm);
    }
    return icon;
}

}  // namespace deskbase::widgets
