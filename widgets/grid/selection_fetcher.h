#pragma once
// Copying a selection that reaches past the grid's cached rows: a job on the runtime's job queue
// runs the grid's query for the selected row ranges (LIMIT/OFFSET, in the grid's order) on a
// pooled connection and builds the TSV text, up to a cap on rows and bytes. The result is handed
// back to the thread that made the fetcher; a newer fetch or cancel() supersedes a running one,
// which is interrupted and never waited for.
#include <QString>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>

#include "core/runtime/job_queue.h"
#include "core/runtime/mailbox.h"
#include "widgets/grid/block_fetcher.h"
#include "widgets/grid/selection_tsv.h"

namespace deskbase {
class Warehouse;
}

namespace deskbase::widgets {

struct CopyLimits {
    std::int64_t maxRows = 1'000'000;
    std::size_t maxBytes = std::size_t(100) << 20;  // of UTF-8 text
};

struct CopiedSelection {
    QString text;
    std::int64_t rows = 0;          // lines in text
    std::int64_t selectedRows = 0;  // lines the whole selection would have
    bool capped = false;            // stopped at a limit
    QString error;                  // empty on success
};

class SelectionFetcher {
public:
    explicit SelectionFetcher(JobQueue& jobs);
    ~SelectionFetcher();  // interrupts a running fetch; never waits for it
    SelectionFetcher(const SelectionFetcher&) = delete;
    SelectionFetcher& operator=(const SelectionFetcher&) = delete;

    // `done` runs on this object's thread, unless the fetch was superseded or cancelled first.
    void start(ResultQuery query, SelectionShape shape, CopyLimits limits,
               std::function<void(CopiedSelection)> done);
    void cancel();
    bool isRunning() const { return running_; }
    const JobHandle& job() const { return job_; }  // the latest fetch's job (for tests)

    // The work itself, on the calling thread (the worker runs this). `stop` is polled per block.
    static CopiedSelection fetch(Warehouse& warehouse, const ResultQuery& query, const SelectionShape& shape,
                                 const CopyLimits& limits, const std::atomic<bool>& stop);

private:
    JobQueue& jobs_;
    const std::string key_;  // this grid's copies supersede each other
    JobHandle job_;
    std::uint64_t gen_ = 0;  // the fetch whose result is still wanted
    bool running_ = false;
    Mailbox mailbox_;  // last: closed first
};

}  // namespace deskbase::widgets
