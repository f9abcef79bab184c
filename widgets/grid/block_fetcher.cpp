#include "widgets/grid/block_fetcher.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include "core/sql/statement_kind.h"
#include "core/warehouse/warehouse.h"
#include "core/sql/result_sql.h"

namespace deskbase::widgets {

namespace {
constexpr auto kIdleCursorTimeout = std::chrono::milliseconds(1500);
// Rows of a statement that cannot be paged (PRAGMA, EXPLAIN, INSERT ... RETURNING) kept at most.
constexpr std::size_t kUnpagedBlocks = 8;
}  // namespace

BlockFetcher::BlockFetcher(QObject* context, std::size_t blockRows, Callbacks callbacks)
    : context_(context), blockRows_(blockRows), cb_(std::move(callbacks)) {
    worker_ = std::thread([this] { run(); });
}

BlockFetcher::~BlockFetcher() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    interruptRunning();
    wake_.notify_all();
    worker_.join();
}

template <class F>
void BlockFetcher::post(F&& f) {
    // Queued onto the context's thread; dropped by Qt if the context is gone.
    QMetaObject::invokeMethod(context_, std::forward<F>(f), Qt::QueuedConnection);
}

void BlockFetcher::interruptRunning() {
    std::lock_guard lock(connectionMutex_);
    if (connection_) connection_->cancel();
}

void BlockFetcher::start(std::uint64_t gen, ResultQuery query) {
    // Interrupt before publishing, so the interrupt can only hit the superseded statement.
    interruptRunning();
    {
        std::lock_guard lock(mutex_);
        pendingStart_.emplace(gen, std::move(query));
        pendingBlocks_.clear();
        countPending_ = false;
        gen_ = gen;
    }
    wake_.notify_all();
}

void BlockFetcher::request(std::uint64_t gen, std::int64_t block) {
    std::optional<std::int64_t> droppedBlock;
    {
        std::lock_guard lock(mutex_);
        if (gen != gen_) return;
        for (auto it = pendingBlocks_.begin(); it != pendingBlocks_.end(); ++it) {
            if (*it == block) {  // already asked: move it to the front of the line
                pendingBlocks_.erase(it);
                break;
            }
        }
        pendingBlocks_.push_back(block);
        if (pendingBlocks_.size() > kMaxPendingRequests) {
            droppedBlock = pendingBlocks_.front();
            pendingBlocks_.pop_front();
        }
    }
    if (droppedBlock) {
        auto cb = cb_.dropped;
        const std::int64_t b = *droppedBlock;
        post([cb, gen, b] { cb(gen, b); });
    }
    wake_.notify_all();
}

void BlockFetcher::cancel() {
    std::vector<std::int64_t> dropped;
    std::uint64_t gen;
    {
        std::lock_guard lock(mutex_);
        dropped.assign(pendingBlocks_.begin(), pendingBlocks_.end());
        pendingBlocks_.clear();
        countPending_ = false;
        // The interrupt below only reaches a running statement: one not started yet (still
        // queued, or waiting for its connection to open) must not start at all.
        pendingStart_.reset();
        cancelledGen_ = gen_;
        gen = gen_;
    }
    interruptRunning();
    auto cb = cb_.dropped;
    for (std::int64_t b : dropped) post([cb, gen, b] { cb(gen, b); });
}

void BlockFetcher::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        const bool woke = wake_.wait_for(lock, kIdleCursorTimeout, [this] {
            return stopping_ || pendingStart_ || !pendingBlocks_.empty() || countPending_;
        });
        if (stopping_) break;
        if (!woke) {
            // Idle: release the open statement so SQLite's WAL can checkpoint during imports.
            lock.unlock();
            closeCursor();
            lock.lock();
            continue;
        }
        if (pendingStart_) {
            auto [gen, q] = std::move(*pendingStart_);
            pendingStart_.reset();
            lock.unlock();
            serveStart(gen, q);
            lock.lock();
        } else if (!pendingBlocks_.empty()) {
            const std::int64_t block = pendingBlocks_.back();
            pendingBlocks_.pop_back();
            const std::uint64_t gen = gen_;
            lock.unlock();
            serveBlock(gen, block);
            lock.lock();
        } else if (countPending_) {
            countPending_ = false;
            const std::uint64_t gen = gen_;
            lock.unlock();
            serveCount(gen);
            lock.lock();
        }
    }
    lock.unlock();
    closeCursor();
    std::lock_guard guard(connectionMutex_);
    connection_.reset();
}

