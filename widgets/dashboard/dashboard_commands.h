#pragma once
// Undoable dashboard edits (QUndoStack): move/resize a card, add a card, remove a card.
#include <QUndoCommand>
#include <string>

#include "core/dashboard/dashboard.h"

namespace deskbase::widgets {

// What the commands edit; implemented by DashboardView.
class CardEditTarget {
public:
    virtual ~CardEditTarget() = default;
    virtual void applyCardRect(const std::string& cardId, const dashboard::GridRect& rect) = 0;
    virtual void insertCardAt(const dashboard::Card& card, int index) = 0;
    virtual void removeCardNow(const std::string& cardId) = 0;
    virtual void applyCardText(const std::string& cardId, const std::string& markdown) = 0;
};

class SetCardRectCommand : public QUndoCommand {
public:
    SetCardRectCommand(CardEditTarget* target, std::string cardId, dashboard::GridRect from,
                       dashboard::GridRect to, bool resize);
    void undo() override { target_->applyCardRect(id_, from_); }
    void redo() override { target_->applyCardRect(id_, to_); }

private:
    CardEditTarget* target_;
    std::string id_;
    dashboard::GridRect from_, to_;
};

class AddCardCommand : public QUndoCommand {
public:
    AddCardCommand(CardEditTarget* target, dashboard::Card card, int index);
    void undo() override { target_->removeCardNow(card_.id); }
    void redo() override { target_->insertCardAt(card_, index_); }

private:
    CardEditTarget* target_;
    dashboard::Card card_;
    int index_;
};

class RemoveCardCommand : public QUndoCommand {
public:
    RemoveCardCommand(CardEditTarget* target, dashboard::Card card, int index);
    void undo() override { target_->insertCardAt(card_, index_); }
    void redo() override { target_->removeCardNow(card_.id); }

private:
    CardEditTarget* target_;
    dashboard::Card card_;
    int index_;
};

class SetCardTextCommand : public QUndoCommand {
public:
    SetCardTextCommand(CardEditTarget* target, std::string cardId, std::string from, std::string to);
    void undo() override { target_->applyCardText(id_, from_); }
    void redo() override { target_->applyCardText(id_, to_); }

private:
    CardEditTarget* target_;
    std::string id_, from_, to_;
};

}  // namespace deskbase::widgets
