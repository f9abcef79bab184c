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

private:
    enum : std::uint8_t { kInteger = 1, kReal = 2, kBoolean = 4, kTemporal = 8, kAll = 15 };
    std::uint8_t candidates_ = kAll;
    // The first integer a real would round (the column is text if it ends up real), or the
    // number a real would round that made the column text.
    std::string rounded_;
    bool roundedMadeText_ = false;
    bool sawTime_ = false;
    bool sawSlash_ = false;
    bool monthFirstOk_ = true;
    bool dayFirstOk_ = true;
    std::int64_t nonNull_ = 0;
};

// Converts a field to a cell of the column's type. Text of converted values (dates) is stored
// in `arena`. Returns false, with a reason, when the value does not fit the type.
bool convertField(std::string_view raw, ColumnType type, SlashOrder order, TextArena& arena, Cell& out,
                  std::string& reason, bool decimalComma = false);

}  // namespace deskbase
