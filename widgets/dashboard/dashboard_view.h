#pragma once
// A dashboard page: title, toolbar, filter bar and the card canvas. Cards run in parallel
// through the query executor and its result cache, each with its own loading and error state.
// A filter change re-runs only the cards wired to it; clicking a bar or pie slice sets the
// filter on that column (cross-filtering). Edit mode: add question/text cards, drag to move,
// drag the corner to resize, snapping to the grid, with undo. Auto-refresh and fullscreen.
#include <QWidget>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "core/dashboard/chart_data.h"
#include "core/dashboard/dashboard.h"
#include "core/workspace/workspace.h"
#include "core/util/result.h"
#include "widgets/dashboard/dashboard_commands.h"

QT_BEGIN_NAMESPACE
class QLabel;
class QScrollArea;
class QTimer;
class QToolButton;
class QUndoStack;
class QComboBox;
class QMenu;
QT_END_NAMESPACE

namespace deskbase {
class QueryExecutor;
class ResultCache;
}  // namespace deskbase

namespace deskbase::widgets {

class DashboardCanvas;
class DashboardCard;
class FilterBar;
class GuiMailbox;

class DashboardView : public QWidget, public CardEditTarget {
    Q_OBJECT
public:
    explicit DashboardView(QWidget* parent = nullptr);
    ~DashboardView() override;

    // Share the app's executor (not owned). Without one, the view makes its own executor with
    // a result cache in the workspace (<workspace>/.deskbase/cache). Call before open().
    void setExecutor(QueryExecutor* executor);
    // Run every card against this warehouse instead of the questions' connections (--db).
    void setTargetOverride(const std::string& target);

    // Loads the dashboard file and runs its cards. `workspace` defaults to the folder above
    // the file's dashboards/ folder.
    Status open(const std::string& dashboardPath, const Workspace* workspace = nullptr);
    Status save();
    Status saveAs(const std::string& path);
    const dashboard::Dashboard& dashboard() const { return model_; }
    const std::string& path() const { return path_; }
    const Workspace* workspace() const { return workspace_.get(); }
    bool isModified() const;

    void setEditMode(bool on);
    bool editMode() const { return editMode_; }
    QUndoStack* undoStack() const { return undo_; }

    const dashboard::FilterValues& filterValues() const { return values_; }
    // Sets a filter and re-runs exactly the cards wired to it.
    void setFilterValue(const std::string& filterId, const std::vector<std::string>& values);
    void setFilterValues(const dashboard::FilterValues& values);  // all at once, then refresh()

    void refresh(bool bypassCache = false);  // every question card
    void runCards(const std::vector<std::string>& cardIds, bool bypassCache = false);
    bool isLoading() const { return !pending_.empty(); }
    // Processes events until every card finished or the timeout passed; true when all finished.
    bool waitUntilLoaded(int timeoutMs = 60000);

    void addQuestionCard(const std::string& questionFile);
    void addTextCard(const QString& markdown);
    void removeCard(const std::string& cardId);

    void setRefreshSeconds(int seconds);  // 0 = off; saved with the dashboard
    void setFullScreen(bool on);
    void setChromeVisible(bool on);  // toolbar (hidden for rendering and fullscreen)
    // Height that shows every card without scrolling, for a given width (headless render).
    int fullHeightForWidth(int width);

    DashboardCanvas* canvas() const { return canvas_; }
    FilterBar* filterBar() const { return filters_; }
    DashboardCard* card(const std::string& cardId) const;

    // CardEditTarget (used by the undo commands)
    void applyCardRect(const std::string& cardId, const dashboard::GridRect& rect) override;
    void insertCardAt(const dashboard::Card& card, int index) override;
    void removeCardNow(const std::string& cardId) override;
    void applyCardText(const std::string& cardId, const std::string& markdown) override;
    // Replaces a text card's markdown (undoable).
    void setCardText(const std::string& cardId, const QString& markdown);

signals:
    void cardRunStarted(const QString& cardId);
    void cardFinished(const QString& cardId, bool ok);
    void allCardsFinished();
    void modifiedChanged(bool modified);
    void editModeChanged(bool on);
    void titleChanged(const QString& title);
    void fullScreenChanged(bool on);

private:
    void buildCards();
    DashboardCard* makeCard(const dashboard::Card& c);
    void finishCard(const std::string& id, std::uint64_t generation, bool ok, std::string error,
                    std::shared_ptr<dashboard::ChartData> data, std::string visualization);
    void onCategoryClicked(const QString& column, const QString& value);
    void ensureExecutor();
    void loadFilterOptions();  // list filters with an options_question
    void showFilters();        // the filter bar with any loaded options
    void populateQuestionMenu();
    void updateHeader();

    dashboard::Dashboard model_;
    dashboard::FilterValues values_;
    std::string path_;
    std::string targetOverride_;
    std::unique_ptr<Workspace> workspace_;
    std::unique_ptr<ResultCache> ownCache_;
    std::unique_ptr<QueryExecutor> ownExecutor_;
    QueryExecutor* executor_ = nullptr;
    std::shared_ptr<GuiMailbox> mailbox_;
    std::map<std::string, std::uint64_t> generation_;
    std::set<std::string> pending_;
    std::map<std::string, std::vector<std::string>> loadedOptions_;  // filter id -> choices
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
    QUndoStack* undo_ = nullptr;
    QTimer* refreshTimer_ = nullptr;
};

}  // namespace deskbase::widgets
