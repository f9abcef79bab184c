#include "app/gui/edit_commands.h"

#include <QApplication>
#include <QLineEdit>
#include <QMetaMethod>
#include <QPlainTextEdit>
#include <QTextDocument>
#include <QTextEdit>
#include <optional>

#include "widgets/grid/result_grid.h"

namespace deskbase::gui {

namespace {
const char* slotOf(EditCommand c) {
    switch (c) {
        case EditCommand::Undo:
            return "undo()";
        case EditCommand::Redo:
            return "redo()";
        case EditCommand::Cut:
            return "cut()";
        case EditCommand::Copy:
            return "copy()";
        case EditCommand::Paste:
            return "paste()";
        case EditCommand::SelectAll:
            return "selectAll()";
    }
    return "";
}

bool readOnly(const QWidget* w) {
    if (auto* e = qobject_cast<const QLineEdit*>(w)) return e->isReadOnly();
    if (auto* e = qobject_cast<const QPlainTextEdit*>(w)) return e->isReadOnly();
    if (auto* e = qobject_cast<const QTextEdit*>(w)) return e->isReadOnly();
    return false;
}

bool changesText(EditCommand c) {
    return c == EditCommand::Undo || c == EditCommand::Redo || c == EditCommand::Cut ||
           c == EditCommand::Paste;
}

bool isUndoOrRedo(EditCommand c) {
    return c == EditCommand::Undo || c == EditCommand::Redo;
}

// Whether `w` has something to undo (redo) now; nullopt when it cannot tell.
std::optional<bool> undoAvailable(QWidget* w, EditCommand c) {
    const bool undo = c == EditCommand::Undo;
    if (auto* e = qobject_cast<QLineEdit*>(w)) return undo ? e->isUndoAvailable() : e->isRedoAvailable();
    const QTextDocument* doc = nullptr;
    if (auto* e = qobject_cast<QPlainTextEdit*>(w)) doc = e->document();
    if (auto* e = qobject_cast<QTextEdit*>(w)) doc = e->document();
    if (doc) return undo ? doc->isUndoAvailable() : doc->isRedoAvailable();
    const char* can = undo ? "canUndo()" : "canRedo()";
    if (w->metaObject()->indexOfMethod(can) < 0) return std::nullopt;
    bool yes = false;
    QByteArray name(can);
    name.chop(2);
    QMetaObject::invokeMethod(w, name.constData(), Q_RETURN_ARG(bool, yes));
    return yes;
}

enum class Offer { Yes, No, Stop };  // Stop: nothing above it may either (a read-only text)

Offer offers(QWidget* w, EditCommand c) {
    if (c == EditCommand::Copy && qobject_cast<widgets::ResultGrid*>(w)) return Offer::Yes;
    if (w->metaObject()->indexOfMethod(slotOf(c)) < 0) return Offer::No;
    if (readOnly(w) && changesText(c)) return isUndoOrRedo(c) ? Offer::No : Offer::Stop;
    if (isUndoOrRedo(c))
        if (const auto available = undoAvailable(w, c)) return *available ? Offer::Yes : Offer::No;
    return Offer::Yes;
}

// The widget that would run `c`, walking up from the focus, then the page; nullptr when none.
QWidget* targetFor(EditCommand c, QWidget* page) {
    for (QWidget* w = QApplication::focusWidget(); w; w = w->parentWidget()) {
        const Offer o = offers(w, c);
        if (o == Offer::Yes) return w;
        if (o == Offer::Stop) return nullptr;
    }
    if (page && isUndoOrRedo(c) && offers(page, c) == Offer::Yes) return page;
    return nullptr;
}
}  // namespace

bool canRunEditCommand(EditCommand command, QWidget* page) {
    return targetFor(command, page) != nullptr;
}

bool runEditCommand(EditCommand command, QWidget* page) {
    QWidget* target = targetFor(command, page);
    if (!target) return false;
    if (auto* grid = qobject_cast<widgets::ResultGrid*>(target)) {
        grid->copySelection();
        return true;
    }
    QByteArray name(slotOf(command));
    name.chop(2);  // "undo()" -> "undo"
    return QMetaObject::invokeMethod(target, name.constData());
}

}  // namespace deskbase::gui
