#pragma once
// Conversions between Deskbase values and PostgreSQL's text representation.
#include <libpq-fe.h>

#include <string>
#include <vector>

#include "core/types/value.h"

namespace deskbase::pg {

// Built-in type OIDs (stable across PostgreSQL versions; see pg_type.dat).
namespace oid {
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700, kFloat8 = 701,
              kDate = 1082, kTimestamp = 1114, kTimestampTz = 1184, kNumeric = 1700;
}

ColumnType logicalTypeOf(Oid type);

// A value of a result column, converted by the column's type OID.
Value valueFromText(const char* text, int length, Oid type);

// Parameters bound as text. Typed where Deskbase knows the type (int8, float8, bool) so
// "SELECT $1" returns what was bound; strings and NULLs stay "unknown" and take the type the
// SQL context gives them (a date column, an integer comparison, ...).
class BoundParams {
public:
    explicit BoundParams(const std::vector<Value>& params);
    int count() const { return int(values_.size()); }
    const Oid* types() const { return types_.data(); }
    const char* const* values() const { return values_.data(); }

private:
    std::vector<std::string> storage_;
    std::vector<const char*> values_;
    std::vector<Oid> types_;
};

}  // namespace deskbase::pg
