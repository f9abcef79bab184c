#pragma once
// Keys indexed at import (docs/ingestion.md, "Key indexes"): after the load, the columns that look
// like keys get an index on the loaded table, inside the import's transaction, and ANALYZE gives
// the planner statistics. The rule is a pure function of a column and what the load measured.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/types/value.h"
#include "core/util/result.h"

namespace deskbase {

class Warehouse;

// What the loaded data says about one column.
struct KeyColumnStats {
    std::int64_t nonNull = 0;        // rows where the column is not NULL
    std::int64_t distinct = 0;       // distinct non-NULL values
    std::int64_t maxTextLength = 0;  // longest text value in characters (0 for integers)
};

// Thresholds of the rule; public so the docs and tests name them.
inline constexpr std::int64_t kMaxKeyTextLength = 64;
inline constexpr double kMinKeyDistinctRatio = 0.01;  // at most 100 rows per value on average

// `id`, or ending in `_id`, `_key` or `_code` (case-insensitive).
bool looksLikeKeyName(std::string_view name);
// A key-like name on an integer or text column: worth measuring after the load.
bool isKeyCandidate(const Column& column);
// A candidate whose loaded values make a useful index: at least two distinct values, text no
// longer than kMaxKeyTextLength, and distinct / non-null at least kMinKeyDistinctRatio.
bool looksLikeKey(const Column& column, const KeyColumnStats& stats);

// The index an import makes on `column` of `table`: "<table>__<column>_idx".
std::string keyIndexName(const std::string& table, const std::string& column);

// Which columns to index.
struct IndexChoice {
    bool automatic = true;             // the key rule over the candidates
    std::vector<std::string> columns;  // always these (name or original header): --index, a ticked box
    std::vector<std::string> skipped;  // never by the rule: the preview's unticked boxes
};

// Indexes the chosen `columns` of `loadedTable` (the staging table) under names for `table`.
// Measures the candidates in one scan when the choice is automatic. Runs inside the caller's
// transaction; returns the column names indexed, in table order.
Result<std::vector<std::string>> createKeyIndexes(Warehouse& w, const std::string& loadedTable,
                                                  const std::string& table,
                                                  const std::vector<Column>& columns,
                                                  const IndexChoice& choice);

// ANALYZE on the table under its final name (SQLite's statistics do not follow a rename).
Status analyzeTable(Warehouse& w, const std::string& table);

}  // namespace deskbase
