#pragma once
// One open dashboard, without any drawing: the dashboard model and its file, the filter values,
// the card runs and their outcomes, the edit undo stack and auto-refresh. Cards run in parallel
// through the workspace runtime's executor and result cache (borrowed, never owned), so two
// sessions over the same question share one cache entry; a newer run of a card supersedes the
// older one, and destroying the session cancels its runs. A view (DashboardView) draws the
// session and turns user input into calls here; tests and headless rendering use it directly.
#include <QObject>
#include <QString>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/chart/chart_data.h"
#include "core/dashboard/dashboard.h"
#include "core/dashboard/visualization.h"
#include "core/exec/query_executor.h"
#include "core/runtime/mailbox.h"
#include "core/util/result.h"
#include "core/workspace/workspace.h"
#include "widgets/dashboard/dashboard_commands.h"

QT_BEGIN_NAMESPACE
class QTimer;
class QUndoStack;
QT_END_NAMESPACE

namespace deskbase {
class Runtime;
}

namespace deskbase::widgets {

// What a question card shows now.
struct CardOutcome {
    // Cancelled: the user stopped the run; the previous numbers are not shown again.
    enum class State { Idle, Loading, Ready, Failed, Cancelled };
    State state = State::Idle;
    QString title;  // the card's title, else its question's name
    std::shared_ptr<const chart::ChartData> data;
    dashboard::VisualizationSettings settings;
    QString error;           // Failed: why
    bool fromCache = false;  // Ready: served by the result cache
};

class DashboardSession : public QObject, public CardEditTarget {
    Q_OBJECT
public:
    // `runtime` must outlive the session.
    explicit DashboardSession(Runtime& runtime, QObject* parent = nullptr);
    ~DashboardSession() override;  // cancels the session's runs

    // Run every card against this warehouse instead of the questions' connections (--db).
    void setTargetOverride(const std::string& target) { targetOverride_ = target; }

    // Loads the dashboard file and runs its cards. `workspace` defaults to the folder above the
    // file's dashboards/ folder.
    Status open(const std::string& dashboardPath, const Workspace* workspace = nullptr);
    Status save();
    Status saveAs(const std::string& path);
    const dashboard::Dashboard& dashboard() const { return model_; }
    const std::string& path() const { return path_; }
    const Workspace* workspace() const { return workspace_.get(); }
    bool isModified() const;
    QUndoStack* undoStack() const { return undo_; }

    const dashboard::FilterValues& filterValues() const { return values_; }
    // The filters with the choices their options_question returned (when it did).
    std::vector<dashboard::Filter> shownFilters() const;
    // Sets a filter and re-runs exactly the cards wired to it.
    void setFilterValue(const std::string& filterId, const std::vector<std::string>& values);
    void setFilterValues(const dashboard::FilterValues& values);  // all at once, then refresh()
    // Cross-filtering: a click on a bar or slice of `column` sets (or clears again) its filters.
    void pickCategory(const std::string& column, const std::string& value);

    void refresh(bool bypassCache = false);  // every question card
    void runCards(const std::vector<std::string>& cardIds, bool bypassCache = false);
    // Stops a card's run (its result, if it still comes, is dropped): the card is Cancelled.
    void cancelCard(const std::string& cardId);
    void cancelRuns();
    bool isLoading() const { return !pending_.empty(); }
    // Processes events until every card finished or the timeout passed; true when all finished.
    bool waitUntilLoaded(int timeoutMs = 60000);
    const CardOutcome* outcome(const std::string& cardId) const;
    // The session's runs submitted since the last open(), some maybe finished.
    const std::vector<QueryHandle>& runs() const { return runs_; }

    // Undoable edits. New cards land in the first free place on the grid; a move or resize
    // pushes the cards in the way down (core/dashboard/grid_layout). Adders return the new id.
    std::string addQuestionCard(const std::string& questionFile);
    std::string addTextCard(const QString& markdown);
    std::string addHeadingCard(const QString& text);
    void removeCard(const std::string& cardId);  // also unwires the filters from it
    void setCardText(const std::string& cardId, const QString& markdownOrHeading);
    void setCardTitle(const std::string& cardId, const QString& title);  // empty: the question's name
    // Moves or resizes a card to `to` (from is where the drag started; the model's rect is used).
    void moveCard(const std::string& cardId, const dashboard::GridRect& from, const dashboard::GridRect& to);
    bool placeCard(const std::string& cardId, const dashboard::GridRect& to);  // false: nothing changed

