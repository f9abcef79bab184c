#pragma once
// A combo or spin box inside a scrolling list or panel takes the wheel only once clicked (it has
// the focus); a wheel over it otherwise scrolls what it sits in, as over the rest of it. Install
// one guard as an event filter on each such box (with Qt::StrongFocus, not Qt::WheelFocus).
#include <QObject>

namespace deskbase::widgets {

class WheelGuard : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject* watched, QEvent* event) override;
};

}  // namespace deskbase::widgets
