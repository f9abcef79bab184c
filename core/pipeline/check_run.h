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
#include "core/ingest/import_job.h"
#include "core/util/result.h"

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

// The checks an import ran (ImportJob::checkResults(), kept also when they refused it) as a run of
// kind "import" with its step (the table, rows, error): what `deskbase import` and the window's
// imports record, after the import's commit or rollback. Nothing is written when no check ran.
Status recordImportChecks(Warehouse& w, const std::vector<CheckResult>& checks,
                          const Result<ImportResult>& outcome);

}  // namespace deskbase
