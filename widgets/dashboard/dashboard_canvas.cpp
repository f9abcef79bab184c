#include "widgets/dashboard/dashboard_canvas.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "widgets/dashboard/dashboard_card.h"

namespace deskbase::widgets {

DashboardCanvas::DashboardCanvas(QWidget* parent) : QWidget(parent) {
    QSizePolicy sp(QSizePolicy::Expanding, QSizePolicy::Preferred);
    sp.setHeightForWidth(true);
    setSizePolicy(sp);
}

void DashboardCanvas::setDashboard(const dashboard::Dashboard* model) {
    model_ = model;
    relayout();
}

void DashboardCanvas::addCard(DashboardCard* card) {
    card->setParent(this);
    cards_[card->cardId()] = card;
    card->editOverlay()->installEventFilter(this);
    card->setEditMode(editMode_);
    card->show();
    relayout();
}

void DashboardCanvas::removeCard(const std::string& id) {
    auto it = cards_.find(id);
    if (it == cards_.end()) return;
    if (dragging_ == it->second) dragging_ = nullptr;
    it->second->deleteLater();
    it->second->hide();
    cards_.erase(it);
    relayout();
}

DashboardCard* DashboardCanvas::card(const std::string& id) const {
    auto it = cards_.find(id);
    return it == cards_.end() ? nullptr : it->second;
}

void DashboardCanvas::setEditMode(bool on) {
    editMode_ = on;
    for (auto& [id, c] : cards_) c->setEditMode(on);
    update();
}

double DashboardCanvas::cellWidth() const {
    const int columns = model_ ? model_->gridColumns : 24;
    return double(std::max(width(), 200) + kGap) / double(columns);
}

QRect DashboardCanvas::cellRect(const dashboard::GridRect& r) const {
    const double cw = cellWidth();
    const int x = int(std::lround(r.x * cw));
    const int right = int(std::lround((r.x + r.w) * cw)) - kGap;
    const int y = r.y * (kRowHeight + kGap);
    const int h = r.h * kRowHeight + (r.h - 1) * kGap;
    return QRect(x, y, std::max(right - x, 20), std::max(h, 20));
}

dashboard::GridRect DashboardCanvas::snap(const QRect& px, const dashboard::GridRect& original,
                                          bool resizing) const {
    const double cw = cellWidth();
    const double rh = kRowHeight + kGap;
    const int columns = model_ ? model_->gridColumns : 24;
    dashboard::GridRect r = original;
    if (resizing) {
        r.w = std::clamp(int(std::lround((px.width() + kGap) / cw)), 1, columns - r.x);
        r.h = std::max(1, int(std::lround((px.height() + kGap) / rh)));
    } else {
        r.x = std::clamp(int(std::lround(px.x() / cw)), 0, std::max(0, columns - r.w));
        r.y = std::max(0, int(std::lround(px.y() / rh)));
    }
    return r;
}

int DashboardCanvas::contentHeight() const {
    int rows = 0;
    if (model_)
        for (const auto& c : model_->cards) rows = std::max(rows, c.rect.y + c.rect.h);
    return rows * (kRowHeight + kGap);
}

QSize DashboardCanvas::sizeHint() const {
    return QSize(1200, std::max(contentHeight(), 100));
}
QSize DashboardCanvas::minimumSizeHint() const {
    return QSize(200, std::max(contentHeight(), 100));
}
int DashboardCanvas::heightForWidth(int) const {
    return std::max(contentHeight(), 100);
}

void DashboardCanvas::relayout() {
    if (!model_) return;
    for (const auto& c : model_->cards)
        if (auto* w = card(c.id); w && w != dragging_) w->setGeometry(cellRect(c.rect));
    setMinimumHeight(std::max(contentHeight(), 100));
    updateGeometry();
    update();
}

void DashboardCanvas::resizeEvent(QResizeEvent* e) {
    QWidget::resizeEvent(e);
    relayout();
}

void DashboardCanvas::paintEvent(QPaintEvent*) {
    if (!editMode_ || !model_) return;
    // Faint grid dots while editing, so the snapping is predictable.
    QPainter p(this);
    QColor dot = palette().color(QPalette::WindowText);
    dot.setAlphaF(0.18f);
    p.setPen(QPen(dot, 2));
    const double cw = cellWidth();
    const int rows = contentHeight() / (kRowHeight + kGap) + 4;
    for (int r = 0; r <= rows; ++r)
        for (int c = 0; c <= model_->gridColumns; ++c)
            p.drawPoint(QPointF(c * cw - kGap / 2.0, r * (kRowHeight + kGap) - kGap / 2.0));
}

bool DashboardCanvas::eventFilter(QObject* watched, QEvent* event) {
    if (!editMode_ || !model_) return QWidget::eventFilter(watched, event);
    auto* overlay = qobject_cast<QWidget*>(watched);
    auto* cardWidget = overlay ? qobject_cast<DashboardCard*>(overlay->parentWidget()) : nullptr;
    if (!cardWidget) return QWidget::eventFilter(watched, event);
    switch (event->type()) {
        case QEvent::MouseButtonDblClick:
            dragging_ = nullptr;
            emit cardEditRequested(cardWidget->cardId());
            return true;
        case QEvent::MouseButtonPress: {
            auto* me = static_cast<QMouseEvent*>(event);
            if (me->button() != Qt::LeftButton) return false;
            const QPoint local = me->position().toPoint();
            if (DashboardCard::removeButtonRect(cardWidget->rect()).contains(local)) {
                emit cardRemoveRequested(cardWidget->cardId());
                return true;
            }
            dragging_ = cardWidget;
            resizing_ = local.x() >= cardWidget->width() - DashboardCard::kGrip &&
                        local.y() >= cardWidget->height() - DashboardCard::kGrip;
            pressPos_ = mapFromGlobal(me->globalPosition().toPoint());
            pressGeometry_ = cardWidget->geometry();
            cardWidget->raise();
            return true;
        }
        case QEvent::MouseMove: {
            auto* me = static_cast<QMouseEvent*>(event);
            if (dragging_ != cardWidget) {
                const QPoint local = me->position().toPoint();
                const bool corner = local.x() >= cardWidget->width() - DashboardCard::kGrip &&
                                    local.y() >= cardWidget->height() - DashboardCard::kGrip;
                overlay->setCursor(corner ? Qt::SizeFDiagCursor : Qt::SizeAllCursor);
                return false;
            }
            const QPoint delta = mapFromGlobal(me->globalPosition().toPoint()) - pressPos_;
            if (resizing_)
                cardWidget->resize(std::max(60, pressGeometry_.width() + delta.x()),
                                   std::max(40, pressGeometry_.height() + delta.y()));
            else
                cardWidget->move(pressGeometry_.topLeft() + delta);
            return true;
        }
        case QEvent::MouseButtonRelease: {
            if (dragging_ != cardWidget) return false;
            dragging_ = nullptr;
            const dashboard::Card* model = model_->card(cardWidget->cardId());
            if (!model) return true;
            const dashboard::GridRect to = snap(cardWidget->geometry(), model->rect, resizing_);
            if (to == model->rect)
                relayout();  // snap back
            else
                emit cardGeometryEdited(cardWidget->cardId(), model->rect, to);
            return true;
        }
        default:
            break;
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace deskbase::widgets
