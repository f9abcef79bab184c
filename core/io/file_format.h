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
    // Lines before the header (or the first record) that are no part of the table: a title,
    // "Exported on ...", blank lines. The reader skips them (their line numbers still count).
    std::int64_t skipLines = 0;
    // Lines whose first character is this one are comments, skipped wherever they are; 0: none.
    char comment = 0;
    // Fields per record as sniffed (0: unknown). A header with fewer names is padded (column_N),
    // one with extra empty names at its end is cut to this; an empty file gets one column.
    std::size_t columns = 0;
};

struct FileSniff {
    FileFormat format = FileFormat::Csv;
    TextEncoding encoding = TextEncoding::Utf8;
    CsvDialect dialect;                 // meaningful for Csv
    std::int64_t sizeBytes = 0;
    // What the sniffer decided that the user should know, one sentence each ("skipped 3 lines
    // before the header: 'Sales report'"): the import preview and `deskbase import` show them.
    std::vector<std::string> notes;
};

// Reads the head of the file and decides format, encoding and dialect.
// Fails with a one-line reason for a missing or binary file; an empty one is an empty table.
// A non-zero `delimiter` is the user's choice: the rest of the dialect is sniffed with it.
Result<FileSniff> sniffFile(const std::string& path, char delimiter = 0);

}  // namespace deskbase