void BlockFetcher::closeCursor() {
    cursor_.reset();
    cursorPos_ = cursorEnd_ = 0;
}

bool BlockFetcher::ensureConnection(std::uint64_t gen, const std::string& target) {
    if (connection_ && target_ == target) return true;
    closeCursor();
    auto opened = Warehouse::open(target);
    if (!opened) {
        auto cb = cb_.failed;
        post([cb, gen, msg = opened.message()] { cb(gen, msg); });
        return false;
    }
    std::lock_guard lock(connectionMutex_);
    connection_ = std::move(*opened);
    target_ = target;
    return true;
}

void BlockFetcher::serveStart(std::uint64_t gen, const ResultQuery& q) {
    closeCursor();
    current_ = q;
    if (!ensureConnection(gen, q.target)) return;
    {
        std::lock_guard lock(mutex_);  // cancelled or superseded while the connection opened
        if (gen != gen_ || gen == cancelledGen_) return;
    }
    // Writers run once, unwrapped.
    wrappable_ = isPageableQuery(q.sql);
    std::vector<Row> rows;
    std::vector<Column> columns;
    bool complete = false;
    if (wrappable_) {
        PageRequest page{q.sortColumn, q.descending, 0, std::int64_t(blockRows_ * kWindowBlocks)};
        auto cursor = connection_->query(pagedSql(q.sql, page), q.params);
        if (!cursor) {
            auto cb = cb_.failed;
            post([cb, gen, msg = cursor.message()] { cb(gen, msg); });
            return;
        }
        cursor_ = std::move(*cursor);
        cursorEnd_ = page.limit;
        auto n = cursor_->fetch(rows, blockRows_);
        if (!n) {
            closeCursor();
            auto cb = cb_.failed;
            post([cb, gen, msg = n.message()] { cb(gen, msg); });
            return;
        }
        cursorPos_ = std::int64_t(rows.size());
        columns = cursor_->columns();
        complete = rows.size() < blockRows_;
    } else {
        // Not pageable: run it once and keep what it returns, up to a bound. A statement that
        // writes tables bumps their data versions in the same transaction, so cached results
        // reading them (dashboards, other processes) are not served again.
        const StatementKind kind = classifyStatement(q.sql);
        const bool versioned = kind.writesData && !kind.writtenTables.empty();
        auto fail = [&](const std::string& msg) {
            if (versioned) connection_->rollback();
            auto cb = cb_.failed;
            post([cb, gen, msg] { cb(gen, msg); });
        };
        if (versioned) {
            if (auto s = connection_->begin(); !s) return fail(s.message());
        }
        std::vector<Row> all;
        {
            auto cursor = connection_->query(q.sql, q.params);
            if (!cursor) return fail(cursor.message());
            columns = (*cursor)->columns();
            auto n = (*cursor)->fetch(all, blockRows_ * kUnpagedBlocks);
            if (!n) return fail(n.message());
        }
        if (versioned) {
            for (const auto& table : kind.writtenTables)
                if (auto s = connection_->bumpDataVersion(table); !s) return fail(s.message());
            if (auto s = connection_->commit(); !s) return fail(s.message());
        }
        complete = true;
        const std::size_t first = std::min(all.size(), blockRows_);
        rows.assign(std::make_move_iterator(all.begin()),
                    std::make_move_iterator(all.begin() + std::ptrdiff_t(first)));
        // Later blocks go straight to the cache.
        for (std::size_t b = 1; b * blockRows_ < all.size(); ++b) {
            const auto from = all.begin() + std::ptrdiff_t(b * blockRows_);
            const auto to = all.begin() + std::ptrdiff_t(std::min(all.size(), (b + 1) * blockRows_));
            std::vector<Row> part(std::make_move_iterator(from), std::make_move_iterator(to));
            auto cb = cb_.block;
            post([cb, gen, b, part = std::move(part)]() mutable {
                cb(gen, std::int64_t(b), std::move(part));
            });
        }
        const std::int64_t total = std::int64_t(all.size());
        auto started = cb_.started;
        post([started, gen, columns, rows = std::move(rows), total]() mutable {
            started(gen, std::move(columns), std::move(rows), false);
        });
        auto counted = cb_.counted;
        post([counted, gen, total] { counted(gen, total); });
        return;
    }
    auto started = cb_.started;
    post([started, gen, columns = std::move(columns), rows = std::move(rows), complete]() mutable {
        started(gen, std::move(columns), std::move(rows), complete);
    });
    if (!complete) {
        std::lock_guard lock(mutex_);
        if (gen == gen_) countPending_ = true;
    }
}

