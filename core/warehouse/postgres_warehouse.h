#pragma once
#include <memory>
#include <string>

#include "core/warehouse/warehouse.h"

namespace deskbase {
// Connects with a libpq URI or keyword string. Passwords come from libpq (PGPASSWORD, ~/.pgpass).
Result<std::unique_ptr<Warehouse>> openPostgresWarehouse(const std::string& conninfo);
}
