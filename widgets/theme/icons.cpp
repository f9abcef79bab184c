#include "widgets/theme/icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

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

}  // namespace deskbase::widgets
