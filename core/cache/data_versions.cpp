#include "core/cache/data_versions.h"

#include <map>

#include "core/warehouse/warehouse.h"

namespace deskbase {

Result<std::vector<TableVersion>> currentDataVersions(Warehouse& w, const std::vector<std::string>& tables) {
    std::vector<TableVersion> out;
    out.reserve(tables.size());
    for (const auto& t : tables) out.push_back({t, 0});
    if (tables.empty()) return out;
    std::string sql = "SELECT table_name, version FROM deskbase_table_versions WHERE table_name IN (";
    std::vector<Value> params;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        sql += (i ? ", " : "") + w.placeholder(int(i) + 1);
        params.emplace_back(tables[i]);
    }
    sql += ")";
    auto cursor = w.query(sql, params);
    if (!cursor) {
        // No import has recorded a version yet: every table is at version 0.
        if (cursor.message().find("deskbase_table_versions") != std::string::npos ||
            cursor.message().find("no such table") != std::string::npos) {
            auto exists = w.tableExists("deskbase_table_versions");
            if (exists && !*exists) return out;
        }
        return Error{cursor.message()};
    }
    std::vector<Row> rows;
    if (auto n = (*cursor)->fetch(rows, tables.size() + 1); !n) return Error{n.message()};
    std::map<std::string, std::int64_t> found;
    for (const auto& r : rows)
        if (const auto* v = std::get_if<std::int64_t>(&r[1])) found[valueToText(r[0])] = *v;
    for (auto& tv : out)
        if (auto it = found.find(tv.table); it != found.end()) tv.version = it->second;
    return out;
}

}  // namespace deskbase
