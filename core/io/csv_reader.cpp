#include "core/io/csv_reader.h"

#include <cstring>

namespace deskbase {

namespace {
constexpr std::size_t kBlock = 1 << 20;  // 1 MiB reads

// Line breaks in buf[from, to): LF, CR LF, and a lone CR (old Mac files end lines with it).
std::int64_t countLineBreaks(const char* buf, std::size_t from, std::size_t to) {
    std::int64_t n = 0;
    for (std::size_t k = from; k < to; ++k)
        n += buf[k] == '\n' || (buf[k] == '\r' && (k + 1 >= to || buf[k + 1] != '\n'));
    return n;
}
}

CsvReader::CsvReader(std::unique_ptr<ByteSource> source, CsvDialect dialect)
    : source_(std::move(source)), dialect_(dialect) {
    buffer_.resize(4 * kBlock);
}

std::int64_t CsvReader::bytesConsumed() const { return source_->rawOffset(); }
std::int64_t CsvReader::bytesTotal() const { return source_->rawSize(); }
std::string CsvReader::contentHash() const { return source_->contentHash(); }
bool CsvReader::sawInvalidUtf8() const { return !source_->validUtf8(); }

Status CsvReader::init() {
    Record first;
    for (;;) {
        auto got = readRecord(first);
        if (!got) return got.status();
        if (!*got) return Status::ok();  // no records at all: an empty table with no columns
        // Blank lines before the header are not records.
        if (first.fields.size() == 1 && first.fields[0].empty() && first.error.empty()) continue;
        break;
    }
    if (!first.error.empty()) return Status::fail("line " + std::to_string(first.line) + ": " + first.error);
    if (dialect_.hasHeader) {
        for (auto f : first.fields) header_.emplace_back(f);
    } else {
        for (std::size_t i = 0; i < first.fields.size(); ++i) header_.push_back("column_" + std::to_string(i + 1));
        // Keep the record: it is data. Its views point into buffer_, which the next read may move,
        // so hold copies until it is handed out.
        pending_ = first;
        pendingStore_.clear();
        for (auto& f : pending_.fields) pendingStore_.emplace_back(f);
        pendingStore_.emplace_back(first.raw);
        for (std::size_t i = 0; i < pending_.fields.size(); ++i) pending_.fields[i] = pendingStore_[i];
        pending_.raw = pendingStore_.back();
        havePending_ = true;
    }
    return Status::ok();
}

Result<bool> CsvReader::next(Record& record) {
    if (havePending_) {
        havePending_ = false;
        record = pending_;
        return true;
    }
    return readRecord(record);
}

Result<bool> CsvReader::readRecord(Record& record) {
    for (;;) {
        switch (parseAt(record)) {
            case Parse::Ok: return true;
            case Parse::End: return false;
            case Parse::NeedMore: {
                auto more = refill();
                if (!more) return Error{more.message()};
                // At the end of input parseAt() completes the last record itself.
            }
        }
    }
}

Result<bool> CsvReader::refill() { return refillBuffer(*source_, buffer_, begin_, end_, eof_); }

CsvReader::Parse CsvReader::parseAt(Record& record) {
    const char delim = dialect_.delimiter, quote = dialect_.quote;
    const char* buf = buffer_.data();
    std::size_t p = begin_;
    if (p >= end_) return eof_ ? Parse::End : Parse::NeedMore;
    // Blank lines at the very end of the file are no records (in a one-column file they would
    // become empty rows). Once a run of blank lines is known to go on, it is not scanned again.
    if (buf[p] == '\n' || buf[p] == '\r') {
        if (!inBlankRunBeforeData_) {
            std::size_t k = p;
            while (k < end_ && (buf[k] == '\n' || buf[k] == '\r')) ++k;
            if (k == end_) {
                if (!eof_) return Parse::NeedMore;
                begin_ = end_;
                return Parse::End;
            }
            inBlankRunBeforeData_ = true;
        }
    } else {
        inBlankRunBeforeData_ = false;
    }
    record.fields.clear();
    record.error.clear();
    record.line = line_;
    std::int64_t newlinesInside = 0;
    if (scratch_.size() < buffer_.size()) scratch_.resize(buffer_.size());
    std::size_t scratchUsed = 0;

    for (;;) {
        // One field starting at p.
        if (p < end_ && buf[p] == quote) {
            std::size_t q = p + 1;
            std::size_t segStart = q;
            bool copied = false;
            std::size_t copyStart = scratchUsed;
            for (;;) {
                const void* hit = q < end_ ? std::memchr(buf + q, quote, end_ - q) : nullptr;
                if (!hit) {
                    if (!eof_) return Parse::NeedMore;
                    // Unterminated quote: the rest of the file is one malformed record.
                    record.error = "unterminated quoted field";
                    if (copied) {  // the text before the last doubled quote is in scratch_
                        std::memcpy(scratch_.data() + scratchUsed, buf + segStart, end_ - segStart);
                        scratchUsed += end_ - segStart;
                        record.fields.emplace_back(scratch_.data() + copyStart, scratchUsed - copyStart);
                    } else {
                        record.fields.emplace_back(buf + segStart, end_ - segStart);
                    }
                    record.raw = std::string_view(buf + begin_, end_ - begin_);
                    newlinesInside += countLineBreaks(buf, p, end_);
                    line_ += newlinesInside + 1;
                    begin_ = end_;
                    return Parse::Ok;
                }
                const std::size_t at = std::size_t(static_cast<const char*>(hit) - buf);
                if (at + 1 >= end_ && !eof_) return Parse::NeedMore;  // can't tell "" from " yet
                if (at + 1 < end_ && buf[at + 1] == quote) {
                    // Doubled quote: copy the segment plus one quote.
                    const std::size_t len = at + 1 - segStart;
                    std::memcpy(scratch_.data() + scratchUsed, buf + segStart, len);
                    scratchUsed += len;
                    copied = true;
                    q = segStart = at + 2;
                    continue;
                }
                // Closing quote.
                newlinesInside += countLineBreaks(buf, p, at);
                if (copied) {
                    const std::size_t len = at - segStart;
                    std::memcpy(scratch_.data() + scratchUsed, buf + segStart, len);
                    scratchUsed += len;
                    record.fields.emplace_back(scratch_.data() + copyStart, scratchUsed - copyStart);
                } else {
                    record.fields.emplace_back(buf + p + 1, at - p - 1);
                }
                p = at + 1;
                break;
            }
            // After a closing quote: a delimiter, a line end, or the end. Stray text is kept
            // (as most tools do) but the row is flagged.
            if (p < end_ && buf[p] != delim && buf[p] != '\n' && buf[p] != '\r') {
                const std::size_t s = p;
                while (p < end_ && buf[p] != delim && buf[p] != '\n' && buf[p] != '\r') ++p;
                if (p >= end_ && !eof_) return Parse::NeedMore;
                record.error = "text after a closing quote: '" + std::string(buf + s, std::min<std::size_t>(p - s, 40)) + "'";
            }
        } else {
            std::size_t s = p;
            while (p < end_) {
                const char c = buf[p];
                if (c == delim || c == '\n' || c == '\r') break;
                ++p;
            }
            if (p >= end_ && !eof_) return Parse::NeedMore;
            record.fields.emplace_back(buf + s, p - s);
        }
        // Field separator or record end.
        if (p < end_ && buf[p] == delim) { ++p; continue; }
        std::size_t recordEnd = p;
        if (p < end_ && buf[p] == '\r') {
            if (p + 1 >= end_ && !eof_) return Parse::NeedMore;  // CR LF split across reads
            ++p;
            if (p < end_ && buf[p] == '\n') ++p;
        } else if (p < end_ && buf[p] == '\n') {
            ++p;
        }
        record.raw = std::string_view(buf + begin_, recordEnd - begin_);
        line_ += newlinesInside + 1;
        begin_ = p;
        return Parse::Ok;
    }
}

}  // namespace deskbase
