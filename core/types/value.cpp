#include "core/types/value.h"

#include <array>
#include <charconv>
#include <cctype>

namespace deskbase {

namespace {
constexpr std::array<std::string_view, 6> kNames = {"integer", "real", "boolean", "date", "datetime", "text"};
}

std::string_view columnTypeName(ColumnType t) { return kNames[static_cast<std::size_t>(t)]; }

std::optional<ColumnType> parseColumnType(std::string_view name) {
    std::string lower(name);
    for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
    for (std::size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i] == lower) return static_cast<ColumnType>(i);
    // Common aliases users type on the command line.
    if (lower == "int" || lower == "bigint") return ColumnType::Integer;
    if (lower == "float" || lower == "double" || lower == "number") return ColumnType::Real;
    if (lower == "bool") return ColumnType::Boolean;
    if (lower == "timestamp") return ColumnType::DateTime;
    if (lower == "string") return ColumnType::Text;
    return std::nullopt;
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
