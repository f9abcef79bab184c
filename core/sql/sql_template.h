#pragma once
// Question templates -> SQL with bound placeholders.
//   {{name}}        a bound placeholder (Dialect::placeholder(i)); never the value's text
//   [[ ... ]]       an optional clause, dropped when any parameter directly inside it is unset
//   {# ... #}       a comment, dropped
//   multi-value     {{name}} becomes "ph1, ph2, ..." for use inside IN (...)
// The template is read by the shared tokenizer in the warehouse's dialect: string literals, quoted
// identifiers, comments and (PostgreSQL) dollar-quotes are copied as they are, "{{" in them
// included. An unclosed {{ or [[, an unterminated literal or a {% %} block is a one-line error
// with its line.
#include <string>
#include <vector>

#include "core/question/question.h"
#include "core/sql/dialect.h"
#include "core/types/value.h"
#include "core/util/result.h"

namespace deskbase {

class Warehouse;

struct ExpandedSql {
    std::string sql;            // with placeholders numbered from 1
    std::vector<Value> params;  // one bound value per placeholder, in order
    // Where each piece of `sql` came from: SQL copied from the template maps byte for byte, a
    // parameter's placeholders map to its {{. In order of sqlOffset.
    struct Piece {
        std::size_t sqlOffset = 0;
        std::size_t templateOffset = 0;
        bool copied = true;
    };
    std::vector<Piece> pieces;
    // The template byte offset that `sql`'s byte `sqlOffset` came from.
    std::size_t templateOffset(std::size_t sqlOffset) const;
};

// An error about the expanded SQL, its position (core/sql/error_position.h) moved onto the template.
std::string errorInTemplate(const ExpandedSql& expanded, const std::string& sqlTemplate,
                            const std::string& message);

// Expands `sqlTemplate`. Parameters used but not declared are text, optional, single-valued.
// Values: `values[name]` when set, else the declared default, else unset. An unset parameter
// outside an optional clause is an error naming it ("missing value for required parameter x");
// so is a value that does not fit the type ("parameter n: \"abc\" is not a number").
Result<ExpandedSql> expandSqlTemplate(const std::string& sqlTemplate, const std::vector<Parameter>& declared,
                                      const ParameterValues& values, const Dialect& dialect);
Result<ExpandedSql> expandQuestion(const Question& q, const ParameterValues& values,
                                   const Warehouse& warehouse);

// The names of the parameters a template uses, in first-use order.
Result<std::vector<std::string>> templateParameterNames(const std::string& sqlTemplate,
                                                        const Dialect& dialect);

// Converts one text value to the parameter type: number -> int64 (or double), boolean -> bool
// (true/false/1/0/yes/no), date -> validated ISO "YYYY-MM-DD" or "YYYY-MM-DD[ T]HH:MM[:SS]" text.
Result<Value> typedParameterValue(const Parameter& p, const std::string& text);

}  // namespace deskbase
