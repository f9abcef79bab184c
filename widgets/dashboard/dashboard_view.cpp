#include "widgets/dashboard/dashboard_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <filesystem>

#include "widgets/charts/chart_palette.h"
#include "widgets/dashboard/dashboard_canvas.h"
#include "widgets/dashboard/dashboard_card.h"
#include "widgets/dashboard/filter_bar.h"

namespace deskbase::widgets {

DashboardView::DashboardView(Runtime& runtime, QWidget* parent)
    : QWidget(parent), session_(new DashboardSession(runtime, this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);

    auto* header = new QHBoxLayout;
    auto* titles = new QVBoxLayout;
    title_ = new QLabel(this);
    QFont tf = title_->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.6);
    tf.setBold(true);
    title_->setFont(tf);
    description_ = new QLabel(this);
    description_->setWordWrap(true);
    titles->addWidget(title_);
    titles->addWidget(description_);
    header->addLayout(titles, 1);
    toolbar_ = new QWidget(this);
    buildToolbar();
    header->addWidget(toolbar_, 0, Qt::AlignTop);
    layout->addLayout(header);

    filters_ = new FilterBar(this);
    connect(filters_, &FilterBar::filterChanged, session_, &DashboardSession::setFilterValue);
    layout->addWidget(filters_);

    scroll_ = new QScrollArea(this);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    canvas_ = new DashboardCanvas;
    scroll_->setWidget(canvas_);
    layout->addWidget(scroll_, 1);
    connect(canvas_, &DashboardCanvas::cardGeometryEdited, session_, &DashboardSession::moveCard);
    connect(canvas_, &DashboardCanvas::cardRemoveRequested, session_, &DashboardSession::removeCard);
    connect(canvas_, &DashboardCanvas::cardEditRequested, this, [this](const std::string& id) {
        const dashboard::Card* c = dashboard().card(id);
        if (!c || !c->isText()) return;
        bool ok = false;
        const QString md = QInputDialog::getMultiLineText(this, tr("Text card"), tr("Markdown:"),
                                                          QString::fromStdString(c->text), &ok);
        if (ok) setCardText(id, md);
    });
    connectSession();
    updateHeader();
}

DashboardView::~DashboardView() {
    // The session goes first, while every widget it reports to still exists; it cancels its runs.
    disconnect(session_, nullptr, this, nullptr);
    delete session_;
}

