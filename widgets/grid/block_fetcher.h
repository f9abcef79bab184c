#pragma once
// The background side of the result grid: one thread with its own warehouse connection that
// runs the user's query page by page. A newer query supersedes an older one (its statement is
// interrupted, not awaited); block requests are served newest first and old ones are dropped,
// so the rows under the viewport arrive first however fast the user scrolls.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/types/value.h"

class QObject;

namespace deskbase {
class Warehouse;
class QueryCursor;
}  // namespace deskbase

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
    // Callbacks run on the thread of `context` (queued), never on the worker thread.
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

    BlockFetcher(QObject* context, std::size_t blockRows, Callbacks callbacks);
    ~BlockFetcher();  // interrupts and joins the worker
    BlockFetcher(const BlockFetcher&) = delete;
    BlockFetcher& operator=(const BlockFetcher&) = delete;

    void start(std::uint64_t gen, ResultQuery query);     // supersedes everything before
    void request(std::uint64_t gen, std::int64_t block);  // newest first; duplicates ignored
    void cancel();                                        // interrupt the statement, drop requests

    static constexpr std::size_t kMaxPendingRequests = 8;
    static constexpr std::size_t kWindowBlocks = 16;  // a cursor is opened for this many blocks ahead

private:
    void run();
    void serveStart(std::uint64_t gen, const ResultQuery& q);
    void serveBlock(std::uint64_t gen, std::int64_t block);
    void serveCount(std::uint64_t gen);
    bool ensureConnection(std::uint64_t gen, const std::string& target);
    void closeCursor();
    void interruptRunning();
    template <class F>
    void post(F&& f);

    QObject* context_;
    const std::size_t blockRows_;
    Callbacks cb_;

    std::mutex mutex_;  // guards the request state below
    std::condition_variable wake_;
    bool stopping_ = false;
    std::optional<std::pair<std::uint64_t, ResultQuery>> pendingStart_;
    std::deque<std::int64_t> pendingBlocks_;  // back = newest
    std::uint64_t gen_ = 0;                   // the generation requests refer to
    std::uint64_t cancelledGen_ = 0;          // a generation cancelled before its statement ran
    bool countPending_ = false;

    // Worker-thread state.
    ResultQuery current_;
    bool wrappable_ = true;
    std::unique_ptr<QueryCursor> cursor_;
    std::int64_t cursorPos_ = 0, cursorEnd_ = 0;
    std::string target_;

    std::mutex connectionMutex_;  // guards connection_'s lifetime against cancel()
    std::unique_ptr<Warehouse> connection_;

    std::thread worker_;
};

}  // namespace deskbase::widgets
