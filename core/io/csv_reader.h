#pragma once
// RFC 4180 and real-life CSV: quoted fields with delimiters, doubled quotes and newlines,
// CRLF/LF/CR line ends, missing final newline, blank lines, comment lines and lines before the
// header (CsvDialect). Tolerant of stray quotes: a quote inside an unquoted field is text, text
// after a closing quote is kept when the row still has the header's field count, and a quote that
// runs over line breaks into a row of the wrong width (or never closes) is read again within its
// line; the rows that still do not fit carry an error (the rejects table), never the whole file.
// Parses in place over a large buffer; only fields with doubled quotes or stray text are copied.
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
    enum class Parse { Ok, NeedMore, End, TooLong };
    Result<bool> readRecord(Record& record);
    // With `lineMode` a quoted field ends at the end of its line (the reading again of a stray quote).
    Parse parseAt(Record& record, bool lineMode);
    Result<bool> skipLines(std::int64_t lines);  // the preamble: raw lines, quotes not looked at
    void normalizeHeader();                      // column_N for empty and missing names
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
    std::size_t expected_ = 0;      // fields per record: the header's, or as sniffed until it is read
    bool quotedBreak_ = false;      // the record just parsed had a quoted field over a line break
    bool onlyStrayText_ = false;    // its one flaw is text after a closing quote
    bool havePending_ = false;
    Record pending_;  // the first data record of a header-less file
    std::vector<std::string> pendingStore_;  // owns pending_'s text
};

}  // namespace deskbase
