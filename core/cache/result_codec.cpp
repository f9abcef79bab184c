#include "core/cache/result_codec.h"

namespace deskbase {

namespace {

constexpr char kMagic[4] = {'D', 'B', 'R', 'C'};
constexpr std::uint32_t kFormat = 1;
enum Tag : std::uint8_t { Null = 0, Int = 1, Real = 2, False = 3, True = 4, Text = 5 };

class ByteReader {
public:
    explicit ByteReader(const std::string& s) : p_(s.data()), end_(s.data() + s.size()) {}
    bool ok() const { return ok_; }
    template <class T>
    T pod() {
        T v{};
        if (std::size_t(end_ - p_) < sizeof(T)) { ok_ = false; return v; }
        std::memcpy(&v, p_, sizeof(T));
        p_ += sizeof(T);
        return v;
    }
    std::string str() {
        const auto n = pod<std::uint32_t>();
        if (!ok_ || std::size_t(end_ - p_) < n) { ok_ = false; return {}; }
        std::string s(p_, n);
        p_ += n;
        return s;
    }
    bool magic() {
        if (end_ - p_ < 4 || std::memcmp(p_, kMagic, 4) != 0) return ok_ = false;
        p_ += 4;
        return true;
    }
    std::size_t remaining() const { return std::size_t(end_ - p_); }

private:
    const char* p_;
    const char* end_;
    bool ok_ = true;
};

}  // namespace

void ByteWriter::value(const Value& v) {
    if (std::holds_alternative<std::monostate>(v)) u8(Null);
    else if (const auto* i = std::get_if<std::int64_t>(&v)) { u8(Int); i64(*i); }
    else if (const auto* d = std::get_if<double>(&v)) { u8(Real); f64(*d); }
    else if (const auto* b = std::get_if<bool>(&v)) u8(*b ? True : False);
    else { u8(Text); str(std::get<std::string>(v)); }
}

std::string encodeCachedResult(const CachedResult& c) {
    ByteWriter w;
    std::size_t estimate = 64 + c.key.size();
    for (const auto& r : c.result.rows) estimate += r.size() * 9;
    w.reserve(estimate);
    for (char m : kMagic) w.u8(std::uint8_t(m));
    w.u32(kFormat);
    w.str(c.key);
    w.i64(c.expiresAtMs);
    w.u32(std::uint32_t(c.versions.size()));
    for (const auto& tv : c.versions) { w.str(tv.table); w.i64(tv.version); }
    w.u8(c.result.truncated ? 1 : 0);
    w.f64(c.result.elapsedMs);
    w.u32(std::uint32_t(c.result.columns.size()));
    for (const auto& col : c.result.columns) {
        w.str(col.name);
        w.u8(std::uint8_t(col.type));
        w.str(col.displayName);
    }
    w.u64(c.result.rows.size());
    for (const auto& row : c.result.rows)
        for (const auto& v : row) w.value(v);
    return w.take();
}

std::optional<CachedResult> decodeCachedResult(const std::string& bytes) {
    ByteReader r(bytes);
    if (!r.magic() || r.pod<std::uint32_t>() != kFormat) return std::nullopt;
    CachedResult c;
    c.key = r.str();
    c.expiresAtMs = r.pod<std::int64_t>();
    const auto nVersions = r.pod<std::uint32_t>();
    for (std::uint32_t i = 0; i < nVersions && r.ok(); ++i) {
        TableVersion tv;
        tv.table = r.str();
        tv.version = r.pod<std::int64_t>();
        c.versions.push_back(std::move(tv));
    }
    c.result.truncated = r.pod<std::uint8_t>() != 0;
    c.result.elapsedMs = r.pod<double>();
    const auto nCols = r.pod<std::uint32_t>();
    for (std::uint32_t i = 0; i < nCols && r.ok(); ++i) {
        Column col;
        col.name = r.str();
        const auto type = r.pod<std::uint8_t>();
        if (type > std::uint8_t(ColumnType::Text)) return std::nullopt;
        col.type = ColumnType(type);
        col.displayName = r.str();
        c.result.columns.push_back(std::move(col));
    }
    const auto nRows = r.pod<std::uint64_t>();
    if (!r.ok() || (nCols > 0 && nRows > r.remaining() / nCols)) return std::nullopt;  // each value >= 1 byte
    c.result.rows.resize(nRows);
    for (auto& row : c.result.rows) {
        row.reserve(nCols);
        for (std::uint32_t k = 0; k < nCols; ++k) {
            switch (r.pod<std::uint8_t>()) {
                case Null: row.emplace_back(std::monostate{}); break;
                case Int: row.emplace_back(r.pod<std::int64_t>()); break;
                case Real: row.emplace_back(r.pod<double>()); break;
                case False: row.emplace_back(false); break;
                case True: row.emplace_back(true); break;
                case Text: row.emplace_back(r.str()); break;
                default: return std::nullopt;
            }
        }
        if (!r.ok()) return std::nullopt;
    }
    if (!r.ok() || r.remaining() != 0) return std::nullopt;
    return c;
}

}  // namespace deskbase
