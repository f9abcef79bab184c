#include "core/workspace/table_edits.h"

#include <functional>

#include "core/warehouse/warehouse.h"

namespace deskbase {

namespace {

// Runs `body` in a transaction: committed when it succeeds, rolled back when it fails.
Status inTransaction(Warehouse& w, const std::function<Status()>& body) {
    if (auto s = w.begin(); !s) return s;
    Status s = body();
    if (s) s = w.commit();
    if (!s) w.rollback();
    return s;
}

Result<bool> isView(Warehouse& w, const std::string& name) {
    const std::string sql =
        w.kind() == Warehouse::Kind::SQLite
            ? "SELECT type FROM sqlite_schema WHERE name = ?1"
            : "SELECT table_type FROM information_schema.tables WHERE table_name = $1 AND "
              "table_schema = ANY (current_schemas(false)) LIMIT 1";
    auto c = w.query(sql, {Value{name}});
    if (!c) return Error{c.message()};
    std::vector<Row> rows;
    if (auto n = (*c)->fetch(rows, 1); !n) return Error{n.message()};
    if (rows.empty()) return Error{"no table named " + name};
    const std::string type = valueToText(rows[0][0]);
    return type == "view" || type == "VIEW";
}

// Runs `sql` (with the table name as $1/?1) on each bookkeeping table that exists.
Status onBookkeeping(Warehouse& w, const std::string& sqlTemplate, const std::vector<Value>& params) {
    for (const char* table : {"deskbase_columns", "deskbase_ingestions"}) {
        auto has = w.tableExists(table);
        if (!has) return has.status();
        if (!*has) continue;
        std::string sql = sqlTemplate;
        sql.replace(sql.find("{t}"), 3, table);
        if (auto s = w.execute(sql, params); !s) return s;
    }
    return Status::ok();
}

Status dropOne(Warehouse& w, const std::string& table) {
    auto view = isView(w, table);
    if (!view) return view.status();
    const std::string what = *view ? "DROP VIEW " : "DROP TABLE ";
    if (auto s = w.execute(what + w.quoteIdentifier(table)); !s) return s;
    if (auto s = onBookkeeping(w, "DELETE FROM {t} WHERE table_name = " + w.placeholder(1), {Value{table}});
        !s)
        return s;
    return w.bumpDataVersion(table);
}

}  // namespace

std::string rejectsTableOf(const std::string& table) {
    return table + "__rejects";
}

Status dropTable(Warehouse& w, const std::string& table) {
    auto rejects = w.tableExists(rejectsTableOf(table));
    if (!rejects) return rejects.status();
    return inTransaction(w, [&]() -> Status {
        if (auto s = dropOne(w, table); !s) return s;
        return *rejects ? dropOne(w, rejectsTableOf(table)) : Status::ok();
    });
}

Status renameTable(Warehouse& w, const std::string& from, const std::string& to) {
    if (to.empty()) return Status::fail("a table needs a name");
    if (to == from) return Status::ok();
    auto taken = w.tableExists(to);
    if (!taken) return taken.status();
    if (*taken) return Status::fail("a table named " + to + " exists already");
    auto view = isView(w, from);
    if (!view) return view.status();
    if (*view && w.kind() == Warehouse::Kind::SQLite)
        return Status::fail("SQLite cannot rename a view: create it again under the new name");
    return inTransaction(w, [&]() -> Status {
        const std::string kind = *view ? "ALTER VIEW " : "ALTER TABLE ";
        if (auto s = w.execute(kind + w.quoteIdentifier(from) + " RENAME TO " + w.quoteIdentifier(to)); !s)
            return s;
        if (auto s = onBookkeeping(
                w,
                "UPDATE {t} SET table_name = " + w.placeholder(1) + " WHERE table_name = " + w.placeholder(2),
                {Value{to}, Value{from}});
            !s)
            return s;
        if (auto s = w.bumpDataVersion(from); !s) return s;
        return w.bumpDataVersion(to);
    });
}

Result<std::string> duplicateTable(Warehouse& w, const std::string& table) {
    auto info = w.describeTable(table);
    if (!info) return Error{info.message()};
    std::string copy;
    for (int n = 1;; ++n) {
        copy = table + (n == 1 ? "_copy" : "_copy_" + std::to_string(n));
        auto taken = w.tableExists(copy);
        if (!taken) return Error{taken.message()};
        if (!*taken) break;
    }
    Status s = inTransaction(w, [&]() -> Status {
        std::string ddl = "CREATE TABLE " + w.quoteIdentifier(copy) + " (";
        for (std::size_t i = 0; i < info->columns.size(); ++i)
            ddl += (i ? ", " : "") + w.quoteIdentifier(info->columns[i].name) + " " +
                   w.sqlType(info->columns[i].type);
        if (auto s = w.execute(ddl + ")"); !s) return s;
        if (auto s = w.execute("INSERT INTO " + w.quoteIdentifier(copy) + " SELECT * FROM " +
                               w.quoteIdentifier(table));
            !s)
            return s;
        if (auto has = w.tableExists("deskbase_columns"); !has)
            return has.status();
        else if (*has) {
            const std::string sql =
                "INSERT INTO deskbase_columns (table_name, position, name, display_name, type) SELECT " +
                w.placeholder(1) +
                ", position, name, display_name, type FROM deskbase_columns WHERE table_name = " +
                w.placeholder(2);
            if (auto s = w.execute(sql, {Value{copy}, Value{table}}); !s) return s;
        }
        return w.bumpDataVersion(copy);
    });
    if (!s) return Error{s.message()};
    return copy;
}

}  // namespace deskbase