void BlockFetcher::serveBlock(std::uint64_t gen, std::int64_t block) {
    const std::int64_t start = block * std::int64_t(blockRows_);
    std::vector<Row> rows;
    if (!wrappable_ || !connection_) {
        // Unpaged results were delivered whole; there is nothing more to fetch.
        auto cb = cb_.block;
        post([cb, gen, block, rows = std::move(rows)]() mutable { cb(gen, block, std::move(rows)); });
        return;
    }
    // Continue the open cursor when the block is a little ahead of it (sequential scrolling);
    // otherwise open a new window at the block.
    const bool continueCursor = cursor_ && start >= cursorPos_ &&
                                start + std::int64_t(blockRows_) <= cursorEnd_ &&
                                start - cursorPos_ <= std::int64_t(4 * blockRows_);
    if (!continueCursor) {
        closeCursor();
        PageRequest page{current_.sortColumn, current_.descending, start,
                         std::int64_t(blockRows_ * kWindowBlocks)};
        auto cursor = connection_->query(pagedSql(current_.sql, page), current_.params);
        if (!cursor) {
            auto cb = cb_.dropped;
            post([cb, gen, block] { cb(gen, block); });
            return;
        }
        cursor_ = std::move(*cursor);
        cursorPos_ = start;
        cursorEnd_ = start + page.limit;
    }
    if (start > cursorPos_) {
        std::vector<Row> skipped;
        auto n = cursor_->fetch(skipped, std::size_t(start - cursorPos_));
        cursorPos_ += n ? std::int64_t(*n) : 0;
    }
    auto n = cursor_->fetch(rows, blockRows_);
    if (!n) {
        closeCursor();
        auto cb = cb_.dropped;
        post([cb, gen, block] { cb(gen, block); });
        return;
    }
    cursorPos_ += std::int64_t(*n);
    auto cb = cb_.block;
    post([cb, gen, block, rows = std::move(rows)]() mutable { cb(gen, block, std::move(rows)); });
}

void BlockFetcher::serveCount(std::uint64_t gen) {
    // The count reads the whole result: release the paging cursor's statement first.
    closeCursor();
    auto cursor = connection_->query(countSql(current_.sql), current_.params);
    std::vector<Row> rows;
    std::int64_t total = -1;  // -1: the count failed or was interrupted
    if (cursor && (*cursor)->fetch(rows, 1) && !rows.empty())
        if (const auto* v = std::get_if<std::int64_t>(&rows[0][0])) total = *v;
    auto cb = cb_.counted;
    post([cb, gen, total] { cb(gen, total); });
}

}  // namespace deskbase::widgets
