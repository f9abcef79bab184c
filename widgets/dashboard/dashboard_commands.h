#pragma once
// Undoable dashboard edits (QUndoStack): moving and resizing cards (with the cards pushed out of
// the way), adding, removing and editing a card, the filters, the dashboard settings. Each
// command holds the state before and after and asks its target to apply one or the other.
#include <QUndoCommand>
#include <string>
#include <vector>

#include "core/dashboard/dashboard.h"
#include "core/dashboard/grid_layout.h"

namespace deskbase::widgets {

// What the commands edit; implemented by DashboardSession.
class CardEditTarget {
public:
    virtual ~CardEditTarget() = default;
    virtual void applyCardRect(const std::string& cardId, const dashboard::GridRect& rect) = 0;
    virtual void insertCardAt(const dashboard::Card& card, int index) = 0;
    virtual void removeCardNow(const std::string& cardId) = 0;
    virtual void replaceCard(const dashboard::Card& card) = 0;  // same id: text, title, heading, ...
    virtual void applyFilters(const std::vector<dashboard::Filter>& filters) = 0;
    virtual void applySettings(const dashboard::DashboardSettings& settings) = 0;
};

// One card moved or resized, and the cards it pushed.
class MoveCardsCommand : public QUndoCommand {
public:
    MoveCardsCommand(CardEditTarget* target, std::vector<dashboard::CardMove> moves, bool resize);
    void undo() override;
    void redo() override;

private:
    CardEditTarget* target_;
    std::vector<dashboard::CardMove> moves_;
};

class AddCardCommand : public QUndoCommand {
public:
    AddCardCommand(CardEditTarget* target, dashboard::Card card, int index);
    void undo() override { target_->removeCardNow(card_.id); }
    void redo() override { target_->insertCardAt(card_, index_); }
    const std::string& cardId() const { return card_.id; }
    void setRect(const dashboard::GridRect& rect) { card_.rect = rect; }  // the size it settled on

private:
    CardEditTarget* target_;
    dashboard::Card card_;
    int index_;
};

// Removes a card and the filter targets that pointed at it; undo puts both back.
class RemoveCardCommand : public QUndoCommand {
public:
    RemoveCardCommand(CardEditTarget* target, dashboard::Card card, int index,
                      std::vector<dashboard::Filter> filtersBefore,
                      std::vector<dashboard::Filter> filtersAfter);
    void undo() override;
    void redo() override;

private:
    CardEditTarget* target_;
    dashboard::Card card_;
    int index_;
    std::vector<dashboard::Filter> before_, after_;
};

class EditCardCommand : public QUndoCommand {
public:
    EditCardCommand(CardEditTarget* target, dashboard::Card before, dashboard::Card after,
                    const QString& text);
    void undo() override { target_->replaceCard(before_); }
    void redo() override { target_->replaceCard(after_); }

private:
    CardEditTarget* target_;
    dashboard::Card before_, after_;
};

class SetFiltersCommand : public QUndoCommand {
public:
    SetFiltersCommand(CardEditTarget* target, std::vector<dashboard::Filter> before,
                      std::vector<dashboard::Filter> after, const QString& text);
    void undo() override { target_->applyFilters(before_); }
    void redo() override { target_->applyFilters(after_); }

private:
    CardEditTarget* target_;
    std::vector<dashboard::Filter> before_, after_;
};

class SetSettingsCommand : public QUndoCommand {
public:
    SetSettingsCommand(CardEditTarget* target, dashboard::DashboardSettings before,
                       dashboard::DashboardSettings after);
    void undo() override { target_->applySettings(before_); }
    void redo() override { target_->applySettings(after_); }

private:
    CardEditTarget* target_;
    dashboard::DashboardSettings before_, after_;
};

}  // namespace deskbase::widgets
