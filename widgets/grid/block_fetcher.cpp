#include "widgets/grid/block_fetcher.h"

#include <atomic>

#include "core/sql/result_sql.h"
#include "core/warehouse/warehouse.h"

namespace deskbase::widgets {

namespace {
constexpr int kIdleCursorMs = 1500;
// Rows of a statement that cannot be paged (PRAGMA, EXPLAIN, INSERT ... RETURNING) kept at most.
constexpr std::size_t kUnpagedBlocks = 8;

std::string nextSlot() {
    static std::atomic<std::uint64_t> next{1};
    return "grid" + std::to_string(next++);
}
}  // namespace

// The grid's connection lease and the cursor open on it. Only the one run holding the lease's
// turn touches it (on a worker); the cursor is declared after the lease, so it goes first.
struct BlockFetcher::Pager {
    explicit Pager(std::string t) : target(std::move(t)) {}
    const std::string target;
    bool used = false;  // GUI side: a run was given the lease (it holds a connection)
    std::shared_ptr<ConnectionLease> lease = std::make_shared<ConnectionLease>();
    std::unique_ptr<QueryCursor> cursor;
    const Warehouse* cursorOn = nullptr;  // the connection the cursor belongs to
    std::int64_t pos = 0, end = 0;        // rows of the window read so far / where it ends

