#pragma once
// One small contract for pages that may hold unsaved work (a query tab, a dashboard being edited),
// so the window can ask before a tab, the window or the workspace closes, and before a page's
// content is replaced:
//
//   - A page says it has unsaved edits with QWidget::setWindowModified(true) (false once saved or
//     reverted). Hosts show the mark (a dot on the tab, "*" in the window title) by listening for
//     QEvent::ModifiedChange; nothing else is needed for the mark.
//   - A page that can save implements UnsavedWork besides QWidget. askToSave() and
//     askToSaveAll() ask Save / Discard / Cancel about modified pages: Save calls saveWork(),
//     Discard calls discardWork(), Cancel keeps everything as it is.
//
// A modified page that does not implement UnsavedWork is offered Discard / Cancel only.
#include <QList>
#include <QString>
#include <functional>

class QWidget;

namespace deskbase::widgets {

class UnsavedWork {
public:
    virtual ~UnsavedWork() = default;
    // What the prompt names, e.g. "the question “Revenue”" or "the dashboard “Sales overview”".
    virtual QString unsavedWorkName() const = 0;
    // Saves (asking for a name when there is none yet). False when nothing was saved: the user
    // cancelled the name prompt or the write failed; the close is then cancelled, the work kept.
    virtual bool saveWork() = 0;
    // Forgets the unsaved edits (the page is closing or its content is being replaced).
    virtual void discardWork() {}
};

enum class SaveChoice { Save, Discard, Cancel };

// The message box itself: "Save the changes to <name> before <action>?" with Save / Discard /
// Cancel (Save is the default, Esc cancels). Its object name is "unsavedChangesBox".
SaveChoice askSaveChoice(QWidget* parent, const QString& name, const QString& action, bool canSave);

// Asks about one page when it is modified (windowModified). True when the caller may go on: the
// page was not modified, was saved, or its edits were discarded. False on Cancel or a failed save.
// `action` completes the sentence: "closing", "opening another question", "starting a new query".
bool askToSave(QWidget* page, QWidget* dialogParent, const QString& action);

// Asks about each modified page in turn, showing it first with `show` (may be empty). False at the
// first Cancel or failed save; the pages asked before keep what was chosen for them.
bool askToSaveAll(const QList<QWidget*>& pages, QWidget* dialogParent, const QString& action,
                  const std::function<void(QWidget*)>& show = {});

}  // namespace deskbase::widgets
