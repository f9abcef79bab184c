// Placeholder until the PostgreSQL backend lands (issue 3).
#include "core/warehouse/postgres_warehouse.h"
namespace deskbase {
Result<std::unique_ptr<Warehouse>> openPostgresWarehouse(const std::string&) {
    return Error{"PostgreSQL support is not built yet"};
}
}
