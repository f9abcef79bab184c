#include "core/pipeline/check_run.h"

#include <chrono>

#include "core/checks/check_report.h"
#include "core/checks/check_runner.h"
#include "core/pipeline/run_log.h"

namespace deskbase {

CheckRunOutcome runAndRecordChecks(Warehouse& w, const std::vector<CheckFile>& files,
                                   const std::atomic<bool>* stop) {
    using Clock = std::chrono::steady_clock;
    auto secondsSince = [](Clock::time_point t) {
        return std::chrono::duration<double>(Clock::now() - t).count();
    };
    CheckRunOutcome out;
    const auto started = Clock::now();
    auto run = startRun(w, "check");
    if (!run) out.warnings.push_back(run.message());
    CheckRunOptions options;
    options.stop = stop;
    for (const auto& f : files) {
        const auto t0 = Clock::now();
        auto results = runChecks(w, f, options);
        if (run) {
            RunStep step{"checks",     f.table,          std::string(checkStatusName(worstStatus(results))),
                         std::nullopt, secondsSince(t0), ""};
            if (auto s = addRunStep(w, *run, step); !s) out.warnings.push_back(s.message());
            if (auto s = recordCheckResults(w, *run, results); !s) out.warnings.push_back(s.message());
        }
        out.results.insert(out.results.end(), results.begin(), results.end());
    }
    for (const auto& r : out.results)
        if (blocks(r)) out.blocking.push_back(r.table + ": " + r.name);
    if (run) {
        out.runId = *run;
        const std::string status = out.blocking.empty() ? "success" : "error";
        const std::string error = out.blocking.empty() ? "" : checkSummary(out.results);
        if (auto s = finishRun(w, *run, status, error, secondsSince(started)); !s)
            out.warnings.push_back(s.message());
    }
    return out;
}

Status recordImportChecks(Warehouse& w, const std::vector<CheckResult>& checks,
                          const Result<ImportResult>& outcome) {
    if (checks.empty()) return Status::ok();
    const RunStep step{"import",
                       checks.front().table,
                       outcome ? "success" : "error",
                       outcome ? std::optional<std::int64_t>(outcome->rows) : std::nullopt,
                       outcome ? outcome->seconds : 0.0,
                       outcome ? "" : outcome.message()};
    return recordImportRun(w, step, checks);
}

}  // namespace deskbase
