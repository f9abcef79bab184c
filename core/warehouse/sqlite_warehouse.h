#pragma once
#include <memory>
#include <string>

#include "core/warehouse/warehouse.h"

namespace deskbase {
// Opens (creating when missing) a SQLite warehouse file in WAL mode.
Result<std::unique_ptr<Warehouse>> openSqliteWarehouse(const std::string& path);
}
