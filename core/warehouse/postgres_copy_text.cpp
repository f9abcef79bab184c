#include <charconv>
#include <cmath>
#include <cstring>

#include "core/warehouse/postgres_copy_format.h"

namespace deskbase::pg {

namespace {

constexpr std::size_t kNumberBound = 32;  // longest int64 / shortest round-trip double text

char* appendText(char* out, std::string_view s) {
    const char* p = s.data();
    const char* end = p + s.size();
    while (p < end) {
        // Copy the longest run without special characters in one go.
        const char* run = p;
        while (p < end && *p != '\\' && *p != '\t' && *p != '\n' && *p != '\r') ++p;
        std::memcpy(out, run, std::size_t(p - run));
        out += p - run;
        if (p == end) break;
        *out++ = '\\';
        switch (*p) {
            case '\t':
                *out++ = 't';
                break;
            case '\n':
                *out++ = 'n';
                break;
            case '\r':
                *out++ = 'r';
                break;
            default:
                *out++ = '\\';
                break;
        }
        ++p;
    }
    return out;
}

char* appendLiteral(char* out, std::string_view s) {
    std::memcpy(out, s.data(), s.size());
    return out + s.size();
}

char* appendReal(char* out, double d) {
    if (std::isnan(d)) return appendLiteral(out, "NaN");
    if (std::isinf(d)) return appendLiteral(out, d > 0 ? "Infinity" : "-Infinity");
    return std::to_chars(out, out + kNumberBound, d).ptr;
}

}  // namespace

std::size_t textRowBound(const Cell* cells, std::size_t count) {
    std::size_t n = 1;
    for (std::size_t c = 0; c < count; ++c)
        n += 1 + (cells[c].kind == Cell::Kind::Text ? 2 * cells[c].text.size() : kNumberBound);
    return n;
}

char* formatTextRow(char* out, const Cell* cells, const std::vector<CopyColumn>& columns) {
    const std::size_t count = columns.size();
    for (std::size_t c = 0; c < count; ++c) {
        if (c) *out++ = '\t';
        const Cell& cell = cells[c];
        switch (cell.kind) {
            case Cell::Kind::Null:
                out = appendLiteral(out, "\\N");
                break;
            case Cell::Kind::Integer:
                out = std::to_chars(out, out + kNumberBound, cell.i).ptr;
                break;
            case Cell::Kind::Real:
                out = appendReal(out, cell.d);
                break;
            case Cell::Kind::Boolean:
                switch (columns[c].logical) {
                    case ColumnType::Boolean:
                        *out++ = cell.i ? 't' : 'f';
                        break;
                    case ColumnType::Text:
                        out = appendLiteral(out, cell.i ? "true" : "false");
                        break;
                    default:
                        *out++ = cell.i ? '1' : '0';
                        break;
                }
                break;
            case Cell::Kind::Text:
                out = appendText(out, cell.text);
                break;
        }
    }
    *out++ = '\n';
    return out;
}

}  // namespace deskbase::pg
