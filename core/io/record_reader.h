#pragma once
// Streams records (rows of text fields) out of a CSV or JSON file. Fields are views valid until
// the next call to next(). Memory stays bounded whatever the file size.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/file_format.h"
#include "core/util/result.h"

namespace deskbase {

class ByteSource;

struct Record {
    std::vector<std::string_view> fields;  // a view with data() == nullptr is an explicit null (JSON)
    std::int64_t line = 0;                 // 1-based line of the file where the record starts
    std::string_view raw;                  // the record's text, for the rejects table
    std::string error;                     // non-empty: the record is malformed (reject it with this reason)
};

class RecordReader {
public:
    virtual ~RecordReader() = default;
    // Reads the next record; false at the end of the file.
    virtual Result<bool> next(Record& record) = 0;
    // Column names as found: the CSV header (or column_1..n), the JSON keys seen so far.
    virtual const std::vector<std::string>& header() const = 0;
    virtual std::int64_t bytesConsumed() const = 0;  // raw file bytes, for progress
    virtual std::int64_t bytesTotal() const = 0;
    virtual std::string contentHash() const = 0;     // of the raw bytes read so far
    virtual bool sawInvalidUtf8() const = 0;
};

// Opens a reader for the sniffed file. For JSON, `knownKeys` (from an earlier pass) fixes the
// column order so every record has all columns from the start.
Result<std::unique_ptr<RecordReader>> openRecordReader(const std::string& path, const FileSniff& sniff,
                                                       const std::vector<std::string>& knownKeys = {});

}  // namespace deskbase
