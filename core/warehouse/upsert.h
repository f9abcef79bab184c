#pragma once
// Row-level duplicates on a key (a source's "unique_key"): rows whose key is already in the table
// update that row instead of adding one. INSERT ... ON CONFLICT (key) DO UPDATE on both
// warehouses, on a unique index created when missing. Runs in the caller's transaction.
#include <cstdint>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace deskbase {

class Warehouse;

// The unique index deskbase_key_<table> on the key columns, created when missing. A key column
// the table lacks, or a table already holding two rows with one key, is a one-line error.
Status ensureUniqueKeyIndex(Warehouse& w, const std::string& table, const std::vector<std::string>& key);

struct UpsertCounts {
    std::int64_t inserted = 0;  // keys that were new
    std::int64_t updated = 0;   // keys whose row was replaced
};

// Merges the rows of `from` into `into` (both have `columns`; `into` has its key index): of the
// rows of `from` sharing a key, the last one loaded wins. A row with no value (NULL) in a key
// column is an error, and nothing is merged.
Result<UpsertCounts> upsertRows(Warehouse& w, const std::string& from, const std::string& into,
                                const std::vector<std::string>& columns, const std::vector<std::string>& key);

}  // namespace deskbase
