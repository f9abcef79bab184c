#include "widgets/common/wheel_guard.h"

#include <QAbstractScrollArea>
#include <QCoreApplication>
#include <QEvent>
#include <QWidget>

namespace deskbase::widgets {

bool WheelGuard::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Wheel)
        if (auto* w = qobject_cast<QWidget*>(watched); w && !w->hasFocus()) {
            for (QWidget* p = w->parentWidget(); p; p = p->parentWidget())
                if (auto* area = qobject_cast<QAbstractScrollArea*>(p)) {
                    QCoreApplication::sendEvent(area->viewport(), event);  // what it sits in scrolls
                    return true;
                }
            return true;  // nothing to scroll: the value still does not change
        }
    return QObject::eventFilter(watched, event);
}

}  // namespace deskbase::widgets
