#include "widgets/dashboard/dashboard_commands.h"

#include <QObject>

namespace deskbase::widgets {

SetCardRectCommand::SetCardRectCommand(CardEditTarget* target, std::string cardId, dashboard::GridRect from,
                                       dashboard::GridRect to, bool resize)
    : target_(target), id_(std::move(cardId)), from_(from), to_(to) {
    setText(resize ? QObject::tr("Resize card") : QObject::tr("Move card"));
}

AddCardCommand::AddCardCommand(CardEditTarget* target, dashboard::Card card, int index)
    : target_(target), card_(std::move(card)), index_(index) {
    setText(card_.isText() ? QObject::tr("Add text card") : QObject::tr("Add question card"));
}

RemoveCardCommand::RemoveCardCommand(CardEditTarget* target, dashboard::Card card, int index)
    : target_(target), card_(std::move(card)), index_(index) {
    setText(QObject::tr("Remove card"));
}

SetCardTextCommand::SetCardTextCommand(CardEditTarget* target, std::string cardId, std::string from,
                                       std::string to)
    : target_(target), id_(std::move(cardId)), from_(std::move(from)), to_(std::move(to)) {
    setText(QObject::tr("Edit text card"));
}

}  // namespace deskbase::widgets
