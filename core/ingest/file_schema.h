#pragma once
// Pass one of an import: reads the whole file (or its first rows for a preview) to infer
// every column's type, count records and hash the content. Retries as Windows-1252 when
// the bytes turn out not to be UTF-8.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/infer/type_inference.h"
#include "core/io/file_format.h"
#include "core/util/result.h"

namespace deskbase {

struct FileSchema {
    FileSniff sniff;                           // encoding possibly corrected
    std::vector<std::string> header;           // original header texts (or column_N, JSON keys)
    std::vector<ColumnInference> inference;    // one per header entry
    std::int64_t records = 0;                  // well-formed data records seen
    std::string contentHash;
    bool complete = false;                     // the whole file was read
    std::vector<std::vector<std::string>> firstRows;  // for previews
    std::string firstError;                    // the first malformed record, "line N: reason"
};

// A blank line in a file of several columns is no record.
bool isBlankRecord(const std::vector<std::string_view>& fields, std::size_t columns);
// Reals may use a decimal comma when the comma is not the field delimiter.
bool allowsDecimalComma(const FileSniff& sniff);

Result<FileSchema> inferFileSchema(const std::string& path, FileSniff sniff, bool encodingFixed,
                                   const std::atomic<bool>& cancelled,
                                   const std::function<void(std::int64_t bytes, std::int64_t total)>& progress,
                                   std::int64_t maxRecords = -1, std::size_t keepRows = 0);

}  // namespace deskbase
