#include "core/ingest/load_pipeline.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>

#include "core/infer/type_inference.h"
#include "core/ingest/file_schema.h"
#include "core/ingest/reject_spill.h"
#include "core/io/record_reader.h"
#include "core/runtime/companion.h"
#include "core/warehouse/warehouse.h"

namespace deskbase {

namespace {

constexpr std::size_t kBatchRows = 8192;
constexpr std::size_t kQueueDepth = 4;

// A bounded hand-off of batches with recycling, so steady state allocates nothing.
class BatchQueue {
public:
    std::unique_ptr<RowBatch> takeEmpty() {
        std::unique_lock lock(m_);
        if (!free_.empty()) {
            auto b = std::move(free_.back());
            free_.pop_back();
            return b;
        }
        return std::make_unique<RowBatch>();
    }
    // Returns false when the consumer stopped.
    bool push(std::unique_ptr<RowBatch> b) {
        std::unique_lock lock(m_);
        notFull_.wait(lock, [&] { return full_.size() < kQueueDepth || stopped_; });
        if (stopped_) return false;
        full_.push_back(std::move(b));
        notEmpty_.notify_one();
        return true;
    }
    // nullptr at the end.
    std::unique_ptr<RowBatch> pop() {
        std::unique_lock lock(m_);
        notEmpty_.wait(lock, [&] { return !full_.empty() || finished_; });
        if (full_.empty()) return nullptr;
        auto b = std::move(full_.front());
        full_.pop_front();
        notFull_.notify_one();
        return b;
    }
    void recycle(std::unique_ptr<RowBatch> b) {
        b->clear();
        std::lock_guard lock(m_);
        free_.push_back(std::move(b));
    }
    void finish() { std::lock_guard lock(m_); finished_ = true; notEmpty_.notify_all(); }
    void stop() { std::lock_guard lock(m_); stopped_ = true; notFull_.notify_all(); }

private:
    std::mutex m_;
    std::condition_variable notFull_, notEmpty_;
    std::deque<std::unique_ptr<RowBatch>> full_;
    std::vector<std::unique_ptr<RowBatch>> free_;
    bool finished_ = false, stopped_ = false;
};

struct ProducerState {
    std::atomic<std::int64_t> bytes{0};
    std::int64_t total = 0;
    std::int64_t rejected = 0;
    std::string error;
};

void produce(const LoadPlan& plan, BatchQueue& queue, RejectSpill& rejects, const std::atomic<bool>& cancelled,
             ProducerState& state) {
    auto opened = openRecordReader(plan.path, plan.sniff, plan.readerKeys);
    if (!opened) { state.error = opened.message(); queue.finish(); return; }
    RecordReader& reader = **opened;
    state.total = reader.bytesTotal();
    const std::size_t cols = plan.types.size();
    const bool decimalComma = allowsDecimalComma(plan.sniff);
    Record rec;
    std::string reason;
    std::unique_ptr<RowBatch> batch = queue.takeEmpty();
    batch->columnCount = cols;
    batch->cells.reserve(kBatchRows * cols);
    for (;;) {
        auto got = reader.next(rec);
        if (!got) { state.error = got.message(); break; }
        const bool end = !*got;
        if (!end) {
            const std::size_t n = rec.fields.size();
            if (!rec.error.empty()) {
                rejects.add(rec.line, rec.error, rec.raw);
            } else if (isBlankRecord(rec.fields, plan.sourceColumns)) {
                // not data
            } else if (n != plan.sourceColumns && plan.sniff.format == FileFormat::Csv) {
                rejects.add(rec.line,
                            "expected " + std::to_string(plan.sourceColumns) + " fields, found " + std::to_string(n),
                            rec.raw);
            } else {
                const std::size_t mark = batch->cells.size();
                bool ok = true;
                for (std::size_t c = 0; c < cols; ++c) {
                    const std::size_t src = plan.sourceIndex[c];
                    const std::string_view field = src < n ? rec.fields[src] : std::string_view();
                    Cell cell;
                    if (!convertField(field, plan.types[c], plan.slashOrders[c], batch->arena, cell, reason, decimalComma)) {
                        rejects.add(rec.line, "column " + plan.columnNames[c] + ": " + reason, rec.raw);
                        ok = false;
                        break;
                    }
                    batch->cells.push_back(cell);
                }
                if (ok) batch->lineNumbers.push_back(rec.line);
                else batch->cells.resize(mark);
            }
        }
        if (batch->rowCount() >= kBatchRows || (end && batch->rowCount() > 0)) {
            state.bytes.store(reader.bytesConsumed(), std::memory_order_relaxed);
            if (cancelled.load(std::memory_order_relaxed) || !queue.push(std::move(batch))) break;
            batch = queue.takeEmpty();
            batch->columnCount = cols;
        }
        if (end) break;
    }
    state.bytes.store(reader.bytesConsumed());
    state.rejected = rejects.count();
    queue.finish();
}

}  // namespace

Result<LoadStats> runLoadPipeline(const LoadPlan& plan, BulkWriter& writer, RejectSpill& rejects,
                                  const std::atomic<bool>& cancelled,
                                  const std::function<void(std::int64_t, std::int64_t, std::int64_t)>& progress) {
    BatchQueue queue;
    ProducerState state;
    Companion producer([&] { produce(plan, queue, rejects, cancelled, state); });
    LoadStats stats;
    Status failure;
    while (auto batch = queue.pop()) {
        if (cancelled.load(std::memory_order_relaxed)) { failure = Status::fail("cancelled"); break; }
        if (auto s = writer.write(*batch); !s) { failure = s; break; }
        stats.rows += std::int64_t(batch->rowCount());
        queue.recycle(std::move(batch));
        if (progress) progress(state.bytes.load(std::memory_order_relaxed), state.total, stats.rows);
    }
    queue.stop();  // unblocks the producer if we stopped early
    while (auto rest = queue.pop()) {}
    producer.join();
    if (!failure.isOk()) return Error{failure.message()};
    if (!state.error.empty()) return Error{state.error};
    if (cancelled.load()) return Error{"cancelled"};
    stats.rejected = state.rejected;
    return stats;
}

}  // namespace deskbase
