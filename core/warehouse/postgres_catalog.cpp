#include "core/warehouse/postgres_catalog.h"

#include <map>
#include <nlohmann/json.hpp>

#include "core/warehouse/postgres_values.h"

namespace deskbase::pg {

namespace {

// Never-analyzed tables (reltuples = -1) at most this big are counted exactly.
constexpr std::int64_t kExactCountMaxBytes = std::int64_t(64) << 20;

constexpr const char* kRelationKinds = "c.relkind IN ('r','p','v','m','f')";

std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// pg_class.reltuples is the planner's estimate, -1 until the table is first analyzed (e.g. right
// after an import). Then a small table is counted exactly; a big one gets the statistics
// system's live-row count, else the planner's guess from its size: never a full scan.
std::int64_t estimateRows(const RowsQuery& rows, const std::string& oid, const std::string& schema,
                          const std::string& name, const std::string& relkind, double reltuples,
                          std::int64_t bytes) {
    if (reltuples >= 0) return std::int64_t(reltuples);
    if (relkind != "r" && relkind != "p" && relkind != "m") return -1;  // views: unknown
    const std::string table = quoted(schema) + "." + quoted(name);
    if (bytes <= kExactCountMaxBytes) {
        auto count = rows("SELECT count(*) FROM " + table, {});
        if (!count || count->empty()) return -1;
        return std::get<std::int64_t>(count->front()[0]);
    }
    // Flushed by the loading session when it goes idle or ends.
    auto live = rows("SELECT n_live_tup FROM pg_stat_all_tables WHERE relid = $1::oid", {Value{oid}});
    if (live && !live->empty())
        if (auto* n = std::get_if<std::int64_t>(&live->front()[0]); n && *n > 0) return *n;
    auto plan = rows("EXPLAIN (FORMAT JSON) SELECT 1 FROM " + table, {});
    if (!plan || plan->empty()) return -1;
    auto json = nlohmann::json::parse(valueToText(plan->front()[0]), nullptr, /*allow_exceptions=*/false);
    if (json.is_array() && !json.empty() && json[0].contains("Plan") &&
        json[0]["Plan"].contains("Plan Rows") && json[0]["Plan"]["Plan Rows"].is_number())
        return json[0]["Plan"]["Plan Rows"].get<std::int64_t>();
    return -1;
}

// table name -> column name -> original header text, from the import's bookkeeping.
std::map<std::string, std::map<std::string, std::string>> displayNames(const RowsQuery& rows) {
    std::map<std::string, std::map<std::string, std::string>> out;
    auto has = rows("SELECT to_regclass('deskbase_columns') IS NOT NULL", {});
    if (!has || has->empty() || has->front()[0] != Value{true}) return out;
    auto names = rows("SELECT table_name, name, display_name FROM deskbase_columns", {});
    if (!names) return out;
    for (const auto& r : *names)
        if (!isNull(r[2])) out[valueToText(r[0])][valueToText(r[1])] = valueToText(r[2]);
    return out;
}

}  // namespace

std::string serverIdentifier(const std::string& name) {
    constexpr std::size_t kMaxBytes = 63;
    if (name.size() <= kMaxBytes) return name;
    std::size_t cut = kMaxBytes;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // not mid-character
    return name.substr(0, cut);
}

RelationFilter listableRelations() {
    return {std::string(kRelationKinds) +
                " AND NOT c.relispartition AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
                "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%' "
                "AND c.relname NOT LIKE 'deskbase\\_%'",
            {}};
}

RelationFilter relationNamed(const std::string& name, const std::string& schema) {
    return {std::string(kRelationKinds) +
                " AND c.relname = $1 AND (CASE WHEN $2 = '' THEN pg_table_is_visible(c.oid) ELSE n.nspname = "
                "$2 END)",
            {Value{serverIdentifier(name)}, Value{serverIdentifier(schema)}}};
}

Result<std::vector<TableInfo>> describeRelations(const RowsQuery& rows, const RelationFilter& filter) {
    const std::string from =
        " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + filter.where;
    auto rels =
        rows("SELECT c.oid, n.nspname, c.relname, c.relkind, c.reltuples::float8, pg_relation_size(c.oid)" +
                 from + " ORDER BY n.nspname = 'public' DESC, n.nspname, c.relname",
             filter.params);
    if (!rels) return Error{rels.message()};
    if (rels->empty()) return std::vector<TableInfo>{};
    auto cols = rows(
        "SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), "
        "CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END "
        "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
        "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE " +
            filter.where + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum",
        filter.params);
    if (!cols) return Error{cols.message()};
    const auto names = displayNames(rows);

    std::map<std::int64_t, std::size_t> byOid;
    std::vector<TableInfo> tables;
    tables.reserve(rels->size());
    for (const auto& r : *rels) {
        TableInfo info;
        info.schema = valueToText(r[1]);
        info.name = valueToText(r[2]);
        info.approxRows = estimateRows(rows, valueToText(r[0]), info.schema, info.name, valueToText(r[3]),
                                       std::get<double>(r[4]), std::get<std::int64_t>(r[5]));
        byOid[std::get<std::int64_t>(r[0])] = tables.size();
        tables.push_back(std::move(info));
    }
    for (const auto& c : *cols) {
        auto it = byOid.find(std::get<std::int64_t>(c[0]));
        if (it == byOid.end()) continue;
        TableInfo& info = tables[it->second];
        Column column;
        column.name = valueToText(c[1]);
        column.displayName = column.name;
        if (auto t = names.find(info.name); t != names.end())
            if (auto d = t->second.find(column.name); d != t->second.end()) column.displayName = d->second;
        column.type = logicalTypeOf(Oid(std::get<std::int64_t>(c[3])));
        info.columns.push_back(std::move(column));
        info.nativeTypes.push_back(valueToText(c[2]));
    }
    return tables;
}

}  // namespace deskbase::pg
