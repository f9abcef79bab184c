#include "core/io/file_format.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/io/csv_sniffer.h"
#include "core/util/enum_names.h"

namespace deskbase {

DESKBASE_ENUM_NAMES(kFileFormatNames, FileFormat,
                    {{FileFormat::Csv, "csv"}, {FileFormat::Json, "json"}, {FileFormat::Ndjson, "ndjson"}})
DESKBASE_ENUM_NAMES(kEncodingNames, TextEncoding,
                    {{TextEncoding::Utf8, "utf-8"},
                     {TextEncoding::Utf8Bom, "utf-8-bom"},
                     {TextEncoding::Utf16LE, "utf-16le"},
                     {TextEncoding::Utf16BE, "utf-16be"},
                     {TextEncoding::Windows1252, "windows-1252"}})

std::string_view fileFormatName(FileFormat f) { return enumName(kFileFormatNames, f); }

std::string_view textEncodingName(TextEncoding e) { return enumName(kEncodingNames, e); }

namespace {

constexpr std::size_t kSniffBytes = 1 << 16;

bool validUtf8Prefix(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        int extra = c < 0x80 ? 0 : (c >= 0xC2 && c <= 0xDF) ? 1 : (c >= 0xE0 && c <= 0xEF) ? 2
                                                            : (c >= 0xF0 && c <= 0xF4) ? 3 : -1;
        if (extra < 0) return false;
        if (i + std::size_t(extra) >= s.size() && extra > 0) return true;  // cut by the sample's end
        for (int k = 1; k <= extra; ++k)
            if ((static_cast<unsigned char>(s[i + std::size_t(k)]) & 0xC0) != 0x80) return false;
        i += std::size_t(extra) + 1;
    }
    return true;
}

bool endsWith(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
    return true;
}

// A whole file that is one JSON scalar (42, "hello", true) and not named as delimited text: the
// type's name. Such a file is JSON with no records, not a CSV with one odd header.
std::optional<std::string> bareJsonValue(const std::string& path, const std::string& text, bool whole) {
    if (!whole || endsWith(path, ".csv") || endsWith(path, ".tsv") || endsWith(path, ".tab")) return std::nullopt;
    const auto value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded() || value.is_structured()) return std::nullopt;
    return std::string(value.type_name());
}

}  // namespace

Result<FileSniff> sniffFile(const std::string& path, char delimiter) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return Error{"cannot open " + path + ": " + std::strerror(errno)};
    std::string head(kSniffBytes, '\0');
    const std::size_t n = std::fread(head.data(), 1, head.size(), f);
    if (std::ferror(f)) {  // e.g. a directory: it opens, but reading fails
        const int err = errno;
        std::fclose(f);
        return Error{"cannot read " + path + ": " + std::strerror(err)};
    }
    std::fseek(f, 0, SEEK_END);
    const long size = std::ftell(f);
    std::fclose(f);
    head.resize(n);

    FileSniff sniff;
    sniff.sizeBytes = size;
    // An empty file (or one of blank space) is an empty table, as DuckDB reads it: one text column.
    const auto emptyTable = [&](const char* what) {
        sniff.dialect.hasHeader = false;
        sniff.dialect.columns = 1;
        sniff.notes.push_back(std::string("the file ") + what + ": it loads as an empty table with one column");
        return sniff;
    };
    if (n == 0) return emptyTable("is empty");

    std::string utf8;  // the sample as UTF-8 text
    if (n >= 3 && head.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        sniff.encoding = TextEncoding::Utf8Bom;
        utf8 = head.substr(3);
    } else if (n >= 2 && (head.compare(0, 2, "\xFF\xFE") == 0 || head.compare(0, 2, "\xFE\xFF") == 0)) {
        const bool le = head[0] == '\xFF';
        sniff.encoding = le ? TextEncoding::Utf16LE : TextEncoding::Utf16BE;
        for (std::size_t i = 2; i + 1 < n; i += 2) {
            const unsigned hi = static_cast<unsigned char>(head[le ? i + 1 : i]);
            const unsigned lo = static_cast<unsigned char>(head[le ? i : i + 1]);
            // Enough for sniffing: ASCII stays ASCII, anything else becomes a letter.
            utf8 += hi == 0 && lo != 0 ? char(lo) : 'x';
            if (hi == 0 && lo == 0) return Error{path + " looks like a binary file, not text"};
        }
    } else {
        if (head.find('\0') != std::string::npos)
            return Error{path + " looks like a binary file, not text (it contains NUL bytes)"};
        std::size_t control = 0;
        for (unsigned char c : head)
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
        if (control * 100 > n) return Error{path + " looks like a binary file, not text"};
        sniff.encoding = validUtf8Prefix(head) ? TextEncoding::Utf8 : TextEncoding::Windows1252;
        utf8 = head;
    }

    // Format: JSON array, NDJSON (objects one per line), or delimited text.
    const auto firstNonSpace = utf8.find_first_not_of(" \t\r\n");
    if (firstNonSpace == std::string::npos) {
        // Its lines are no records (in one column they would be rows of spaces): skipped, and past
        // a sample of only blank space the rest of the file is read as usual.
        sniff.dialect.skipLines = std::int64_t(std::count(utf8.begin(), utf8.end(), '\n')) +
                                  (n == std::size_t(size) ? 1 : 0);
        return emptyTable("holds only blank space");
    }
    const char c0 = utf8[firstNonSpace];
    if (delimiter) {
        sniff.format = FileFormat::Csv;
    } else if (c0 == '[' && !endsWith(path, ".csv") && !endsWith(path, ".tsv")) {
        sniff.format = FileFormat::Json;
    } else if (c0 == '{') {
        sniff.format = FileFormat::Ndjson;
    } else if (const auto bare = bareJsonValue(path, utf8, n == std::size_t(size))) {
        return Error{path + ": expected a JSON array or objects, found a bare JSON " + *bare};
    } else {
        sniff.format = FileFormat::Csv;
    }
    if (sniff.format == FileFormat::Csv) {
        auto csv = sniffCsv(utf8, n == std::size_t(size), endsWith(path, ".tsv") || endsWith(path, ".tab"), delimiter);
        sniff.dialect = csv.dialect;
        sniff.notes = std::move(csv.notes);
    }
    return sniff;
}

}  // namespace deskbase
