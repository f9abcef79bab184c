#include "widgets/dashboard/dashboard_commands.h"

#include <QObject>

namespace deskbase::widgets {

MoveCardsCommand::MoveCardsCommand(CardEditTarget* target, std::vector<dashboard::CardMove> moves,
                                   bool resize)
    : target_(target), moves_(std::move(moves)) {
    setText(resize ? QObject::tr("Resize card") : QObject::tr("Move card"));
}

void MoveCardsCommand::undo() {
    for (auto it = moves_.rbegin(); it != moves_.rend(); ++it) target_->applyCardRect(it->cardId, it->from);
}

void MoveCardsCommand::redo() {
    for (const auto& m : moves_) target_->applyCardRect(m.cardId, m.to);
}

AddCardCommand::AddCardCommand(CardEditTarget* target, dashboard::Card card, int index)
    : target_(target), card_(std::move(card)), index_(index) {
    setText(card_.heading    ? QObject::tr("Add heading")
            : card_.isText() ? QObject::tr("Add text card")
                             : QObject::tr("Add question card"));
}

RemoveCardCommand::RemoveCardCommand(CardEditTarget* target, dashboard::Card card, int index,
                                     std::vector<dashboard::Filter> filtersBefore,
                                     std::vector<dashboard::Filter> filtersAfter)
    : target_(target),
      card_(std::move(card)),
      index_(index),
      before_(std::move(filtersBefore)),
      after_(std::move(filtersAfter)) {
    setText(QObject::tr("Remove card"));
}

void RemoveCardCommand::undo() {
    target_->insertCardAt(card_, index_);
    if (before_ != after_) target_->applyFilters(before_);
}

void RemoveCardCommand::redo() {
    if (before_ != after_) target_->applyFilters(after_);
    target_->removeCardNow(card_.id);
}

EditCardCommand::EditCardCommand(CardEditTarget* target, dashboard::Card before, dashboard::Card after,
                                 const QString& text)
    : target_(target), before_(std::move(before)), after_(std::move(after)) {
    setText(text);
}

SetFiltersCommand::SetFiltersCommand(CardEditTarget* target, std::vector<dashboard::Filter> before,
                                     std::vector<dashboard::Filter> after, const QString& text)
    : target_(target), before_(std::move(before)), after_(std::move(after)) {
    setText(text);
}

SetSettingsCommand::SetSettingsCommand(CardEditTarget* target, dashboard::DashboardSettings before,
                                       dashboard::DashboardSettings after)
    : target_(target), before_(std::move(before)), after_(std::move(after)) {
    setText(QObject::tr("Dashboard settings"));
}

}  // namespace deskbase::widgets
