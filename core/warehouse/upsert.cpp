#include "core/warehouse/upsert.h"

#include <algorithm>

#include "core/warehouse/warehouse.h"

namespace deskbase {

namespace {

std::string joined(Warehouse& w, const std::vector<std::string>& names, const std::string& prefix = {}) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : ", ") + prefix + w.quoteIdentifier(n);
    return s;
}

std::string plain(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
    return s;
}

Result<std::int64_t> count(Warehouse& w, const std::string& sql) {
    auto c = w.query(sql);
    if (!c) return Error{c.message()};
    std::vector<Row> rows;
    if (auto n = (*c)->fetch(rows, 1); !n) return Error{n.message()};
    if (rows.empty()) return std::int64_t{0};
    if (auto* i = std::get_if<std::int64_t>(&rows[0][0])) return *i;
    if (auto* d = std::get_if<double>(&rows[0][0])) return std::int64_t(*d);
    return std::int64_t{0};
}

}  // namespace

Status ensureUniqueKeyIndex(Warehouse& w, const std::string& table, const std::vector<std::string>& key) {
    auto info = w.describeTable(table);
    if (!info) return Status::fail(info.message());
    for (const auto& k : key)
        if (std::none_of(info->columns.begin(), info->columns.end(),
                         [&](const Column& c) { return c.name == k; }))
            return Status::fail("unique_key " + k + " is not a column of " + table);
    auto s = w.execute("CREATE UNIQUE INDEX IF NOT EXISTS " + w.quoteIdentifier("deskbase_key_" + table) +
                       " ON " + w.quoteIdentifier(table) + " (" + joined(w, key) + ")");
    if (!s)
        return Status::fail("cannot make (" + plain(key) + ") the unique key of " + table +
                            " (does it already hold two rows with one key?): " + s.message());
    return Status::ok();
}

Result<UpsertCounts> upsertRows(Warehouse& w, const std::string& from, const std::string& into,
                                const std::vector<std::string>& columns,
                                const std::vector<std::string>& key) {
    const std::string qf = w.quoteIdentifier(from), qi = w.quoteIdentifier(into);
    std::string anyNull, match;
    for (const auto& k : key) {
        anyNull += (anyNull.empty() ? "" : " OR ") + w.quoteIdentifier(k) + " IS NULL";
        match += (match.empty() ? "" : " AND ") + std::string("t.") + w.quoteIdentifier(k) + " = s." +
                 w.quoteIdentifier(k);
    }
    auto nulls = count(w, "SELECT COUNT(*) FROM " + qf + " WHERE " + anyNull);
    if (!nulls) return Error{nulls.message()};
    if (*nulls > 0)
        return Error{std::to_string(*nulls) + (*nulls == 1 ? " row has" : " rows have") +
                     " no value in the unique key (" + plain(key) + ")"};
    const std::string keys = "(SELECT DISTINCT " + joined(w, key) + " FROM " + qf + ") s";
    auto distinct = count(w, "SELECT COUNT(*) FROM " + keys);
    if (!distinct) return Error{distinct.message()};
    auto existing = count(
        w, "SELECT COUNT(*) FROM " + keys + " WHERE EXISTS (SELECT 1 FROM " + qi + " t WHERE " + match + ")");
    if (!existing) return Error{existing.message()};

    const std::string cols = joined(w, columns), k = joined(w, key);
    std::string set;
    for (const auto& c : columns)
        if (std::find(key.begin(), key.end(), c) == key.end())
            set += (set.empty() ? "" : ", ") + w.quoteIdentifier(c) + " = excluded." + w.quoteIdentifier(c);
    const std::string onConflict =
        " ON CONFLICT (" + k + ") " + (set.empty() ? "DO NOTHING" : "DO UPDATE SET " + set);
    // The last row loaded per key: SQLite numbers rows in load order (rowid); a PostgreSQL table just
    // filled by COPY, never updated, holds them in that order (ctid).
    const std::string sql = w.kind() == Warehouse::Kind::SQLite
                                ? "INSERT INTO " + qi + " (" + cols + ") SELECT " + cols + " FROM " + qf +
                                      " WHERE rowid IN (SELECT MAX(rowid) FROM " + qf + " GROUP BY " + k +
                                      ")" + onConflict
                                : "INSERT INTO " + qi + " (" + cols + ") SELECT DISTINCT ON (" + k + ") " +
                                      cols + " FROM " + qf + " ORDER BY " + k + ", ctid DESC" + onConflict;
    if (auto s = w.execute(sql); !s) return Error{s.message()};
    return UpsertCounts{*distinct - *existing, *existing};
}

}  // namespace deskbase
