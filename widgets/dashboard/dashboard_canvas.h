#pragma once
// Lays out dashboard cards on a grid (Dashboard::gridColumns wide, fixed row height) and, in
// edit mode, lets the user select a card (click, Tab), drag it to move it or drag its
// bottom-right corner to resize it (a shaded place shows where it will land), nudge it with the
// arrow keys (Shift+arrows resize), remove it with Delete and edit a text card with Enter or a
// double-click. Edits are reported, not applied, so the owner can put them on its undo stack
// (and push the cards in the way, core/dashboard/grid_layout). While the canvas has the focus it
// owns Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y, Ctrl+S and Esc, reported as signals.
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

    void select(const std::string& cardId);  // empty: none
    const std::string& selected() const { return selected_; }

    QRect cellRect(const dashboard::GridRect& r) const;  // pixel rectangle of a grid rectangle
    // The grid rectangle nearest to a pixel rectangle (snapping), kept inside the grid.
    dashboard::GridRect snap(const QRect& pixels, const dashboard::GridRect& original, bool resizing) const;
    int contentHeight() const;                          // pixels needed to show every card
    QRect dropPreview() const { return dropPreview_; }  // where a dragged card would land (empty: none)

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int w) const override;

signals:
    void cardGeometryEdited(const std::string& cardId, const dashboard::GridRect& from,
                            const dashboard::GridRect& to);
    void cardRemoveRequested(const std::string& cardId);  // the overlay's remove button, Delete
    void cardEditRequested(const std::string& cardId);    // double-click or Enter in edit mode
    void cardMenuRequested(const std::string& cardId, const QPoint& globalPos);  // right click
    void selectionChanged(const std::string& cardId);
    void undoRequested();
    void redoRequested();
    void saveRequested();
    void escapeRequested();

protected:
    bool event(QEvent* e) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* e) override;
    void mousePressEvent(QMouseEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;
    void paintEvent(QPaintEvent* e) override;
    bool focusNextPrevChild(bool next) override;

private:
    double cellWidth() const;
    bool ownsKey(const QKeyEvent* e) const;
    void nudge(int dx, int dy, bool resize);
    void selectNext(bool forward);  // in reading order

    const dashboard::Dashboard* model_ = nullptr;
    std::map<std::string, DashboardCard*> cards_;
    bool editMode_ = false;
    std::string selected_;
    // The drag in progress.
    DashboardCard* dragging_ = nullptr;
    bool resizing_ = false;
    QPoint pressPos_;
    QRect pressGeometry_;
    QRect dropPreview_;
};

}  // namespace deskbase::widgets
