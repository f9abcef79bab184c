#pragma once
// The logical content of a SQLite warehouse (schema and every row of every table), to prove
// that a failed import left it exactly as it was.
#include <string>

#include "core/warehouse/warehouse.h"

namespace deskbase::test {

inline std::string snapshot(Warehouse& w) {
    std::string out;
    auto tables = w.query("SELECT name, sql FROM sqlite_schema ORDER BY name");
    if (!tables) return "error: " + tables.message();
    std::vector<Row> rows;
    (*tables)->fetch(rows, 100000);
    for (const auto& t : rows) {
        const std::string name = valueToText(t[0]);
        out += name + ": " + valueToText(t[1]) + "\n";
        if (valueToText(t[1]).rfind("CREATE TABLE", 0) != 0) continue;
        auto data = w.query("SELECT * FROM " + w.quoteIdentifier(name) + " ORDER BY rowid");
        if (!data) return "error: " + data.message();
        std::vector<Row> r;
        while (true) {
            r.clear();
            auto n = (*data)->fetch(r, 10000);
            if (!n || *n == 0) break;
            for (const auto& row : r) {
                for (const auto& v : row) out += valueToText(v) + "|";
                out += "\n";
            }
        }
    }
    return out;
}

}  // namespace deskbase::test
