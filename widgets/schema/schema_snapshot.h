#pragma once
// What the sidebar shows, gathered off the GUI thread: the warehouse's tables (with columns and
// row counts), the workspace's saved questions and its dashboards.
#include <QString>
#include <vector>

#include "core/warehouse/warehouse.h"

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
};

// Blocking: opens its own connection to `target`. Call from a worker thread.
SchemaSnapshot loadSchemaSnapshot(const std::string& target, const std::string& workspaceDir);

}  // namespace deskbase::widgets
