#include "core/warehouse/warehouse.h"

#include "core/warehouse/postgres_warehouse.h"
#include "core/warehouse/sqlite_warehouse.h"

namespace deskbase {

bool Warehouse::isPostgresTarget(const std::string& target) {
    return target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0 ||
           target.find("dbname=") != std::string::npos || target.find("host=") != std::string::npos ||
           target.rfind("service=", 0) == 0;
}

Result<std::unique_ptr<Warehouse>> Warehouse::open(const std::string& target) {
    if (target.empty()) return Error{"no warehouse given"};
    if (isPostgresTarget(target)) return openPostgresWarehouse(target);
    return openSqliteWarehouse(target);
}

const Dialect& Warehouse::dialectFor(const std::string& target) {
    return isPostgresTarget(target) ? Dialect::postgres() : Dialect::sqlite();
}

Result<std::int64_t> Warehouse::dataVersion(const std::string& table) {
    auto exists = tableExists("deskbase_table_versions");
    if (!exists) return Error{exists.message()};
    if (!*exists) return std::int64_t{0};
    auto cursor = query("SELECT version FROM deskbase_table_versions WHERE table_name = " + placeholder(1),
                        {Value{table}});
    if (!cursor) return Error{cursor.message()};
    std::vector<Row> rows;
    auto n = (*cursor)->fetch(rows, 1);
    if (!n) return Error{n.message()};
    if (rows.empty() || isNull(rows[0][0])) return std::int64_t{0};
    if (auto* i = std::get_if<std::int64_t>(&rows[0][0])) return *i;
    return Error{"unexpected data version value for table " + table};
}

Status Warehouse::bumpDataVersion(const std::string& table) {
    if (auto s = execute("CREATE TABLE IF NOT EXISTS deskbase_table_versions ("
                         "table_name TEXT PRIMARY KEY, version BIGINT NOT NULL)");
        !s)
        return s;
    return execute("INSERT INTO deskbase_table_versions (table_name, version) VALUES (" + placeholder(1) +
                       ", 1) ON CONFLICT (table_name) DO UPDATE SET version = deskbase_table_versions.version + 1",
                   {Value{table}});
}

}  // namespace deskbase
