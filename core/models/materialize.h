#pragma once
// Builds one model into the warehouse, on one connection, in one transaction with the bump of
// its data version (so cached results over it are not served again):
//   view         DROP the old relation, CREATE VIEW (checked by reading it once with LIMIT 0)
//   table        CREATE TABLE deskbase_build_<name> AS ..., then drop the old relation and rename
//                the new table over it; a failure rolls back and leaves the old table as it was
//   incremental  the first build (or a full refresh, or when the relation is a view) as a table;
//                later builds run the is_incremental() SQL into a temporary table, delete the rows
//                whose unique_key it holds, and insert it (without a unique_key: insert only);
//                the unique_key is indexed (deskbase_key_<name>, not UNIQUE) so a run looks keys up
//   ephemeral    nothing: the models that ref it inline it as a CTE
// PostgreSQL views are bound to the relation they read, so replacing a relation drops the model
// views built over it first and recreates them in the same transaction (`dependentViews`).
// SQLite views refer by name; the rename runs with legacy_alter_table so they stay as written.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/models/model_template.h"
#include "core/util/result.h"

namespace deskbase {

class Warehouse;

enum class RelationKind { None, Table, View };
Result<RelationKind> relationKind(Warehouse& w, const std::string& name);

struct MaterializeInput {
    std::string name;
    Materialization materialized = Materialization::View;
    std::vector<std::string> uniqueKey;
    std::string sql;             // the model's SQL with is_incremental() false
    std::string incrementalSql;  // with is_incremental() true (incremental models)
    bool fullRefresh = false;
    // View models downstream of this one (name, SQL), upstream first; see above.
    std::vector<std::pair<std::string, std::string>> dependentViews;
};

struct MaterializeOutcome {
    std::optional<std::int64_t> rows;  // table: rows in it; incremental run: rows inserted or merged
    bool incremental = false;          // the is_incremental() SQL ran
};

// Builds in one transaction that waits its turn while another connection writes a SQLite
// warehouse (core/warehouse/write_turn.h), for as long as keepWaiting() says (empty: until the
// other writer is done).
Result<MaterializeOutcome> materialize(Warehouse& w, const MaterializeInput& input,
                                       const std::function<bool()>& keepWaiting = {});

}  // namespace deskbase
