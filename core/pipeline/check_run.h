#pragma once
// One check run as `deskbase check` and the window's checks panel do it: every file's checks run
// (core/checks/check_runner.h) and recorded in the run history (run_log.h) as a run of kind
// "check" with one step per file. A record that cannot be written is a warning, not a failure:
// the results are still there.
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "core/checks/check_report.h"  // worstStatus, blockingSummary
#include "core/checks/check_result.h"
#include "core/checks/check_spec.h"

namespace deskbase {

class Warehouse;

struct CheckRunOutcome {
    std::vector<CheckResult> results;   // every file's, in file order
    std::int64_t runId = 0;             // 0 when the run could not be recorded
    std::vector<std::string> warnings;  // one line each: what could not be recorded
    std::vector<std::string> blocking;  // "table: check" of each blocking result (check_result.h)
};

// `stop` (may be null) ends the remaining checks as errors "cancelled" (CheckRunOptions::stop).
CheckRunOutcome runAndRecordChecks(Warehouse& w, const std::vector<CheckFile>& files,
                                   const std::atomic<bool>* stop = nullptr);

}  // namespace deskbase
