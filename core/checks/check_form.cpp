#include "core/checks/check_form.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/checks/check_file.h"
#include "core/checks/json_value.h"

namespace deskbase {

using nlohmann::json;

namespace {

std::string trimmed(const std::string& s) {
    std::size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return s.substr(a, b - a);
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (auto t = trimmed(line); !t.empty()) out.push_back(std::move(t));
    return out;
}

// A whole number or a real written in full ("12", "-3", "1.5", "2e3"); nullopt otherwise.
std::optional<json> number(const std::string& text) {
    std::int64_t i = 0;
    const char* end = text.data() + text.size();
    if (auto r = std::from_chars(text.data(), end, i); r.ec == std::errc() && r.ptr == end) return json(i);
    double d = 0;
    if (auto r = std::from_chars(text.data(), end, d);
        r.ec == std::errc() && r.ptr == end && std::isfinite(d))
        return json(d);
    return std::nullopt;
}

std::string joinLines(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : "\n") + s;
    return out;
}

}  // namespace

Result<CheckSpec> checkFromForm(const CheckForm& f) {
    const auto kind = parseCheckKind(f.kind);
    if (!kind) return Error{"unknown check kind \"" + f.kind + "\""};
    json j;
    j["check"] = f.kind;
    if (auto n = trimmed(f.name); !n.empty()) j["name"] = n;
    auto put = [&](const char* key, const std::string& value) {
        if (auto v = trimmed(value); !v.empty()) j[key] = v;
    };
    switch (*kind) {
        case CheckKind::Unique:
            if (!f.columns.empty()) j["columns"] = f.columns;
            break;
        case CheckKind::RowCount:
        case CheckKind::Columns:
        case CheckKind::Sql:
            break;
        default:
            put("column", f.column);
    }
    switch (*kind) {
        case CheckKind::AcceptedValues: {
            json values = json::array();
            const auto vs = lines(f.values);
            for (std::size_t i = 0; i < vs.size(); ++i) {
                if (!f.numericValues) {
                    values.push_back(vs[i]);
                    continue;
                }
                auto n = number(vs[i]);
                if (!n)
                    return Error{"line " + std::to_string(i + 1) + " of values: \"" + vs[i] +
                                 "\" is not a number"};
                values.push_back(*n);
            }
            j["values"] = values;
            break;
        }
        case CheckKind::Relationships:
            put("to", f.to);
            put("field", f.field);
            break;
        case CheckKind::Between:
        case CheckKind::RowCount:
            for (const auto& [key, text] :
                 {std::pair{"min", trimmed(f.min)}, std::pair{"max", trimmed(f.max)}}) {
                if (text.empty()) continue;
                auto n = number(text);
                if (*kind == CheckKind::RowCount && (!n || !n->is_number_integer()))
                    return Error{std::string("\"") + key + "\" is a whole number of rows"};
                j[key] = n ? *n : json(text);
            }
            if (*kind == CheckKind::Between) {
                if (!f.minInclusive) j["min_inclusive"] = false;
                if (!f.maxInclusive) j["max_inclusive"] = false;
            }
            break;
        case CheckKind::Matches:
            if (!f.regex.empty()) j["regex"] = f.regex;  // spaces may matter in a pattern
            break;
        case CheckKind::Freshness:
            put("warn_after", f.warnAfter);
            put("error_after", f.errorAfter);
            break;
        case CheckKind::Columns: {
            json required = json::object();
            for (const auto& line : lines(f.required)) {
                const auto space = line.find_first_of(" \t");
                const std::string name = line.substr(0, space);
                required[name] = space == std::string::npos ? std::string() : trimmed(line.substr(space));
            }
            if (!required.empty()) j["required"] = required;
            break;
        }
        case CheckKind::Sql:
            put("sql", f.sql);
            break;
        default:
            break;
    }
    if (f.severity != "error") j["severity"] = f.severity;
    if (auto m = trimmed(f.mostly); !m.empty()) {
        auto n = number(m);
        if (!n) return Error{"\"mostly\" is a number above 0 and at most 1"};
        j["mostly"] = *n;
    }
    if (!f.description.empty()) j["description"] = f.description;
    return checkSpecFromJson(j);
}

CheckForm formFromCheck(const CheckSpec& c) {
    CheckForm f;
    f.kind = std::string(checkKindName(c.kind));
    if (c.namedInFile) f.name = c.name;
    if (c.kind == CheckKind::Unique)
        f.columns = c.columns;
    else
        f.column = c.column;
    std::vector<std::string> values;
    for (const auto& v : c.values) {
        values.push_back(valueToText(v));
        if (!std::holds_alternative<std::string>(v)) f.numericValues = true;
    }
    f.values = joinLines(values);
    f.to = c.to;
    f.field = c.field;
    if (c.min) f.min = valueToText(*c.min);
    if (c.max) f.max = valueToText(*c.max);
    f.minInclusive = c.minInclusive;
    f.maxInclusive = c.maxInclusive;
    f.regex = c.regex;
    if (c.warnAfter) f.warnAfter = c.warnAfter->text;
    if (c.errorAfter) f.errorAfter = c.errorAfter->text;
    std::vector<std::string> required;
    for (const auto& [name, type] : c.required) required.push_back(type.empty() ? name : name + " " + type);
    f.required = joinLines(required);
    f.sql = c.sql;
    f.severity = std::string(severityName(c.severity));
    if (c.mostly) f.mostly = valueToText(Value{*c.mostly});
    f.description = c.description;
    return f;
}

}  // namespace deskbase
