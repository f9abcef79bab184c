#include "core/io/file_format.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/infer/type_inference.h"
#include "core/infer/value_parsers.h"
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

// Splits the sample into records (quote-aware) with `delim`, returning field counts per record.
std::vector<std::size_t> fieldCounts(std::string_view text, char delim, char quote, std::size_t maxRecords) {
    std::vector<std::size_t> counts;
    std::size_t fields = 1;
    bool inQuotes = false, recordHasText = false;
    for (std::size_t i = 0; i < text.size() && counts.size() < maxRecords; ++i) {
        const char c = text[i];
        if (inQuotes) {
            if (c == quote) {
                if (i + 1 < text.size() && text[i + 1] == quote) ++i;
                else inQuotes = false;
            }
            continue;
        }
        if (c == quote) { inQuotes = true; recordHasText = true; }
        else if (c == delim) { ++fields; recordHasText = true; }
        else if (c == '\n' || c == '\r') {
            if (recordHasText) counts.push_back(fields);
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            fields = 1;
            recordHasText = false;
        } else {
            recordHasText = true;
        }
    }
    return counts;
}

// The first records' fields, unquoted, for header detection.
std::vector<std::vector<std::string>> firstRecords(std::string_view text, char delim, char quote, std::size_t max) {
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> rec(1);
    bool inQuotes = false, any = false;
    for (std::size_t i = 0; i < text.size() && out.size() < max; ++i) {
        const char c = text[i];
        if (inQuotes) {
            if (c == quote) {
                if (i + 1 < text.size() && text[i + 1] == quote) { rec.back() += quote; ++i; }
                else inQuotes = false;
            } else {
                rec.back() += c;
            }
            continue;
        }
        if (c == quote) { inQuotes = true; any = true; }
        else if (c == delim) { rec.emplace_back(); any = true; }
        else if (c == '\n' || c == '\r') {
            if (any) out.push_back(std::move(rec));
            rec.assign(1, std::string());
            any = false;
        } else { rec.back() += c; any = true; }
    }
    if (any && out.size() < max) out.push_back(std::move(rec));
    return out;
}

// Is the first record a header? Its names must be non-empty (but for the first or last: pandas
// writes no name for its index column, many exports end lines with a delimiter) and distinct.
// A first row with no number, date or boolean is a header. Otherwise each column votes: the first
// value's type differs from the type of the rest of the column (a header "1960" over reals,
// "id" over integers) or agrees with it (data like the rest); text over text does not vote.
bool looksLikeHeader(const std::vector<std::vector<std::string>>& records) {
    if (records.empty()) return false;
    const auto& first = records.front();
    std::vector<std::string> names;
    bool anyTyped = false;
    for (std::size_t i = 0; i < first.size(); ++i) {
        const std::string_view v = trimSpaces(first[i]);
        if (v.empty()) {
            if (first.size() > 1 && (i == 0 || i + 1 == first.size())) continue;
            return false;
        }
        anyTyped |= looksTyped(v);
        names.emplace_back(v);
    }
    std::sort(names.begin(), names.end());
    if (std::adjacent_find(names.begin(), names.end()) != names.end()) return false;
    if (!anyTyped) return true;
    int votes = 0;
    for (std::size_t col = 0; col < first.size(); ++col) {
        if (trimSpaces(first[col]).empty()) continue;
        ColumnInference head, rest;
        head.add(first[col]);
        for (std::size_t r = 1; r < records.size(); ++r)
            if (records[r].size() == first.size()) rest.add(records[r][col]);
        if (rest.nonNullCount() == 0) continue;
        // Text over text says nothing: a text column takes any first value.
        if (head.type() == ColumnType::Text && rest.type() == ColumnType::Text) continue;
        votes += head.type() != rest.type() ? 1 : -1;
    }
    return votes > 0;
}

CsvDialect sniffDialect(std::string_view text, bool tabHint) {
    CsvDialect d;
    // A single quote is the quote character only when double quotes never appear.
    if (text.find('"') == std::string_view::npos && text.find('\'') != std::string_view::npos) {
        // Only when some field starts with it, e.g. 'a b','c'.
        for (char delim : {',', ';', '\t', '|'}) {
            std::string pattern{delim, '\''};
            if (text.find(pattern) != std::string_view::npos || text.front() == '\'') { d.quote = '\''; break; }
        }
    }
    // Drop the possibly cut last line of the sample.
    std::string_view sample = text;
    if (sample.size() == kSniffBytes)
        if (auto nl = sample.find_last_of('\n'); nl != std::string_view::npos) sample = sample.substr(0, nl + 1);

    const char hinted = tabHint ? '\t' : ',';
    char best = hinted;
    double bestScore = -1;
    for (char delim : {',', '\t', ';', '|'}) {
        auto counts = fieldCounts(sample, delim, d.quote, 200);
        if (counts.empty()) continue;
        std::map<std::size_t, std::size_t> freq;
        for (auto c : counts) ++freq[c];
        auto mode = std::max_element(freq.begin(), freq.end(),
                                     [](auto& a, auto& b) { return a.second < b.second; });
        if (mode->first < 2) continue;
        // Consistency first, then more columns; the hint breaks ties.
        const double consistency = double(mode->second) / double(counts.size());
        double score = consistency * 1000 + double(std::min<std::size_t>(mode->first, 100));
        if (delim == hinted) score += 0.5;
        if (score > bestScore) { bestScore = score; best = delim; }
    }
    d.delimiter = best;

    const bool header = looksLikeHeader(firstRecords(sample, d.delimiter, d.quote, 50));
    d.hasHeader = header;
    return d;
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

Result<FileSniff> sniffFile(const std::string& path) {
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
    if (n == 0) return Error{path + " is empty"};

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
    if (firstNonSpace == std::string::npos) return Error{path + " has no data (only blank space)"};
    const char c0 = utf8[firstNonSpace];
    if (c0 == '[' && !endsWith(path, ".csv") && !endsWith(path, ".tsv")) {
        sniff.format = FileFormat::Json;
    } else if (c0 == '{') {
        sniff.format = FileFormat::Ndjson;
    } else if (const auto bare = bareJsonValue(path, utf8, n == std::size_t(size))) {
        return Error{path + ": expected a JSON array or objects, found a bare JSON " + *bare};
    } else {
        sniff.format = FileFormat::Csv;
        sniff.dialect = sniffDialect(std::string_view(utf8).substr(firstNonSpace),
                                     endsWith(path, ".tsv") || endsWith(path, ".tab"));
    }
    return sniff;
}

}  // namespace deskbase
