#pragma once
// The check editor's fields as the user typed them, and the check they stand for. The form is
// turned into the check's JSON and read by the check file loader (check_file.h), so a check the
// editor accepts is exactly one the file accepts, with the same one-line reasons.
//   values:   accepted_values, one value per line (blank lines skipped, ends trimmed); read as
//             numbers when numericValues (a numeric column), else as text.
//   min, max: between: a number, else the text as written (an ISO date); row_count: whole numbers.
//   required: columns, one "name type" per line (the type may be left out: any type).
//   mostly:   empty, or a fraction above 0 and at most 1.
#include <string>
#include <vector>

#include "core/checks/check_spec.h"
#include "core/util/result.h"

namespace deskbase {

struct CheckForm {
    std::string kind = "not_null";
    std::string name;                  // empty: derived ("not_null(id)")
    std::string column;                // not for unique (columns), row_count, columns, sql
    std::vector<std::string> columns;  // unique: the key
    std::string values;                // accepted_values
    bool numericValues = false;
    std::string to, field;  // relationships
    std::string min, max;   // between, row_count
    bool minInclusive = true, maxInclusive = true;
    std::string regex;                  // matches
    std::string warnAfter, errorAfter;  // freshness: "2d", "12h", ...
    std::string required;               // columns
    std::string sql;                    // sql
    std::string severity = "error";     // "error" or "warn"
    std::string mostly;
    std::string description;

    bool operator==(const CheckForm&) const = default;
};

// The check, or the one-line reason it is not one ("line 2 of values: \"x\" is not a number",
// or the loader's own: "missing field \"column\"", "regex \"(\" does not compile: ...").
Result<CheckSpec> checkFromForm(const CheckForm& form);
// The fields that stand for `check` (checkFromForm of them gives it back).
CheckForm formFromCheck(const CheckSpec& check);

}  // namespace deskbase
