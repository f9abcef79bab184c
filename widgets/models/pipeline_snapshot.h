#pragma once
// What the sidebar shows of the pipeline, gathered off the GUI thread with the schema: the
// workspace's models (materialization and last build status) and, per table with checks, how
// its last checks went.
#include <QString>
#include <map>
#include <string>
#include <vector>

#include "core/checks/check_result.h"

namespace deskbase {
class Warehouse;
}

namespace deskbase::widgets {

struct ModelEntry {
    QString name;
    QString path;          // absolute path of models/<name>.sql
    QString materialized;  // "view", "table", ...
    QString status;        // last build: "success", "error", "skipped"; empty: never built
};

struct TableChecks {
    CheckStatus worst = CheckStatus::Pass;
    QString summary;  // "3 pass, 1 fail"
};

struct PipelineSnapshot {
    std::vector<ModelEntry> models;         // by name
    std::map<QString, TableChecks> checks;  // tables whose checks have run
    QString error;                          // the models do not load (the one-line reason)
};

// Blocking. `w` may be null (no warehouse: no statuses).
PipelineSnapshot loadPipelineSnapshot(Warehouse* w, const std::string& workspaceDir);

}  // namespace deskbase::widgets
