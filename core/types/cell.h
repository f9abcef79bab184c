#pragma once
// A non-owning typed cell for the bulk-load hot path: text points into a RowBatch's arena.
#include <cstdint>
#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace deskbase {

struct Cell {
    enum class Kind : std::uint8_t { Null, Integer, Real, Boolean, Text };
    Kind kind = Kind::Null;
    std::int64_t i = 0;  // Integer, Boolean (0/1)
    double d = 0;        // Real
    std::string_view text;  // Text, and dates/datetimes as ISO text

    static Cell null() { return {}; }
    static Cell integer(std::int64_t v) { Cell c; c.kind = Kind::Integer; c.i = v; return c; }
    static Cell real(double v) { Cell c; c.kind = Kind::Real; c.d = v; return c; }
    static Cell boolean(bool v) { Cell c; c.kind = Kind::Boolean; c.i = v ? 1 : 0; return c; }
    static Cell textView(std::string_view v) { Cell c; c.kind = Kind::Text; c.text = v; return c; }
};

// Chunked string storage whose views stay valid until clear(): growing never moves old text.
class TextArena {
public:
    std::string_view store(std::string_view s) {
        if (s.empty()) return {};
        if (chunks_.empty() || used_ + s.size() > chunks_.back().size()) {
            chunks_.emplace_back(std::max<std::size_t>(kChunk, s.size()), '\0');
            used_ = 0;
        }
        char* dst = chunks_.back().data() + used_;
        std::memcpy(dst, s.data(), s.size());
        used_ += s.size();
        return {dst, s.size()};
    }
    void clear() {
        // Keep one chunk so a reused batch does not reallocate every time.
        if (chunks_.size() > 1) chunks_.erase(chunks_.begin(), chunks_.end() - 1);
        used_ = 0;
    }

private:
    static constexpr std::size_t kChunk = 1 << 16;
    std::vector<std::string> chunks_;
    std::size_t used_ = 0;
};

// A block of rows handed from the parser to a BulkWriter. Row-major: row r, column c is
// cells[r * columnCount + c]. Text cells point into `arena`.
struct RowBatch {
    std::size_t columnCount = 0;
    std::vector<Cell> cells;
    TextArena arena;
    std::vector<std::int64_t> lineNumbers;  // file line of each row, for error messages

    std::size_t rowCount() const { return columnCount ? cells.size() / columnCount : 0; }
    void clear() { cells.clear(); arena.clear(); lineNumbers.clear(); }
};

}  // namespace deskbase
