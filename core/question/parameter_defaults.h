#pragma once
// A parameter's default as typed JSON, from the text values a user typed (the parameter bar's
// fields, the settings dialog's Default box): a number parameter stores 100, not "100"; a boolean
// true; dates and text strings; a multi-value parameter an array. Used when the user asks for the
// values typed now to become the defaults.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/question/question.h"
#include "core/util/result.h"

namespace deskbase {

// No texts (or only empty ones) -> null (no default). A single-valued parameter takes the first
// text. Fails with the parameter's one-line message when a text does not fit the type.
Result<nlohmann::json> defaultFromTexts(const Parameter& p, const std::vector<std::string>& texts);

// The parameters with `values` (where set) as their defaults; unset ones keep their default.
Result<std::vector<Parameter>> withValuesAsDefaults(std::vector<Parameter> parameters,
                                                    const ParameterValues& values);

// Splits what a multi-value field holds ("a, b ,c") into its values; a single-valued field is one
// value. Empty text is no value.
std::vector<std::string> parameterTexts(const Parameter& p, const std::string& fieldText);

}  // namespace deskbase
