#include "widgets/dashboard/dashboard_canvas.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollArea>
#include <algorithm>
#include <cmath>

#include "widgets/dashboard/dashboard_card.h"

namespace deskbase::widgets {

DashboardCanvas::DashboardCanvas(QWidget* parent) : QWidget(parent) {
    QSizePolicy sp(QSizePolicy::Expanding, QSizePolicy::Preferred);
    sp.setHeightForWidth(true);
    setSizePolicy(sp);
    setFocusPolicy(Qt::StrongFocus);
    setObjectName(QStringLiteral("dashboardCanvas"));
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
    card->setSelected(card->cardId() == selected_);
    card->show();
    relayout();
}

void DashboardCanvas::removeCard(const std::string& id) {
    auto it = cards_.find(id);
    if (it == cards_.end()) return;
    if (dragging_ == it->second) dragging_ = nullptr;
    if (selected_ == id) select({});
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
    if (!on) select({});
    dropPreview_ = {};
    update();
}

void DashboardCanvas::select(const std::string& cardId) {
    const std::string id = cards_.count(cardId) ? cardId : std::string();
    if (id == selected_) return;
    if (DashboardCard* old = card(selected_)) old->setSelected(false);
    selected_ = id;
    if (DashboardCard* now = card(selected_)) now->setSelected(true);
    emit selectionChanged(selected_);
}

void DashboardCanvas::selectNext(bool forward) {
    if (!model_ || model_->cards.empty()) return;
    std::vector<const dashboard::Card*> order;
    for (const auto& c : model_->cards) order.push_back(&c);
    std::stable_sort(order.begin(), order.end(), [](const dashboard::Card* a, const dashboard::Card* b) {
        return std::pair(a->rect.y, a->rect.x) < std::pair(b->rect.y, b->rect.x);
    });
    int i = -1;
    for (int k = 0; k < int(order.size()); ++k)
        if (order[std::size_t(k)]->id == selected_) i = k;
    const int n = int(order.size());
    const int next = i < 0 ? (forward ? 0 : n - 1) : (i + (forward ? 1 : n - 1)) % n;
    select(order[std::size_t(next)]->id);
    if (DashboardCard* c = card(selected_))  // keep the selected card in view
        for (QWidget* w = parentWidget(); w; w = w->parentWidget())
            if (auto* area = qobject_cast<QScrollArea*>(w)) {
                area->ensureWidgetVisible(c);
                break;
            }
}

bool DashboardCanvas::focusNextPrevChild(bool next) {
    if (!editMode_) return QWidget::focusNextPrevChild(next);
    selectNext(next);  // Tab walks the cards while editing
    return true;
}

bool DashboardCanvas::ownsKey(const QKeyEvent* e) const {
    if (e->matches(QKeySequence::Undo) || e->matches(QKeySequence::Redo) || e->matches(QKeySequence::Save))
        return true;
    if (e->key() == Qt::Key_Z && e->modifiers() == (Qt::ControlModifier | Qt::ShiftModifier)) return true;
    if (e->key() == Qt::Key_Escape) return true;
    if (!editMode_) return false;
    switch (e->key()) {
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
        case Qt::Key_Left:
        case Qt::Key_Right:
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_F2:
            return !selected_.empty();
        default:
            return false;
    }
}

bool DashboardCanvas::event(QEvent* e) {
    // Window-wide shortcuts (Save, Undo, Esc) must not take keys the focused canvas handles.
    if (e->type() == QEvent::ShortcutOverride && ownsKey(static_cast<QKeyEvent*>(e))) {
        e->accept();
        return true;
    }
    return QWidget::event(e);
}

void DashboardCanvas::keyPressEvent(QKeyEvent* e) {
    const bool redo = e->matches(QKeySequence::Redo) ||
                      (e->key() == Qt::Key_Z && e->modifiers() == (Qt::ControlModifier | Qt::ShiftModifier));
    if (redo) {
        emit redoRequested();
    } else if (e->matches(QKeySequence::Undo)) {
        emit undoRequested();
    } else if (e->matches(QKeySequence::Save)) {
        emit saveRequested();
    } else if (e->key() == Qt::Key_Escape) {
        emit escapeRequested();
    } else if (!ownsKey(e)) {
        QWidget::keyPressEvent(e);
    } else if (e->key() == Qt::Key_Delete || e->key() == Qt::Key_Backspace) {
        emit cardRemoveRequested(selected_);
    } else if (e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter || e->key() == Qt::Key_F2) {
        emit cardEditRequested(selected_);
    } else {
        const bool resize = e->modifiers() & Qt::ShiftModifier;
        const int dx = e->key() == Qt::Key_Left ? -1 : e->key() == Qt::Key_Right ? 1 : 0;
        const int dy = e->key() == Qt::Key_Up ? -1 : e->key() == Qt::Key_Down ? 1 : 0;
        nudge(dx, dy, resize);
    }
}

void DashboardCanvas::nudge(int dx, int dy, bool resize) {
    const dashboard::Card* c = model_ ? model_->card(selected_) : nullptr;
    if (!c) return;
    dashboard::GridRect to = c->rect;
    if (resize) {
        to.w = std::clamp(to.w + dx, 1, model_->gridColumns - to.x);
        to.h = std::max(1, to.h + dy);
    } else {
        to.x = std::clamp(to.x + dx, 0, std::max(0, model_->gridColumns - to.w));
        to.y = std::max(0, to.y + dy);
    }
    if (!(to == c->rect)) emit cardGeometryEdited(selected_, c->rect, to);
}

void DashboardCanvas::mousePressEvent(QMouseEvent* e) {
    // A click on the empty grid clears the selection and takes the keys.
    setFocus(Qt::MouseFocusReason);
    if (editMode_) select({});
    QWidget::mousePressEvent(e);
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
    if (!dropPreview_.isEmpty()) {
        QColor shade = palette().color(QPalette::Highlight);
        shade.setAlphaF(0.18f);
        p.fillRect(dropPreview_, shade);
    }
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
            dropPreview_ = {};
            select(cardWidget->cardId());
            emit cardEditRequested(cardWidget->cardId());
            return true;
        case QEvent::ContextMenu: {
            select(cardWidget->cardId());
            emit cardMenuRequested(cardWidget->cardId(), static_cast<QContextMenuEvent*>(event)->globalPos());
            return true;
        }
        case QEvent::MouseButtonPress: {
            auto* me = static_cast<QMouseEvent*>(event);
            setFocus(Qt::MouseFocusReason);
            select(cardWidget->cardId());
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
            if (const dashboard::Card* model = model_->card(cardWidget->cardId())) {
                dropPreview_ = cellRect(snap(cardWidget->geometry(), model->rect, resizing_));
                update();
            }
            return true;
        }
        case QEvent::MouseButtonRelease: {
            if (dragging_ != cardWidget) return false;
            dragging_ = nullptr;
            dropPreview_ = {};
            update();
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
