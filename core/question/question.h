#pragma once
// A question: a saved SQL query with typed parameters and an (opaque to core) visualization.
// Stored as questions/<file>.json in a workspace; see docs/questions.md for the format.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/cache_policy.h"
#include "core/util/result.h"

namespace deskbase {

struct Parameter {
    enum class Type { Text, Number, Date, Boolean };
    std::string name;  // as written in {{name}}
    Type type = Type::Text;
    std::string label;            // display label; empty = name
    nlohmann::json defaultValue;  // null = none; a scalar, or an array for multi-value parameters
    bool required = false;
    bool multiValue = false;

    std::string displayLabel() const { return label.empty() ? name : label; }
    bool operator==(const Parameter&) const = default;
};

// The default as text values (what ParameterValues holds): null -> {}, scalar -> {text}, array -> each.
std::vector<std::string> defaultValueTexts(const Parameter& p);

std::string parameterTypeName(Parameter::Type t);  // "text", "number", "date", "boolean"
std::optional<Parameter::Type> parseParameterType(const std::string& name);

// Values chosen for parameters, as text (what a line edit, date picker or --param NAME=VALUE gives).
// A parameter is unset when absent or when its list is empty; several entries = multi-value.
using ParameterValues = std::map<std::string, std::vector<std::string>>;

struct Question {
    std::string name;
    std::string description;
    std::string connection;  // workspace connection name; empty = the workspace default
    std::string sql;         // template text with {{name}} and [[ ... ]]
    std::vector<Parameter> parameters;
    nlohmann::json visualization = nlohmann::json::object();  // {"type": ..., "options": ...}; opaque to core
    std::optional<CachePolicy> cache;                         // overrides the workspace policy when set

    const Parameter* parameter(const std::string& name) const;  // nullptr when not declared
};

// JSON with a stable key order: name, description, connection, sql, parameters, visualization, cache.
nlohmann::ordered_json questionToJson(const Question& q);
Result<Question> questionFromJson(const nlohmann::json& j);

// Text form: pretty-printed, 2-space indent, trailing newline. Loading then saving a file we wrote
// gives the same bytes.
std::string questionToText(const Question& q);
// Parse errors name the line: "line 7: ...". `fileName` prefixes messages when given.
Result<Question> questionFromText(const std::string& text, const std::string& fileName = {});

Result<Question> loadQuestion(const std::string& path);
Status saveQuestion(const Question& q, const std::string& path);  // atomic (temp file + rename)

// Shared helpers for the JSON files of a workspace.
Result<std::string> readTextFile(const std::string& path);
// The 1-based line of an nlohmann parse error on `text`.
int jsonParseErrorLine(const std::string& text, const nlohmann::json::parse_error& e);
// "file.json: line 3: <what>" from an nlohmann parse error on `text`.
std::string jsonParseErrorMessage(const std::string& fileName, const std::string& text,
                                  const nlohmann::json::parse_error& e);

}  // namespace deskbase
