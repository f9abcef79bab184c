#pragma once
// The outcome of one check (docs/checks.md, "Results").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/checks/check_spec.h"
#include "core/types/value.h"

namespace deskbase {

// pass: nothing failing (or within `mostly`); warn: failing, warn severity; fail: failing, error
// severity; error: the check could not run (a missing column, SQL that does not run).
enum class CheckStatus { Pass, Warn, Fail, Error };
std::string_view checkStatusName(CheckStatus s);
std::optional<CheckStatus> parseCheckStatus(std::string_view s);

// One failing value (a unique check's key: one value per key column) and its rows.
struct CheckSample {
    std::vector<Value> key;
    std::int64_t count = 0;
};

struct CheckResult {
    std::string file;  // the check file's display name
    std::string table;
    std::string check;                 // the kind: "not_null", ...
    std::string name;                  // the check's label (unique within its file)
    std::vector<std::string> columns;  // the columns it reads (unique: the key)
    Severity severity = Severity::Error;
    CheckStatus status = CheckStatus::Pass;
    std::int64_t failures = 0;      // failing rows (row checks) or problems found (table checks)
    std::optional<double> percent;  // failures / rows * 100 for row checks; none for table checks
    std::int64_t rows = 0;          // rows the percent is of (non-NULL values where NULLs are skipped)
    std::optional<double> mostly;
    std::vector<CheckSample> sample;  // at most CheckRunOptions::sampleLimit, most frequent first
    std::string failingRowsSql;       // lists every failing row; empty for table checks
    std::string message;              // one line: what was found ("3 duplicate keys in 7 rows")
    double seconds = 0;               // time of this check's own queries (the shared scan not counted)

    std::string column() const;  // the columns joined by ", " (the report's "column")
};

// True when a result should stop what the checks guard: an error-severity check that failed or
// could not run. (A warn-severity check that could not run does not block.)
bool blocks(const CheckResult& r);

}  // namespace deskbase
