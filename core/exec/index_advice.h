#pragma once
// Slow-query help (issue 14): which index would help a query, read from the warehouse's own plan.
//   SQLite      EXPLAIN QUERY PLAN. An AUTOMATIC index (SQLite builds a throwaway index on the
//               columns it looks rows up by, because none exists) names the table and columns;
//               inside a CORRELATED subquery it is rebuilt for every row of the outer query, which
//               is what makes such a query take seconds or minutes. A BLOOM FILTER on a join does
//               the same for a join. A plain SCAN inside a correlated subquery names no column and
//               gives no advice.
//   PostgreSQL  EXPLAIN (FORMAT JSON). A Seq Scan inside a SubPlan (a correlated subquery, run
//               once per outer row) or on the inner side of a Nested Loop, whose filter compares
//               one of its columns with another relation's column, names that column.
// The plan names aliases; the query's FROM / JOIN clauses map them back to tables. Advice is
// given only for tables of at least `minRows` rows (the table's own count, or estimate): a
// small table is scanned in no time.
#include <cstdint>
#include <string>
#include <vector>

#include "core/types/value.h"
#include "core/util/result.h"

namespace deskbase {

class Warehouse;

struct IndexAdvice {
    std::string table;
    std::vector<std::string> columns;
    bool perOuterRow = false;  // inside a correlated subquery: the cost is paid once per outer row
    std::int64_t tableRows = -1;

    std::string label() const;  // "Index order_items(order_id)?"
    std::string why() const;    // one line: what the plan says
    bool operator==(const IndexAdvice& o) const { return table == o.table && columns == o.columns; }
};

// One row of SQLite's EXPLAIN QUERY PLAN (id, parent, notused, detail).
struct SqlitePlanRow {
    int id = 0;
    int parent = 0;
    std::string detail;
};

// Aliases of the tables in a query's FROM and JOIN clauses ("o" -> "orders"); a table named
// without an alias maps to itself.
std::vector<std::pair<std::string, std::string>> tableAliases(const std::string& sql, bool postgres);

// The pure readers: a plan in, candidate indexes out (no size filter, table names resolved).
std::vector<IndexAdvice> adviceFromSqlitePlan(const std::vector<SqlitePlanRow>& plan, const std::string& sql);
Result<std::vector<IndexAdvice>> adviceFromPostgresPlan(const std::string& explainJson,
                                                        const std::string& sql);

inline constexpr std::int64_t kMinAdviceRows = 10000;

// Explains `sql` on `w` (no rows are read) and returns the advice for tables of >= minRows rows.
Result<std::vector<IndexAdvice>> adviseIndexes(Warehouse& w, const std::string& sql,
                                               const std::vector<Value>& params = {},
                                               std::int64_t minRows = kMinAdviceRows);

// Creates the advised index (CREATE INDEX IF NOT EXISTS "<table>__<col>_idx"), refreshes the
// table's planner statistics and bumps only that table's data version, in one transaction. The
// statement can be interrupted by w.cancel() (the transaction then rolls back).
Status createAdvisedIndex(Warehouse& w, const IndexAdvice& advice);

}  // namespace deskbase
