#include "core/io/csv_reader.h"

#include <cstring>

#include "core/infer/value_parsers.h"

namespace deskbase {

namespace {
constexpr std::size_t kBlock = 1 << 20;  // 1 MiB reads
// A quoted field still open this far from its record's start is taken for a stray quote.
constexpr std::size_t kMaxQuotedRecord = std::size_t(16) << 20;

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

Result<bool> CsvReader::skipLines(std::int64_t lines) {
    while (lines > 0) {
        const char* buf = buffer_.data();
        std::size_t p = begin_;
        while (p < end_ && buf[p] != '\n' && buf[p] != '\r') ++p;
        if (p + 1 >= end_ && !eof_) {  // the line (or its CR LF) goes on past the buffer
            auto more = refill();
            if (!more) return Error{more.message()};
            continue;
        }
        if (p >= end_) {
            begin_ = end_;
            return false;
        }
        p += buf[p] == '\r' && p + 1 < end_ && buf[p + 1] == '\n' ? 2 : 1;
        begin_ = p;
        ++line_;
        --lines;
    }
    return true;
}

void CsvReader::normalizeHeader() {
    // Extra names at the end that are empty (a header longer than its rows) are dropped.
    while (dialect_.columns && header_.size() > dialect_.columns && trimSpaces(header_.back()).empty())
        header_.pop_back();
    for (std::size_t i = 0; i < header_.size(); ++i)
        if (trimSpaces(header_[i]).empty()) header_[i] = "column_" + std::to_string(i + 1);
    while (header_.size() < dialect_.columns) header_.push_back("column_" + std::to_string(header_.size() + 1));
}

Status CsvReader::init() {
    expected_ = dialect_.columns;
    if (auto skipped = skipLines(dialect_.skipLines); !skipped) return skipped.status();
    Record first;
    for (;;) {
        auto got = readRecord(first);
        if (!got) return got.status();
        if (!*got) {  // no records at all: an empty table (one text column when the sniffer says so)
            normalizeHeader();
            expected_ = header_.size();
            return Status::ok();
        }
        // Blank lines before the header are not records.
        if (first.fields.size() == 1 && first.fields[0].empty() && first.error.empty()) continue;
        break;
    }
    if (dialect_.hasHeader) {
        // A flawed header line (a stray quote) still names the columns, as read.
        for (auto f : first.fields) header_.emplace_back(f);
        normalizeHeader();
        expected_ = header_.size();
    } else {
        for (std::size_t i = 0; i < first.fields.size(); ++i) header_.push_back("column_" + std::to_string(i + 1));
        normalizeHeader();
        expected_ = header_.size();
        // Keep the record: it is data (a flawed one goes to the rejects). Its views point into
        // buffer_, which the next read may move, so hold copies until it is handed out.
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
    bool lineMode = false;
    for (;;) {
        const std::size_t start = begin_;
        const std::int64_t startLine = line_;
        const bool blankRun = inBlankRunBeforeData_;
        switch (parseAt(record, lineMode)) {
            case Parse::Ok:
                // A quoted field over line breaks that leaves the row flawed or of the wrong width
                // was a stray quote: read the row again within its line.
                if (!lineMode && quotedBreak_ &&
                    (!record.error.empty() || (expected_ && record.fields.size() != expected_))) {
                    begin_ = start;
                    line_ = startLine;
                    inBlankRunBeforeData_ = blankRun;
                    lineMode = true;
                    continue;
                }
                // Text after a closing quote is kept when the row has the expected width.
                if (onlyStrayText_ && expected_ && record.fields.size() == expected_) record.error.clear();
                return true;
            case Parse::TooLong:  // a quote that does not close before the end (or for 16 MiB)
                lineMode = true;
                continue;
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

CsvReader::Parse CsvReader::parseAt(Record& record, bool lineMode) {
    const char delim = dialect_.delimiter, quote = dialect_.quote, comment = dialect_.comment;
    const char* buf = buffer_.data();
    std::size_t p = begin_;
    if (p >= end_) return eof_ ? Parse::End : Parse::NeedMore;
    // Comment lines are no records, wherever they are.
    while (comment && p < end_ && buf[p] == comment) {
        std::size_t k = p;
        while (k < end_ && buf[k] != '\n' && buf[k] != '\r') ++k;
        if (k + 1 >= end_ && !eof_) return Parse::NeedMore;  // the line or its CR LF goes on
        if (k < end_) k += buf[k] == '\r' && k + 1 < end_ && buf[k + 1] == '\n' ? 2 : 1;
        begin_ = p = k;
        ++line_;
        if (p >= end_) return eof_ ? Parse::End : Parse::NeedMore;
    }
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
    quotedBreak_ = false;
    onlyStrayText_ = false;
    bool flawed = false;  // a flaw other than stray text
    std::int64_t newlinesInside = 0;
    if (scratch_.size() < buffer_.size()) scratch_.resize(buffer_.size());
    std::size_t scratchUsed = 0;
    auto lineEnd = [&](std::size_t from) {
        while (from < end_ && buf[from] != '\n' && buf[from] != '\r') ++from;
        return from;
    };

    for (;;) {
        // One field starting at p.
        bool literal = false;  // an opening quote that does not close on its line (line mode): text
        bool quotedDone = false;
        if (p < end_ && buf[p] == quote) {
            const std::size_t limit = lineMode ? lineEnd(p + 1) : end_;
            if (lineMode && limit >= end_ && !eof_) return Parse::NeedMore;
            std::size_t q = p + 1;
            std::size_t segStart = q;
            bool copied = false;
            const std::size_t copyStart = scratchUsed;
            bool closed = false;
            for (;;) {
                const void* hit = q < limit ? std::memchr(buf + q, quote, limit - q) : nullptr;
                if (!hit) {
                    if (lineMode) break;  // read as text below
                    if (!eof_ && end_ - begin_ < kMaxQuotedRecord) return Parse::NeedMore;
                    return Parse::TooLong;  // never closes: read the row again within its line
                }
                const std::size_t at = std::size_t(static_cast<const char*>(hit) - buf);
                if (at + 1 >= end_ && !eof_) return Parse::NeedMore;  // can't tell "" from " yet
                if (at + 1 < limit && buf[at + 1] == quote) {
                    // Doubled quote: copy the segment plus one quote.
                    const std::size_t len = at + 1 - segStart;
                    std::memcpy(scratch_.data() + scratchUsed, buf + segStart, len);
                    scratchUsed += len;
                    copied = true;
                    q = segStart = at + 2;
                    continue;
                }
                // Closing quote.
                const std::int64_t breaks = countLineBreaks(buf, p, at);
                newlinesInside += breaks;
                quotedBreak_ |= breaks > 0;
                // After it: a delimiter, a line end, or the end. Stray text is kept (as most
                // tools do): the row stands if it has the expected width, else it is flawed.
                std::size_t e = at + 1;
                while (e < end_ && buf[e] != delim && buf[e] != '\n' && buf[e] != '\r') ++e;
                if (e >= end_ && !eof_) return Parse::NeedMore;
                const bool stray = e > at + 1;
                if (copied || stray) {
                    std::memcpy(scratch_.data() + scratchUsed, buf + segStart, at - segStart);
                    scratchUsed += at - segStart;
                    if (stray) {
                        std::memcpy(scratch_.data() + scratchUsed, buf + at + 1, e - at - 1);
                        scratchUsed += e - at - 1;
                        if (record.error.empty())
                            record.error = "text after a closing quote: '" +
                                           std::string(buf + at + 1, std::min<std::size_t>(e - at - 1, 40)) + "'";
                    }
                    record.fields.emplace_back(scratch_.data() + copyStart, scratchUsed - copyStart);
                } else {
                    record.fields.emplace_back(buf + p + 1, at - p - 1);
                }
                p = e;
                closed = true;
                break;
            }
            if (!closed) {
                literal = true;
                scratchUsed = copyStart;
            }
            quotedDone = closed;
        }
        if (!quotedDone) {
            const std::size_t s = p;
            while (p < end_) {
                const char c = buf[p];
                if (c == delim || c == '\n' || c == '\r') break;
                ++p;
            }
            if (p >= end_ && !eof_) return Parse::NeedMore;
            if (literal && record.error.empty()) {
                record.error = "a quote that does not close on its line";
                flawed = true;
            }
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
        onlyStrayText_ = !record.error.empty() && !flawed;
        // A line-mode row with a literal quote stands if it has the expected width.
        if (lineMode && flawed && expected_ && record.fields.size() == expected_) {
            record.error.clear();
            onlyStrayText_ = false;
        }
        line_ += newlinesInside + 1;
        begin_ = p;
        return Parse::Ok;
    }
}

}  // namespace deskbase
