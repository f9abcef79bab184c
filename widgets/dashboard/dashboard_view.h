#pragma once
// A dashboard page: title, toolbar, filter bar, the card canvas and (in edit mode) the filter
// panel, drawing a DashboardSession (model, filters, card runs, undo) that it owns. User input
// becomes session calls: a filter edit, a click on a bar or pie slice (cross-filtering), edit
// mode (add question, text and heading cards; drag, nudge and resize cards; Delete; in-place text
// editing; filters and their wiring; settings), Ctrl+Z / Ctrl+Shift+Z / Ctrl+S / Esc on the
// canvas. Leaving edit mode with unsaved edits asks Save / Discard / Cancel. Fullscreen (wall
// display) shows only the dashboard; Esc leaves it. Follows theme changes at once.
#include <QWidget>
#include <functional>
#include <string>

#include "core/dashboard/dashboard.h"
#include "core/util/result.h"
#include "core/warehouse/warehouse.h"
#include "widgets/common/unsaved_work.h"
#include "widgets/dashboard/dashboard_session.h"

QT_BEGIN_NAMESPACE
class QLabel;
class QScrollArea;
class QUndoStack;
QT_END_NAMESPACE

namespace deskbase::widgets {

class DashboardCanvas;
class DashboardCard;
class DashboardSettingsDialog;
class DashboardToolbar;
class FilterBar;
class FilterPanel;
class QuestionPicker;

// The window asks Save / Discard / Cancel about a modified dashboard before closing its tab, the
// window or the workspace through UnsavedWork (the same prompt as a query tab's).
class DashboardView : public QWidget, public UnsavedWork {
    Q_OBJECT
public:
    // What a "save your edits?" prompt answered.
    using Choice = SaveChoice;
    // Asks Save / Discard / Cancel about the unsaved edits before `action` ("leaving edit mode").
    using SavePrompt = std::function<Choice(DashboardView* view, const QString& action)>;

    // Cards run on `runtime` (borrowed: it must outlive the view).
    explicit DashboardView(Runtime& runtime, QWidget* parent = nullptr);
    ~DashboardView() override;

    DashboardSession* session() const { return session_; }

    // The session's calls most callers need.
    void setTargetOverride(const std::string& target) { session_->setTargetOverride(target); }
    Status open(const std::string& dashboardPath, const Workspace* workspace = nullptr) {
        return session_->open(dashboardPath, workspace);
    }
    Status save();  // a failure is also shown in a message box
    const dashboard::Dashboard& dashboard() const { return session_->dashboard(); }
    const std::string& path() const { return session_->path(); }
    bool isModified() const { return session_->isModified(); }
    // UnsavedWork
    QString unsavedWorkName() const override;
    bool saveWork() override { return save().isOk(); }
    void discardWork() override { session_->revertToSaved(); }
    QUndoStack* undoStack() const { return session_->undoStack(); }
    // The window's Edit > Undo / Redo (gui/edit_commands): the edit undo stack, in edit mode.
    Q_INVOKABLE bool canUndo() const;
    Q_INVOKABLE bool canRedo() const;
    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();
    const dashboard::FilterValues& filterValues() const { return session_->filterValues(); }
    void setFilterValue(const std::string& filterId, const std::vector<std::string>& values) {
        session_->setFilterValue(filterId, values);
    }
    void setFilterValues(const dashboard::FilterValues& values) { session_->setFilterValues(values); }
    void refresh(bool bypassCache = false) { session_->refresh(bypassCache); }
    bool isLoading() const { return session_->isLoading(); }
    bool waitUntilLoaded(int timeoutMs = 60000) { return session_->waitUntilLoaded(timeoutMs); }
    std::string addQuestionCard(const std::string& file) { return session_->addQuestionCard(file); }
    std::string addTextCard(const QString& markdown) { return session_->addTextCard(markdown); }
    void removeCard(const std::string& cardId) { session_->removeCard(cardId); }
    void setCardText(const std::string& cardId, const QString& markdown) {
        session_->setCardText(cardId, markdown);
    }
    void setRefreshSeconds(int seconds) { session_->setRefreshSeconds(seconds); }

    void setEditMode(bool on);  // switches without asking
    bool editMode() const { return editMode_; }
    // Leaves edit mode; with unsaved edits asks first (Save / Discard / Cancel). False: still editing.
    bool finishEditing();
    // Save, then leave edit mode (the toolbar's Save). False when the save failed.
    bool saveAndFinish();
    // The prompt finishEditing() and the window's close use (tests replace it).
    void setSavePrompt(SavePrompt prompt) { prompt_ = std::move(prompt); }
    Choice askToSave(const QString& action);
    // Save / Discard / Cancel when modified, then Save saves and Discard reverts. True: go on.
    bool settleUnsavedEdits(const QString& action);

    // Edit-mode commands (what the toolbar does).
    QuestionPicker* openQuestionPicker();    // non-modal; accepted -> the picked cards are added
    void revealCard(const std::string& id);  // select it and scroll it into view
    std::string addTextCardInPlace();        // a new text card, its editor open
    std::string addHeadingInPlace();
    std::string addFilter(dashboard::FilterType type);  // and shows it in the filter panel
    DashboardSettingsDialog* openSettings();            // non-modal; accepted -> setSettings
    void showFilterPanel(bool on);

    void setFullScreen(bool on);
    bool isFullScreen() const { return fullScreen_; }
    void setChromeVisible(bool on);  // toolbar (hidden for rendering and fullscreen)
    // Height that shows every card without scrolling, for a given width (headless render).
    int fullHeightForWidth(int width);
    // Tables and columns offered for list filter choices (the window's schema).
    void setTables(const std::vector<TableInfo>& tables);

    DashboardCanvas* canvas() const { return canvas_; }
    FilterBar* filterBar() const { return filters_; }
    FilterPanel* filterPanel() const { return filterPanel_; }
    DashboardToolbar* toolbar() const { return toolbar_; }
    DashboardCard* card(const std::string& cardId) const;

signals:
    void cardRunStarted(const QString& cardId);
    void cardFinished(const QString& cardId, bool ok);
    void allCardsFinished();
    void modifiedChanged(bool modified);
    void editModeChanged(bool on);
    void titleChanged(const QString& title);
    void fullScreenChanged(bool on);
    void saved(const QString& path);
    void openQuestionRequested(const QString& questionPath);  // a card's "Open question"
    void questionsCreated();  // a values question for a list filter was written

protected:
    void changeEvent(QEvent* e) override;

private:
    void connectToolbar();
    void connectCanvas();
    void connectSession();
    void rebuild();  // after open(): header, filters, cards
    DashboardCard* makeCard(const dashboard::Card& c);
    void showOutcome(const std::string& cardId);
    void showFilters();
    void updateHeader();
    void updateCardTitles();                   // for the filter panel's wiring list
    void editCard(const std::string& cardId);  // text in place, a question card's title by prompt
    void showCardMenu(const std::string& cardId, const QPoint& globalPos);
    void escape();

    DashboardSession* session_;
    bool editMode_ = false;
    bool fullScreen_ = false;
    bool wasMaximized_ = false;
    SavePrompt prompt_;

    QLabel* title_ = nullptr;
    QLabel* description_ = nullptr;
    DashboardToolbar* toolbar_ = nullptr;
    FilterBar* filters_ = nullptr;
    QScrollArea* scroll_ = nullptr;
    DashboardCanvas* canvas_ = nullptr;
    FilterPanel* filterPanel_ = nullptr;
};

}  // namespace deskbase::widgets
