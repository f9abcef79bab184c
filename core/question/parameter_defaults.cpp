#include "core/question/parameter_defaults.h"

#include "core/sql/sql_template.h"

namespace deskbase {

namespace {

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

nlohmann::json toJson(const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (const auto* d = std::get_if<double>(&v)) return *d;
    if (const auto* b = std::get_if<bool>(&v)) return *b;
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    return nullptr;
}

}  // namespace

Result<nlohmann::json> defaultFromTexts(const Parameter& p, const std::vector<std::string>& texts) {
    nlohmann::json values = nlohmann::json::array();
    for (const std::string& t : texts) {
        if (trimmed(t).empty()) continue;
        auto v = typedParameterValue(p, t);
        if (!v) return Error{v.message()};
        values.push_back(toJson(*v));
        if (!p.multiValue) break;
    }
    if (values.empty()) return nlohmann::json();
    if (!p.multiValue) return values[0];
    return values;
}

Result<std::vector<Parameter>> withValuesAsDefaults(std::vector<Parameter> parameters,
                                                    const ParameterValues& values) {
    for (Parameter& p : parameters) {
        auto it = values.find(p.name);
        if (it == values.end() || it->second.empty()) continue;
        auto d = defaultFromTexts(p, it->second);
        if (!d) return Error{d.message()};
        p.defaultValue = std::move(*d);
    }
    return parameters;
}

std::vector<std::string> parameterTexts(const Parameter& p, const std::string& fieldText) {
    std::vector<std::string> out;
    if (!p.multiValue) {
        if (std::string t = trimmed(fieldText); !t.empty()) out.push_back(std::move(t));
        return out;
    }
    std::size_t start = 0;
    while (start <= fieldText.size()) {
        const std::size_t comma = fieldText.find(',', start);
        const std::size_t end = comma == std::string::npos ? fieldText.size() : comma;
        if (std::string t = trimmed(fieldText.substr(start, end - start)); !t.empty())
            out.push_back(std::move(t));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

}  // namespace deskbase
