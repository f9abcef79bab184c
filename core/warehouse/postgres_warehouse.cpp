// The PostgreSQL warehouse over libpq. Design notes: docs/postgres.md.
#include "core/warehouse/postgres_warehouse.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

#include "core/warehouse/postgres_catalog.h"
#include "core/warehouse/postgres_copy_writer.h"
#include "core/warehouse/postgres_cursor.h"
#include "core/warehouse/postgres_insert_writer.h"
#include "core/warehouse/postgres_session.h"
#include "core/warehouse/postgres_values.h"

namespace deskbase {

namespace {

using pg::ResultPtr;

// Highest $n placeholder in the SQL (outside quotes), for planning a query without its values.
int highestPlaceholder(const std::string& sql) {
    int highest = 0;
    char quote = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char ch = sql[i];
        if (quote) {
            if (ch == quote) quote = 0;
        } else if (ch == '\'' || ch == '"') {
            quote = ch;
        } else if (ch == '$' && i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
            int n = 0;
            while (i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1])) && n < 100000)
                n = n * 10 + (sql[++i] - '0');
            highest = std::max(highest, n);
        }
    }
    return highest;
}

void collectRelations(const nlohmann::json& node, std::set<std::string>& out) {
    if (node.is_object()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it.key() == "Relation Name" && it->is_string())
                out.insert(it->get<std::string>());
            else
                collectRelations(*it, out);
        }
    } else if (node.is_array()) {
        for (const auto& child : node) collectRelations(child, out);
    }
}

class PostgresWarehouse final : public Warehouse {
public:
    explicit PostgresWarehouse(std::shared_ptr<pg::Session> session) : session_(std::move(session)) {}

    Kind kind() const override { return Kind::PostgreSQL; }
    std::string identity() const override { return session_->identity(); }

    Result<std::vector<TableInfo>> listTables() override {
        return pg::describeRelations(rowsQuery(), pg::listableRelations());
    }

    Result<bool> tableExists(const std::string& table) override {
        const auto [schema, name] = splitName(table);
        return relationExists(name, schema);
    }

    Result<TableInfo> describeTable(const std::string& table) override {
        const auto [schema, name] = splitName(table);
        auto found = pg::describeRelations(rowsQuery(), pg::relationNamed(name, schema));
        if (!found) return Error{found.message()};
        if (found->empty()) return Error{"no table named " + table};
        return std::move(found->front());
    }

    Status execute(const std::string& sql, const std::vector<Value>& params) override {
        session_->beginCommand();
        PGconn* conn = session_->conn();
        // Without values the simple protocol runs scripts of several statements, as SQLite does.
        const pg::BoundParams bound(params);
        const int sent = params.empty() ? PQsendQuery(conn, sql.c_str())
                                        : PQsendQueryParams(conn, sql.c_str(), bound.count(), bound.types(),
                                                            bound.values(), nullptr, nullptr, 0);
        if (!sent) {
            session_->endCommand();
            return Status::fail(session_->connectionError());
        }
        std::string error;
        while (PGresult* raw = PQgetResult(conn)) {
            ResultPtr r(raw);
            const ExecStatusType st = PQresultStatus(raw);
            if (st == PGRES_COPY_IN || st == PGRES_COPY_OUT) {
                if (error.empty()) error = "COPY cannot run through execute(); use the bulk writer";
                r.reset();
                session_->drainResults();
                break;
            }
            if (st == PGRES_FATAL_ERROR && error.empty()) error = session_->errorOf(raw);
            if (PQstatus(conn) == CONNECTION_BAD) {
                if (error.empty()) error = session_->connectionError();
                break;
            }
        }
        session_->endCommand();
        if (!error.empty()) return Status::fail(error);
        return Status::ok();
    }

    Result<std::unique_ptr<QueryCursor>> query(const std::string& sql,
                                               const std::vector<Value>& params) override {
        return pg::startQuery(session_, sql, params);
    }

    void cancel() override { session_->cancel(); }

    Status begin() override {
        auto s = execute("BEGIN", {});
        if (s) session_->setInTransaction(true);
        return s;
    }
    Status commit() override {
        auto s = execute("COMMIT", {});
        session_->setInTransaction(false);
        return s;
    }
    Status rollback() override {
        auto s = execute("ROLLBACK", {});
        session_->setInTransaction(false);
        return s;
    }

