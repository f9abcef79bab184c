#pragma once
// Reading one number back from a warehouse in a test (a count, a flag), and a SQLite file locked
// by another connection so that opening it waits (for tests of work that must not wait on it).
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "core/warehouse/warehouse.h"

namespace deskbase::test {

// The first column of the first row as an integer; -1 when it cannot be read.
inline std::int64_t scalarInt(Warehouse& w, const std::string& sql) {
    auto cursor = w.query(sql);
    if (!cursor) return -1;
    std::vector<Row> rows;
    if (auto n = (*cursor)->fetch(rows, 1); !n || rows.empty() || rows[0].empty()) return -1;
    const Value& v = rows[0][0];
    return std::holds_alternative<std::int64_t>(v) ? std::get<std::int64_t>(v) : -1;
}

// The first column of the first row as text (valueToText); "error: ..." when it cannot be read.
inline std::string scalarText(Warehouse& w, const std::string& sql) {
    auto cursor = w.query(sql);
    if (!cursor) return "error: " + cursor.message();
    std::vector<Row> rows;
    if (auto n = (*cursor)->fetch(rows, 1); !n) return "error: " + n.message();
    if (rows.empty() || rows[0].empty()) return "error: no value from " + sql;
    return valueToText(rows[0][0]);
}

inline std::int64_t scalarInt(const std::string& target, const std::string& sql) {
    auto w = Warehouse::open(target);
    return w ? scalarInt(**w, sql) : -1;
}

inline std::string scalarText(const std::string& target, const std::string& sql) {
    auto w = Warehouse::open(target);
    return w ? scalarText(**w, sql) : "error: " + w.message();
}

// Opens `path`, creates table t (n INTEGER) and holds an exclusive lock in rollback-journal mode:
// other connections wait in Warehouse::open until COMMIT runs on the returned connection.
inline std::unique_ptr<Warehouse> lockedSqliteFile(const std::string& path) {
    auto w = Warehouse::open(path);
    if (!w) return nullptr;
    for (const char* sql : {"CREATE TABLE t (n INTEGER)", "INSERT INTO t VALUES (1), (2)",
                            "PRAGMA journal_mode=DELETE", "BEGIN EXCLUSIVE"})
        if (!(*w)->execute(sql)) return nullptr;
    return std::move(*w);
}

}  // namespace deskbase::test
