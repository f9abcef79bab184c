// DashboardSession's undoable edits: each turns a user's intent (add a card, move it, wire a
// filter, change the settings) into a command on the undo stack; the commands apply through the
// session's CardEditTarget side (dashboard_session.cpp).
#include <QUndoStack>
#include <algorithm>
#include <filesystem>

#include "core/dashboard/filter_editing.h"
#include "core/dashboard/grid_layout.h"
#include "widgets/dashboard/dashboard_session.h"

namespace deskbase::widgets {

std::string DashboardSession::insertNewCard(dashboard::Card card, const dashboard::GridRect& size) {
    card.rect = dashboard::firstFreePlace(model_.cards, model_.gridColumns, size.w, size.h);
    const std::string id = card.id;
    undo_->push(new AddCardCommand(this, std::move(card), int(model_.cards.size())));
    return id;
}

std::string DashboardSession::addQuestionCard(const std::string& questionFile) {
    dashboard::Card c;
    const std::string stem = std::filesystem::path(questionFile).stem().string();
    c.id = model_.newCardId(stem.empty() ? "card" : stem);
    c.question = questionFile;
    std::string type;
    if (workspace_)
        if (const auto* q = workspace_->findQuestion(questionFile);
            q && q->question.visualization.is_object())
            type = q->question.visualization.value("type", std::string());
    const std::string id = insertNewCard(std::move(c), dashboard::defaultCardSize(type, model_.gridColumns));
    if (type.empty() || type == "auto")
        if (const dashboard::Card* added = model_.card(id)) autoSized_[id] = added->rect;
    return id;
}

std::string DashboardSession::addTextCard(const QString& markdown) {
    dashboard::Card c;
    c.id = model_.newCardId("text");
    c.text = markdown.toStdString();
    return insertNewCard(std::move(c), dashboard::defaultTextCardSize(model_.gridColumns));
}

std::string DashboardSession::addHeadingCard(const QString& text) {
    dashboard::Card c;
    c.id = model_.newCardId("heading");
    c.text = text.toStdString();
    c.heading = true;
    return insertNewCard(std::move(c), dashboard::defaultHeadingCardSize(model_.gridColumns));
}

void DashboardSession::removeCard(const std::string& cardId) {
    for (int i = 0; i < int(model_.cards.size()); ++i)
        if (model_.cards[std::size_t(i)].id == cardId) {
            dashboard::Dashboard after = model_;
            after.cards.erase(after.cards.begin() + i);
            dashboard::dropTargetsOfMissingCards(after);
            undo_->push(
                new RemoveCardCommand(this, model_.cards[std::size_t(i)], i, model_.filters, after.filters));
            return;
        }
}

void DashboardSession::setCardText(const std::string& cardId, const QString& markdown) {
    const dashboard::Card* c = model_.card(cardId);
    if (!c || !c->isText() || c->text == markdown.toStdString()) return;
    dashboard::Card after = *c;
    after.text = markdown.toStdString();
    undo_->push(new EditCardCommand(this, *c, after, c->heading ? tr("Edit heading") : tr("Edit text card")));
}

void DashboardSession::setCardTitle(const std::string& cardId, const QString& title) {
    const dashboard::Card* c = model_.card(cardId);
    if (!c || c->title == title.trimmed().toStdString()) return;
    dashboard::Card after = *c;
    after.title = title.trimmed().toStdString();
    undo_->push(new EditCardCommand(this, *c, after, tr("Rename card")));
}

void DashboardSession::moveCard(const std::string& cardId, const dashboard::GridRect&,
                                const dashboard::GridRect& to) {
    placeCard(cardId, to);
}

bool DashboardSession::placeCard(const std::string& cardId, const dashboard::GridRect& to) {
    const dashboard::Card* c = model_.card(cardId);
    if (!c) return false;
    const bool resize = c->rect.x == to.x && c->rect.y == to.y;
    auto moves = dashboard::placeCard(model_.cards, model_.gridColumns, cardId, to);
    if (moves.empty()) {
        emit cardRectChanged(cardId);  // the view snaps the card back
        return false;
    }
    undo_->push(new MoveCardsCommand(this, std::move(moves), resize));
    return true;
}

void DashboardSession::pushFilters(std::vector<dashboard::Filter> filters, const QString& text) {
    if (filters == model_.filters) return;
    undo_->push(new SetFiltersCommand(this, model_.filters, std::move(filters), text));
}

std::string DashboardSession::addFilter(dashboard::FilterType type, const QString& label) {
    dashboard::Filter f;
    f.label = label.trimmed().toStdString();
    f.id = dashboard::newFilterId(model_, f.label);
    f.type = type;
    if (type == dashboard::FilterType::DateRange) f.defaultValue = {"", ""};
    auto filters = model_.filters;
    filters.push_back(f);
    pushFilters(std::move(filters), tr("Add filter"));
    defaultFilterIds_.insert(f.id);
    return f.id;
}

void DashboardSession::updateFilter(const dashboard::Filter& filter) {
    const dashboard::Filter* before = model_.filter(filter.id);
    dashboard::Filter changed = filter;
    if (before && before->label != filter.label && !filter.label.empty() &&
        defaultFilterIds_.count(filter.id)) {
        defaultFilterIds_.erase(filter.id);
        dashboard::Dashboard others = model_;
        std::erase_if(others.filters, [&](const dashboard::Filter& f) { return f.id == filter.id; });
        changed.id = dashboard::newFilterId(others, filter.label);
    }
    auto filters = model_.filters;
    for (auto& f : filters)
        if (f.id == filter.id) f = changed;
    pushFilters(std::move(filters), tr("Edit filter"));
    if (changed.id != filter.id) {
        if (auto v = values_.extract(filter.id)) {
            v.key() = changed.id;
            values_.insert(std::move(v));
        }
        emit filterRenamed(filter.id, changed.id);
    }
}

void DashboardSession::removeFilter(const std::string& filterId) {
    auto filters = model_.filters;
    filters.erase(std::remove_if(filters.begin(), filters.end(),
                                 [&](const dashboard::Filter& f) { return f.id == filterId; }),
                  filters.end());
    pushFilters(std::move(filters), tr("Remove filter"));
}

void DashboardSession::moveFilter(const std::string& filterId, int delta) {
    auto filters = model_.filters;
    auto it = std::find_if(filters.begin(), filters.end(),
                           [&](const dashboard::Filter& f) { return f.id == filterId; });
    if (it == filters.end()) return;
    const int from = int(it - filters.begin());
    const int to = std::clamp(from + delta, 0, int(filters.size()) - 1);
    if (from == to) return;
    dashboard::Filter f = *it;
    filters.erase(it);
    filters.insert(filters.begin() + to, std::move(f));
    pushFilters(std::move(filters), tr("Reorder filters"));
}

std::vector<std::string> DashboardSession::autoWireFilter(const std::string& filterId) {
    const dashboard::Filter* current = model_.filter(filterId);
    if (!current || !workspace_) return {};
    dashboard::Filter f = *current;
    std::vector<std::string> wired;
    for (const auto& c : model_.cards) {
        if (c.isText() || dashboard::targetOn(f, c.id)) continue;
        if (auto t = dashboard::suggestTarget(f, c.id, dashboard::wireableParameters(*workspace_, c))) {
            dashboard::setTarget(f, c.id, t->parameter, t->parameterEnd);
            wired.push_back(c.id);
        }
    }
    if (!wired.empty()) updateFilter(f);
    return wired;
}

Result<std::string> DashboardSession::createValuesQuestion(const std::string& table,
                                                           const std::string& column) {
    if (!workspace_) return Error{"no workspace"};
    const std::string file = dashboard::distinctValuesFileName(table, column);
    if (!workspace_->findQuestion(file))
        if (auto s = workspace_->saveQuestion(file, dashboard::distinctValuesQuestion(table, column)); !s)
            return Error{s.message()};
    return file;
}

void DashboardSession::reloadQuestions() {
    if (workspace_) workspace_->reload();
}

void DashboardSession::setSettings(const dashboard::DashboardSettings& settings) {
    const dashboard::DashboardSettings before = dashboard::settingsOf(model_);
    if (settings == before) return;
    undo_->push(new SetSettingsCommand(this, before, settings));
}

void DashboardSession::setRefreshSeconds(int seconds) {
    dashboard::DashboardSettings s = dashboard::settingsOf(model_);
    s.refreshSeconds = std::max(0, seconds);
    setSettings(s);
}

void DashboardSession::revertToSaved() {
    if (!isModified()) return;
    if (undo_->cleanIndex() >= 0) {
        undo_->setIndex(undo_->cleanIndex());
        return;
    }
    const Workspace ws = *workspace_;  // open() replaces workspace_
    open(path_, &ws);
}

}  // namespace deskbase::widgets