    Result<std::unique_ptr<BulkWriter>> bulkWriter(const std::string& table,
                                                   const std::vector<Column>& columns) override {
        if (columns.empty()) return Error{"no columns to load"};
        const std::string qualified = qualifiedName(table);
        // The columns' actual types decide the COPY format (binary needs their exact layout).
        auto types = queryRows(
            "SELECT a.attname, a.atttypid FROM pg_attribute a WHERE a.attrelid = $1::regclass "
            "AND a.attnum > 0 AND NOT a.attisdropped",
            {Value{qualified}});
        if (!types) return Error{types.message()};
        std::vector<pg::CopyColumn> copyColumns;
        for (const auto& c : columns) {
            pg::CopyColumn cc{c.name, c.type, 0};
            for (const auto& t : *types)
                if (valueToText(t[0]) == pg::serverIdentifier(c.name))
                    cc.type = Oid(std::get<std::int64_t>(t[1]));
            if (cc.type == 0) return Error{"table " + table + " has no column " + c.name};
            copyColumns.push_back(std::move(cc));
        }
        // The engine's path (postgres_engine.h), unless DESKBASE_PG_LOAD forces one.
        auto forced = pg::forcedLoadPath();
        if (!forced) return Error{forced.message()};
        const pg::LoadPath path = forced->value_or(pg::defaultLoadPath(session_->engine()));
        if (path == pg::LoadPath::Insert) return pg::startInsertLoad(session_, qualified, std::move(copyColumns));
        return pg::startCopy(session_, qualified, std::move(copyColumns), path == pg::LoadPath::CopyBinary);
    }

    const Dialect& dialect() const override { return Dialect::postgres(); }

    Result<std::vector<std::string>> tablesReadBy(const std::string& sql,
                                                  const std::vector<Value>& params) override {
        // The plan names every base relation the query reads (views are expanded). A generic plan
        // is used so that no relation is pruned for the particular values (a custom plan for
        // "id > NULL" reads nothing); the relations read do not depend on the values.
        (void)params;
        const int placeholders = highestPlaceholder(sql);
        std::string args;
        for (int i = 0; i < placeholders; ++i) args += i ? ", NULL" : "(NULL";
        if (placeholders) args += ")";
        if (auto s = execute("SET plan_cache_mode = force_generic_plan", {}); !s) return Error{s.message()};
        Status prepared = execute("PREPARE deskbase_tables_read AS " + sql, {});
        Result<std::vector<Row>> rows = Error{prepared.message()};
        if (prepared) {
            rows = queryRows("EXPLAIN (FORMAT JSON, COSTS OFF) EXECUTE deskbase_tables_read" + args);
            execute("DEALLOCATE deskbase_tables_read", {});
        }
        execute("RESET plan_cache_mode", {});
        if (!rows) return Error{rows.message()};
        std::set<std::string> names;
        for (const auto& r : *rows) {
            auto plan = nlohmann::json::parse(valueToText(r[0]), nullptr, /*allow_exceptions=*/false);
            if (plan.is_discarded()) return Error{"cannot read the query plan"};
            collectRelations(plan, names);
        }
        return std::vector<std::string>(names.begin(), names.end());
    }

private:
    // "schema.table" -> {schema, table}; a plain name -> {"", name} (search path). A name that
    // itself contains a dot is found when no schema of that name has it.
    std::pair<std::string, std::string> splitName(const std::string& table) {
        const auto dot = table.find('.');
        if (dot == std::string::npos) return {"", table};
        std::string schema = table.substr(0, dot), name = table.substr(dot + 1);
        if (auto found = relationExists(name, schema); found && *found) return {schema, name};
        return {"", table};
    }

    Result<bool> relationExists(const std::string& name, const std::string& schema) {
        const auto filter = pg::relationNamed(name, schema);
        auto rows = queryRows(
            "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + filter.where,
            filter.params);
        if (!rows) return Error{rows.message()};
        return !rows->empty();
    }

    std::string qualifiedName(const std::string& table) {
        const auto [schema, name] = splitName(table);
        return schema.empty() ? quoteIdentifier(name) : quoteIdentifier(schema) + "." + quoteIdentifier(name);
    }

    Result<std::vector<Row>> queryRows(const std::string& sql, const std::vector<Value>& params = {}) {
        auto cursor = query(sql, params);
        if (!cursor) return Error{cursor.message()};
        std::vector<Row> rows;
        for (;;) {
            auto n = (*cursor)->fetch(rows, 4096);
            if (!n) return Error{n.message()};
            if (*n == 0) break;
        }
        return rows;
    }

    pg::RowsQuery rowsQuery() {
        return [this](const std::string& sql, const std::vector<Value>& params) {
            return queryRows(sql, params);
        };
    }

    std::shared_ptr<pg::Session> session_;
};

}  // namespace

Result<std::unique_ptr<Warehouse>> openPostgresWarehouse(const std::string& conninfo) {
    auto session = pg::Session::connect(conninfo);
    if (!session) return Error{session.message()};
    return std::unique_ptr<Warehouse>(std::make_unique<PostgresWarehouse>(std::move(*session)));
}

}  // namespace deskbase
