#pragma once
// What a SQL statement does, as far as the result cache cares: only read-only statements are cached,
// and a statement that writes a table through the executor (the SQL editor) bumps that table's data
// version, so cached results that read it are not served again — in this process or any other.
#include <string>
#include <vector>

#include "core/sql/dialect.h"

namespace deskbase {

struct StatementKind {
    bool readOnly = false;    // SELECT / VALUES / WITH ... SELECT / EXPLAIN with no write
    bool writesData = false;  // INSERT, UPDATE, DELETE, REPLACE INTO, CREATE/DROP/ALTER TABLE ...
    std::vector<std::string> writtenTables;  // unqualified names; empty when writesData but not recognized
};

StatementKind classifyStatement(const std::string& sql, const Dialect& dialect);

}  // namespace deskbase
