#pragma once
// One card on the dashboard canvas: a title bar and a chart, a markdown text, a heading, a
// loading message or an error. While a run goes, a veil over the previous content says
// "Updating…" and offers Cancel, so old numbers never look current. Its background and message colours follow
// the theme at once. In edit mode a transparent overlay on top takes the mouse so the canvas can select, move
// and resize the card; a text card's markdown and a heading's text are edited in place.
#include <QFrame>
#include <memory>

#include "core/chart/chart_data.h"
#include "core/dashboard/dashboard.h"
#include "core/dashboard/visualization.h"

QT_BEGIN_NAMESPACE
class QAbstractButton;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
QT_END_NAMESPACE

namespace deskbase::widgets {

class ChartView;

class DashboardCard : public QFrame {
    Q_OBJECT
public:
    enum class State { Idle, Loading, Ready, Failed, Cancelled };

    DashboardCard(const dashboard::Card& card, QWidget* parent = nullptr);

    const std::string& cardId() const { return id_; }
    bool isHeading() const { return heading_; }
    bool isText() const { return text_; }
    // The card's text, title or kind changed (a question card keeps its chart).
    void setCard(const dashboard::Card& card);
    void setTitle(const QString& title);
    QString title() const;
    void setMarkdown(const QString& markdown);  // or a heading's text
    QString shownText() const;                  // the text or heading as drawn
    void setLoading();
    void setResult(std::shared_ptr<const chart::ChartData> data, const dashboard::VisualizationSettings& s);
    void setError(const QString& message);
    // The run was cancelled: the previous numbers are not shown (they were for other filters).
    void setCancelled();
    State state() const { return state_; }
    // The veil over the card's content while it loads, and its Cancel button.
    QWidget* loadingVeil() const { return veil_; }
    QAbstractButton* cancelButton() const { return cancel_; }
    QString errorText() const;

    ChartView* chart() const { return chart_; }
    QWidget* editOverlay() const { return overlay_; }
    void setEditMode(bool on);
    void setSelected(bool on);
    bool isSelected() const { return selected_; }

    // Edits a text card's markdown (Ctrl+Enter or leaving the field keeps it) or a heading
    // (Enter keeps it) in place; Esc cancels. textEdited() reports a kept edit.
    void beginTextEdit();
    bool isEditingText() const;
    QWidget* textEditor() const;  // the field being edited, nullptr when not editing

    static constexpr int kGrip = 16;  // the resize corner, in pixels
    // Where the edit overlay draws the remove button (card coordinates).
    static QRect removeButtonRect(const QRect& card) {
        return QRect(card.right() - 22, card.top() + 4, 18, 18);
    }

signals:
    void categoryClicked(const QString& column, const QString& value);
    void textEdited(const QString& text);
    void menuRequested(const QPoint& globalPos);  // a right click on the title or a message
    void cancelRequested();                       // Cancel on the loading veil

protected:
    void resizeEvent(QResizeEvent* e) override;
    void paintEvent(QPaintEvent* e) override;
    void changeEvent(QEvent* e) override;
    void contextMenuEvent(QContextMenuEvent* e) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class Message { None, Muted, Error };
    void showMessage(const QString& text, Message kind);
    void applyColors();  // the theme's colours for the messages
    void applyKind();    // frame, fonts and title for a heading, text or question card
    void endTextEdit(bool keep, bool focusCanvas);
    void showVeil(bool on);

    std::string id_;
    bool heading_ = false;
    bool text_ = false;
    bool editMode_ = false;
    bool selected_ = false;
    bool endingEdit_ = false;
    State state_ = State::Idle;
    Message message_ = Message::None;
    QLabel* titleLabel_ = nullptr;
    QLabel* statusLabel_ = nullptr;  // loading / error message
    QLabel* markdown_ = nullptr;
    QString markdownText_;
    ChartView* chart_ = nullptr;
    QStackedWidget* body_ = nullptr;
    QWidget* overlay_ = nullptr;
    QWidget* veil_ = nullptr;
    QLabel* veilLabel_ = nullptr;
    QAbstractButton* cancel_ = nullptr;
    QPlainTextEdit* markdownEditor_ = nullptr;
    QLineEdit* headingEditor_ = nullptr;
    QWidget* previousBody_ = nullptr;  // shown again when the in-place edit ends
};

}  // namespace deskbase::widgets
