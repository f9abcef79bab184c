#include <bit>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>

#include "core/warehouse/postgres_copy_format.h"
#include "core/warehouse/postgres_values.h"

namespace deskbase::pg {

namespace {

constexpr Oid kText = 25, kVarchar = 1043, kFloat4 = 700;
constexpr std::size_t kNumberBound = 32;
constexpr std::int64_t kMicrosPerDay = 86400LL * 1000000LL;

template <class T>
char* putBigEndian(char* out, T v) {
    using U = std::make_unsigned_t<T>;
    U u = static_cast<U>(v);
    if constexpr (std::endian::native == std::endian::little) {
        if constexpr (sizeof(U) == 2)
            u = __builtin_bswap16(u);
        else if constexpr (sizeof(U) == 4)
            u = __builtin_bswap32(u);
        else
            u = __builtin_bswap64(u);
    }
    std::memcpy(out, &u, sizeof u);
    return out + sizeof u;
}

char* putField(char* out, const void* data, std::size_t size) {
    out = putBigEndian(out, std::int32_t(size));
    if (size) std::memcpy(out, data, size);  // an empty view may have a null data()
    return out + size;
}

template <class T>
char* putFixed(char* out, T v) {
    out = putBigEndian(out, std::int32_t(sizeof(T)));
    return putBigEndian(out, v);
}

bool digits(std::string_view s, std::size_t pos, std::size_t n, unsigned* value) {
    if (pos + n > s.size()) return false;
    unsigned v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + unsigned(c - '0');
    }
    *value = v;
    return true;
}

// "YYYY-MM-DD" at the start of `s`; days since 2000-01-01.
bool parseDatePart(std::string_view s, std::int64_t* days) {
    unsigned y, m, d;
    if (s.size() < 10 || s[4] != '-' || s[7] != '-' || !digits(s, 0, 4, &y) || !digits(s, 5, 2, &m) ||
        !digits(s, 8, 2, &d))
        return false;
    using namespace std::chrono;
    const year_month_day date{year{int(y)}, month{m}, day{d}};
    if (!date.ok()) return false;
    constexpr sys_days kPgEpoch = year{2000} / January / 1;
    *days = (sys_days{date} - kPgEpoch).count();
    return true;
}

bool parseBool(std::string_view s, bool* v) {
    std::string lower(s);
    for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "t" || lower == "true" || lower == "1" || lower == "yes" || lower == "y" || lower == "on")
        *v = true;
    else if (lower == "f" || lower == "false" || lower == "0" || lower == "no" || lower == "n" ||
             lower == "off")
        *v = false;
    else
        return false;
    return true;
}

std::string describeCell(const Cell& cell) {
    switch (cell.kind) {
        case Cell::Kind::Integer:
            return std::to_string(cell.i);
        case Cell::Kind::Real:
            return valueToText(Value{cell.d});
        case Cell::Kind::Boolean:
            return cell.i ? "true" : "false";
        case Cell::Kind::Text:
            return "'" + std::string(cell.text.substr(0, 60)) + "'";
        case Cell::Kind::Null:
            return "NULL";
    }
    return {};
}

// One cell in the binary layout of `type`; nullptr when the value does not fit.
char* encodeCell(char* out, const Cell& cell, Oid type) {
    if (cell.kind == Cell::Kind::Null) return putBigEndian(out, std::int32_t(-1));
    switch (type) {
        case oid::kInt8:
        case oid::kInt4:
        case oid::kInt2: {
            std::int64_t v = 0;
            if (cell.kind == Cell::Kind::Integer || cell.kind == Cell::Kind::Boolean)
                v = cell.i;
            else if (cell.kind == Cell::Kind::Real) {
                if (!(std::trunc(cell.d) == cell.d && std::fabs(cell.d) < 9.2e18)) return nullptr;
                v = std::int64_t(cell.d);
            } else {
                const auto t = cell.text;
                if (std::from_chars(t.data(), t.data() + t.size(), v).ptr != t.data() + t.size() || t.empty())
                    return nullptr;
            }
            if (type == oid::kInt8) return putFixed(out, v);
            if (type == oid::kInt4) {
                if (v < std::numeric_limits<std::int32_t>::min() ||
                    v > std::numeric_limits<std::int32_t>::max())
                    return nullptr;
                return putFixed(out, std::int32_t(v));
            }
            if (v < std::numeric_limits<std::int16_t>::min() || v > std::numeric_limits<std::int16_t>::max())
                return nullptr;
            return putFixed(out, std::int16_t(v));
        }
        case oid::kFloat8:
        case kFloat4: {
            double v = 0;
            if (cell.kind == Cell::Kind::Real)
                v = cell.d;
            else if (cell.kind == Cell::Kind::Text) {
                const auto t = cell.text;
                if (t.empty() || std::from_chars(t.data(), t.data() + t.size(), v).ptr != t.data() + t.size())
                    return nullptr;
            } else
                v = double(cell.i);
            if (type == oid::kFloat8) return putFixed(out, std::bit_cast<std::uint64_t>(v));
            return putFixed(out, std::bit_cast<std::uint32_t>(float(v)));
        }
        case oid::kBool: {
            bool v = false;
            if (cell.kind == Cell::Kind::Boolean || cell.kind == Cell::Kind::Integer) {
                if (cell.i != 0 && cell.i != 1) return nullptr;
                v = cell.i != 0;
            } else if (cell.kind == Cell::Kind::Text) {
                if (!parseBool(cell.text, &v)) return nullptr;
            } else
                return nullptr;
            out = putBigEndian(out, std::int32_t(1));
            *out++ = v ? 1 : 0;
            return out;
        }
        case oid::kDate: {
            std::int32_t days;
            if (cell.kind != Cell::Kind::Text || !isoToPgDate(cell.text, &days)) return nullptr;
            return putFixed(out, days);
        }
        case oid::kTimestamp: {
            std::int64_t micros;
            if (cell.kind != Cell::Kind::Text || !isoToPgTimestamp(cell.text, &micros)) return nullptr;
            return putFixed(out, micros);
        }
        default: {  // text, varchar: the bytes themselves
            if (cell.kind == Cell::Kind::Text) return putField(out, cell.text.data(), cell.text.size());
            char buf[kNumberBound];
            std::string_view s;
            if (cell.kind == Cell::Kind::Integer)
                s = {buf, std::size_t(std::to_chars(buf, buf + sizeof buf, cell.i).ptr - buf)};
            else if (cell.kind == Cell::Kind::Boolean)
                s = cell.i ? "true" : "false";
            else if (std::isnan(cell.d))
                s = "NaN";
            else if (std::isinf(cell.d))
                s = cell.d > 0 ? "Infinity" : "-Infinity";
            else
                s = {buf, std::size_t(std::to_chars(buf, buf + sizeof buf, cell.d).ptr - buf)};
            return putField(out, s.data(), s.size());
        }
    }
}

}  // namespace

