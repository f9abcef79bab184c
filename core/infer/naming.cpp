#include "core/infer/naming.h"

#include <set>

namespace deskbase {

namespace {
// Cuts to at most maxBytes without splitting a UTF-8 character, and without a trailing '_'.
void capBytes(std::string& s, std::size_t maxBytes) {
    if (s.size() <= maxBytes) return;
    std::size_t n = maxBytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    s.resize(n);
    while (s.size() > 1 && s.back() == '_') s.pop_back();
}
}  // namespace

std::string toIdentifier(std::string_view text, std::size_t maxBytes) {
    std::string out;
    out.reserve(text.size());
    bool pendingUnderscore = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool upper = c >= 'A' && c <= 'Z';
        const bool keep = (c >= 'a' && c <= 'z') || upper || (c >= '0' && c <= '9') || c >= 0x80;
        if (!keep) { pendingUnderscore = !out.empty(); continue; }
        // camelCase boundary: "totalAmount" -> "total_amount"
        if (upper && !out.empty() && i > 0 && text[i - 1] >= 'a' && text[i - 1] <= 'z') pendingUnderscore = true;
        if (pendingUnderscore) out += '_';
        pendingUnderscore = false;
        out += upper ? char(c - 'A' + 'a') : char(c);
    }
    if (out.empty()) return "column";
    if (out[0] >= '0' && out[0] <= '9') out = "c_" + out;
    capBytes(out, maxBytes);
    return out;
}

std::string toTableName(std::string_view text) { return toIdentifier(text, kMaxTableNameBytes); }

namespace {
// Extensions match in any case: SALES.CSV is as much a CSV file as sales.csv.
bool endsWithNoCase(std::string_view s, std::string_view lowerSuffix) {
    if (s.size() < lowerSuffix.size()) return false;
    for (std::size_t i = 0; i < lowerSuffix.size(); ++i) {
        char c = s[s.size() - lowerSuffix.size() + i];
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c != lowerSuffix[i]) return false;
    }
    return true;
}
}  // namespace

std::string tableNameForPath(std::string_view path) {
    const auto slash = path.find_last_of("/\\");
    std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
    // Strip known data extensions (and a trailing .gz), keep other dots as word breaks.
    for (std::string_view ext : {".gz", ".csv", ".tsv", ".tab", ".txt", ".json", ".ndjson", ".jsonl"}) {
        if (base.size() > ext.size() && endsWithNoCase(base, ext)) base.remove_suffix(ext.size());
    }
    return toTableName(base);
}

std::vector<std::string> uniqueIdentifiers(const std::vector<std::string>& headers) {
    std::vector<std::string> out;
    std::set<std::string> used;
    out.reserve(headers.size());
    for (const auto& h : headers) {
        std::string base = toIdentifier(h), name = base;
        for (int k = 2; used.count(name); ++k) {
            const std::string suffix = "_" + std::to_string(k);
            std::string stem = base;
            capBytes(stem, kMaxIdentifierBytes - suffix.size());
            name = stem + suffix;
        }
        used.insert(name);
        out.push_back(name);
    }
    return out;
}

}  // namespace deskbase
