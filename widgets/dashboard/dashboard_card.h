#pragma once
// One card on the dashboard canvas: a title bar and a chart, a markdown text, a loading
// message or an error. In edit mode a transparent overlay on top takes the mouse so the
// canvas can move and resize the card.
#include <QFrame>
#include <memory>

#include "core/chart/chart_data.h"
#include "core/dashboard/dashboard.h"
#include "core/dashboard/visualization.h"

QT_BEGIN_NAMESPACE
class QLabel;
class QStackedWidget;
QT_END_NAMESPACE

namespace deskbase::widgets {

class ChartView;

class DashboardCard : public QFrame {
    Q_OBJECT
public:
    enum class State { Idle, Loading, Ready, Failed };

    DashboardCard(const dashboard::Card& card, QWidget* parent = nullptr);

    const std::string& cardId() const { return id_; }
    void setTitle(const QString& title);
    QString title() const;
    void setMarkdown(const QString& markdown);
    void setLoading();
    void setResult(std::shared_ptr<const chart::ChartData> data,
                   const dashboard::VisualizationSettings& s);
    void setError(const QString& message);
    State state() const { return state_; }
    QString errorText() const;

    ChartView* chart() const { return chart_; }
    QWidget* editOverlay() const { return overlay_; }
    void setEditMode(bool on);

    static constexpr int kGrip = 16;  // the resize corner, in pixels
    // Where the edit overlay draws the remove button (card coordinates).
    static QRect removeButtonRect(const QRect& card) {
        return QRect(card.right() - 22, card.top() + 4, 18, 18);
    }

signals:
    void categoryClicked(const QString& column, const QString& value);
    void removeRequested();

protected:
    void resizeEvent(QResizeEvent* e) override;

private:
    std::string id_;
    State state_ = State::Idle;
    QLabel* titleLabel_ = nullptr;
    QLabel* statusLabel_ = nullptr;  // loading / error message
    QLabel* markdown_ = nullptr;
    ChartView* chart_ = nullptr;
    QStackedWidget* body_ = nullptr;
    QWidget* overlay_ = nullptr;
};

}  // namespace deskbase::widgets
