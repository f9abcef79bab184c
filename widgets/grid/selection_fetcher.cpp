#include "widgets/grid/selection_fetcher.h"

#include <atomic>

#include "core/sql/result_sql.h"
#include "core/warehouse/warehouse.h"

namespace deskbase::widgets {

namespace {
constexpr std::size_t kFetchRows = 1000;

std::string nextKey() {
    static std::atomic<std::uint64_t> next{1};
    return "copy" + std::to_string(next++);
}
}  // namespace

SelectionFetcher::SelectionFetcher(JobQueue& jobs) : jobs_(jobs), key_(nextKey()) {}

SelectionFetcher::~SelectionFetcher() {
    mailbox_.close();  // a result on its way is dropped
    cancel();
}

void SelectionFetcher::cancel() {
    ++gen_;  // a result still on its way is no longer wanted
    running_ = false;
    job_.cancel();
}

void SelectionFetcher::start(ResultQuery query, SelectionShape shape, CopyLimits limits,
                             std::function<void(CopiedSelection)> done) {
    cancel();
    const std::uint64_t gen = ++gen_;
    running_ = true;
    JobSpec spec;
    spec.kind = "copy";
    spec.key = key_;  // supersedes (interrupts) the previous copy, which may still be connecting
    spec.run = [mailbox = mailbox_.address(), self = this, gen, query = std::move(query),
                shape = std::move(shape), limits, done = std::move(done)](JobContext& job) mutable -> Status {
        CopiedSelection out;
        // Opening may wait (a busy SQLite file, an unreachable server); a cancel meanwhile
        // interrupts the connection as soon as it is open, and the stop flag says so.
        auto connection = job.connection(query.target);
        if (!connection)
            out.error = QString::fromStdString(connection.message());
        else
            out = fetch(**connection, query, shape, limits, job.cancelFlag());
        if (job.cancelled()) return Status::fail("cancelled");
        // `self` is only used on its own thread, and only while the mailbox is open.
        mailbox.post([self, gen, done = std::move(done), out = std::move(out)]() mutable {
            if (gen != self->gen_) return;  // superseded or cancelled meanwhile
            self->running_ = false;
            done(std::move(out));
        });
        return Status::ok();
    };
    job_ = jobs_.submit(std::move(spec));
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
        auto cursor = warehouse.query(pagedSql(query.sql, page, warehouse.dialect()), query.params);
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
