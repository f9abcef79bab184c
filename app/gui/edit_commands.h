#pragma once
// The Edit menu's Undo, Redo, Cut, Copy, Paste and Select all act on the focused widget, or the
// nearest ancestor that can: text editors and line edits (their slots), the result grid (Copy
// fetches rows not loaded), and any widget that declares matching slots or Q_INVOKABLE methods
// undo(), redo(), cut(), copy(), paste(), selectAll(). When nothing focused can, Undo and Redo
// act on the current page (`page`): a dashboard (its edit undo stack) and a query tab (its SQL
// editor) join that way. A widget that also declares canUndo() / canRedo() is asked whether it
// can now; a text editor with nothing to undo passes Undo on to the page around it.
class QWidget;

namespace deskbase::gui {

enum class EditCommand { Undo, Redo, Cut, Copy, Paste, SelectAll };

bool canRunEditCommand(EditCommand command, QWidget* page = nullptr);  // menu enabling
bool runEditCommand(EditCommand command, QWidget* page = nullptr);     // false when nothing could

}  // namespace deskbase::gui
