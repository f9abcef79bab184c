#pragma once
// Compact binary form of a cached result (the disk tier's file format, see docs/questions.md):
//   "DBRC" u32 format | str key | i64 expiresAtMs | u32 n (str table, i64 version)* | u8 truncated
//   | f64 elapsedMs | u32 ncols (str name, u8 type, str display)* | u64 nrows | values, row-major,
//   each a tag byte (0 null, 1 int64, 2 double, 3 false, 4 true, 5 text) + payload.
// Integers are little-endian; str = u32 length + bytes.
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/data_versions.h"
#include "core/exec/query_result.h"

namespace deskbase {

struct CachedResult {
    std::string key;  // CacheKey::serialized()
    std::int64_t expiresAtMs = 0;  // system clock, ms since the epoch
    std::vector<TableVersion> versions;
    QueryResult result;
};

std::string encodeCachedResult(const CachedResult& c);
std::optional<CachedResult> decodeCachedResult(const std::string& bytes);  // nullopt when damaged

class ByteWriter {
public:
    void u8(std::uint8_t v) { out_ += char(v); }
    void u32(std::uint32_t v) { raw(&v, sizeof v); }
    void u64(std::uint64_t v) { raw(&v, sizeof v); }
    void i64(std::int64_t v) { raw(&v, sizeof v); }
    void f64(double v) { raw(&v, sizeof v); }
    void str(const std::string& s) { u32(std::uint32_t(s.size())); out_.append(s); }
    void value(const Value& v);
    std::string take() { return std::move(out_); }
    void reserve(std::size_t n) { out_.reserve(n); }

private:
    void raw(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }  // little-endian hosts
    std::string out_;
};

}  // namespace deskbase
