#include "widgets/dashboard/dashboard_view.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPointer>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <filesystem>
#include <mutex>

#include "core/dashboard/card_query.h"
#include "core/dashboard/chart_data.h"
#include "core/dashboard/visualization.h"
#include "core/exec/query_executor.h"
#include "core/cache/result_cache.h"
#include "widgets/charts/chart_palette.h"
#include "widgets/dashboard/dashboard_canvas.h"
#include "widgets/dashboard/dashboard_card.h"
#include "widgets/dashboard/filter_bar.h"
#include "widgets/common/background_task.h"

namespace deskbase::widgets {

DashboardView::DashboardView(QWidget* parent) : QWidget(parent), mailbox_(std::make_shared<GuiMailbox>(this)) {
    undo_ = new QUndoStack(this);
    refreshTimer_ = new QTimer(this);
    connect(refreshTimer_, &QTimer::timeout, this, [this] { refresh(true); });

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
    connect(undoButton, &QToolButton::clicked, undo_, &QUndoStack::undo);
    connect(undo_, &QUndoStack::canUndoChanged, undoButton, &QToolButton::setEnabled);
    undoButton->setEnabled(false);
    auto* redoButton = button(tr("Redo"), tr("Redo"));
    connect(redoButton, &QToolButton::clicked, undo_, &QUndoStack::redo);
    connect(undo_, &QUndoStack::canRedoChanged, redoButton, &QToolButton::setEnabled);
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
    header->addWidget(toolbar_, 0, Qt::AlignTop);
    layout->addLayout(header);

    filters_ = new FilterBar(this);
    connect(filters_, &FilterBar::filterChanged, this, &DashboardView::setFilterValue);
    layout->addWidget(filters_);

    scroll_ = new QScrollArea(this);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    canvas_ = new DashboardCanvas;
    scroll_->setWidget(canvas_);
    layout->addWidget(scroll_, 1);
    connect(canvas_, &DashboardCanvas::cardGeometryEdited, this,
            [this](const std::string& id, const dashboard::GridRect& from, const dashboard::GridRect& to) {
                undo_->push(new SetCardRectCommand(this, id, from, to, from.x == to.x && from.y == to.y));
            });
    connect(canvas_, &DashboardCanvas::cardRemoveRequested, this, &DashboardView::removeCard);
    connect(canvas_, &DashboardCanvas::cardEditRequested, this, [this](const std::string& id) {
        const dashboard::Card* c = model_.card(id);
        if (!c || !c->isText()) return;
        bool ok = false;
        const QString md = QInputDialog::getMultiLineText(this, tr("Text card"), tr("Markdown:"),
                                                          QString::fromStdString(c->text), &ok);
        if (ok) setCardText(id, md);
    });
    connect(undo_, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
    updateHeader();
}

DashboardView::~DashboardView() {
    // The undo stack, a child, is deleted by ~QWidget after this part of the object is gone and
    // may signal cleanChanged on its way: nothing of this view may answer then.
    disconnect(undo_, nullptr, this, nullptr);
    mailbox_->close();  // late results are dropped
    if (executor_)
        for (const auto& [id, gen] : generation_) executor_->cancelSlot(path_ + "#" + id);
    ownExecutor_.reset();  // joins its workers before the cache goes
    ownCache_.reset();
}

void DashboardView::setExecutor(QueryExecutor* executor) {
    executor_ = executor;
}
void DashboardView::setTargetOverride(const std::string& target) {
    targetOverride_ = target;
}

void DashboardView::ensureExecutor() {
    if (executor_) return;
    CacheOptions options;
    if (workspace_) {
        options.dir = workspace_->cacheDir();
        options.maxMemoryBytes = workspace_->settings().cacheMemoryBytes;
        options.maxDiskBytes = workspace_->settings().cacheDiskBytes;
    }
    ownCache_ = std::make_unique<ResultCache>(options);
    ExecutorOptions eo;
    eo.cache = ownCache_.get();
    ownExecutor_ = std::make_unique<QueryExecutor>(eo);
    executor_ = ownExecutor_.get();
}

Status DashboardView::open(const std::string& dashboardPath, const Workspace* workspace) {
    auto loaded = dashboard::loadDashboard(dashboardPath);
    if (!loaded) return loaded.status();
    if (workspace) {
        workspace_ = std::make_unique<Workspace>(*workspace);
    } else {
        auto ws = Workspace::open(dashboard::workspaceDirOf(dashboardPath));
        if (!ws) return ws.status();
        workspace_ = std::make_unique<Workspace>(std::move(*ws));
    }
    model_ = std::move(*loaded);
    path_ = dashboardPath;
    values_ = dashboard::defaultFilterValues(model_);
    undo_->clear();
    ensureExecutor();
    updateHeader();
    loadedOptions_.clear();
    showFilters();
    filters_->setVisible(!model_.filters.empty());
    loadFilterOptions();
    buildCards();
    populateQuestionMenu();
    setRefreshSeconds(model_.refreshSeconds);
    undo_->setClean();
    emit titleChanged(QString::fromStdString(model_.name));
    refresh();
    return Status::ok();
}

void DashboardView::showFilters() {
    std::vector<dashboard::Filter> shown = model_.filters;
    for (auto& f : shown)
        if (auto it = loadedOptions_.find(f.id); it != loadedOptions_.end()) f.options = it->second;
    filters_->setFilters(shown, values_);
}

void DashboardView::loadFilterOptions() {
    for (const auto& f : model_.filters) {
        if (f.type != dashboard::FilterType::List || f.optionsQuestion.empty()) continue;
        auto request = dashboard::listOptionsRequest(*workspace_, f, targetOverride_);
        if (!request) continue;  // the static options stay
        request->slotKey = path_ + "#filter:" + f.id;
        request->onFinished = [mailbox = mailbox_, view = this, id = f.id](const Result<QueryResult>& r) {
            if (!r.isOk() || r.value().columns.empty()) return;
            std::vector<std::string> options;
            for (const auto& row : r.value().rows)
                if (!row.empty() && !isNull(row[0])) options.push_back(valueToText(row[0]));
            mailbox->post([view, id, options] {
                view->loadedOptions_[id] = options;
                view->showFilters();
            });
        };
        executor_->submit(std::move(*request));
    }
}

void DashboardView::updateHeader() {
    title_->setText(model_.name.empty() ? tr("Dashboard") : QString::fromStdString(model_.name));
    description_->setText(QString::fromStdString(model_.description));
    description_->setVisible(!model_.description.empty());
    QPalette pal = description_->palette();
    pal.setColor(QPalette::WindowText, currentChartColors().mutedText);
    description_->setPalette(pal);
}

void DashboardView::populateQuestionMenu() {
    questionMenu_->clear();
    if (!workspace_) return;
    for (const auto& q : workspace_->questions()) {
        const std::string file = std::filesystem::path(q.file).filename().string();
        questionMenu_->addAction(QString::fromStdString(q.question.name), this,
                                 [this, file] { addQuestionCard(file); });
    }
}

DashboardCard* DashboardView::makeCard(const dashboard::Card& c) {
    auto* card = new DashboardCard(c);
    if (!c.isText() && c.title.empty() && workspace_)
        if (const auto* q = workspace_->findQuestion(c.question))
            card->setTitle(QString::fromStdString(q->question.name));
    connect(card, &DashboardCard::categoryClicked, this, &DashboardView::onCategoryClicked);
    return card;
}

void DashboardView::buildCards() {
    for (const auto& [id, w] : std::map<std::string, DashboardCard*>(canvas_->cards()))
        canvas_->removeCard(id);
    canvas_->setDashboard(&model_);
    for (const auto& c : model_.cards) canvas_->addCard(makeCard(c));
    canvas_->setEditMode(editMode_);
}

DashboardCard* DashboardView::card(const std::string& cardId) const {
    return canvas_->card(cardId);
}

bool DashboardView::isModified() const {
    return !undo_->isClean();
}

Status DashboardView::save() {
    if (path_.empty()) return Status::fail("the dashboard has no file yet");
    return saveAs(path_);
}

Status DashboardView::saveAs(const std::string& path) {
    if (auto s = dashboard::saveDashboard(model_, path); !s) return s;
    path_ = path;
    undo_->setClean();
    return Status::ok();
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

void DashboardView::setFilterValue(const std::string& filterId, const std::vector<std::string>& values) {
    if (!model_.filter(filterId)) return;
    auto it = values_.find(filterId);
    if (it != values_.end() && it->second == values) return;
    values_[filterId] = values;
    filters_->setValues(values_);
    runCards(dashboard::cardsWiredTo(model_, filterId));
}

void DashboardView::setFilterValues(const dashboard::FilterValues& values) {
    values_ = values;
    filters_->setValues(values_);
    refresh();
}

void DashboardView::refresh(bool bypassCache) {
    // Questions are files: pick up ones saved or changed since the dashboard opened.
    if (workspace_) workspace_->reload();
    std::vector<std::string> ids;
    for (const auto& c : model_.cards)
        if (!c.isText()) ids.push_back(c.id);
    runCards(ids, bypassCache);
}

void DashboardView::runCards(const std::vector<std::string>& cardIds, bool bypassCache) {
    if (!workspace_) return;
    ensureExecutor();
    for (const auto& id : cardIds) {
        const dashboard::Card* c = model_.card(id);
        DashboardCard* w = canvas_->card(id);
        if (!c || !w || c->isText()) continue;
        const std::uint64_t gen = ++generation_[id];
        auto prepared = dashboard::prepareCard(*workspace_, model_, values_, *c, targetOverride_);
        emit cardRunStarted(QString::fromStdString(id));
        if (!prepared) {
            pending_.erase(id);
            w->setError(QString::fromStdString(prepared.message()));
            emit cardFinished(QString::fromStdString(id), false);
            if (pending_.empty()) emit allCardsFinished();
            continue;
        }
        w->setTitle(QString::fromStdString(prepared->title));
        w->setLoading();
        pending_.insert(id);
        QueryRequest request = dashboard::cardRequest(*prepared, path_ + "#" + id, !bypassCache);
        request.onFinished = [mailbox = mailbox_, view = this, id, gen,
                              viz = prepared->visualization](const Result<QueryResult>& r) {
            // Worker thread: copy out what the GUI needs, then post it.
            std::shared_ptr<dashboard::ChartData> data;
            if (r.isOk()) data = std::make_shared<dashboard::ChartData>(dashboard::chartDataFrom(r.value()));
            mailbox->post([view, id, gen, ok = r.isOk(), error = r.isOk() ? std::string() : r.message(),
                           data, viz] { view->finishCard(id, gen, ok, error, data, viz); });
        };
        executor_->submit(std::move(request));
    }
}

void DashboardView::finishCard(const std::string& id, std::uint64_t generation, bool ok, std::string error,
                               std::shared_ptr<dashboard::ChartData> data, std::string visualization) {
    if (generation_[id] != generation) return;  // a newer run of this card is on its way
    pending_.erase(id);
    DashboardCard* w = canvas_->card(id);
    if (w) {
        if (!ok) {
            if (error != "superseded") w->setError(QString::fromStdString(error));
        } else {
            auto settings = dashboard::parseVisualization(visualization);
            if (!settings)
                w->setError(QString::fromStdString(settings.message()));
            else
                w->setResult(std::move(data), *settings);
        }
    }
    emit cardFinished(QString::fromStdString(id), ok);
    if (pending_.empty()) emit allCardsFinished();
}

bool DashboardView::waitUntilLoaded(int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (!pending_.empty() && timer.elapsed() < timeoutMs) {
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        connect(this, &DashboardView::allCardsFinished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    QCoreApplication::processEvents();
    return pending_.empty();
}

void DashboardView::onCategoryClicked(const QString& column, const QString& value) {
    if (editMode_) return;
    for (const auto& f : model_.filters) {
        if (f.column.empty() || f.column != column.toStdString()) continue;
        // Clicking the value that is already the filter clears it again.
        const std::vector<std::string> picked{value.toStdString()};
        auto it = values_.find(f.id);
        setFilterValue(f.id,
                       it != values_.end() && it->second == picked ? std::vector<std::string>{} : picked);
    }
}

void DashboardView::addQuestionCard(const std::string& questionFile) {
    dashboard::Card c;
    std::string stem = std::filesystem::path(questionFile).stem().string();
    c.id = model_.newCardId(stem.empty() ? "card" : stem);
    c.question = questionFile;
    int bottom = 0;
    for (const auto& x : model_.cards) bottom = std::max(bottom, x.rect.y + x.rect.h);
    c.rect = {0, bottom, std::min(12, model_.gridColumns), 8};
    undo_->push(new AddCardCommand(this, c, int(model_.cards.size())));
}

void DashboardView::addTextCard(const QString& markdown) {
    dashboard::Card c;
    c.id = model_.newCardId("text");
    c.text = markdown.toStdString();
    int bottom = 0;
    for (const auto& x : model_.cards) bottom = std::max(bottom, x.rect.y + x.rect.h);
    c.rect = {0, bottom, std::min(8, model_.gridColumns), 3};
    undo_->push(new AddCardCommand(this, c, int(model_.cards.size())));
}

void DashboardView::removeCard(const std::string& cardId) {
    for (int i = 0; i < int(model_.cards.size()); ++i)
        if (model_.cards[std::size_t(i)].id == cardId) {
            undo_->push(new RemoveCardCommand(this, model_.cards[std::size_t(i)], i));
            return;
        }
}

void DashboardView::applyCardRect(const std::string& cardId, const dashboard::GridRect& rect) {
    if (auto* c = model_.card(cardId)) c->rect = rect;
    canvas_->relayout();
}

void DashboardView::insertCardAt(const dashboard::Card& card, int index) {
    index = std::clamp(index, 0, int(model_.cards.size()));
    model_.cards.insert(model_.cards.begin() + index, card);
    canvas_->setDashboard(&model_);
    canvas_->addCard(makeCard(card));
    if (!card.isText()) runCards({card.id});
}

void DashboardView::removeCardNow(const std::string& cardId) {
    model_.cards.erase(std::remove_if(model_.cards.begin(), model_.cards.end(),
                                      [&](const dashboard::Card& c) { return c.id == cardId; }),
                       model_.cards.end());
    pending_.erase(cardId);
    canvas_->removeCard(cardId);
    // Filters keep their wiring to the removed card; prepareCard never sees it again.
}

void DashboardView::setCardText(const std::string& cardId, const QString& markdown) {
    const dashboard::Card* c = model_.card(cardId);
    if (!c || !c->isText() || c->text == markdown.toStdString()) return;
    undo_->push(new SetCardTextCommand(this, cardId, c->text, markdown.toStdString()));
}

void DashboardView::applyCardText(const std::string& cardId, const std::string& markdown) {
    if (auto* c = model_.card(cardId)) c->text = markdown;
    if (auto* w = canvas_->card(cardId)) w->setMarkdown(QString::fromStdString(markdown));
}

void DashboardView::setRefreshSeconds(int seconds) {
    seconds = std::max(0, seconds);
    if (seconds != model_.refreshSeconds) {
        model_.refreshSeconds = seconds;
        emit modifiedChanged(true);
    }
    const int i = refreshCombo_->findData(seconds);
    if (i >= 0) refreshCombo_->setCurrentIndex(i);
    if (seconds > 0)
        refreshTimer_->start(seconds * 1000);
    else
        refreshTimer_->stop();
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
