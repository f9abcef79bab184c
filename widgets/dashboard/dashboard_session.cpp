#include "widgets/dashboard/dashboard_session.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QUndoStack>
#include <algorithm>
#include <atomic>

#include "core/chart/chart_pick.h"
#include "core/dashboard/card_query.h"
#include "core/dashboard/grid_layout.h"
#include "core/runtime/runtime.h"

namespace deskbase::widgets {

namespace {
std::uint64_t nextSessionId() {
    static std::atomic<std::uint64_t> next{1};
    return next++;
}
}  // namespace

DashboardSession::DashboardSession(Runtime& runtime, QObject* parent)
    : QObject(parent), runtime_(runtime), sessionId_(nextSessionId()) {
    undo_ = new QUndoStack(this);
    refreshTimer_ = new QTimer(this);
    connect(refreshTimer_, &QTimer::timeout, this, &DashboardSession::autoRefresh);
    connect(undo_, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
}

DashboardSession::~DashboardSession() {
    // The undo stack, a child, is deleted by ~QObject after this part of the object is gone and
    // may signal cleanChanged on its way: nothing of this session may answer then.
    disconnect(undo_, nullptr, this, nullptr);
    mailbox_.close();  // late results are dropped
    cancelRuns();
}

std::string DashboardSession::slotKey(const std::string& part) const {
    return "dashboard" + std::to_string(sessionId_) + ":" + path_ + "#" + part;
}

void DashboardSession::track(const QueryHandle& handle) {
    runs_.erase(std::remove_if(runs_.begin(), runs_.end(), [](const QueryHandle& h) { return h.isDone(); }),
                runs_.end());
    runs_.push_back(handle);
}

void DashboardSession::cancelRuns() {
    for (QueryHandle& h : runs_) h.cancel();
    runs_.clear();
}

Status DashboardSession::open(const std::string& dashboardPath, const Workspace* workspace) {
    auto loaded = dashboard::loadDashboard(dashboardPath);
    if (!loaded) return loaded.status();
    if (workspace) {
        workspace_ = std::make_unique<Workspace>(*workspace);
    } else {
        auto ws = Workspace::open(dashboard::workspaceDirOf(dashboardPath));
        if (!ws) return ws.status();
        workspace_ = std::make_unique<Workspace>(std::move(*ws));
    }
    cancelRuns();
    model_ = std::move(*loaded);
    path_ = dashboardPath;
    values_ = dashboard::defaultFilterValues(model_);
    undo_->clear();
    autoSized_.clear();
    loadedOptions_.clear();
    outcomes_.clear();
    pending_.clear();
    emit opened();
    std::vector<std::string> filterIds;
    for (const auto& f : model_.filters) filterIds.push_back(f.id);
    loadFilterOptions(filterIds);
    setLiveRefreshSeconds(model_.refreshSeconds);
    undo_->setClean();
    emit titleChanged(QString::fromStdString(model_.name));
    refresh();
    return Status::ok();
}

std::vector<dashboard::Filter> DashboardSession::shownFilters() const {
    std::vector<dashboard::Filter> shown = model_.filters;
    for (auto& f : shown)
        if (auto it = loadedOptions_.find(f.id); it != loadedOptions_.end()) f.options = it->second;
    return shown;
}

void DashboardSession::loadFilterOptions(const std::vector<std::string>& filterIds) {
    for (const auto& f : model_.filters) {
        if (std::find(filterIds.begin(), filterIds.end(), f.id) == filterIds.end()) continue;
        if (f.type != dashboard::FilterType::List || f.optionsQuestion.empty()) continue;
        auto request = dashboard::listOptionsRequest(*workspace_, f, targetOverride_);
        if (!request) continue;  // the static options stay
        request->slotKey = slotKey("filter:" + f.id);
        request->onFinished = [mailbox = mailbox_.address(), self = this,
                               id = f.id](const Result<QueryResult>& r) {
            if (!r.isOk() || r.value().columns.empty()) return;
            std::vector<std::string> options;
            for (const auto& row : r.value().rows)
                if (!row.empty() && !isNull(row[0])) options.push_back(valueToText(row[0]));
            mailbox.post([self, id, options] {
                self->loadedOptions_[id] = options;
                emit self->filterOptionsLoaded();
            });
        };
        track(runtime_.executor().submit(std::move(*request)));
    }
}

Status DashboardSession::save() {
    if (path_.empty()) return Status::fail("the dashboard has no file yet");
    return saveAs(path_);
}

Status DashboardSession::saveAs(const std::string& path) {
    if (auto s = dashboard::saveDashboard(model_, path); !s) return s;
    path_ = path;
    undo_->setClean();
    return Status::ok();
}

bool DashboardSession::isModified() const {
    return !undo_->isClean();
}

void DashboardSession::setFilterValue(const std::string& filterId, const std::vector<std::string>& values) {
    if (!model_.filter(filterId)) return;
    auto it = values_.find(filterId);
    if (it != values_.end() && it->second == values) return;
    values_[filterId] = values;
    emit filterValuesChanged();
    runCards(dashboard::cardsWiredTo(model_, filterId));
}

void DashboardSession::setFilterValues(const dashboard::FilterValues& values) {
    values_ = values;
    emit filterValuesChanged();
    refresh();
}

void DashboardSession::pickCategory(const std::string& column, const std::string& value) {
    for (const auto& f : model_.filters) {
        if (f.column.empty() || f.column != column) continue;
        // Clicking the value that is already the filter clears it again.
        const std::vector<std::string> picked{value};
        auto it = values_.find(f.id);
        setFilterValue(f.id,
                       it != values_.end() && it->second == picked ? std::vector<std::string>{} : picked);
    }
}

void DashboardSession::refresh(bool bypassCache) {
    // Questions are files: pick up ones saved or changed since the dashboard opened.
    if (workspace_) workspace_->reload();
    std::vector<std::string> ids;
    for (const auto& c : model_.cards)
        if (!c.isText()) ids.push_back(c.id);
    runCards(ids, bypassCache);
}

void DashboardSession::runCards(const std::vector<std::string>& cardIds, bool bypassCache) {
    if (!workspace_) return;
    for (const auto& id : cardIds) {
        const dashboard::Card* c = model_.card(id);
        if (!c || c->isText()) continue;
        const std::uint64_t gen = ++generation_[id];
        auto prepared = dashboard::prepareCard(*workspace_, model_, values_, *c, targetOverride_);
        emit cardRunStarted(QString::fromStdString(id));
        CardOutcome& out = outcomes_[id];
        if (!prepared) {
            pending_.erase(id);
            out.state = CardOutcome::State::Failed;
            out.error = QString::fromStdString(prepared.message());
            emit cardChanged(id);
            emit cardFinished(QString::fromStdString(id), false);
            if (pending_.empty()) emit allCardsFinished();
            continue;
        }
        out.title = QString::fromStdString(prepared->title);
        out.state = CardOutcome::State::Loading;
        pending_.insert(id);
        emit cardChanged(id);
        QueryRequest request = dashboard::cardRequest(*prepared, slotKey(id), !bypassCache);
        request.onFinished = [mailbox = mailbox_.address(), self = this, id, gen,
                              viz = prepared->visualization](const Result<QueryResult>& r) {
            // Worker thread: shape what the card draws, then post it.
            CardOutcome done;
            if (!r.isOk()) {
                done.state = CardOutcome::State::Failed;
                done.error = QString::fromStdString(r.message());
            } else if (auto settings = dashboard::parseVisualization(viz); !settings) {
                done.state = CardOutcome::State::Failed;
                done.error = QString::fromStdString(settings.message());
            } else {
                done.state = CardOutcome::State::Ready;
                done.settings = *settings;
                done.fromCache = r.value().fromCache;
                done.data = std::make_shared<const chart::ChartData>(chart::chartDataFrom(r.value()));
            }
            mailbox.post([self, id, gen, done = std::move(done)]() mutable {
                self->finishCard(id, gen, std::move(done));
            });
        };
        const QueryHandle handle = runtime_.executor().submit(std::move(request));
        cardRuns_[id] = handle;
        track(handle);
    }
}

void DashboardSession::cancelCard(const std::string& id) {
    if (!pending_.count(id)) return;  // nothing running
    ++generation_[id];                // whatever the run still sends is not wanted
    if (auto it = cardRuns_.find(id); it != cardRuns_.end()) it->second.cancel();
    pending_.erase(id);
    CardOutcome& out = outcomes_[id];
    out.state = CardOutcome::State::Cancelled;
    out.data.reset();  // the numbers of the previous filters are not shown as these
    emit cardChanged(id);
    emit cardFinished(QString::fromStdString(id), false);
    if (pending_.empty()) emit allCardsFinished();
}

void DashboardSession::finishCard(const std::string& id, std::uint64_t generation, CardOutcome outcome) {
    if (generation_[id] != generation) return;  // a newer run of this card is on its way
    pending_.erase(id);
    const bool ok = outcome.state == CardOutcome::State::Ready;
    if (auto it = outcomes_.find(id); it != outcomes_.end()) {
        // A superseded run keeps what the card showed; its successor reports.
        if (outcome.error != QStringLiteral("superseded")) {
            outcome.title = it->second.title;
            it->second = std::move(outcome);
            emit cardChanged(id);
        }
    }
    if (ok) sizeToItsChart(id);
    emit cardFinished(QString::fromStdString(id), ok);
    if (pending_.empty()) emit allCardsFinished();
}

void DashboardSession::sizeToItsChart(const std::string& id) {
    auto it = autoSized_.find(id);
    const dashboard::Card* c = model_.card(id);
    const CardOutcome* o = outcome(id);
    if (it == autoSized_.end() || !c || !o || !o->data) return;
    const dashboard::GridRect placed = it->second;
    autoSized_.erase(it);
    if (c->rect != placed) return;  // the user moved or resized it meanwhile: theirs
    const dashboard::ChartType type =
        o->settings.type != dashboard::ChartType::Auto
            ? o->settings.type
            : chart::pickChartType(chart::columnTypes(*o->data), o->data->rows.size());
    dashboard::GridRect r =
        dashboard::defaultCardSize(std::string(dashboard::chartTypeName(type)), model_.gridColumns);
    r.x = placed.x;
    r.y = placed.y;
    // Only ever smaller, so it lands on no other card.
    if (r == placed || r.w > placed.w || r.h > placed.h) return;
    applyCardRect(id, r);
    // The add on the undo stack brings it back at this size after an undo.
    for (int i = undo_->count() - 1; i >= 0; --i)
        if (const auto* add = dynamic_cast<const AddCardCommand*>(undo_->command(i));
            add && add->cardId() == id) {
            const_cast<AddCardCommand*>(add)->setRect(r);
            break;
        }
}

const CardOutcome* DashboardSession::outcome(const std::string& cardId) const {
    auto it = outcomes_.find(cardId);
    return it == outcomes_.end() ? nullptr : &it->second;
}

bool DashboardSession::waitUntilLoaded(int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (!pending_.empty() && timer.elapsed() < timeoutMs) {
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        connect(this, &DashboardSession::allCardsFinished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    QCoreApplication::processEvents();
    return pending_.empty();
}

void DashboardSession::setLiveRefreshSeconds(int seconds) {
    liveRefreshSeconds_ = std::max(0, seconds);
    if (liveRefreshSeconds_ > 0)
        refreshTimer_->start(liveRefreshSeconds_ * 1000);
    else
        refreshTimer_->stop();
    emit refreshSecondsChanged(liveRefreshSeconds_);
}

void DashboardSession::applyCardRect(const std::string& cardId, const dashboard::GridRect& rect) {
    if (auto* c = model_.card(cardId)) c->rect = rect;
    emit cardRectChanged(cardId);
}

void DashboardSession::insertCardAt(const dashboard::Card& card, int index) {
    index = std::clamp(index, 0, int(model_.cards.size()));
    model_.cards.insert(model_.cards.begin() + index, card);
    emit cardInserted(card.id);
    if (!card.isText()) runCards({card.id});
}

void DashboardSession::removeCardNow(const std::string& cardId) {
    model_.cards.erase(std::remove_if(model_.cards.begin(), model_.cards.end(),
                                      [&](const dashboard::Card& c) { return c.id == cardId; }),
                       model_.cards.end());
    pending_.erase(cardId);
    outcomes_.erase(cardId);
    ++generation_[cardId];  // a run still on its way is not wanted any more
    emit cardRemoved(cardId);
    if (pending_.empty()) emit allCardsFinished();
}

void DashboardSession::replaceCard(const dashboard::Card& card) {
    dashboard::Card* c = model_.card(card.id);
    if (!c) return;
    const bool rerun = c->question != card.question || c->visualization != card.visualization;
    *c = card;
    emit cardReplaced(card.id);
    if (rerun && !card.isText()) runCards({card.id});
}

void DashboardSession::applyFilters(const std::vector<dashboard::Filter>& filters) {
    const dashboard::Dashboard before = model_;
    const dashboard::FilterValues valuesBefore = values_;
    model_.filters = filters;
    dashboard::FilterValues values;
    std::vector<std::string> reload;
    for (const auto& f : filters) {
        const dashboard::Filter* old = before.filter(f.id);
        auto kept = values_.find(f.id);
        const bool same = old && old->type == f.type && old->defaultValue == f.defaultValue;
        values[f.id] = same && kept != values_.end() ? kept->second : f.defaultValue;
        if (!old || old->optionsQuestion != f.optionsQuestion || old->type != f.type) {
            loadedOptions_.erase(f.id);
            reload.push_back(f.id);
        }
    }
    values_ = std::move(values);
    emit filtersChanged();
    emit filterValuesChanged();
    loadFilterOptions(reload);
    std::vector<std::string> changed;
    for (const auto& c : model_.cards)
        if (dashboard::cardParameters(before, valuesBefore, c.id) !=
            dashboard::cardParameters(model_, values_, c.id))
            changed.push_back(c.id);
    runCards(changed);
}

void DashboardSession::applySettings(const dashboard::DashboardSettings& settings) {
    const bool refreshChanged = settings.refreshSeconds != model_.refreshSeconds;
    dashboard::applySettings(model_, settings);
    if (refreshChanged) setLiveRefreshSeconds(model_.refreshSeconds);
    emit settingsChanged();
    emit titleChanged(QString::fromStdString(model_.name));
}

}  // namespace deskbase::widgets
