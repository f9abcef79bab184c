#pragma once
// One list of saved names per enum, written once in the enum's .cpp:
//
//   DESKBASE_ENUM_NAMES(kKindNames, CheckKind, {{CheckKind::NotNull, "not_null"}, ...})
//
// gives nlohmann's to_json/from_json for the enum (NLOHMANN_JSON_SERIALIZE_ENUM) and a constexpr
// table for enumName() / enumFromName(). Readers use enumFromName(): nlohmann's from_json maps an
// unknown name to the first entry, and a file with a misspelt name must get a one-line error
// instead of silently becoming the first enumerator.
#include <nlohmann/json.hpp>

#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#define DESKBASE_ENUM_NAMES(table, E, ...)       \
    NLOHMANN_JSON_SERIALIZE_ENUM(E, __VA_ARGS__) \
    constexpr std::pair<E, std::string_view> table[] = __VA_ARGS__;

namespace deskbase {

// The name of e; the first entry's name for a value the table lacks.
template <class E, std::size_t N>
constexpr std::string_view enumName(const std::pair<E, std::string_view> (&names)[N], E e) {
    for (const auto& [value, name] : names)
        if (value == e) return name;
    return names[0].second;
}

enum class NameCase { Exact, Insensitive };

template <class E, std::size_t N>
std::optional<E> enumFromName(const std::pair<E, std::string_view> (&names)[N], std::string_view s,
                              NameCase nameCase = NameCase::Exact) {
    std::string folded(s);
    if (nameCase == NameCase::Insensitive)
        for (char& c : folded) c = char(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& [value, name] : names)
        if (name == folded) return value;
    return std::nullopt;
}

}  // namespace deskbase
