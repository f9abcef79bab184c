#include "core/models/materialize.h"

#include <algorithm>

#include "core/warehouse/transaction.h"
#include "core/warehouse/write_turn.h"
#include "core/warehouse/warehouse.h"

namespace deskbase {

namespace {

Result<std::int64_t> countRows(Warehouse& w, const std::string& relation) {
    auto c = w.query("SELECT count(*) FROM " + w.quoteIdentifier(relation));
    if (!c) return Error{c.message()};
    std::vector<Row> rows;
    if (auto n = (*c)->fetch(rows, 1); !n) return Error{n.message()};
    if (rows.empty()) return Error{"count(*) returned no row"};
    if (auto* i = std::get_if<std::int64_t>(&rows[0][0])) return *i;
    return Error{"count(*) returned no number"};
}

Result<std::vector<std::string>> columnsOf(Warehouse& w, const std::string& relation) {
    auto c = w.query("SELECT * FROM " + w.quoteIdentifier(relation) + " LIMIT 0");
    if (!c) return Error{c.message()};
    std::vector<std::string> out;
    for (const auto& col : (*c)->columns()) out.push_back(col.name);
    return out;
}

Status dropRelation(Warehouse& w, const std::string& name, RelationKind kind) {
    if (kind == RelationKind::None) return Status::ok();
    return w.execute(std::string(kind == RelationKind::View ? "DROP VIEW " : "DROP TABLE ") +
                     w.quoteIdentifier(name));
}

// The dependent views that exist now, dropped downstream first; recreate() puts them back.
class DependentViews {
public:
    DependentViews(Warehouse& w, const MaterializeInput& in) : w_(w), in_(in) {}
    Status drop() {
        if (w_.kind() != Warehouse::Kind::PostgreSQL) return Status::ok();
        for (const auto& [name, sql] : in_.dependentViews) {
            auto kind = relationKind(w_, name);
            if (!kind) return Error{kind.message()};
            if (*kind == RelationKind::View) present_.emplace_back(name, sql);
        }
        for (auto it = present_.rbegin(); it != present_.rend(); ++it)
            if (auto s = w_.execute("DROP VIEW " + w_.quoteIdentifier(it->first)); !s) return s;
        return Status::ok();
    }
    Status recreate() {
        for (const auto& [name, sql] : present_)
            if (auto s = w_.execute("CREATE VIEW " + w_.quoteIdentifier(name) + " AS " + sql); !s)
                return Error{"cannot recreate the view " + name + " over it: " + s.message()};
        return Status::ok();
    }

private:
    Warehouse& w_;
    const MaterializeInput& in_;
    std::vector<std::pair<std::string, std::string>> present_;
};

Status renameOver(Warehouse& w, const std::string& from, const std::string& to) {
    const bool sqlite = w.kind() == Warehouse::Kind::SQLite;
    if (sqlite)
        if (auto s = w.execute("PRAGMA legacy_alter_table = ON"); !s) return s;
    auto s = w.execute("ALTER TABLE " + w.quoteIdentifier(from) + " RENAME TO " + w.quoteIdentifier(to));
    if (sqlite) (void)w.execute("PRAGMA legacy_alter_table = OFF");
    return s;
}

// The unique_key's columns quoted and joined ("k1", "k2"); each must be one of `columns`.
Result<std::string> quotedKeys(Warehouse& w, const MaterializeInput& in, const std::vector<std::string>& columns) {
    std::string keys;
    for (const auto& k : in.uniqueKey) {
        if (std::find(columns.begin(), columns.end(), k) == columns.end())
            return Error{"unique_key " + k + " is not a column of the model"};
        keys += (keys.empty() ? "" : ", ") + w.quoteIdentifier(k);
    }
    return keys;
}

// An incremental model's unique_key is what each later run looks up (the merge's DELETE, and the
// model's own `max(key) from {{ this }}`): without an index both scan the whole model, which made
// adding 1% of rows cost a quarter of a full rebuild in bench_models_checks. Not UNIQUE: dbt does
// not enforce the key either, and a model whose key repeats must still build.
Status indexUniqueKey(Warehouse& w, const MaterializeInput& in) {
    if (in.materialized != Materialization::Incremental || in.uniqueKey.empty()) return Status::ok();
    auto cols = columnsOf(w, in.name);
    if (!cols) return Error{cols.message()};
    auto keys = quotedKeys(w, in, *cols);
    if (!keys) return Error{keys.message()};
    return w.execute("CREATE INDEX IF NOT EXISTS " + w.quoteIdentifier("deskbase_key_" + in.name) + " ON " +
                     w.quoteIdentifier(in.name) + " (" + *keys + ")");
}

// PostgreSQL costs a random index probe so high that it hashed 30,000 new keys against a scan of
// a 3M-row model (1.8 s) rather than probing the key index (0.2 s), even with fresh statistics.
// While the merge's DELETE runs, and only when the new rows are under a tenth of the model, hash
// and merge joins (and JIT, which the inflated cost triggered) are off; SET LOCAL ends with the
// transaction, RESET ends it sooner. SQLite probes the index by itself.
class LookUpFewKeys {
public:
    static Result<LookUpFewKeys> begin(Warehouse& w, const std::string& model, std::int64_t fresh) {
        LookUpFewKeys l(w);
        if (w.kind() != Warehouse::Kind::PostgreSQL) return l;
        // The model's size as its last ANALYZE saw it (-1: never analyzed; a full build analyzes).
        auto c = w.query("SELECT CAST(reltuples AS BIGINT) FROM pg_class WHERE oid = CAST($1 AS regclass)",
                         {Value{w.quoteIdentifier(model)}});
        if (!c) return Error{c.message()};
        std::vector<Row> rows;
        if (auto n = (*c)->fetch(rows, 1); !n) return Error{n.message()};
        if (rows.empty()) return l;
        const auto* big = std::get_if<std::int64_t>(&rows[0][0]);
        if (!big || fresh * 10 >= *big) return l;
        if (auto s = w.execute("SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; "
                               "SET LOCAL jit = off");
            !s)
            return Error{s.message()};
        l.set_ = true;
        return l;
    }
    Status end() {
        if (!set_) return Status::ok();
        return w_.execute("RESET enable_hashjoin; RESET enable_mergejoin; RESET jit");
    }

private:
    explicit LookUpFewKeys(Warehouse& w) : w_(w) {}
    Warehouse& w_;
    bool set_ = false;
};

Result<MaterializeOutcome> buildView(Warehouse& w, const MaterializeInput& in, RelationKind old) {
    DependentViews views(w, in);
    if (auto s = views.drop(); !s) return Error{s.message()};
    if (auto s = dropRelation(w, in.name, old); !s) return Error{s.message()};
    if (auto s = w.execute("CREATE VIEW " + w.quoteIdentifier(in.name) + " AS " + in.sql); !s)
        return Error{s.message()};
    // SQLite accepts a view over a missing table or column; reading it once says so now.
    if (auto c = w.query("SELECT * FROM " + w.quoteIdentifier(in.name) + " LIMIT 0"); !c)
        return Error{c.message()};
    if (auto s = views.recreate(); !s) return Error{s.message()};
    return MaterializeOutcome{};
}

Result<MaterializeOutcome> buildTable(Warehouse& w, const MaterializeInput& in, RelationKind old) {
    const std::string staging = "deskbase_build_" + in.name;
    if (auto s = w.execute("DROP TABLE IF EXISTS " + w.quoteIdentifier(staging)); !s)
        return Error{s.message()};
    if (auto s = w.execute("CREATE TABLE " + w.quoteIdentifier(staging) + " AS " + in.sql); !s)
        return Error{s.message()};
    auto rows = countRows(w, staging);
    if (!rows) return Error{rows.message()};
    DependentViews views(w, in);
    if (auto s = views.drop(); !s) return Error{s.message()};
    if (auto s = dropRelation(w, in.name, old); !s) return Error{s.message()};
    if (auto s = renameOver(w, staging, in.name); !s) return Error{s.message()};
    // After the rename: the old table's index of the same name went with the old table.
    if (auto s = indexUniqueKey(w, in); !s) return Error{s.message()};
    // PostgreSQL's planner guesses wildly over a table it has no statistics for (an incremental
    // merge took each key to match 15,150 rows and scanned the whole model), and the merge reads
    // the model's size from them: gather them now for an incremental model with a key (autovacuum
    // analyzes other new tables soon after; doing it in every build cost the chain ~10%). SQLite
    // plans index lookups well without them.
    if (w.kind() == Warehouse::Kind::PostgreSQL && in.materialized == Materialization::Incremental &&
        !in.uniqueKey.empty())
        if (auto s = w.execute("ANALYZE " + w.quoteIdentifier(in.name)); !s) return Error{s.message()};
    if (auto s = views.recreate(); !s) return Error{s.message()};
    return MaterializeOutcome{*rows, false};
}

Result<MaterializeOutcome> buildIncrement(Warehouse& w, const MaterializeInput& in) {
    const std::string tmp = "deskbase_increment_" + in.name;
    const std::string qt = w.quoteIdentifier(in.name), qtmp = w.quoteIdentifier(tmp);
    if (auto s = w.execute("DROP TABLE IF EXISTS " + qtmp); !s) return Error{s.message()};
    if (auto s = w.execute("CREATE TEMPORARY TABLE " + qtmp + " AS " + in.incrementalSql); !s)
        return Error{s.message()};
    auto cols = columnsOf(w, tmp);
    if (!cols) return Error{cols.message()};
    auto rows = countRows(w, tmp);
    if (!rows) return Error{rows.message()};
    if (!in.uniqueKey.empty()) {
        // `(k1, k2) IN (SELECT k1, k2 FROM new rows)`: the new keys are probed in the model's key
        // index (or, for many new rows, hashed against one scan of the model). A correlated EXISTS
        // ran the new rows' scan per model row on SQLite (30,000 rows merged into 3M were still
        // running after 35 min in bench_models_checks).
        auto quoted = quotedKeys(w, in, *cols);
        if (!quoted) return Error{quoted.message()};
        const std::string& keys = *quoted;
        const std::string tuple = in.uniqueKey.size() > 1 ? "(" + keys + ")" : keys;
        if (auto s = indexUniqueKey(w, in); !s) return Error{s.message()};  // a model built before it had one
        auto lookups = LookUpFewKeys::begin(w, in.name, *rows);
        if (!lookups) return Error{lookups.message()};
        if (auto s = w.execute("DELETE FROM " + qt + " WHERE " + tuple + " IN (SELECT " + keys + " FROM " +
                               qtmp + ")");
            !s)
            return Error{s.message()};
        if (auto s = lookups->end(); !s) return Error{s.message()};
    }
    std::string list;
    for (const auto& c : *cols) list += (list.empty() ? "" : ", ") + w.quoteIdentifier(c);
    if (auto s = w.execute("INSERT INTO " + qt + " (" + list + ") SELECT " + list + " FROM " + qtmp); !s)
        return Error{s.message()};
    if (auto s = w.execute("DROP TABLE " + qtmp); !s) return Error{s.message()};
    return MaterializeOutcome{*rows, true};
}

}  // namespace

Result<RelationKind> relationKind(Warehouse& w, const std::string& name) {
    const bool sqlite = w.kind() == Warehouse::Kind::SQLite;
    auto c = w.query(sqlite ? "SELECT type FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?1"
                            : "SELECT CASE table_type WHEN 'VIEW' THEN 'view' ELSE 'table' END "
                              "FROM information_schema.tables "
                              "WHERE table_schema = current_schema() AND table_name = $1",
                     {Value{name}});
    if (!c) return Error{c.message()};
    std::vector<Row> rows;
    if (auto n = (*c)->fetch(rows, 1); !n) return Error{n.message()};
    if (rows.empty()) return RelationKind::None;
    const auto* type = std::get_if<std::string>(&rows[0][0]);
    return type && *type == "view" ? RelationKind::View : RelationKind::Table;
}

Result<MaterializeOutcome> materialize(Warehouse& w, const MaterializeInput& in,
                                       const std::function<bool()>& keepWaiting) {
    if (in.materialized == Materialization::Ephemeral) return MaterializeOutcome{};
    Transaction tx(w);
    if (auto s = beginWriteTurn(w, tx, keepWaiting); !s)
        return Error{keepWaiting && !keepWaiting() ? std::string("cancelled") : s.message()};
    auto old = relationKind(w, in.name);
    if (!old) return Error{old.message()};
    Result<MaterializeOutcome> out = Error{""};
    if (in.materialized == Materialization::View)
        out = buildView(w, in, *old);
    else if (in.materialized == Materialization::Incremental && *old == RelationKind::Table &&
             !in.fullRefresh)
        out = buildIncrement(w, in);
    else
        out = buildTable(w, in, *old);
    if (!out) return out;
    if (auto s = w.bumpDataVersion(in.name); !s) return Error{s.message()};
    if (auto s = tx.commit(); !s) return Error{"cannot commit: " + s.message()};
    return out;
}

}  // namespace deskbase