void DashboardView::buildToolbar() {
    auto* tools = new QHBoxLayout(toolbar_);
    tools->setContentsMargins(0, 0, 0, 0);
    tools->setSpacing(4);
    auto button = [&](const QString& text, const QString& tip) {
        auto* b = new QToolButton(toolbar_);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        tools->addWidget(b);
        return b;
    };
    QUndoStack* undo = session_->undoStack();
    editButton_ = button(tr("Edit"), tr("Arrange cards: drag to move, drag the corner to resize"));
    editButton_->setCheckable(true);
    connect(editButton_, &QToolButton::toggled, this, &DashboardView::setEditMode);
    addQuestionButton_ = button(tr("Add question"), tr("Add a card showing a saved question"));
    questionMenu_ = new QMenu(addQuestionButton_);
    addQuestionButton_->setMenu(questionMenu_);
    addQuestionButton_->setPopupMode(QToolButton::InstantPopup);
    auto* addText = button(tr("Add text"), tr("Add a markdown text card"));
    connect(addText, &QToolButton::clicked, this, [this] {
        bool ok = false;
        const QString md =
            QInputDialog::getMultiLineText(this, tr("Text card"), tr("Markdown:"), QString(), &ok);
        if (ok && !md.trimmed().isEmpty()) addTextCard(md);
    });
    auto* undoButton = button(tr("Undo"), tr("Undo the last edit"));
    connect(undoButton, &QToolButton::clicked, undo, &QUndoStack::undo);
    connect(undo, &QUndoStack::canUndoChanged, undoButton, &QToolButton::setEnabled);
    undoButton->setEnabled(false);
    auto* redoButton = button(tr("Redo"), tr("Redo"));
    connect(redoButton, &QToolButton::clicked, undo, &QUndoStack::redo);
    connect(undo, &QUndoStack::canRedoChanged, redoButton, &QToolButton::setEnabled);
    redoButton->setEnabled(false);
    auto* saveButton = button(tr("Save"), tr("Save the dashboard file"));
    connect(saveButton, &QToolButton::clicked, this, [this] { save(); });
    for (auto* b : {addQuestionButton_, addText, undoButton, redoButton, saveButton}) b->setVisible(false);
    connect(this, &DashboardView::editModeChanged, this, [=, this](bool on) {
        for (auto* b : {addQuestionButton_, addText, undoButton, redoButton, saveButton}) b->setVisible(on);
    });
    auto* refreshButton = button(tr("Refresh"), tr("Run every card again (bypassing the cache)"));
    connect(refreshButton, &QToolButton::clicked, this, [this] { refresh(true); });
    refreshCombo_ = new QComboBox(toolbar_);
    refreshCombo_->setToolTip(tr("Auto-refresh"));
    const std::pair<QString, int> intervals[] = {{tr("Auto-refresh off"), 0},  {tr("Every 10 s"), 10},
                                                 {tr("Every 30 s"), 30},       {tr("Every minute"), 60},
                                                 {tr("Every 5 minutes"), 300}, {tr("Every 15 minutes"), 900},
                                                 {tr("Every hour"), 3600}};
    for (const auto& [label, seconds] : intervals) refreshCombo_->addItem(label, seconds);
    connect(refreshCombo_, &QComboBox::activated, this,
            [this](int i) { setRefreshSeconds(refreshCombo_->itemData(i).toInt()); });
    tools->addWidget(refreshCombo_);
    auto* fullscreen = button(tr("Fullscreen"), tr("Show the dashboard on the whole screen (Esc leaves)"));
    fullscreen->setCheckable(true);
    connect(fullscreen, &QToolButton::toggled, this, &DashboardView::setFullScreen);
    connect(this, &DashboardView::fullScreenChanged, fullscreen, [fullscreen](bool on) {
        const QSignalBlocker block(fullscreen);
        fullscreen->setChecked(on);
    });
}

void DashboardView::connectSession() {
    DashboardSession* s = session_;
    connect(s, &DashboardSession::opened, this, &DashboardView::rebuild);
    connect(s, &DashboardSession::filterOptionsLoaded, this, &DashboardView::showFilters);
    connect(s, &DashboardSession::filterValuesChanged, this, [this] { filters_->setValues(filterValues()); });
    connect(s, &DashboardSession::cardChanged, this, &DashboardView::showOutcome);
    connect(s, &DashboardSession::cardInserted, this, [this](const std::string& id) {
        canvas_->setDashboard(&dashboard());
        if (const dashboard::Card* c = dashboard().card(id)) canvas_->addCard(makeCard(*c));
        showOutcome(id);
    });
    connect(s, &DashboardSession::cardRemoved, canvas_, &DashboardCanvas::removeCard);
    connect(s, &DashboardSession::cardRectChanged, canvas_, [this] { canvas_->relayout(); });
    connect(s, &DashboardSession::cardTextChanged, this, [this](const std::string& id) {
        const dashboard::Card* c = dashboard().card(id);
        if (DashboardCard* w = card(id); w && c) w->setMarkdown(QString::fromStdString(c->text));
    });
    connect(s, &DashboardSession::refreshSecondsChanged, this, [this](int seconds) {
        if (const int i = refreshCombo_->findData(seconds); i >= 0) refreshCombo_->setCurrentIndex(i);
    });
    connect(s, &DashboardSession::cardRunStarted, this, &DashboardView::cardRunStarted);
    connect(s, &DashboardSession::cardFinished, this, &DashboardView::cardFinished);
    connect(s, &DashboardSession::allCardsFinished, this, &DashboardView::allCardsFinished);
    connect(s, &DashboardSession::modifiedChanged, this, &DashboardView::modifiedChanged);
    connect(s, &DashboardSession::titleChanged, this, &DashboardView::titleChanged);
}

