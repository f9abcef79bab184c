#pragma once
// Checks run by an import on the table it loads, inside its transaction, before the commit
// (docs/checks.md, "After an import").
#include <atomic>
#include <string>
#include <vector>

#include "core/checks/check_result.h"
#include "core/checks/check_spec.h"
#include "core/checks/freshness.h"

namespace deskbase {

class Warehouse;

struct ImportCheckOutcome {
    std::vector<CheckResult> results;
    bool refused = false;  // an error-severity check blocks and its file (or the import) says refuse
    std::string message;   // when refused: one line naming the table and the checks
};

// Runs every file's checks on `table` (freshness without a column counts this import as the
// last one). `refuse` refuses on any blocking result, as a source's "on_failure": "refuse" says.
ImportCheckOutcome runImportChecks(Warehouse& w, const std::vector<CheckFile>& files,
                                   const std::string& table, bool refuse, SysSeconds importedAt,
                                   const std::atomic<bool>* stop);

}  // namespace deskbase
