#pragma once
// Copying a selection that reaches past the grid's cached rows: a worker thread with its own
// warehouse connection runs the grid's query for the selected row ranges (LIMIT/OFFSET, in the
// grid's order) and builds the TSV text, up to a cap on rows and bytes. The result is handed to
// the context's thread; a newer fetch or cancel() supersedes a running one.
#include <QString>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>

#include "widgets/grid/block_fetcher.h"
#include "widgets/grid/selection_tsv.h"

class QObject;

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

class GuiMailbox;

class SelectionFetcher {
public:
    explicit SelectionFetcher(QObject* context);
    ~SelectionFetcher();  // interrupts a running fetch; never waits for it
    SelectionFetcher(const SelectionFetcher&) = delete;
    SelectionFetcher& operator=(const SelectionFetcher&) = delete;

    // `done` runs on the context's thread, unless the fetch was superseded or cancelled first.
    void start(ResultQuery query, SelectionShape shape, CopyLimits limits,
               std::function<void(CopiedSelection)> done);
    void cancel();
    bool isRunning() const { return running_; }

    // The work itself, on the calling thread (the worker runs this). `stop` is polled per block.
    static CopiedSelection fetch(Warehouse& warehouse, const ResultQuery& query, const SelectionShape& shape,
                                 const CopyLimits& limits, const std::atomic<bool>& stop);

private:
    struct Run;

    std::shared_ptr<GuiMailbox> mailbox_;  // the worker's way back to the context's thread
    std::shared_ptr<Run> run_;             // the fetch in progress, if any
    std::uint64_t gen_ = 0;                // GUI thread: the fetch whose result is still wanted
    bool running_ = false;
};

}  // namespace deskbase::widgets
