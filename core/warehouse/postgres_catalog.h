#pragma once
// PostgreSQL catalog reads: which relations a name means, their columns and types, display
// names from deskbase_columns, and row estimates. A fixed number of queries however many tables
// there are, so listing stays quick against a remote server.
#include <functional>
#include <string>
#include <vector>

#include "core/warehouse/warehouse.h"

namespace deskbase::pg {

// Runs one statement and returns all its rows (the warehouse's query() drained).
using RowsQuery =
    std::function<Result<std::vector<Row>>(const std::string& sql, const std::vector<Value>& params)>;

// A condition on pg_class c / pg_namespace n selecting relations, with its bound values.
struct RelationFilter {
    std::string where;
    std::vector<Value> params;
};
RelationFilter listableRelations();  // every user table/view, without deskbase_* bookkeeping
// `name` in `schema`, or visible on the search path when `schema` is empty.
RelationFilter relationNamed(const std::string& name, const std::string& schema);

// A name as the server stores it: identifiers longer than 63 bytes are truncated (NAMEDATALEN),
// at a UTF-8 character boundary, exactly as PostgreSQL does to names in SQL text.
std::string serverIdentifier(const std::string& name);

Result<std::vector<TableInfo>> describeRelations(const RowsQuery& rows, const RelationFilter& filter);

}  // namespace deskbase::pg
