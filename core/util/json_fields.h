#pragma once
// Reading one field of a JSON object in a workspace file (sources, checks), with the one-line
// messages those files' readers share: `"key" is a non-empty string`, `missing field "key"`.
#include <nlohmann/json.hpp>
#include <string>

#include "core/util/result.h"

namespace deskbase::json_fields {

// A non-empty string field into `out`; absent is fine unless `required`.
inline Status readText(const nlohmann::json& object, const char* key, std::string& out, bool required) {
    if (!object.contains(key))
        return required ? Status::fail(std::string("missing field \"") + key + "\"") : Status::ok();
    const auto& v = object[key];
    if (!v.is_string() || v.get<std::string>().empty())
        return Status::fail(std::string("\"") + key + "\" is a non-empty string");
    out = v.get<std::string>();
    return Status::ok();
}

// An optional true/false field into `out` (left as it is when absent).
inline Status readBool(const nlohmann::json& object, const char* key, bool& out) {
    if (!object.contains(key)) return Status::ok();
    if (!object[key].is_boolean()) return Status::fail(std::string("\"") + key + "\" is true or false");
    out = object[key].get<bool>();
    return Status::ok();
}

}  // namespace deskbase::json_fields
