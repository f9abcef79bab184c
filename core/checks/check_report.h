#pragma once
// Check results as JSON: the `checks` part of `deskbase check|build --report json` and the form
// the run log keeps them in (docs/checks.md, "Results").
#include <nlohmann/json.hpp>
#include <vector>

#include "core/checks/check_result.h"
#include "core/util/result.h"

namespace deskbase {

// {"table", "check", "column", "severity", "status", "failures", "percent", "sample", "name",
//  "file", "rows", "message", "failing_rows_sql"}; sample: [{"value": v, "count": n}], v a list
// for a multi-column key or a sql check's row.
nlohmann::ordered_json checkResultToJson(const CheckResult& r);
nlohmann::ordered_json checkResultsToJson(const std::vector<CheckResult>& results);  // a list
nlohmann::ordered_json checkSampleToJson(const std::vector<CheckSample>& sample);
Result<std::vector<CheckSample>> checkSampleFromJson(const nlohmann::json& j);

// "3 pass, 1 warn, 1 fail" (the kinds that occur, in that order; "no checks" for none).
std::string checkSummary(const std::vector<CheckResult>& results);
// The blocking results (check_result.h) in one line: "2 checks failed (orders: unique(id),
// orders: row_count)", at most three named; empty when none blocks.
std::string blockingSummary(const std::vector<CheckResult>& results);
// The worst status among `results` (pass < warn < fail < error); pass for none.
CheckStatus worstStatus(const std::vector<CheckResult>& results);

}  // namespace deskbase
