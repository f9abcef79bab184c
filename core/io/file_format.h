#pragma once
// What a data file is: format, text encoding and CSV dialect, as sniffed from its first bytes.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.h"

namespace deskbase {

enum class FileFormat { Csv, Json, Ndjson };
enum class TextEncoding { Utf8, Utf8Bom, Utf16LE, Utf16BE, Windows1252 };

std::string_view fileFormatName(FileFormat f);       // "csv", "json", "ndjson"
std::string_view textEncodingName(TextEncoding e);   // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"

struct CsvDialect {
    char delimiter = ',';
    char quote = '"';
    bool hasHeader = true;
};

struct FileSniff {
    FileFormat format = FileFormat::Csv;
    TextEncoding encoding = TextEncoding::Utf8;
    CsvDialect dialect;                 // meaningful for Csv
    std::int64_t sizeBytes = 0;
};

// Reads the head of the file and decides format, encoding and dialect.
// Fails with a one-line reason for a missing, empty or binary file.
Result<FileSniff> sniffFile(const std::string& path);

}  // namespace deskbase
