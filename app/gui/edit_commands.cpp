#include "app/gui/edit_commands.h"

#include <QApplication>
#include <QLineEdit>
#include <QMetaMethod>
#include <QPlainTextEdit>
#include <QTextEdit>

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

// The widget that would run `c`, walking up from the focus; nullptr when none.
QObject* targetFor(EditCommand c) {
    for (QWidget* w = QApplication::focusWidget(); w; w = w->parentWidget()) {
        if (c == EditCommand::Copy && qobject_cast<widgets::ResultGrid*>(w)) return w;
        if (w->metaObject()->indexOfMethod(slotOf(c)) >= 0)
            return readOnly(w) && changesText(c) ? nullptr : w;
    }
    return nullptr;
}
}  // namespace

bool canRunEditCommand(EditCommand command) {
    return targetFor(command) != nullptr;
}

bool runEditCommand(EditCommand command) {
    QObject* target = targetFor(command);
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
