#include "widgets/grid/selection_fetcher.h"

#include <QMetaObject>
#include <QObject>

#include "core/warehouse/warehouse.h"
#include "widgets/common/background_task.h"
#include "core/sql/result_sql.h"

namespace deskbase::widgets {

namespace {
constexpr std::size_t kFetchRows = 1000;
}

// One fetch's state, shared with its worker so the worker never touches the fetcher: a newer
// fetch or the fetcher's end only interrupts it and never waits (opening a connection can take
// seconds: a busy SQLite file, an unreachable server).
struct SelectionFetcher::Run {
    std::atomic<bool> stop{false};
    std::mutex mutex;  // guards connection against interrupt() from the GUI thread
    Warehouse* connection = nullptr;

    void interrupt() {
        stop.store(true);
        std::lock_guard lock(mutex);
        if (connection) connection->cancel();
    }
};

SelectionFetcher::SelectionFetcher(QObject* context) : mailbox_(std::make_shared<GuiMailbox>(context)) {}

SelectionFetcher::~SelectionFetcher() {
    mailbox_->close();  // a result on its way is dropped
    cancel();
}

void SelectionFetcher::cancel() {
    ++gen_;  // a result still on its way is no longer wanted
    running_ = false;
    if (run_) run_->interrupt();
    run_.reset();
}

void SelectionFetcher::start(ResultQuery query, SelectionShape shape, CopyLimits limits,
                             std::function<void(CopiedSelection)> done) {
    cancel();
    const std::uint64_t gen = ++gen_;
    running_ = true;
    run_ = std::make_shared<Run>();
    std::thread([run = run_, mailbox = mailbox_, self = this, gen, query = std::move(query),
                 shape = std::move(shape), limits, done = std::move(done)]() mutable {
        CopiedSelection out;
        auto opened = Warehouse::open(query.target);
        if (!opened) {
            out.error = QString::fromStdString(opened.message());
        } else {
            {
                std::lock_guard lock(run->mutex);
                run->connection = opened->get();
            }
            // An interrupt that came while the connection was opening: the stop flag says so.
            out = fetch(**opened, query, shape, limits, run->stop);
            std::lock_guard lock(run->mutex);
            run->connection = nullptr;
        }
        if (run->stop.load()) return;
        // `self` is only used on the GUI thread, and only while the mailbox is open (the
        // fetcher closes it before it goes).
        mailbox->post([self, gen, done = std::move(done), out = std::move(out)]() mutable {
            if (gen != self->gen_) return;  // superseded or cancelled meanwhile
            self->running_ = false;
            done(std::move(out));
        });
    }).detach();
}

CopiedSelection SelectionFetcher::fetch(Warehouse& warehouse, const ResultQuery& query,
                                        const SelectionShape& shape, const CopyLimits& limits,
                                        const std::atomic<bool>& stop) {
    CopiedSelection out;
    out.selectedRows = shape.rowCount();
    std::string text;
    auto segment = shape.segments.begin();
    bool full = false;
    // Adjacent segments form one run: one query for each run of consecutive rows.
    for (auto runStart = shape.segments.begin(); runStart != shape.segments.end() && !full;) {
        auto runEnd = runStart;
        while (std::next(runEnd) != shape.segments.end() && std::next(runEnd)->first == runEnd->last + 1)
            ++runEnd;
        const std::int64_t first = runStart->first;
        const std::int64_t count = std::min(runEnd->last - first + 1, limits.maxRows - out.rows);
        runStart = std::next(runEnd);
        if (count <= 0) break;
        PageRequest page{query.sortColumn, query.descending, first, count};
        auto cursor = warehouse.query(pagedSql(query.sql, page), query.params);
        if (!cursor) {
            out.error = QString::fromStdString(cursor.message());
            return out;
        }
        std::int64_t row = first;
        std::vector<Row> block;
        while (!full) {
            if (stop.load()) {
                out.error = QStringLiteral("cancelled");
                return out;
            }
            block.clear();
            auto n = (*cursor)->fetch(block, kFetchRows);
            if (!n) {
                out.error = QString::fromStdString(n.message());
                return out;
            }
            if (*n == 0) break;
            for (const Row& r : block) {
                while (segment->last < row) ++segment;
                if (out.rows) text += '\n';
                appendTsvLine(text, shape, *segment, &r);
                ++out.rows;
                ++row;
                if (out.rows >= limits.maxRows || text.size() >= limits.maxBytes) {
                    full = true;
                    break;
                }
            }
        }
    }
    out.capped = out.rows < out.selectedRows && full;
    out.text = QString::fromUtf8(text.data(), qsizetype(text.size()));
    return out;
}

}  // namespace deskbase::widgets
