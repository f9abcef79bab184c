#pragma once
// How the result grid turns a user's query into paged, sorted and counted queries. The user's SQL is
// wrapped as a subquery so any SELECT can be paged with LIMIT/OFFSET and re-sorted by ordinal.
#include <cstdint>
#include <string>

namespace deskbase {

// The statement without trailing semicolons and whitespace.
std::string trimStatement(const std::string& sql);
// True for statements that return rows and can be wrapped (SELECT, WITH, VALUES, TABLE).
bool isWrappableQuery(const std::string& sql);
// Wrappable and writes nothing (WITH ... INSERT starts like a query): safe to run again, paged.
bool isPageableQuery(const std::string& sql);

struct PageRequest {
    int sortColumn = -1;  // 0-based result column, -1 for the query's own order
    bool descending = false;
    std::int64_t offset = 0;
    std::int64_t limit = 0;
};
std::string pagedSql(const std::string& sql, const PageRequest& page);
// The whole result in the grid's order: the statement itself when unsorted or not wrappable.
std::string sortedSql(const std::string& sql, int sortColumn, bool descending);
std::string countSql(const std::string& sql);

}  // namespace deskbase
