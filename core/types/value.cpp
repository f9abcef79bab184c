#include "core/types/value.h"

#include <charconv>

#include "core/util/enum_names.h"

namespace deskbase {

DESKBASE_ENUM_NAMES(kNames, ColumnType,
                    {{ColumnType::Integer, "integer"},
                     {ColumnType::Real, "real"},
                     {ColumnType::Boolean, "boolean"},
                     {ColumnType::Date, "date"},
                     {ColumnType::DateTime, "datetime"},
                     {ColumnType::Text, "text"}})

// Common aliases users type on the command line.
constexpr std::pair<ColumnType, std::string_view> kAliases[] = {
    {ColumnType::Integer, "int"},  {ColumnType::Integer, "bigint"}, {ColumnType::Real, "float"},
    {ColumnType::Real, "double"},  {ColumnType::Real, "number"},    {ColumnType::Boolean, "bool"},
    {ColumnType::DateTime, "timestamp"}, {ColumnType::Text, "string"},
};

std::string_view columnTypeName(ColumnType t) { return enumName(kNames, t); }

std::optional<ColumnType> parseColumnType(std::string_view name) {
    if (auto t = enumFromName(kNames, name, NameCase::Insensitive)) return t;
    return enumFromName(kAliases, name, NameCase::Insensitive);
}

std::string valueToText(const Value& v) {
    struct Visitor {
        std::string operator()(std::monostate) const { return {}; }
        std::string operator()(std::int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const {
            char buf[32];
            auto r = std::to_chars(buf, buf + sizeof buf, d);
            return std::string(buf, r.ptr);
        }
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(const std::string& s) const { return s; }
    };
    return std::visit(Visitor{}, v);
}

}  // namespace deskbase
