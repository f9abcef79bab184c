#pragma once
// The Jinja blocks of a dbt-style model, found by the shared tokenizer in Jinja mode (blocks count
// inside SQL literals and comments too, as in dbt: where d > '{{ var("since") }}'), with their
// line numbers — what the model compiler reads.
//   {{ ref('orders') }}           Expression, body "ref('orders')"
//   {%- if is_incremental() %}    Statement, body "if is_incremental()", keyword "if", trimLeft
//   {# a note #}                  TemplateComment
// Deskbase's [[ ]] optional clauses belong to questions, not models: here they are plain SQL.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/sql/template_call.h"
#include "core/sql/tokenizer.h"

namespace deskbase {

struct TemplateBlock {
    TokenKind kind = TokenKind::Expression;  // Expression, Statement or TemplateComment
    std::string body;        // between the delimiters, without the whitespace-control dashes, trimmed
    std::size_t offset = 0;  // of the opening delimiter, in bytes
    std::size_t length = 0;  // through the closing delimiter
    int line = 1;            // of the opening delimiter, 1-based
    bool trimLeft = false;   // {{- / {%- : strip whitespace before the block
    bool trimRight = false;  // -}} / -%} : strip whitespace after it

    // A Statement's first word ("if", "endif", "set", ...); "" otherwise.
    std::string keyword() const;
    // A Statement's text after its keyword ("is_incremental()" for "if is_incremental()").
    std::string afterKeyword() const;
};

// Every {{ }}, {% %} and {# #} block in order. An unclosed block, string literal, quoted
// identifier or comment is a one-line error with its line ("line 4: unclosed {{").
Result<std::vector<TemplateBlock>> templateBlocks(std::string_view sql, const Dialect& dialect);

// A ref('m') / source('s', 't') call found in a {{ }} block.
struct TemplateReference {
    std::string function;            // "ref" or "source"
    std::vector<std::string> names;  // the string arguments: {"m"} or {"s", "t"}
    int line = 1;
};

// The ref() and source() calls of a model, in order. A {{ }} block that is not a call (e.g.
// "{{ a | upper }}") is skipped here; the model compiler decides what else it allows. A ref or
// source whose arguments are not strings is an error naming the line.
Result<std::vector<TemplateReference>> templateReferences(std::string_view sql, const Dialect& dialect);

}  // namespace deskbase
