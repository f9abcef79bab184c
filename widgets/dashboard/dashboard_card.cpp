#include "widgets/dashboard/dashboard_card.h"

#include <QContextMenuEvent>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "widgets/charts/chart_palette.h"
#include "widgets/charts/chart_view.h"

namespace deskbase::widgets {

namespace {
// Paints the edit affordances (dashed outline, or a solid one when selected; the resize corner;
// the remove button) and swallows nothing itself: the canvas filters its mouse events.
class EditOverlay : public QWidget {
public:
    using QWidget::QWidget;
    bool selected = false;

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QColor accent = palette().color(QPalette::Highlight);
        p.setPen(selected ? QPen(accent, 2.5) : QPen(accent, 1.5, Qt::DashLine));
        p.drawRect(QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5));
        p.setPen(Qt::NoPen);
        p.setBrush(accent);
        const QRect r = rect();
        const int g = DashboardCard::kGrip;
        QPolygon corner;
        corner << QPoint(r.right(), r.bottom() - g) << QPoint(r.right(), r.bottom())
               << QPoint(r.right() - g, r.bottom());
        p.drawPolygon(corner);
        // The remove button, top right.
        const QRect close = DashboardCard::removeButtonRect(r);
        p.setBrush(palette().color(QPalette::Window));
        p.setPen(QPen(accent, 1.2));
        p.drawEllipse(close.adjusted(1, 1, -1, -1));
        const QRect x = close.adjusted(5, 5, -5, -5);
        p.drawLine(x.topLeft(), x.bottomRight());
        p.drawLine(x.topRight(), x.bottomLeft());
    }
};

// Dims what is under it (the previous chart) with the window colour, half opaque.
class LoadingVeil : public QWidget {
public:
    using QWidget::QWidget;

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        QColor c = palette().color(QPalette::Window);
        c.setAlpha(190);
        p.fillRect(rect(), c);
    }
};
}  // namespace

DashboardCard::DashboardCard(const dashboard::Card& card, QWidget* parent) : QFrame(parent), id_(card.id) {
    setObjectName(QStringLiteral("dashboardCard"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 8);
    layout->setSpacing(2);
    titleLabel_ = new QLabel(this);
    QFont tf = titleLabel_->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.05);
    titleLabel_->setFont(tf);
    titleLabel_->setTextFormat(Qt::PlainText);
    layout->addWidget(titleLabel_);
    body_ = new QStackedWidget(this);
    statusLabel_ = new QLabel(this);
    statusLabel_->setAlignment(Qt::AlignCenter);
    statusLabel_->setWordWrap(true);
    statusLabel_->setTextFormat(Qt::PlainText);
    markdown_ = new QLabel(this);
    markdown_->setWordWrap(true);
    markdown_->setOpenExternalLinks(true);
    markdownEditor_ = new QPlainTextEdit(this);
    markdownEditor_->setObjectName(QStringLiteral("cardMarkdownEditor"));
    markdownEditor_->setPlaceholderText(
        tr("Markdown: # heading, **bold**, *italic*, - lists. Ctrl+Enter keeps it."));
    headingEditor_ = new QLineEdit(this);
    headingEditor_->setObjectName(QStringLiteral("cardHeadingEditor"));
    headingEditor_->setPlaceholderText(tr("Heading"));
    for (QWidget* editor : {static_cast<QWidget*>(markdownEditor_), static_cast<QWidget*>(headingEditor_)})
        editor->installEventFilter(this);
    chart_ = new ChartView(this);
    body_->addWidget(statusLabel_);
    body_->addWidget(markdown_);
    body_->addWidget(chart_);
    body_->addWidget(markdownEditor_);
    body_->addWidget(headingEditor_);
    layout->addWidget(body_, 1);
    veil_ = new LoadingVeil(this);
    veil_->setObjectName(QStringLiteral("cardLoadingVeil"));
    auto* veilLayout = new QVBoxLayout(veil_);
    veilLayout->addStretch(1);
    veilLabel_ = new QLabel(tr("Updating…"), veil_);
    veilLabel_->setAlignment(Qt::AlignCenter);
    veilLayout->addWidget(veilLabel_);
    auto* cancel = new QToolButton(veil_);
    cancel->setObjectName(QStringLiteral("cardCancelButton"));
    cancel->setText(tr("Cancel"));
    cancel->setToolTip(tr("Stop this card's run; its previous numbers are not shown again"));
    cancel_ = cancel;
    veilLayout->addWidget(cancel, 0, Qt::AlignHCenter);
    veilLayout->addStretch(1);
    veil_->hide();
    connect(cancel, &QToolButton::clicked, this, &DashboardCard::cancelRequested);
    overlay_ = new EditOverlay(this);
    overlay_->hide();
    connect(chart_, &ChartView::categoryClicked, this, &DashboardCard::categoryClicked);
    setCard(card);
    if (!text_) body_->setCurrentWidget(statusLabel_);
    applyColors();
}

