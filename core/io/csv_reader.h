#pragma once
// RFC 4180 and real-life CSV: quoted fields with delimiters, doubled quotes and newlines,
// CRLF/LF/CR line ends, missing final newline, blank lines. Parses in place over a large
// buffer; only fields with doubled quotes are copied.
#include <memory>
#include <string>
#include <vector>

#include "core/io/byte_source.h"
#include "core/io/record_reader.h"

namespace deskbase {

class CsvReader final : public RecordReader {
public:
    CsvReader(std::unique_ptr<ByteSource> source, CsvDialect dialect);
    Status init();  // reads the header (or the first record to count the columns)

    Result<bool> next(Record& record) override;
    const std::vector<std::string>& header() const override { return header_; }
    std::int64_t bytesConsumed() const override;
    std::int64_t bytesTotal() const override;
    std::string contentHash() const override;
    bool sawInvalidUtf8() const override;

private:
    enum class Parse { Ok, NeedMore, End };
    Result<bool> readRecord(Record& record);
    Parse parseAt(Record& record);
    Result<bool> refill();  // keeps the bytes from recordStart_ on; false at end of input

    std::unique_ptr<ByteSource> source_;
    CsvDialect dialect_;
    std::vector<char> buffer_;
    std::size_t begin_ = 0;   // start of the next record
    std::size_t end_ = 0;     // end of valid data
    bool eof_ = false;
    bool inBlankRunBeforeData_ = false;  // the blank lines at begin_ are followed by more data
    std::int64_t line_ = 1;   // line where the next record starts
    std::int64_t consumedBefore_ = 0;
    std::vector<char> scratch_;  // unescaped copies of fields with doubled quotes
    std::vector<std::string> header_;
    bool havePending_ = false;
    Record pending_;  // the first data record of a header-less file
    std::vector<std::string> pendingStore_;  // owns pending_'s text
};

}  // namespace deskbase
