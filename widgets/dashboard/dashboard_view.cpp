#include "widgets/dashboard/dashboard_view.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include "widgets/charts/chart_palette.h"
#include "widgets/dashboard/dashboard_canvas.h"
#include "widgets/dashboard/dashboard_card.h"
#include "widgets/dashboard/dashboard_settings_dialog.h"
#include "widgets/dashboard/dashboard_toolbar.h"
#include "widgets/dashboard/filter_bar.h"
#include "widgets/dashboard/filter_panel.h"
#include "widgets/dashboard/question_picker.h"

namespace deskbase::widgets {

namespace {
DashboardView::Choice messageBoxPrompt(DashboardView* view, const QString& action) {
    return askSaveChoice(view, view->unsavedWorkName(), action, true);
}
}  // namespace

DashboardView::DashboardView(Runtime& runtime, QWidget* parent)
    : QWidget(parent), session_(new DashboardSession(runtime, this)), prompt_(messageBoxPrompt) {
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
    toolbar_ = new DashboardToolbar(session_->undoStack(), this);
    header->addWidget(toolbar_, 0, Qt::AlignTop);
    layout->addLayout(header);

    filters_ = new FilterBar(this);
    connect(filters_, &FilterBar::filterChanged, session_, &DashboardSession::setFilterValue);
    layout->addWidget(filters_);

    auto* body = new QHBoxLayout;
    scroll_ = new QScrollArea(this);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    canvas_ = new DashboardCanvas;
    scroll_->setWidget(canvas_);
    body->addWidget(scroll_, 1);
    filterPanel_ = new FilterPanel(session_, this);
    filterPanel_->setFixedWidth(360);
    filterPanel_->hide();
    body->addWidget(filterPanel_);
    layout->addLayout(body, 1);

    // Esc leaves fullscreen also when a filter field has the focus.
    auto* leaveFullScreen =
        new QShortcut(QKeySequence(Qt::Key_Escape), this, [this] { setFullScreen(false); });
    leaveFullScreen->setContext(Qt::WidgetWithChildrenShortcut);
    connect(this, &DashboardView::fullScreenChanged, leaveFullScreen, &QShortcut::setEnabled);
    leaveFullScreen->setEnabled(false);

    connectToolbar();
    connectCanvas();
    connectSession();
    updateHeader();
}

DashboardView::~DashboardView() {
    // The session goes first, while every widget it reports to still exists; it cancels its runs.
    disconnect(session_, nullptr, this, nullptr);
    delete filterPanel_;
    filterPanel_ = nullptr;
    delete session_;
}

void DashboardView::connectToolbar() {
    DashboardToolbar* t = toolbar_;
    connect(t->edit, &QAction::triggered, this, [this] { setEditMode(true); });
    connect(t->refresh, &QAction::triggered, this, [this] { refresh(true); });
    connect(t, &DashboardToolbar::liveRefreshChosen, session_, &DashboardSession::setLiveRefreshSeconds);
    connect(t->fullScreen, &QAction::triggered, this, &DashboardView::setFullScreen);
    connect(t->addQuestion, &QAction::triggered, this, &DashboardView::openQuestionPicker);
    connect(t->addText, &QAction::triggered, this, &DashboardView::addTextCardInPlace);
    connect(t->addHeading, &QAction::triggered, this, &DashboardView::addHeadingInPlace);
    connect(t->addFilterMenu, &QMenu::triggered, this, [this](QAction* a) {
        if (auto type = dashboard::parseFilterType(a->data().toString().toStdString())) addFilter(*type);
    });
    connect(t->filters, &QAction::toggled, this, &DashboardView::showFilterPanel);
    connect(t->settings, &QAction::triggered, this, &DashboardView::openSettings);
    connect(t->cancel, &QAction::triggered, this, &DashboardView::finishEditing);
    connect(t->save, &QAction::triggered, this, &DashboardView::saveAndFinish);
}

void DashboardView::connectCanvas() {
    DashboardCanvas* c = canvas_;
    connect(c, &DashboardCanvas::cardGeometryEdited, session_, &DashboardSession::moveCard);
    connect(c, &DashboardCanvas::cardRemoveRequested, session_, &DashboardSession::removeCard);
    connect(c, &DashboardCanvas::cardEditRequested, this, &DashboardView::editCard);
    connect(c, &DashboardCanvas::cardMenuRequested, this, &DashboardView::showCardMenu);
    connect(c, &DashboardCanvas::undoRequested, session_->undoStack(), &QUndoStack::undo);
    connect(c, &DashboardCanvas::redoRequested, session_->undoStack(), &QUndoStack::redo);
    connect(c, &DashboardCanvas::saveRequested, this, [this] { save(); });
    connect(c, &DashboardCanvas::escapeRequested, this, &DashboardView::escape);
}

void DashboardView::connectSession() {
    DashboardSession* s = session_;
    connect(s, &DashboardSession::opened, this, &DashboardView::rebuild);
    connect(s, &DashboardSession::filterOptionsLoaded, this, &DashboardView::showFilters);
    connect(s, &DashboardSession::filtersChanged, this, &DashboardView::showFilters);
    connect(s, &DashboardSession::filterValuesChanged, this, [this] { filters_->setValues(filterValues()); });
    connect(s, &DashboardSession::cardChanged, this, &DashboardView::showOutcome);
    connect(s, &DashboardSession::cardInserted, this, [this](const std::string& id) {
        canvas_->setDashboard(&dashboard());
        if (const dashboard::Card* c = dashboard().card(id)) canvas_->addCard(makeCard(*c));
        showOutcome(id);
        updateCardTitles();
    });
    connect(s, &DashboardSession::cardRemoved, this, [this](const std::string& id) {
        canvas_->removeCard(id);
        updateCardTitles();
    });
    connect(s, &DashboardSession::cardRectChanged, canvas_, [this] { canvas_->relayout(); });
    connect(s, &DashboardSession::cardReplaced, this, [this](const std::string& id) {
        const dashboard::Card* c = dashboard().card(id);
        DashboardCard* w = card(id);
        if (!c || !w) return;
        w->setCard(*c);
        if (!c->isText() && c->title.empty() && session_->workspace())
            if (const auto* q = session_->workspace()->findQuestion(c->question))
                w->setTitle(QString::fromStdString(q->question.name));
        updateCardTitles();
    });
    connect(s, &DashboardSession::settingsChanged, this, &DashboardView::updateHeader);
    connect(s, &DashboardSession::refreshSecondsChanged, toolbar_, &DashboardToolbar::setLiveRefresh);
    connect(s, &DashboardSession::cardRunStarted, this, &DashboardView::cardRunStarted);
    connect(s, &DashboardSession::cardFinished, this, &DashboardView::cardFinished);
    connect(s, &DashboardSession::allCardsFinished, this, &DashboardView::allCardsFinished);
    connect(s, &DashboardSession::modifiedChanged, this, [this](bool modified) {
        setWindowModified(modified);
        emit modifiedChanged(modified);
    });
    connect(s, &DashboardSession::titleChanged, this, [this](const QString& title) {
        setWindowTitle(title.isEmpty() ? tr("Dashboard") : title);
        emit titleChanged(title);
    });
}

void DashboardView::rebuild() {
    updateHeader();
    showFilters();
    for (const auto& [id, w] : std::map<std::string, DashboardCard*>(canvas_->cards()))
        canvas_->removeCard(id);
    canvas_->setDashboard(&dashboard());
    for (const auto& c : dashboard().cards) canvas_->addCard(makeCard(c));
    canvas_->setEditMode(editMode_);
    setWindowTitle(dashboard().name.empty() ? tr("Dashboard") : QString::fromStdString(dashboard().name));
    setWindowModified(false);
    updateCardTitles();
}

void DashboardView::showFilters() {
    filters_->setFilters(session_->shownFilters(), filterValues());
    filters_->setVisible(!dashboard().filters.empty());
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

void DashboardView::updateCardTitles() {
    std::map<std::string, QString> titles;
    for (const auto& [id, w] : canvas_->cards()) titles[id] = w->title();
    filterPanel_->setCardTitles(titles);
}

void DashboardView::setTables(const std::vector<TableInfo>& tables) {
    filterPanel_->setTables(tables);
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
    connect(card, &DashboardCard::textEdited, this,
            [this, id = c.id](const QString& text) { session_->setCardText(id, text); });
    connect(card, &DashboardCard::menuRequested, this,
            [this, id = c.id](const QPoint& pos) { showCardMenu(id, pos); });
    connect(card, &DashboardCard::cancelRequested, this, [this, id = c.id] { session_->cancelCard(id); });
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
        case CardOutcome::State::Cancelled:
            w->setCancelled();
            break;
    }
}

DashboardCard* DashboardView::card(const std::string& cardId) const {
    return canvas_->card(cardId);
}

Status DashboardView::save() {
    const Status s = session_->save();
    if (!s)
        QMessageBox::warning(this, tr("Cannot save the dashboard"), QString::fromStdString(s.message()));
    else
        emit saved(QString::fromStdString(path()));
    return s;
}

void DashboardView::setEditMode(bool on) {
    if (editMode_ == on) return;
    if (on && fullScreen_) setFullScreen(false);
    editMode_ = on;
    canvas_->setEditMode(on);
    toolbar_->setEditMode(on);
    if (!on) {
        const QSignalBlocker block(toolbar_->filters);
        toolbar_->filters->setChecked(false);
        filterPanel_->hide();
    }
    if (on) canvas_->setFocus(Qt::OtherFocusReason);  // Ctrl+Z, Delete, arrows work at once
    emit editModeChanged(on);
}

bool DashboardView::canUndo() const {
    return editMode_ && undoStack()->canUndo();
}

bool DashboardView::canRedo() const {
    return editMode_ && undoStack()->canRedo();
}

void DashboardView::undo() {
    if (canUndo()) undoStack()->undo();
}

void DashboardView::redo() {
    if (canRedo()) undoStack()->redo();
}

QString DashboardView::unsavedWorkName() const {
    return tr("the dashboard “%1”").arg(QString::fromStdString(dashboard().name));
}

DashboardView::Choice DashboardView::askToSave(const QString& action) {
    return prompt_ ? prompt_(this, action) : Choice::Cancel;
}

bool DashboardView::settleUnsavedEdits(const QString& action) {
    if (!isModified()) return true;
    switch (askToSave(action)) {
        case Choice::Save:
            return save().isOk();
        case Choice::Discard:
            session_->revertToSaved();
            return true;
        case Choice::Cancel:
            break;
    }
    return false;
}

bool DashboardView::finishEditing() {
    if (!settleUnsavedEdits(tr("leaving edit mode"))) return false;
    setEditMode(false);
    return true;
}

bool DashboardView::saveAndFinish() {
    if (!save()) return false;
    setEditMode(false);
    return true;
}

void DashboardView::escape() {
    if (fullScreen_)
        setFullScreen(false);
    else if (editMode_)
        finishEditing();
}

QuestionPicker* DashboardView::openQuestionPicker() {
    session_->reloadQuestions();
    if (!session_->workspace()) return nullptr;
    auto* picker = new QuestionPicker(*session_->workspace(), this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QDialog::accepted, this, [this, picker] {
        std::string last;
        for (const auto& file : picker->selectedFiles()) last = session_->addQuestionCard(file);
        revealCard(last);
        canvas_->setFocus(Qt::OtherFocusReason);
    });
    picker->open();
    return picker;
}

void DashboardView::revealCard(const std::string& id) {
    canvas_->select(id);
    // A card lands in the first free place, which may be below the view: scroll to it once the
    // canvas has laid it out.
    QTimer::singleShot(0, this, [this, id] {
        if (DashboardCard* c = card(id)) scroll_->ensureWidgetVisible(c, 0, 24);
    });
}

std::string DashboardView::addTextCardInPlace() {
    const std::string id = session_->addTextCard(tr("## Notes\n\nWrite *markdown* here."));
    revealCard(id);
    if (DashboardCard* c = card(id)) c->beginTextEdit();
    return id;
}

std::string DashboardView::addHeadingInPlace() {
    const std::string id = session_->addHeadingCard(tr("Heading"));
    revealCard(id);
    if (DashboardCard* c = card(id)) c->beginTextEdit();
    return id;
}

std::string DashboardView::addFilter(dashboard::FilterType type) {
    showFilterPanel(true);
    return filterPanel_->addFilter(type);
}

void DashboardView::showFilterPanel(bool on) {
    if (on && !editMode_) setEditMode(true);
    filterPanel_->setVisible(on);
    const QSignalBlocker block(toolbar_->filters);
    toolbar_->filters->setChecked(on);
}

DashboardSettingsDialog* DashboardView::openSettings() {
    auto* dialog = new DashboardSettingsDialog(dashboard::settingsOf(dashboard()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { session_->setSettings(dialog->settings()); });
    dialog->open();
    return dialog;
}

void DashboardView::editCard(const std::string& cardId) {
    const dashboard::Card* c = dashboard().card(cardId);
    if (!c || !editMode_) return;
    if (c->isText()) {
        if (DashboardCard* w = card(cardId)) w->beginTextEdit();
        return;
    }
    bool ok = false;
    const QString title =
        QInputDialog::getText(this, tr("Card title"), tr("Title (empty: the question's name):"),
                              QLineEdit::Normal, card(cardId)->title(), &ok);
    if (ok) session_->setCardTitle(cardId, title);
}

void DashboardView::showCardMenu(const std::string& cardId, const QPoint& globalPos) {
    const dashboard::Card* c = dashboard().card(cardId);
    if (!c) return;
    QMenu menu(this);
    if (!c->isText()) {
        menu.addAction(tr("Open question"), this, [this, file = c->question] {
            if (const Workspace* ws = session_->workspace())
                if (const auto* q = ws->findQuestion(file))
                    emit openQuestionRequested(QString::fromStdString(ws->path(q->file)));
        });
        menu.addAction(tr("Refresh this card"), this, [this, cardId] { session_->runCards({cardId}, true); });
    }
    if (editMode_) {
        menu.addSeparator();
        menu.addAction(c->isText() ? tr("Edit text") : tr("Rename…"), this,
                       [this, cardId] { editCard(cardId); });
        menu.addAction(tr("Remove"), this, [this, cardId] { session_->removeCard(cardId); });
    } else {
        menu.addAction(tr("Edit dashboard"), this, [this] { setEditMode(true); });
    }
    menu.exec(globalPos);
}

void DashboardView::setFullScreen(bool on) {
    if (fullScreen_ == on) return;
    if (on && editMode_ && !finishEditing()) return;
    fullScreen_ = on;
    toolbar_->setVisible(!on);
    QWidget* w = window();
    if (w && w->isWindow()) {
        if (on) {
            wasMaximized_ = w->isMaximized();
            w->showFullScreen();
        } else if (wasMaximized_) {
            w->showMaximized();
        } else {
            w->showNormal();
        }
    }
    {
        const QSignalBlocker block(toolbar_->fullScreen);
        toolbar_->fullScreen->setChecked(on);
    }
    if (on) {
        canvas_->setFocus(Qt::OtherFocusReason);  // Esc leaves
        // A wall display starts at the top: the first row's titles are never cut off.
        scroll_->verticalScrollBar()->setValue(0);
        scroll_->horizontalScrollBar()->setValue(0);
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

void DashboardView::changeEvent(QEvent* e) {
    QWidget::changeEvent(e);
    if (e->type() == QEvent::PaletteChange) {
        updateHeader();  // the muted description and the filter notes follow the theme
        showFilters();
    }
}

}  // namespace deskbase::widgets
