#pragma once
// A query result as charts see it: columns and rows, with helpers to read cells as numbers.
#include <optional>
#include <string>
#include <vector>

#include "core/exec/query_result.h"
#include "core/types/value.h"

namespace deskbase::chart {

struct ChartData {
    std::vector<Column> columns;
    std::vector<Row> rows;
    int columnIndex(const std::string& name) const;  // -1 when absent
};

// SQLite reports computed columns (strftime(...), date(...)) as text: a text column whose
// values all look like ISO dates or datetimes is retyped Date / DateTime so charts and the
// auto-pick treat it as time.
void refineTemporalColumns(ChartData& data, std::size_t sampleRows = 200);

// A finished query's columns and rows as chart data, temporal text columns refined.
ChartData chartDataFrom(const QueryResult& result);

std::optional<double> cellNumber(const Value& v);  // integer, real, boolean, numeric text
std::string cellText(const Value& v);
// Milliseconds since the epoch (UTC) of an ISO date/datetime text; nullopt when not a date.
std::optional<double> cellEpochMs(const Value& v);

std::vector<ColumnType> columnTypes(const ChartData& data);

inline bool isNumberType(ColumnType t) {
    return t == ColumnType::Integer || t == ColumnType::Real;
}
inline bool isTemporalType(ColumnType t) {
    return t == ColumnType::Date || t == ColumnType::DateTime;
}
inline bool isCategoryType(ColumnType t) {
    return t == ColumnType::Text || t == ColumnType::Boolean;
}

}  // namespace deskbase::chart
