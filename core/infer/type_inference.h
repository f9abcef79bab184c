#pragma once
// Infers one column's type from every value it holds (not a sample), and converts values
// to typed cells once the type is known.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/infer/value_parsers.h"
#include "core/types/cell.h"
#include "core/types/value.h"

namespace deskbase {

class ColumnInference {
public:
    // `raw` is the field as read; a view with a null data pointer is an explicit null (JSON).
    // With `decimalComma`, "1,5" counts as a real (files not delimited by commas).
    void add(std::string_view raw, bool decimalComma = false);
    ColumnType type() const;
    SlashOrder slashOrder() const;  // how slash dates read, when the type is a date
    std::int64_t nonNullCount() const { return nonNull_; }
    // Why a column of numbers is text, when that is the reason: a value a real would round
    // ("'12345678901234567' would be rounded as a real: kept as text"). Empty otherwise.
    std::string textReason() const;
    // A column where a few values do not parse still gets the type nearly all of them have
    // (integer, real, date or date-time) when at most kMisfitShare of its non-null values miss
    // it; those rows are rejected on load with their reason. How many miss, and a note for the
    // preview ("5 values don't fit 'date' (first: 'soon')"), empty when none do.
    static constexpr double kMisfitShare = 0.001;
    std::int64_t misfitCount() const;
    std::string misfitNote() const;

private:
    enum : std::uint8_t { kInteger = 1, kReal = 2, kBoolean = 4, kTemporal = 8, kAll = 15 };
    std::uint8_t candidates_ = kAll;
    // The first integer a real would round (the column is text if it ends up real), or the
    // number a real would round that made the column text.
    std::string rounded_;
    bool roundedMadeText_ = false;
    bool sawTime_ = false;
    bool sawSlash_ = false;
    std::int64_t monthFirstBad_ = 0;  // slash dates that cannot be month first
    std::int64_t dayFirstBad_ = 0;
    std::int64_t nonNull_ = 0;
    // Tolerance: a type the strict rules dropped (integer, real, date) is still followed, counting
    // the values that miss it, until too many do.
    enum Follow : int { kFollowInteger, kFollowReal, kFollowTemporal, kFollowCount };
    void addStrict(std::string_view t, bool decimalComma);
    void follow(int which, std::string_view t, bool decimalComma, bool justDropped);
    struct Tolerant {
        ColumnType type = ColumnType::Text;
        std::int64_t misses = 0;
        int which = -1;
    };
    Tolerant tolerant() const;
    std::uint8_t following_ = 0;  // bits 1 << Follow
    std::int64_t misses_[kFollowCount] = {0, 0, 0};
    std::string firstMiss_[kFollowCount];
};

// Converts a field to a cell of the column's type. Text of converted values (dates) is stored
// in `arena`. Returns false, with a reason, when the value does not fit the type.
bool convertField(std::string_view raw, ColumnType type, SlashOrder order, TextArena& arena, Cell& out,
                  std::string& reason, bool decimalComma = false);

}  // namespace deskbase
