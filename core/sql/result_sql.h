#pragma once
// How the result grid turns a user's query into paged, sorted and counted queries. The user's SQL is
// wrapped as a subquery so any SELECT can be paged with LIMIT/OFFSET and re-sorted by ordinal.
// All of them read the SQL through the shared tokenizer in the warehouse's dialect.
#include <cstdint>
#include <string>

#include "core/sql/dialect.h"

namespace deskbase {

// The statement without what may follow its last token: semicolons, whitespace and comments
// ("SELECT 1; -- done" -> "SELECT 1"), so it can be wrapped in parentheses.
std::string trimStatement(const std::string& sql, const Dialect& dialect);
// True for statements that return rows and can be wrapped (SELECT, WITH, VALUES, TABLE).
bool isWrappableQuery(const std::string& sql, const Dialect& dialect);
// Wrappable and writes nothing (WITH ... INSERT starts like a query): safe to run again, paged.
bool isPageableQuery(const std::string& sql, const Dialect& dialect);

struct PageRequest {
    int sortColumn = -1;  // 0-based result column, -1 for the query's own order
    bool descending = false;
    std::int64_t offset = 0;
    std::int64_t limit = 0;
};
std::string pagedSql(const std::string& sql, const PageRequest& page, const Dialect& dialect);
// The whole result in the grid's order: the statement itself when unsorted or not wrappable.
std::string sortedSql(const std::string& sql, int sortColumn, bool descending, const Dialect& dialect);
std::string countSql(const std::string& sql, const Dialect& dialect);
// An error from running pagedSql() or sortedSql() (a wrapped statement), its position
// (core/sql/error_position.h) moved back onto `sql` as the caller gave it.
std::string unwrappedError(const std::string& message);

}  // namespace deskbase
