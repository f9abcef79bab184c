#pragma once
// Values in check files and reports: JSON scalars <-> Value (internal to core/checks).
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/types/value.h"

namespace deskbase::checks_json {

// A JSON scalar as a Value; nullopt for null, arrays and objects.
inline std::optional<Value> scalar(const nlohmann::json& j) {
    if (j.is_string()) return Value{j.get<std::string>()};
    if (j.is_boolean()) return Value{j.get<bool>()};
    if (j.is_number_integer()) return Value{j.get<std::int64_t>()};
    if (j.is_number_unsigned()) {
        const auto u = j.get<std::uint64_t>();
        if (u > std::uint64_t(INT64_MAX)) return std::nullopt;
        return Value{std::int64_t(u)};
    }
    if (j.is_number_float()) return Value{j.get<double>()};
    return std::nullopt;
}

// A Value as JSON: numbers as numbers (non-finite reals null), booleans, NULL null, text.
inline nlohmann::ordered_json json(const Value& v) {
    if (isNull(v)) return nullptr;
    if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (auto* d = std::get_if<double>(&v)) return std::isfinite(*d) ? nlohmann::ordered_json(*d) : nullptr;
    if (auto* b = std::get_if<bool>(&v)) return *b;
    return std::get<std::string>(v);
}

}  // namespace deskbase::checks_json
