#include "core/ingest/key_indexes.h"

#include <algorithm>
#include <cctype>

#include "core/infer/naming.h"
#include "core/warehouse/warehouse.h"

namespace deskbase {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool names(const Column& c, const std::string& key) {
    return c.name == key || c.displayName == key || c.name == toIdentifier(key);
}

std::int64_t asInt(const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (const auto* d = std::get_if<double>(&v)) return std::int64_t(*d);
    return 0;
}

// COUNT, COUNT(DISTINCT) and the longest text of every candidate, in one scan of the table.
Result<std::vector<KeyColumnStats>> measure(Warehouse& w, const std::string& table,
                                            const std::vector<const Column*>& candidates) {
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const std::string c = w.quoteIdentifier(candidates[i]->name);
        sql += (i ? ", " : "") + ("COUNT(" + c + "), COUNT(DISTINCT " + c + "), ") +
               (candidates[i]->type == ColumnType::Text ? "MAX(LENGTH(" + c + "))" : std::string("0"));
    }
    sql += " FROM " + w.quoteIdentifier(table);
    auto cursor = w.query(sql);
    if (!cursor) return Error{cursor.message()};
    std::vector<Row> rows;
    if (auto n = (*cursor)->fetch(rows, 1); !n) return Error{n.message()};
    if (rows.empty()) return Error{"measuring the key columns returned no row"};
    std::vector<KeyColumnStats> stats(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i)
        stats[i] = {asInt(rows[0][3 * i]), asInt(rows[0][3 * i + 1]), asInt(rows[0][3 * i + 2])};
    return stats;
}

}  // namespace

bool looksLikeKeyName(std::string_view name) {
    const std::string n = lower(name);
    return n == "id" || endsWith(n, "_id") || endsWith(n, "_key") || endsWith(n, "_code");
}

bool isKeyCandidate(const Column& column) {
    return (column.type == ColumnType::Integer || column.type == ColumnType::Text) &&
           looksLikeKeyName(column.name);
}

bool looksLikeKey(const Column& column, const KeyColumnStats& s) {
    if (!isKeyCandidate(column) || s.nonNull <= 0 || s.distinct < 2) return false;
    if (column.type == ColumnType::Text && s.maxTextLength > kMaxKeyTextLength) return false;
    return double(s.distinct) >= kMinKeyDistinctRatio * double(s.nonNull);
}

std::string keyIndexName(const std::string& table, const std::string& column) {
    return table + "__" + column + "_idx";
}

Result<std::vector<std::string>> createKeyIndexes(Warehouse& w, const std::string& loadedTable,
                                                  const std::string& table,
                                                  const std::vector<Column>& columns,
                                                  const IndexChoice& choice) {
    auto skipped = [&](const Column& c) {
        return std::any_of(choice.skipped.begin(), choice.skipped.end(),
                           [&](const std::string& k) { return names(c, k); });
    };
    std::vector<bool> wanted(columns.size(), false);
    for (const auto& key : choice.columns) {
        auto it =
            std::find_if(columns.begin(), columns.end(), [&](const Column& c) { return names(c, key); });
        if (it == columns.end()) return Error{"--index names a column the table does not have: " + key};
        wanted[std::size_t(it - columns.begin())] = true;
    }
    if (choice.automatic) {
        std::vector<const Column*> candidates;
        std::vector<std::size_t> at;
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (!wanted[i] && isKeyCandidate(columns[i]) && !skipped(columns[i])) {
                candidates.push_back(&columns[i]);
                at.push_back(i);
            }
        if (!candidates.empty()) {
            auto stats = measure(w, loadedTable, candidates);
            if (!stats) return Error{"cannot measure the key columns: " + stats.message()};
            for (std::size_t k = 0; k < candidates.size(); ++k)
                wanted[at[k]] = looksLikeKey(*candidates[k], (*stats)[k]);
        }
    }
    std::vector<std::string> made;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (!wanted[i]) continue;
        const std::string sql = "CREATE INDEX " + w.quoteIdentifier(keyIndexName(table, columns[i].name)) +
                                " ON " + w.quoteIdentifier(loadedTable) + " (" +
                                w.quoteIdentifier(columns[i].name) + ")";
        if (auto s = w.execute(sql); !s)
            return Error{"cannot index " + table + "(" + columns[i].name + "): " + s.message()};
        made.push_back(columns[i].name);
    }
    return made;
}

Status analyzeTable(Warehouse& w, const std::string& table) {
    if (auto s = w.execute("ANALYZE " + w.quoteIdentifier(table)); !s)
        return Status::fail("cannot analyze " + table + ": " + s.message());
    return Status::ok();
}

}  // namespace deskbase