    void close() {
        cursor.reset();
        cursorOn = nullptr;
        pos = end = 0;
    }
    // Opens a window of `rows` rows at `offset` in the query's order.
    Status open(Warehouse& w, const ResultQuery& q, std::int64_t offset, std::int64_t rows) {
        close();
        auto c = w.query(pagedSql(q.sql, {q.sortColumn, q.descending, offset, rows}, w.dialect()), q.params);
        if (!c) return Status::fail(c.message());
        cursor = std::move(*c);
        cursorOn = &w;
        pos = offset;
        end = offset + rows;
        return Status::ok();
    }
};

BlockFetcher::BlockFetcher(QueryExecutor& executor, std::size_t blockRows, Callbacks callbacks)
    : executor_(executor), blockRows_(blockRows), cb_(std::move(callbacks)), slot_(nextSlot()) {
    idle_.setSingleShot(true);
    idle_.setInterval(kIdleCursorMs);
    QObject::connect(&idle_, &QTimer::timeout, [this] { closeCursorWhenIdle(); });
}

BlockFetcher::~BlockFetcher() {
    mailbox_.close();
    inFlight_.cancel();
    count_.cancel();
    retirePager();
}

void BlockFetcher::closeCursor(const std::shared_ptr<Pager>& pager) {
    // Never on this thread: closing a PostgreSQL cursor reads what the server still sends. The
    // run queues behind the one in flight on the lease; whoever lets go of the pager last then
    // only gives its connection back to the pool.
    QueryRequest r;
    r.target = pager->target;
    r.useCache = false;
    r.lease = pager->lease;
    r.work = [pager](Warehouse&, const std::atomic<bool>&) -> Result<QueryResult> {
        pager->close();
        return QueryResult{};
    };
    executor_.submit(std::move(r));
}

void BlockFetcher::retirePager() {
    if (pager_ && pager_->used) closeCursor(pager_);
    pager_.reset();
    cursorOpen_ = false;
}

QueryHandle BlockFetcher::submit(QueryRequest request) {
    request.target = current_.target;
    request.useCache = false;
    if (request.lease) pager_->used = true;
    return executor_.submit(std::move(request));
}

void BlockFetcher::postDropped(std::uint64_t gen, std::int64_t block) {
    mailbox_.post([cb = cb_.dropped, gen, block] { cb(gen, block); });
}

void BlockFetcher::start(std::uint64_t gen, ResultQuery query) {
    gen_ = gen;
    pendingBlocks_.clear();
    count_.cancel();
    idle_.stop();
    cursorOpen_ = false;  // the start reopens it
    // A new target gets a new lease.
    if (pager_ && pager_->target != query.target) retirePager();
    if (!pager_) pager_ = std::make_shared<Pager>(query.target);
    current_ = std::move(query);
    paged_ = isPageableQuery(current_.sql, Warehouse::dialectFor(current_.target));
    // Submitted at once: the slot supersedes (interrupts) the run in flight, and the lease makes
    // this one wait for its turn on the connection.
    if (paged_)
        submitStart();
    else
        submitUnpaged();
}

void BlockFetcher::submitStart() {
    const std::uint64_t gen = gen_;
    auto rows = std::make_shared<QueryResult>();
    QueryRequest r;
    r.slotKey = slot_;
    r.lease = pager_->lease;
    r.work = [pager = pager_, q = current_, rows, n = blockRows_](
                 Warehouse& w, const std::atomic<bool>&) -> Result<QueryResult> {
        if (auto s = pager->open(w, q, 0, std::int64_t(n * kWindowBlocks)); !s)
            return Error{unwrappedError(s.message())};  // positions refer to q.sql, not the wrapper
        rows->columns = pager->cursor->columns();
        auto fetched = pager->cursor->fetch(rows->rows, n);
        if (!fetched) {
            pager->close();
            return Error{fetched.message()};
        }
        pager->pos = std::int64_t(rows->rows.size());
        return QueryResult{};
    };
    r.onFinished = [mailbox = mailbox_.address(), self = this, gen, rows](const Result<QueryResult>& result) {
        mailbox.post([self, gen, rows, ok = result.isOk(),
                      message = result.isOk() ? std::string() : result.message()] {
            if (gen != self->gen_) return;  // superseded
            self->inFlight_ = {};
            if (!ok) {
                if (message != "superseded") self->cb_.failed(gen, message);
                return;
            }
            const bool complete = rows->rows.size() < self->blockRows_;
            self->cursorOpen_ = true;
            self->cb_.started(gen, std::move(rows->columns), std::move(rows->rows), complete);
            if (!complete) self->submitCount();
            self->pump();
        });
    };
    inFlight_ = submit(std::move(r));
}

void BlockFetcher::submitUnpaged() {
    // Not pageable: run it once as it is and keep what it returns, up to a bound. The executor
    // runs a write in a transaction with the bump of its tables' data versions.
    const std::uint64_t gen = gen_;
    QueryRequest r;
    r.slotKey = slot_;
    r.sql = current_.sql;
    r.params = current_.params;
    r.rowLimit = blockRows_ * kUnpagedBlocks;
    r.onFinished = [mailbox = mailbox_.address(), self = this, gen](const Result<QueryResult>& result) {
        auto all = std::make_shared<QueryResult>(result.isOk() ? result.value() : QueryResult{});
        mailbox.post([self, gen, all, ok = result.isOk(),
                      message = result.isOk() ? std::string() : result.message()] {
            if (gen != self->gen_) return;
            self->inFlight_ = {};
            if (!ok) {
                if (message != "superseded") self->cb_.failed(gen, message);
                return;
            }
            std::vector<Row>& rows = all->rows;
            const auto total = std::int64_t(rows.size());
            const std::size_t first = std::min(rows.size(), self->blockRows_);
            std::vector<Row> head(std::make_move_iterator(rows.begin()),
                                  std::make_move_iterator(rows.begin() + std::ptrdiff_t(first)));
            self->cb_.started(gen, std::move(all->columns), std::move(head), false);
            // Later blocks go straight to the grid's cache.
            for (std::size_t b = 1; b * self->blockRows_ < rows.size(); ++b) {
                const auto from = rows.begin() + std::ptrdiff_t(b * self->blockRows_);
                const auto to =
                    rows.begin() + std::ptrdiff_t(std::min(rows.size(), (b + 1) * self->blockRows_));
                self->cb_.block(gen, std::int64_t(b),
                                std::vector<Row>(std::make_move_iterator(from), std::make_move_iterator(to)));
            }
            self->cb_.counted(gen, total);
        });
    };
    inFlight_ = submit(std::move(r));
}

void BlockFetcher::request(std::uint64_t gen, std::int64_t block) {
    if (gen != gen_) return;
    for (auto it = pendingBlocks_.begin(); it != pendingBlocks_.end(); ++it) {
        if (*it == block) {  // already asked: move it to the front of the line
            pendingBlocks_.erase(it);
            break;
        }
    }
    pendingBlocks_.push_back(block);
    if (pendingBlocks_.size() > kMaxPendingRequests) {
        postDropped(gen, pendingBlocks_.front());
        pendingBlocks_.pop_front();
    }
    pump();
}

void BlockFetcher::pump() {
    if (inFlight_.isValid() || pendingBlocks_.empty()) {
        if (!inFlight_.isValid() && cursorOpen_) idle_.start();
        return;
    }
    idle_.stop();
    const std::int64_t block = pendingBlocks_.back();
    pendingBlocks_.pop_back();
    submitBlock(block);
}

void BlockFetcher::submitBlock(std::int64_t block) {
    const std::uint64_t gen = gen_;
    if (!paged_) {  // unpaged results were delivered whole; there is nothing more to fetch
        mailbox_.post([self = this, gen, block] {
            if (gen == self->gen_) self->cb_.block(gen, block, {});
        });
        return;
    }
    auto rows = std::make_shared<std::vector<Row>>();
    QueryRequest r;
    r.slotKey = slot_;
    r.lease = pager_->lease;
    r.work = [pager = pager_, q = current_, rows, block, n = std::int64_t(blockRows_)](
                 Warehouse& w, const std::atomic<bool>&) -> Result<QueryResult> {
        const std::int64_t start = block * n;
        // Continue the open cursor when the block is a little ahead of it (sequential scrolling);
        // otherwise open a new window at the block.
        const bool continues = pager->cursor && pager->cursorOn == &w && start >= pager->pos &&
                               start + n <= pager->end && start - pager->pos <= 4 * n;
        if (!continues)
            if (auto s = pager->open(w, q, start, n * std::int64_t(kWindowBlocks)); !s)
                return Error{s.message()};
        if (start > pager->pos) {
            std::vector<Row> skipped;
            auto skippedRows = pager->cursor->fetch(skipped, std::size_t(start - pager->pos));
            pager->pos += skippedRows ? std::int64_t(*skippedRows) : 0;
        }
        auto fetched = pager->cursor->fetch(*rows, std::size_t(n));
        if (!fetched) {
            pager->close();
            return Error{fetched.message()};
        }
        pager->pos += std::int64_t(*fetched);
        return QueryResult{};
    };
    r.onFinished = [mailbox = mailbox_.address(), self = this, gen, block,
                    rows](const Result<QueryResult>& result) {
        mailbox.post([self, gen, block, rows, ok = result.isOk()] {
            if (gen != self->gen_) return;
            self->inFlight_ = {};
            self->cursorOpen_ = ok;  // a failed fetch closed it
            if (ok)
                self->cb_.block(gen, block, std::move(*rows));
            else
                self->cb_.dropped(gen, block);  // asked again when its rows are still on screen
            self->pump();
        });
    };
    inFlight_ = submit(std::move(r));
}

void BlockFetcher::submitCount() {
    const std::uint64_t gen = gen_;
    QueryRequest r;
    r.slotKey = slot_ + ":count";
    r.sql = countSql(current_.sql, Warehouse::dialectFor(current_.target));
    r.params = current_.params;
    r.onFinished = [mailbox = mailbox_.address(), self = this, gen](const Result<QueryResult>& result) {
        if (!result && (result.message() == "cancelled" || result.message() == "superseded")) return;
        std::int64_t total = -1;  // -1: the count failed
        if (result && !result->rows.empty() && !result->rows[0].empty())
            if (const auto* v = std::get_if<std::int64_t>(&result->rows[0][0])) total = *v;
        mailbox.post([self, gen, total] {
            if (gen == self->gen_) self->cb_.counted(gen, total);
        });
    };
    count_ = submit(std::move(r));
}

void BlockFetcher::closeCursorWhenIdle() {
    // Releases the open statement so SQLite's WAL can checkpoint during imports.
    if (inFlight_.isValid() || !cursorOpen_ || !pager_) return;
    cursorOpen_ = false;
    closeCursor(pager_);
}

void BlockFetcher::cancel() {
    for (std::int64_t b : pendingBlocks_) postDropped(gen_, b);
    pendingBlocks_.clear();
    // A run not started yet (queued, or waiting for its connection) never starts.
    inFlight_.cancel();
    count_.cancel();
}

}  // namespace deskbase::widgets
