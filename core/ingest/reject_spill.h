#pragma once
// Rejected rows found while loading are spilled to a temporary file (PostgreSQL cannot run
// other statements during COPY), then loaded into <table>__rejects after the data.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "core/types/cell.h"
#include "core/util/result.h"

namespace deskbase {

class RejectSpill {
public:
    RejectSpill();
    ~RejectSpill();
    RejectSpill(const RejectSpill&) = delete;
    RejectSpill& operator=(const RejectSpill&) = delete;

    bool ok() const { return file_ != nullptr; }
    void add(std::int64_t line, std::string_view reason, std::string_view raw);
    std::int64_t count() const { return count_; }
    // The first row rejected (for a one-line error): its line and reason.
    std::int64_t firstLine() const { return firstLine_; }
    const std::string& firstReason() const { return firstReason_; }

    // Reads the spilled rows back as batches of (import_id, line, reason, raw).
    template <class Sink>
    Status replay(std::int64_t importId, std::size_t batchRows, Sink&& sink);

private:
    std::FILE* file_;
    std::int64_t count_ = 0;
    std::int64_t firstLine_ = 0;
    std::string firstReason_;
};

template <class Sink>
Status RejectSpill::replay(std::int64_t importId, std::size_t batchRows, Sink&& sink) {
    if (!file_) return Status::fail("cannot create a temporary file for rejected rows");
    std::rewind(file_);
    RowBatch batch;
    batch.columnCount = 4;
    std::string reason, raw;
    for (std::int64_t i = 0; i < count_; ++i) {
        std::int64_t line = 0;
        std::uint32_t rl = 0, wl = 0;
        if (std::fread(&line, sizeof line, 1, file_) != 1 || std::fread(&rl, sizeof rl, 1, file_) != 1)
            return Status::fail("cannot read back rejected rows");
        reason.resize(rl);
        if (rl && std::fread(reason.data(), 1, rl, file_) != rl)
            return Status::fail("cannot read back rejected rows");
        if (std::fread(&wl, sizeof wl, 1, file_) != 1) return Status::fail("cannot read back rejected rows");
        raw.resize(wl);
        if (wl && std::fread(raw.data(), 1, wl, file_) != wl)
            return Status::fail("cannot read back rejected rows");
        batch.cells.push_back(Cell::integer(importId));
        batch.cells.push_back(Cell::integer(line));
        batch.cells.push_back(Cell::textView(batch.arena.store(reason)));
        batch.cells.push_back(Cell::textView(batch.arena.store(raw)));
        if (batch.rowCount() >= batchRows) {
            if (auto s = sink(batch); !s) return s;
            batch.clear();
        }
    }
    if (batch.rowCount()) return sink(batch);
    return Status::ok();
}

}  // namespace deskbase
