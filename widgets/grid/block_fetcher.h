#pragma once
// The background side of the result grid, as runs on the runtime's executor like any other: the
// first block (with the columns), each further block, the exact row count. The grid's pages
// share one connection lease, so a block just after the last one continues the open cursor
// instead of querying again; the count runs beside them on a connection of its own. A newer
// query supersedes the runs of an older one (they are interrupted, not awaited); block requests
// are served newest first and the oldest dropped, one at a time, so the rows under the viewport
// arrive first however fast the user scrolls. Lives on the GUI thread; never blocks it.
#include <QTimer>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/exec/query_executor.h"
#include "core/runtime/mailbox.h"
#include "core/types/value.h"

namespace deskbase::widgets {

struct ResultQuery {
    std::string target;  // warehouse to open: SQLite path or libpq string
    std::string sql;
    std::vector<Value> params;
    int sortColumn = -1;  // 0-based, -1: the query's own order
    bool descending = false;
};

class BlockFetcher {
public:
    // Called on the thread that made the fetcher, never synchronously from start/request/cancel.
    struct Callbacks {
        // The query runs: its columns and first block; `complete` when that block is all there is.
        std::function<void(std::uint64_t gen, std::vector<Column> columns, std::vector<Row> rows,
                           bool complete)>
            started;
        std::function<void(std::uint64_t gen, std::int64_t block, std::vector<Row> rows)> block;
        std::function<void(std::uint64_t gen, std::int64_t block)> dropped;  // request superseded
        std::function<void(std::uint64_t gen, std::int64_t total)>
            counted;  // exact row count, -1 if it failed
        std::function<void(std::uint64_t gen, std::string message)> failed;
    };

    BlockFetcher(QueryExecutor& executor, std::size_t blockRows, Callbacks callbacks);
    ~BlockFetcher();  // cancels its runs; never waits for them
    BlockFetcher(const BlockFetcher&) = delete;
    BlockFetcher& operator=(const BlockFetcher&) = delete;

    void start(std::uint64_t gen, ResultQuery query);     // supersedes everything before
    void request(std::uint64_t gen, std::int64_t block);  // newest first; duplicates ignored
    void cancel();                                        // interrupt the statement, drop requests
    // The run of the current query in flight (the first block, or a later one): for tests.
    const QueryHandle& currentRun() const { return inFlight_; }

    static constexpr std::size_t kMaxPendingRequests = 8;
    static constexpr std::size_t kWindowBlocks = 16;  // a cursor is opened for this many blocks ahead

    struct Pager;  // the lease and the open cursor (block_fetcher.cpp)

private:
    void pump();  // submits the newest pending block when no run is in flight
    void submitStart();
    void submitUnpaged();
    void submitBlock(std::int64_t block);
    void submitCount();
    void closeCursorWhenIdle();
    void closeCursor(const std::shared_ptr<Pager>& pager);  // on a worker, after the run in flight
    void retirePager();
    QueryHandle submit(QueryRequest request);
    void postDropped(std::uint64_t gen, std::int64_t block);

    QueryExecutor& executor_;
    const std::size_t blockRows_;
    Callbacks cb_;
    const std::string slot_;  // this grid's runs supersede each other
    std::shared_ptr<Pager> pager_;
    ResultQuery current_;
    std::uint64_t gen_ = 0;
    bool paged_ = true;
    bool cursorOpen_ = false;                 // a run left a cursor open on the lease (GUI-side bookkeeping)
    std::deque<std::int64_t> pendingBlocks_;  // back = newest
    QueryHandle inFlight_;
    QueryHandle count_;
    QTimer idle_;      // closes the cursor of a grid nobody scrolls
    Mailbox mailbox_;  // last: closed first
};

}  // namespace deskbase::widgets
