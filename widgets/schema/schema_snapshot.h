#pragma once
// What the sidebar shows, gathered off the GUI thread: the warehouse's tables (with columns and
// row counts), the workspace's saved questions, its dashboards and its pipeline (models, checks).
#include <QString>
#include <vector>

#include "core/warehouse/warehouse.h"
#include "widgets/models/pipeline_snapshot.h"

namespace deskbase::widgets {

struct SchemaEntry {
    QString title;
    QString path;  // absolute file path
};

struct SchemaSnapshot {
    std::vector<TableInfo> tables;
    std::vector<SchemaEntry> questions;
    std::vector<SchemaEntry> dashboards;
    QString error;  // the warehouse could not be read (the rest may still be there)
    QString stamp;  // warehouseStamp() taken just before the tables were read
    PipelineSnapshot pipeline;  // models with their last build, tables' last checks
};

// What changes when another program writes a SQLite warehouse: the size and modification time of
// the file and of its WAL. Empty for PostgreSQL (nothing cheap tells; refresh instead).
QString warehouseStamp(const std::string& target);
// True when the warehouse may have changed since `snapshot` was read.
bool warehouseChangedSince(const SchemaSnapshot& snapshot, const std::string& target);

// Blocking: opens its own connection to `target`. Call from a worker thread.
SchemaSnapshot loadSchemaSnapshot(const std::string& target, const std::string& workspaceDir);

}  // namespace deskbase::widgets