bool isoToPgDate(std::string_view text, std::int32_t* days) {
    std::int64_t d;
    if (text.size() == 10) {
        if (!parseDatePart(text, &d)) return false;
    } else {
        // A datetime stored into a date column keeps its day, as PostgreSQL's date input does.
        std::int64_t micros;
        if (!isoToPgTimestamp(text, &micros)) return false;
        d = micros >= 0 ? micros / kMicrosPerDay : -((-micros + kMicrosPerDay - 1) / kMicrosPerDay);
    }
    *days = std::int32_t(d);
    return true;
}

bool isoToPgTimestamp(std::string_view s, std::int64_t* micros) {
    std::int64_t days;
    if (!parseDatePart(s, &days)) return false;
    std::int64_t time = 0;
    if (s.size() > 10) {
        unsigned h, m, sec = 0;
        if ((s[10] != ' ' && s[10] != 'T') || s.size() < 16 || s[13] != ':' || !digits(s, 11, 2, &h) ||
            !digits(s, 14, 2, &m) || h > 23 || m > 59)
            return false;
        std::size_t pos = 16;
        if (pos < s.size()) {
            if (s[pos] != ':' || !digits(s, pos + 1, 2, &sec) || sec > 59) return false;
            pos += 3;
        }
        std::int64_t fraction = 0;
        if (pos < s.size()) {
            if (s[pos] != '.' || pos + 1 == s.size() || s.size() - pos - 1 > 6) return false;
            unsigned f;
            const std::size_t n = s.size() - pos - 1;
            if (!digits(s, pos + 1, n, &f)) return false;
            fraction = f;
            for (std::size_t i = n; i < 6; ++i) fraction *= 10;
        }
        time = (std::int64_t(h) * 3600 + m * 60 + sec) * 1000000LL + fraction;
    }
    *micros = days * kMicrosPerDay + time;
    return true;
}

bool binaryCopySupports(Oid type) {
    switch (type) {
        case oid::kInt8:
        case oid::kInt4:
        case oid::kInt2:
        case oid::kFloat8:
        case kFloat4:
        case oid::kBool:
        case oid::kDate:
        case oid::kTimestamp:
        case kText:
        case kVarchar:
            return true;
        default:
            return false;
    }
}

std::string_view binaryCopyHeader() {
    // Signature, flags (no OIDs), header extension length.
    static constexpr char kHeader[] = "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0";
    return {kHeader, 19};
}

std::string_view binaryCopyTrailer() {
    static constexpr char kTrailer[] = "\377\377";
    return {kTrailer, 2};
}

std::size_t binaryRowBound(const Cell* cells, std::size_t count) {
    std::size_t n = 2;
    for (std::size_t c = 0; c < count; ++c)
        n += 4 + (cells[c].kind == Cell::Kind::Text ? std::max<std::size_t>(cells[c].text.size(), 8)
                                                    : kNumberBound);
    return n;
}

char* formatBinaryRow(char* out, const Cell* cells, const std::vector<CopyColumn>& columns,
                      std::string* error) {
    out = putBigEndian(out, std::int16_t(columns.size()));
    for (std::size_t c = 0; c < columns.size(); ++c) {
        out = encodeCell(out, cells[c], columns[c].type);
        if (!out) {
            *error = "cannot store " + describeCell(cells[c]) + " in column " + columns[c].name + " (" +
                     std::string(columnTypeName(logicalTypeOf(columns[c].type))) + ")";
            return nullptr;
        }
    }
    return out;
}

}  // namespace deskbase::pg
