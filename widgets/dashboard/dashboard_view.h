#pragma once
// A dashboard page: title, toolbar, filter bar and the card canvas, drawing a DashboardSession
// (model, filters, card runs, undo) that it owns. User input becomes session calls: a filter
// edit, a click on a bar or pie slice (cross-filtering), edit-mode drags (moves and resizes
// with undo), adding and removing cards. Auto-refresh, fullscreen and headless sizing.
#include <QWidget>
#include <string>

#include "core/dashboard/dashboard.h"
#include "core/util/result.h"
#include "widgets/dashboard/dashboard_session.h"

QT_BEGIN_NAMESPACE
class QLabel;
class QScrollArea;
class QToolButton;
class QUndoStack;
class QComboBox;
class QMenu;
QT_END_NAMESPACE

namespace deskbase::widgets {

class DashboardCanvas;
class DashboardCard;
class FilterBar;

class DashboardView : public QWidget {
    Q_OBJECT
public:
    // Cards run on `runtime` (borrowed: it must outlive the view).
    explicit DashboardView(Runtime& runtime, QWidget* parent = nullptr);
    ~DashboardView() override;

    DashboardSession* session() const { return session_; }

    // The session's calls most callers need.
    void setTargetOverride(const std::string& target) { session_->setTargetOverride(target); }
    Status open(const std::string& dashboardPath, const Workspace* workspace = nullptr) {
        return session_->open(dashboardPath, workspace);
    }
    Status save() { return session_->save(); }
    const dashboard::Dashboard& dashboard() const { return session_->dashboard(); }
    const std::string& path() const { return session_->path(); }
    bool isModified() const { return session_->isModified(); }
    QUndoStack* undoStack() const { return session_->undoStack(); }
    const dashboard::FilterValues& filterValues() const { return session_->filterValues(); }
    void setFilterValue(const std::string& filterId, const std::vector<std::string>& values) {
        session_->setFilterValue(filterId, values);
    }
    void setFilterValues(const dashboard::FilterValues& values) { session_->setFilterValues(values); }
    void refresh(bool bypassCache = false) { session_->refresh(bypassCache); }
    bool isLoading() const { return session_->isLoading(); }
    bool waitUntilLoaded(int timeoutMs = 60000) { return session_->waitUntilLoaded(timeoutMs); }
    void addQuestionCard(const std::string& questionFile) { session_->addQuestionCard(questionFile); }
    void addTextCard(const QString& markdown) { session_->addTextCard(markdown); }
    void removeCard(const std::string& cardId) { session_->removeCard(cardId); }
    void setCardText(const std::string& cardId, const QString& markdown) {
        session_->setCardText(cardId, markdown);
    }
    void setRefreshSeconds(int seconds) { session_->setRefreshSeconds(seconds); }

    void setEditMode(bool on);
    bool editMode() const { return editMode_; }
    void setFullScreen(bool on);
    void setChromeVisible(bool on);  // toolbar (hidden for rendering and fullscreen)
    // Height that shows every card without scrolling, for a given width (headless render).
    int fullHeightForWidth(int width);

    DashboardCanvas* canvas() const { return canvas_; }
    FilterBar* filterBar() const { return filters_; }
    DashboardCard* card(const std::string& cardId) const;

signals:
    void cardRunStarted(const QString& cardId);
    void cardFinished(const QString& cardId, bool ok);
    void allCardsFinished();
    void modifiedChanged(bool modified);
    void editModeChanged(bool on);
    void titleChanged(const QString& title);
    void fullScreenChanged(bool on);

private:
    void buildToolbar();
    void connectSession();
    void rebuild();  // after open(): header, filters, cards, question menu
    DashboardCard* makeCard(const dashboard::Card& c);
    void showOutcome(const std::string& cardId);
    void showFilters();
    void populateQuestionMenu();
    void updateHeader();

    DashboardSession* session_;
    bool editMode_ = false;

    QLabel* title_ = nullptr;
    QLabel* description_ = nullptr;
    QWidget* toolbar_ = nullptr;
    QToolButton* editButton_ = nullptr;
    QToolButton* addQuestionButton_ = nullptr;
    QMenu* questionMenu_ = nullptr;
    QComboBox* refreshCombo_ = nullptr;
    FilterBar* filters_ = nullptr;
    QScrollArea* scroll_ = nullptr;
    DashboardCanvas* canvas_ = nullptr;
};

}  // namespace deskbase::widgets