void DashboardCard::setCard(const dashboard::Card& card) {
    heading_ = card.isText() && card.heading;
    text_ = card.isText();
    applyKind();
    if (text_) {
        titleLabel_->setVisible(!heading_ && !card.title.empty());
        setTitle(QString::fromStdString(card.title));
        setMarkdown(QString::fromStdString(card.text));
    } else if (!card.title.empty()) {
        setTitle(QString::fromStdString(card.title));
    }
}

void DashboardCard::applyKind() {
    setFrameShape(heading_ ? QFrame::NoFrame : QFrame::StyledPanel);
    QFont f = font();
    if (heading_) {
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 1.45);
    }
    markdown_->setFont(f);
    headingEditor_->setFont(f);
    markdown_->setTextFormat(heading_ ? Qt::PlainText : Qt::MarkdownText);
    markdown_->setAlignment(heading_ ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignTop);
    layout()->setContentsMargins(heading_ ? QMargins(4, 0, 4, 0) : QMargins(10, 6, 10, 8));
    update();
}

void DashboardCard::setTitle(const QString& title) {
    titleLabel_->setText(title);
}
QString DashboardCard::title() const {
    return titleLabel_->text();
}

void DashboardCard::setMarkdown(const QString& markdown) {
    markdownText_ = markdown;
    markdown_->setText(markdown);
    if (!isEditingText()) body_->setCurrentWidget(markdown_);
    state_ = State::Ready;
}

QString DashboardCard::shownText() const {
    return markdownText_;
}

void DashboardCard::showMessage(const QString& text, Message kind) {
    message_ = kind;
    statusLabel_->setText(text);
    applyColors();
    body_->setCurrentWidget(statusLabel_);
}

void DashboardCard::applyColors() {
    const ChartColors c = currentChartColors();
    QPalette pal = statusLabel_->palette();
    pal.setColor(QPalette::WindowText, message_ == Message::Error ? c.negative : c.mutedText);
    statusLabel_->setPalette(pal);
    update();
}

void DashboardCard::setLoading() {
    state_ = State::Loading;
    // A card showing a chart keeps it under the veil while its new run goes: visibly not current.
    const bool previous = body_->currentWidget() == chart_;
    if (!previous) showMessage(QString(), Message::Muted);
    veilLabel_->setText(previous ? tr("Updating…") : tr("Loading…"));
    titleLabel_->setEnabled(false);
    showVeil(true);
}

void DashboardCard::showVeil(bool on) {
    veil_->setGeometry(body_->geometry());
    veil_->setVisible(on);
    if (on) {
        veil_->raise();
        overlay_->raise();  // edit mode still selects and moves the card
    }
}

void DashboardCard::setCancelled() {
    state_ = State::Cancelled;
    titleLabel_->setEnabled(true);
    showVeil(false);
    showMessage(tr("Cancelled: not run with the current filters.\nRefresh the dashboard to run it."),
                Message::Muted);
}

void DashboardCard::setResult(std::shared_ptr<const chart::ChartData> data,
                              const dashboard::VisualizationSettings& s) {
    state_ = State::Ready;
    titleLabel_->setEnabled(true);
    showVeil(false);
    if (!data || data->rows.empty()) {
        showMessage(tr("No results"), Message::Muted);
        return;
    }
    chart_->setData(std::move(data), s);
    body_->setCurrentWidget(chart_);
}

