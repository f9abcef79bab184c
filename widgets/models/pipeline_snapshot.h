#pragma once
// What the sidebar shows of the pipeline, gathered off the GUI thread with the schema: the
// workspace's models (materialization and last build status), its sources and reports (with
// their last runs) and, per table with checks, how its last checks went.
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

// A source (sources/<name>.json) with how its last run went; a broken file is an entry too.
struct SourceEntry {
    QString name;
    QString path;     // absolute path of its file
    QString when;     // "watch", "daily 06:30", "watch · hourly", "on demand"
    QString table;    // where it loads
    QString status;   // last run: "success", "error", "idle", "busy"; empty: never ran
    QString lastRun;  // its start, "YYYY-MM-DD HH:MM:SS" UTC
    QString error;    // broken: the file's one-line problem; else the last run's error
    bool broken = false;
};

// A report or alert (reports/<name>.json), shaped as a source: `when` its schedule, "after
// orders" or "on demand"; `table` what it makes ("sales → pdf", "low_stock → alert").
using ReportEntry = SourceEntry;

struct PipelineSnapshot {
    std::vector<ModelEntry> models;         // by name
    std::vector<SourceEntry> sources;       // by name
    std::vector<ReportEntry> reports;       // by name
    std::map<QString, TableChecks> checks;  // tables whose checks have run
    QString error;                          // the models do not load (the one-line reason)
};

// Blocking. `w` may be null (no warehouse: no statuses).
PipelineSnapshot loadPipelineSnapshot(Warehouse* w, const std::string& workspaceDir);

}  // namespace deskbase::widgets