    // Filter edits (undoable). A filter whose type or default changes shows its new default.
    std::string addFilter(dashboard::FilterType type, const QString& label);
    void updateFilter(const dashboard::Filter& filter);  // the filter with that id
    void removeFilter(const std::string& filterId);
    void moveFilter(const std::string& filterId, int delta);  // -1: one place left
    // Wires the filter to every card not wired yet whose question has a parameter suggestTarget()
    // finds. Returns the cards it wired.
    std::vector<std::string> autoWireFilter(const std::string& filterId);
    // Writes questions/values_<table>_<column>.json listing the column's distinct values (for a
    // list filter's choices) and returns its file name.
    Result<std::string> createValuesQuestion(const std::string& table, const std::string& column);
    void reloadQuestions();  // picks up question files saved since the dashboard opened

    // Name, description, saved auto-refresh interval and cache policy (undoable).
    void setSettings(const dashboard::DashboardSettings& settings);
    void setRefreshSeconds(int seconds);  // the saved interval; also starts the timer
    // The interval this session refreshes at (the toolbar's choice: not saved, not an edit).
    void setLiveRefreshSeconds(int seconds);  // 0 = off
    int liveRefreshSeconds() const { return liveRefreshSeconds_; }
    // Forgets the unsaved edits: back to the last saved state.
    void revertToSaved();
    // What the auto-refresh timer does: every card again, bypassing the cache.
    void autoRefresh() { refresh(true); }

    // CardEditTarget (the undo commands)
    void applyCardRect(const std::string& cardId, const dashboard::GridRect& rect) override;
    void insertCardAt(const dashboard::Card& card, int index) override;
    void removeCardNow(const std::string& cardId) override;
    void replaceCard(const dashboard::Card& card) override;
    void applyFilters(const std::vector<dashboard::Filter>& filters) override;
    void applySettings(const dashboard::DashboardSettings& settings) override;

signals:
    void opened();                                // a new model: rebuild everything
    void filterOptionsLoaded();                   // shownFilters() has new choices
    void filterValuesChanged();                   // filterValues() changed
    void cardChanged(const std::string& cardId);  // outcome(cardId) changed
    void cardInserted(const std::string& cardId);
    void cardRemoved(const std::string& cardId);
    void cardRectChanged(const std::string& cardId);
    void cardReplaced(const std::string& cardId);  // text, title or kind changed
    void filtersChanged();                         // dashboard().filters changed
    void filterRenamed(const std::string& from,
                       const std::string& to);  // a new filter's id followed its label
    void settingsChanged();                     // name, description, refresh or cache changed
    void refreshSecondsChanged(int seconds);    // the live interval
    void cardRunStarted(const QString& cardId);
    void cardFinished(const QString& cardId, bool ok);
    void allCardsFinished();
    void modifiedChanged(bool modified);
    void titleChanged(const QString& title);

private:
    void finishCard(const std::string& id, std::uint64_t generation, CardOutcome outcome);
    void loadFilterOptions(
        const std::vector<std::string>& filterIds);  // list filters with an options_question
    std::string insertNewCard(dashboard::Card card, const dashboard::GridRect& size);
    // A card added with an automatic chart is sized once its first result says which chart it
    // draws (a number 6 x 4, as docs/dashboards.md says), unless it was moved or resized first.
    void sizeToItsChart(const std::string& cardId);
    void pushFilters(std::vector<dashboard::Filter> filters, const QString& text);
    void track(const QueryHandle& handle);
    std::string slotKey(const std::string& part) const;

    Runtime& runtime_;
    const std::uint64_t sessionId_;  // slot keys are this session's own
    dashboard::Dashboard model_;
    dashboard::FilterValues values_;
    std::string path_;
    std::string targetOverride_;
    std::unique_ptr<Workspace> workspace_;
    std::map<std::string, std::uint64_t> generation_;
    std::set<std::string> pending_;
    std::map<std::string, CardOutcome> outcomes_;
    std::map<std::string, std::vector<std::string>> loadedOptions_;  // filter id -> choices
    // Filters added in this session whose id still comes from the type's default label ("list"):
    // the first label the user gives renames the id too ("category").
    std::set<std::string> defaultFilterIds_;
    // Question cards added with an automatic chart, and the place they landed on, until their
    // first result (sizeToItsChart).
    std::map<std::string, dashboard::GridRect> autoSized_;
    std::vector<QueryHandle> runs_;  // this session's runs, maybe unfinished (cancelled on close)
    std::map<std::string, QueryHandle> cardRuns_;  // each card's latest run
    QUndoStack* undo_ = nullptr;
    QTimer* refreshTimer_ = nullptr;
    int liveRefreshSeconds_ = 0;
    Mailbox mailbox_;  // last member: closed first, before anything a late post could touch
};

}  // namespace deskbase::widgets
