#pragma once
// Lays out dashboard cards on a grid (Dashboard::gridColumns wide, fixed row height) and, in
// edit mode, lets the user drag a card to move it or drag its bottom-right corner to resize
// it. Positions snap to the grid when the mouse is released; the edit is reported, not applied,
// so the owner can put it on its undo stack.
#include <QPoint>
#include <QRect>
#include <QWidget>
#include <map>
#include <string>

#include "core/dashboard/dashboard.h"

namespace deskbase::widgets {

class DashboardCard;

class DashboardCanvas : public QWidget {
    Q_OBJECT
public:
    static constexpr int kRowHeight = 34;
    static constexpr int kGap = 10;

    explicit DashboardCanvas(QWidget* parent = nullptr);

    // The model is owned by the caller and must outlive the canvas's use of it.
    void setDashboard(const dashboard::Dashboard* model);
    void addCard(DashboardCard* card);  // takes ownership (Qt parent)
    void removeCard(const std::string& id);
    DashboardCard* card(const std::string& id) const;
    const std::map<std::string, DashboardCard*>& cards() const { return cards_; }

    void setEditMode(bool on);
    bool editMode() const { return editMode_; }
    void relayout();  // after the model's geometry changed

    QRect cellRect(const dashboard::GridRect& r) const;  // pixel rectangle of a grid rectangle
    // The grid rectangle nearest to a pixel rectangle (snapping), kept inside the grid.
    dashboard::GridRect snap(const QRect& pixels, const dashboard::GridRect& original, bool resizing) const;
    int contentHeight() const;  // pixels needed to show every card

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int w) const override;

signals:
    void cardGeometryEdited(const std::string& cardId, const dashboard::GridRect& from,
                            const dashboard::GridRect& to);
    void cardRemoveRequested(const std::string& cardId);  // the overlay's remove button
    void cardEditRequested(const std::string& cardId);    // double-click in edit mode

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* e) override;
    void paintEvent(QPaintEvent* e) override;

private:
    double cellWidth() const;

    const dashboard::Dashboard* model_ = nullptr;
    std::map<std::string, DashboardCard*> cards_;
    bool editMode_ = false;
    // The drag in progress.
    DashboardCard* dragging_ = nullptr;
    bool resizing_ = false;
    QPoint pressPos_;
    QRect pressGeometry_;
};

}  // namespace deskbase::widgets
