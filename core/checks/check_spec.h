#pragma once
// Data-quality checks on one table: what checks/<table>.json says (docs/checks.md).
// A CheckFile is what loadCheckFile() read and validated; runChecks() (check_runner.h) runs it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/types/value.h"

namespace deskbase {

enum class CheckKind {
    NotNull,
    Unique,
    AcceptedValues,
    Relationships,
    Between,
    Matches,
    RowCount,
    Freshness,
    Columns,
    Sql
};
std::string_view checkKindName(CheckKind k);  // "not_null", "unique", ...
std::optional<CheckKind> parseCheckKind(std::string_view s);
const std::vector<CheckKind>& allCheckKinds();
// Row-level checks count failing rows (and take `mostly`); the others judge the table as a whole.
bool isRowCheck(CheckKind k);

enum class Severity { Warn, Error };
std::string_view severityName(Severity s);  // "warn" / "error"

// What an error-severity failure does to the import that triggered the checks.
enum class OnFailure { Warn, Refuse };
std::string_view onFailureName(OnFailure f);  // "warn" / "refuse"

// A freshness limit as written ("2d", "12h", {"count": 12, "period": "hour"}) and in seconds.
struct FreshnessLimit {
    std::string text;
    std::int64_t seconds = 0;
};

struct CheckSpec {
    CheckKind kind = CheckKind::NotNull;
    std::string name;  // the check's label: "name" in the file, else derived ("unique(a, b)")
    // not_null, accepted_values, relationships, between, matches, freshness (optional); unique
    // keeps its key columns in `columns` (one or several).
    std::string column;
    std::vector<std::string> columns;
    std::vector<Value> values;      // accepted_values
    std::string to, field;          // relationships: every non-null `column` is in to.field
    std::optional<Value> min, max;  // between (numbers or ISO date text); row_count (integers)
    bool minInclusive = true, maxInclusive = true;
    std::string regex;                        // matches
    std::optional<FreshnessLimit> warnAfter;  // freshness
    std::optional<FreshnessLimit> errorAfter;
    // columns: required column names with a type each ("" = any type), in the file's order.
    std::vector<std::pair<std::string, std::string>> required;
    std::string sql;  // sql: a SELECT returning the failing rows
    Severity severity = Severity::Error;
    std::optional<double> mostly;  // fraction of the checked rows that must pass, in (0, 1]
    std::string description;
    bool namedInFile = false;  // `name` came from the file (kept when saving)

    // The columns this check reads from its table (for the run-time "no column" error).
    std::vector<std::string> columnsRead() const;
};

struct CheckFile {
    std::string path;         // as loaded (or to be saved)
    std::string displayName;  // in messages: "checks/orders.json" inside a workspace, else the path
    std::string table;
    OnFailure onFailure = OnFailure::Warn;
    std::vector<CheckSpec> checks;
};

// The label a check gets when the file names none: "not_null(order_id)", "unique(a, b)",
// "row_count", "freshness(order_date)", "freshness(last import)", "sql".
std::string defaultCheckName(const CheckSpec& c);

}  // namespace deskbase