void DashboardView::rebuild() {
    updateHeader();
    showFilters();
    filters_->setVisible(!dashboard().filters.empty());
    for (const auto& [id, w] : std::map<std::string, DashboardCard*>(canvas_->cards()))
        canvas_->removeCard(id);
    canvas_->setDashboard(&dashboard());
    for (const auto& c : dashboard().cards) canvas_->addCard(makeCard(c));
    canvas_->setEditMode(editMode_);
    populateQuestionMenu();
}

void DashboardView::showFilters() {
    filters_->setFilters(session_->shownFilters(), filterValues());
}

void DashboardView::updateHeader() {
    const dashboard::Dashboard& d = dashboard();
    title_->setText(d.name.empty() ? tr("Dashboard") : QString::fromStdString(d.name));
    description_->setText(QString::fromStdString(d.description));
    description_->setVisible(!d.description.empty());
    QPalette pal = description_->palette();
    pal.setColor(QPalette::WindowText, currentChartColors().mutedText);
    description_->setPalette(pal);
}

void DashboardView::populateQuestionMenu() {
    questionMenu_->clear();
    const Workspace* ws = session_->workspace();
    if (!ws) return;
    for (const auto& q : ws->questions()) {
        const std::string file = std::filesystem::path(q.file).filename().string();
        questionMenu_->addAction(QString::fromStdString(q.question.name), this,
                                 [this, file] { addQuestionCard(file); });
    }
}

DashboardCard* DashboardView::makeCard(const dashboard::Card& c) {
    auto* card = new DashboardCard(c);
    const Workspace* ws = session_->workspace();
    if (!c.isText() && c.title.empty() && ws)
        if (const auto* q = ws->findQuestion(c.question))
            card->setTitle(QString::fromStdString(q->question.name));
    connect(card, &DashboardCard::categoryClicked, this, [this](const QString& column, const QString& value) {
        if (!editMode_) session_->pickCategory(column.toStdString(), value.toStdString());
    });
    return card;
}

void DashboardView::showOutcome(const std::string& cardId) {
    DashboardCard* w = card(cardId);
    const CardOutcome* o = session_->outcome(cardId);
    if (!w || !o) return;
    if (!o->title.isEmpty()) w->setTitle(o->title);
    switch (o->state) {
        case CardOutcome::State::Idle:
            break;
        case CardOutcome::State::Loading:
            w->setLoading();
            break;
        case CardOutcome::State::Failed:
            w->setError(o->error);
            break;
        case CardOutcome::State::Ready:
            w->setResult(o->data, o->settings);
            break;
    }
}

DashboardCard* DashboardView::card(const std::string& cardId) const {
    return canvas_->card(cardId);
}

void DashboardView::setEditMode(bool on) {
    if (editMode_ == on) return;
    editMode_ = on;
    canvas_->setEditMode(on);
    {
        const QSignalBlocker block(editButton_);
        editButton_->setChecked(on);
    }
    editButton_->setText(on ? tr("Done") : tr("Edit"));
    emit editModeChanged(on);
}

void DashboardView::setFullScreen(bool on) {
    QWidget* w = window();
    if (w && w->isWindow()) {
        if (on)
            w->showFullScreen();
        else
            w->showNormal();
    }
    emit fullScreenChanged(on);
}

void DashboardView::setChromeVisible(bool on) {
    toolbar_->setVisible(on);
    scroll_->setVerticalScrollBarPolicy(on ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
    scroll_->setHorizontalScrollBarPolicy(on ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
}

int DashboardView::fullHeightForWidth(int width) {
    // Lay out once at this width, then everything above the canvas plus the canvas itself.
    resize(width, 800);
    layout()->activate();
    const int above = scroll_->geometry().top();
    return above + canvas_->contentHeight() + layout()->contentsMargins().bottom() + 4;
}

}  // namespace deskbase::widgets
