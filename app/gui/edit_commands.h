#pragma once
// The Edit menu's Undo, Redo, Cut, Copy, Paste and Select all act on the focused widget, or the
// nearest ancestor that can: text editors and line edits (their slots), the result grid (Copy
// fetches rows not loaded), and any widget that declares matching slots or Q_INVOKABLE methods
// undo(), redo(), cut(), copy(), paste(), selectAll() — a dashboard canvas joins that way.
namespace deskbase::gui {

enum class EditCommand { Undo, Redo, Cut, Copy, Paste, SelectAll };

bool canRunEditCommand(EditCommand command);  // something focused can do it (menu enabling)
bool runEditCommand(EditCommand command);     // false when nothing focused could

}  // namespace deskbase::gui