void DashboardCard::setError(const QString& message) {
    state_ = State::Failed;
    titleLabel_->setEnabled(true);
    showVeil(false);
    showMessage(tr("This card could not run:\n%1").arg(message), Message::Error);
}

QString DashboardCard::errorText() const {
    return state_ == State::Failed ? statusLabel_->text() : QString();
}

void DashboardCard::setEditMode(bool on) {
    editMode_ = on;
    if (!on && isEditingText()) endTextEdit(true, false);
    overlay_->setVisible(on && !isEditingText());
    if (on) {
        overlay_->setGeometry(rect());
        overlay_->raise();
    }
}

void DashboardCard::setSelected(bool on) {
    selected_ = on;
    static_cast<EditOverlay*>(overlay_)->selected = on;
    overlay_->update();
}

void DashboardCard::beginTextEdit() {
    if (!text_ || isEditingText()) return;
    previousBody_ = body_->currentWidget();
    overlay_->hide();
    if (heading_) {
        headingEditor_->setText(markdownText_);
        body_->setCurrentWidget(headingEditor_);
        headingEditor_->selectAll();
    } else {
        markdownEditor_->setPlainText(markdownText_);
        body_->setCurrentWidget(markdownEditor_);
    }
    textEditor()->setFocus(Qt::OtherFocusReason);
}

bool DashboardCard::isEditingText() const {
    return body_->currentWidget() == markdownEditor_ || body_->currentWidget() == headingEditor_;
}

QWidget* DashboardCard::textEditor() const {
    return isEditingText() ? body_->currentWidget() : nullptr;
}

void DashboardCard::endTextEdit(bool keep, bool focusCanvas) {
    if (!isEditingText() || endingEdit_) return;
    // Switching the page away from the editor moves the focus, whose FocusOut comes back here.
    endingEdit_ = true;
    const QString edited = heading_ ? headingEditor_->text().trimmed() : markdownEditor_->toPlainText();
    body_->setCurrentWidget(previousBody_ ? previousBody_ : markdown_);
    overlay_->setVisible(editMode_);
    if (editMode_) overlay_->raise();
    // After Esc or Ctrl+Enter the canvas takes the keys again (Delete, arrows, Ctrl+Z).
    if (focusCanvas && parentWidget()) parentWidget()->setFocus(Qt::OtherFocusReason);
    endingEdit_ = false;
    if (keep && edited != markdownText_) emit textEdited(edited);
}

bool DashboardCard::eventFilter(QObject* watched, QEvent* event) {
    if (watched != markdownEditor_ && watched != headingEditor_) return QFrame::eventFilter(watched, event);
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        const bool commit = enter && (watched == headingEditor_ || (key->modifiers() & Qt::ControlModifier));
        if (key->key() == Qt::Key_Escape || commit) {
            // Own these keys: Esc must not leave edit mode, Ctrl+Enter must not run a query.
            if (event->type() == QEvent::ShortcutOverride) {
                event->accept();
                return true;
            }
            endTextEdit(commit, true);
            return true;
        }
    } else if (event->type() == QEvent::FocusOut && isEditingText()) {
        endTextEdit(true, false);
    }
    return QFrame::eventFilter(watched, event);
}

void DashboardCard::paintEvent(QPaintEvent* e) {
    if (!heading_) {
        // The card's own background in the theme's chart colour, drawn each time so a theme
        // switch shows at once.
        QPainter p(this);
        p.fillRect(rect(), currentChartColors().background);
    }
    QFrame::paintEvent(e);
}

void DashboardCard::changeEvent(QEvent* e) {
    QFrame::changeEvent(e);
    if (e->type() == QEvent::PaletteChange || e->type() == QEvent::StyleChange) applyColors();
}

void DashboardCard::contextMenuEvent(QContextMenuEvent* e) {
    // A right click on a chart zooms it out; elsewhere on the card it opens the card's menu.
    if (body_->currentWidget() == chart_ && chart_->rect().contains(chart_->mapFrom(this, e->pos()))) return;
    emit menuRequested(e->globalPos());
}

void DashboardCard::resizeEvent(QResizeEvent* e) {
    QFrame::resizeEvent(e);
    overlay_->setGeometry(rect());
    veil_->setGeometry(body_->geometry());
}

}  // namespace deskbase::widgets
