#include "core/question/question.h"

#include <QFile>
#include <QString>
#include <algorithm>

#include "core/io/atomic_file.h"
#include "core/util/enum_names.h"

namespace deskbase {

namespace {

using ojson = nlohmann::ordered_json;

nlohmann::ordered_json toOrdered(const nlohmann::json& j) {
    // nlohmann::json keeps object keys sorted, which is already a stable order.
    return nlohmann::ordered_json::parse(j.dump());
}

std::string typeError(const std::string& what, const nlohmann::json::exception& e) {
    return what + ": " + e.what();
}

}  // namespace

std::vector<std::string> defaultValueTexts(const Parameter& p) {
    std::vector<std::string> out;
    auto one = [&](const nlohmann::json& v) {
        if (v.is_null()) return;
        if (v.is_string())
            out.push_back(v.get<std::string>());
        else if (v.is_boolean())
            out.push_back(v.get<bool>() ? "true" : "false");
        else
            out.push_back(v.dump());
    };
    if (p.defaultValue.is_array())
        for (const auto& v : p.defaultValue) one(v);
    else
        one(p.defaultValue);
    return out;
}

DESKBASE_ENUM_NAMES(kParameterTypeNames, Parameter::Type,
                    {{Parameter::Type::Text, "text"},
                     {Parameter::Type::Number, "number"},
                     {Parameter::Type::Date, "date"},
                     {Parameter::Type::Boolean, "boolean"}})

std::string parameterTypeName(Parameter::Type t) { return std::string(enumName(kParameterTypeNames, t)); }

std::optional<Parameter::Type> parseParameterType(const std::string& name) {
    if (auto t = enumFromName(kParameterTypeNames, name)) return t;
    constexpr std::pair<Parameter::Type, std::string_view> kAliases[] = {{Parameter::Type::Text, "string"},
                                                                          {Parameter::Type::Boolean, "bool"}};
    return enumFromName(kAliases, name);
}

const Parameter* Question::parameter(const std::string& n) const {
    auto it =
        std::find_if(parameters.begin(), parameters.end(), [&](const Parameter& p) { return p.name == n; });
    return it == parameters.end() ? nullptr : &*it;
}

nlohmann::ordered_json questionToJson(const Question& q) {
    ojson j;
    j["name"] = q.name;
    j["description"] = q.description;
    j["connection"] = q.connection;
    j["sql"] = q.sql;
    ojson params = ojson::array();
    for (const auto& p : q.parameters) {
        ojson pj;
        pj["name"] = p.name;
        pj["type"] = parameterTypeName(p.type);
        pj["label"] = p.label;
        pj["default"] = toOrdered(p.defaultValue);
        pj["required"] = p.required;
        pj["multi_value"] = p.multiValue;
        params.push_back(std::move(pj));
    }
    j["parameters"] = std::move(params);
    j["visualization"] = toOrdered(q.visualization);
    if (q.cache) j["cache"] = cachePolicyToJson(*q.cache);
    return j;
}

Result<Question> questionFromJson(const nlohmann::json& j) {
    if (!j.is_object()) return Error{"a question must be a JSON object"};
    Question q;
    try {
        q.name = j.value("name", std::string());
        q.description = j.value("description", std::string());
        q.connection = j.value("connection", std::string());
        q.sql = j.value("sql", std::string());
        if (j.contains("visualization") && !j.at("visualization").is_null())
            q.visualization = j.at("visualization");
    } catch (const nlohmann::json::exception& e) {
        return Error{typeError("name, description, connection and sql must be strings", e)};
    }
    if (j.contains("parameters")) {
        const auto& arr = j.at("parameters");
        if (!arr.is_array()) return Error{"\"parameters\" must be an array"};
        for (const auto& pj : arr) {
            if (!pj.is_object()) return Error{"each parameter must be an object"};
            Parameter p;
            try {
                p.name = pj.at("name").get<std::string>();
                const std::string type = pj.value("type", std::string("text"));
                auto t = parseParameterType(type);
                if (!t) return Error{"parameter " + p.name + ": unknown type \"" + type + "\""};
                p.type = *t;
                p.label = pj.value("label", std::string());
                p.defaultValue = pj.contains("default") ? pj.at("default") : nlohmann::json();
                p.required = pj.value("required", false);
                p.multiValue = pj.value("multi_value", false);
            } catch (const nlohmann::json::exception& e) {
                return Error{typeError("bad parameter", e)};
            }
            if (p.name.empty()) return Error{"a parameter has no name"};
            if (q.parameter(p.name)) return Error{"parameter " + p.name + " is declared twice"};
            q.parameters.push_back(std::move(p));
        }
    }
    if (j.contains("cache") && !j.at("cache").is_null()) {
        auto policy = cachePolicyFromJson(j.at("cache"));
        if (!policy) return Error{policy.message()};
        q.cache = *policy;
    }
    return q;
}

std::string questionToText(const Question& q) {
    return questionToJson(q).dump(2) + "\n";
}

int jsonParseErrorLine(const std::string& text, const nlohmann::json::parse_error& e) {
    const std::size_t upTo = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
    return 1 + int(std::count(text.begin(), text.begin() + long(upTo), '\n'));
}

std::string jsonParseErrorMessage(const std::string& fileName, const std::string& text,
                                  const nlohmann::json::parse_error& e) {
    const int line = jsonParseErrorLine(text, e);
    std::string what = e.what();
    // nlohmann messages look like "[json.exception.parse_error.101] parse error at line 3, column 5: ..."
    if (auto colon = what.find(": ", what.find("parse error")); colon != std::string::npos)
        what = what.substr(colon + 2);
    std::string prefix = fileName.empty() ? std::string() : fileName + ": ";
    return prefix + "line " + std::to_string(line) + ": " + what;
}

Result<Question> questionFromText(const std::string& text, const std::string& fileName) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        return Error{jsonParseErrorMessage(fileName, text, e)};
    }
    auto q = questionFromJson(j);
    if (!q && !fileName.empty()) return Error{fileName + ": " + q.message()};
    return q;
}

Result<std::string> readTextFile(const std::string& path) {
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return Error{"cannot read " + path + ": " + f.errorString().toStdString()};
    const QByteArray bytes = f.readAll();
    return std::string(bytes.constData(), std::size_t(bytes.size()));
}

Result<Question> loadQuestion(const std::string& path) {
    auto text = readTextFile(path);
    if (!text) return Error{text.message()};
    return questionFromText(*text, path);
}

Status saveQuestion(const Question& q, const std::string& path) {
    return writeFileAtomically(path, questionToText(q));
}

}  // namespace deskbase
