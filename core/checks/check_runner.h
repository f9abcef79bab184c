#pragma once
// Running a table's checks. The column checks share one aggregate scan (one COUNT(*) FILTER
// (WHERE ...) per check); only the checks that failed run more (their sample of failing values), and
// relationships and sql checks run their own query. Nothing is written.
#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/checks/check_result.h"
#include "core/checks/check_spec.h"
#include "core/checks/freshness.h"

namespace deskbase {

class Warehouse;

struct CheckRunOptions {
    // Checked between statements: once set, the remaining checks end as errors "cancelled". To
    // interrupt the statement running, also call Warehouse::cancel() (a Runtime job's cancel
    // does both when the job passes its cancelFlag()).
    const std::atomic<bool>* stop = nullptr;
    int sampleLimit = 20;
    std::optional<SysSeconds> now;  // freshness's "now"; default: the system clock
    // Checking an import before its swap: the table's columns are read from this relation (the
    // staging table, which a temporary view under the table's name shows to the checks).
    std::string describeFrom;
    // The import under way counts as the table's last import (freshness without a column).
    std::optional<SysSeconds> importedAt;
    // The checks run inside the caller's open transaction (an import's, before its commit). On
    // PostgreSQL each statement then runs in a savepoint, so one that fails does not abort it.
    bool inTransaction = false;
    // Called with every statement the checks run (not the catalog reads), before it runs.
    std::function<void(const std::string& sql)> trace;
};

// One result per check of `file`, in the file's order. Never fails as a whole: a check that
// cannot run is a result with status error and a one-line message naming the file and check.
std::vector<CheckResult> runChecks(Warehouse& w, const CheckFile& file, const CheckRunOptions& options = {});

// True when one of `results` blocks (check_result.h: an error-severity fail or error).
bool anyBlocking(const std::vector<CheckResult>& results);

}  // namespace deskbase
