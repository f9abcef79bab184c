#include "widgets/grid/selection_fetcher.h"

#include <QMetaObject>
#include <QObject>

#include "core/warehouse/warehouse.h"
#include "widgets/grid/result_sql.h"

namespace deskbase::widgets {

namespace {
constexpr std::size_t kFetchRows = 1000;
}

SelectionFetcher::SelectionFetcher(QObject* context) : context_(context) {}

SelectionFetcher::~SelectionFetcher() {
    cancel();
    joinWorker();
}

void SelectionFetcher::cancel() {
    ++gen_;  // a result still on its way is no longer wanted
    running_ = false;
    if (stop_) stop_->store(true);
    std::lock_guard lock(connectionMutex_);
    if (connection_) connection_->cancel();
}

void SelectionFetcher::joinWorker() {
    if (!worker_.joinable()) return;
    // An interrupt that lands just before a statement starts is lost (SQLite resets it then), so
    // repeat it until the worker has seen the stop flag.
    while (!finished_->load()) {
        {
            std::lock_guard lock(connectionMutex_);
            if (connection_) connection_->cancel();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    worker_.join();
}

void SelectionFetcher::start(ResultQuery query, SelectionShape shape, CopyLimits limits,
                             std::function<void(CopiedSelection)> done) {
    cancel();
    joinWorker();
    const std::uint64_t gen = ++gen_;
    running_ = true;
    stop_ = std::make_shared<std::atomic<bool>>(false);
    finished_ = std::make_shared<std::atomic<bool>>(false);
    worker_ = std::thread([this, gen, query = std::move(query), shape = std::move(shape), limits,
                           done = std::move(done), stop = stop_, finished = finished_]() mutable {
        CopiedSelection out;
        auto opened = Warehouse::open(query.target);
        if (!opened) {
            out.error = QString::fromStdString(opened.message());
        } else {
            {
                std::lock_guard lock(connectionMutex_);
                connection_ = opened->get();
            }
            out = fetch(**opened, query, shape, limits, *stop);
            std::lock_guard lock(connectionMutex_);
            connection_ = nullptr;
        }
        // The fetcher outlives this post: its owner (the context) joins it before it goes.
        QMetaObject::invokeMethod(
            context_,
            [this, gen, done = std::move(done), out = std::move(out)]() mutable {
                if (gen != gen_) return;  // superseded or cancelled meanwhile
                running_ = false;
                done(std::move(out));
            },
            Qt::QueuedConnection);
        finished->store(true);
    });
}

CopiedSelection SelectionFetcher::fetch(Warehouse& warehouse, const ResultQuery& query, const SelectionShape& shape,
                                        const CopyLimits& limits, const std::atomic<bool>& stop) {
    CopiedSelection out;
    out.selectedRows = shape.rowCount();
    std::string text;
    auto segment = shape.segments.begin();
    bool full = false;
    // Adjacent segments form one run: one query for each run of consecutive rows.
    for (auto runStart = shape.segments.begin(); runStart != shape.segments.end() && !full;) {
        auto runEnd = runStart;
        while (std::next(runEnd) != shape.segments.end() && std::next(runEnd)->first == runEnd->last + 1) ++runEnd;
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
