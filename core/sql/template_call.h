#pragma once
// The call syntax inside a Jinja block, as dbt models use it:
//   ref('orders')   source('shop', 'orders')   this   is_incremental()
//   config(materialized='incremental', unique_key=['id', 'day'])   var('since', '2020-01-01')
// A call is a name, optionally followed by an argument list; an argument is a literal (a
// 'string' or "string" with backslash escapes, a number, true/false, none, a bare name, or a
// [list] of these), optionally named (`key=value`). Anything else — filters (|), operators,
// attribute access — is a one-line error, so the caller can say "not supported" instead of
// passing it through.
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.h"

namespace deskbase {

struct TemplateValue {
    enum class Kind { String, Number, Boolean, None, Name, List };
    Kind kind = Kind::None;
    std::string text;                  // String: the value; Number: as written; Name: the name
    double number = 0;                 // Number
    bool boolean = false;              // Boolean
    std::vector<TemplateValue> items;  // List
};

struct TemplateArgument {
    std::string keyword;  // empty for a positional argument
    TemplateValue value;
};

struct TemplateCall {
    std::string name;
    bool called = false;  // written with parentheses: is_incremental() vs this
    std::vector<TemplateArgument> arguments;

    // Positional arguments that are all strings (ref('a'), source('a', 'b')); an error names the
    // first argument that is not a string, or a keyword argument.
    Result<std::vector<std::string>> stringArguments() const;
    // The keyword argument `key`, or nullptr.
    const TemplateValue* keywordArgument(std::string_view key) const;
};

// Parses one call ("ref('x')") from the body of a {{ }} block (or the rest of a {% %} statement
// after its keyword). Surrounding whitespace is ignored.
Result<TemplateCall> parseTemplateCall(std::string_view text);

}  // namespace deskbase
