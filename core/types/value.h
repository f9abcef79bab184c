#pragma once
// Column types and cell values shared by readers, warehouses, queries and widgets.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace deskbase {

// The logical types Deskbase infers and stores (DESIGN.md "Inferred types").
enum class ColumnType { Integer, Real, Boolean, Date, DateTime, Text };

std::string_view columnTypeName(ColumnType t);                    // "integer", "real", ...
std::optional<ColumnType> parseColumnType(std::string_view name);  // inverse, case-insensitive

// An owned cell value. Dates and datetimes are ISO 8601 text ("2020-01-31", "2020-01-31 13:45:00").
using Value = std::variant<std::monostate, std::int64_t, double, bool, std::string>;
using Row = std::vector<Value>;

inline bool isNull(const Value& v) { return std::holds_alternative<std::monostate>(v); }
std::string valueToText(const Value& v);  // NULL -> "", bool -> "true"/"false", real -> shortest round-trip

struct Column {
    std::string name;         // normalized snake_case identifier
    ColumnType type = ColumnType::Text;
    std::string displayName;  // original header text (may equal name)
};

}  // namespace deskbase
