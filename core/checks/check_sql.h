#pragma once
// The SQL a check runs, for one dialect. Literals are inlined (quoted), never bound, so the
// failing-rows SQL a result carries runs as it is in the grid or any client.
#include <string>
#include <vector>

#include "core/checks/check_spec.h"
#include "core/warehouse/warehouse.h"

namespace deskbase {

class CheckSql {
public:
    CheckSql(const Warehouse& w, std::string table) : w_(w), table_(std::move(table)) {}

    std::string literal(const Value& v) const;  // 'text' (quotes doubled), 12, 1.5, TRUE, NULL
    std::string quote(const std::string& identifier) const { return w_.quoteIdentifier(identifier); }
    std::string table() const { return quote(table_); }

    // A row fails the check: not_null, accepted_values, relationships, between, matches.
    std::string failingPredicate(const CheckSpec& c) const;
    // Expressions of the one aggregate scan (after COUNT(*)), in the order evaluate() reads them:
    // not_null: failing; unique: checked, surplus (checked - distinct); accepted_values, between,
    // matches: failing, checked; relationships: checked (its failures need a join of their own);
    // freshness on a column: newest; sql: the table's row count is COUNT(*); others: none.
    std::vector<std::string> aggregateParts(const CheckSpec& c) const;
    // Every failing row (unique: every row of a repeated key, ordered by the key).
    std::string failingRowsSql(const CheckSpec& c) const;
    // Failing values with their counts, most frequent first, at most `limit`; for unique also
    // the total failing rows and keys in each row (..., n, rows, keys); for sql the failing rows
    // themselves with the total count last.
    std::string sampleSql(const CheckSpec& c, int limit) const;
    // relationships: COUNT(*) of the failing rows.
    std::string countSql(const CheckSpec& c) const;

private:
    std::string nonNullKey(const std::vector<std::string>& columns) const;  // a IS NOT NULL AND b IS NOT NULL
    std::string keyList(const std::vector<std::string>& columns) const;     // "a", "b"

    bool postgres() const { return w_.kind() == Warehouse::Kind::PostgreSQL; }

    const Warehouse& w_;
    std::string table_;
};

}  // namespace deskbase
