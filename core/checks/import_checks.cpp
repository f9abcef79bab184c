#include "core/checks/import_checks.h"

#include "core/checks/check_runner.h"

namespace deskbase {

ImportCheckOutcome runImportChecks(Warehouse& w, const std::vector<CheckFile>& files,
                                   const std::string& table, bool refuse, SysSeconds importedAt,
                                   const std::atomic<bool>* stop) {
    ImportCheckOutcome out;
    std::string reasons;
    int refusing = 0;
    for (const auto& f : files) {
        if (f.table != table) continue;
        CheckRunOptions o;
        o.stop = stop;
        o.importedAt = importedAt;
        o.inTransaction = true;
        auto results = runChecks(w, f, o);
        const bool fileRefuses = refuse || f.onFailure == OnFailure::Refuse;
        for (const auto& r : results) {
            if (!fileRefuses || !blocks(r)) continue;
            ++refusing;
            // An error's message names file and check already.
            const std::string why = r.status == CheckStatus::Error ? r.message : r.name + ": " + r.message;
            if (refusing <= 3) reasons += (reasons.empty() ? "" : "; ") + why;
        }
        out.results.insert(out.results.end(), results.begin(), results.end());
    }
    if (refusing > 0) {
        out.refused = true;
        out.message = "import into " + table + " refused: " + std::to_string(refusing) +
                      (refusing == 1 ? " check failed (" : " checks failed (") + reasons +
                      (refusing > 3 ? "; ...)" : ")");
    }
    return out;
}

}  // namespace deskbase
