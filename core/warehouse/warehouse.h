#pragma once
// One interface, two backends (SQLite, PostgreSQL). A Warehouse object is one connection:
// use it from one thread at a time; only cancel() may be called from another thread.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/sql/dialect.h"
#include "core/types/cell.h"
#include "core/types/value.h"
#include "core/util/result.h"

namespace deskbase {

struct TableInfo {
    std::string schema;              // "main" for SQLite, e.g. "public" for PostgreSQL
    std::string name;
    std::int64_t approxRows = -1;    // -1 when unknown; exact for SQLite (cheap count), estimate for PostgreSQL
    std::vector<Column> columns;     // name, logical type, displayName (from deskbase_columns when known)
    std::vector<std::string> nativeTypes;  // declared type per column ("INTEGER", "double precision", ...)
};

// A running query whose rows are streamed back in blocks; never buffers the whole result.
class QueryCursor {
public:
    virtual ~QueryCursor() = default;
    virtual const std::vector<Column>& columns() const = 0;
    // Appends up to maxRows rows to `out`. Returns how many were appended; 0 means the end.
    virtual Result<std::size_t> fetch(std::vector<Row>& out, std::size_t maxRows) = 0;
};

// Loads rows into one existing table, inside the caller's open transaction.
class BulkWriter {
public:
    virtual ~BulkWriter() = default;
    virtual Status write(const RowBatch& batch) = 0;
    virtual Status finish() = 0;  // flush; must be called before commit
};

class Warehouse {
public:
    enum class Kind { SQLite, PostgreSQL };
    virtual ~Warehouse() = default;

    // `target` is a SQLite file path or a libpq URI / keyword string ("postgresql://...",
    // "host=... dbname=..."). A SQLite file is created when missing.
    static Result<std::unique_ptr<Warehouse>> open(const std::string& target);
    static bool isPostgresTarget(const std::string& target);

    virtual Kind kind() const = 0;
    // A stable identity of the connection without secrets, e.g. for cache keys.
    virtual std::string identity() const = 0;

    virtual Result<std::vector<TableInfo>> listTables() = 0;   // user tables, not deskbase_* bookkeeping
    virtual Result<bool> tableExists(const std::string& table) = 0;
    virtual Result<TableInfo> describeTable(const std::string& table) = 0;

    // Runs SQL with bound parameters, no rows expected.
    virtual Status execute(const std::string& sql, const std::vector<Value>& params = {}) = 0;
    // Runs SQL with bound parameters and streams the rows.
    virtual Result<std::unique_ptr<QueryCursor>> query(const std::string& sql,
                                                       const std::vector<Value>& params = {}) = 0;
    // Interrupts the statement running on this connection (sqlite3_interrupt / PQcancel).
    // Thread-safe; a no-op when nothing runs. The interrupted call returns an error "cancelled".
    virtual void cancel() = 0;

    virtual Status begin() = 0;
    virtual Status commit() = 0;
    virtual Status rollback() = 0;

    // Bulk loader for an existing table whose columns are `columns`, in order.
    virtual Result<std::unique_ptr<BulkWriter>> bulkWriter(const std::string& table,
                                                           const std::vector<Column>& columns) = 0;

    // Bracket a bulk load (called outside the import's transaction). SQLite enlarges its page
    // cache for the load; the file stays in WAL mode, so readers keep reading while it loads.
    // Default: nothing. (Writers taking turns: core/warehouse/write_turn.h.)
    virtual void beginBulkLoad() {}
    virtual void endBulkLoad() {}

    // The SQL dialect (placeholders, quoting, type names, lexical rules); the helpers below are
    // shorthands for it.
    virtual const Dialect& dialect() const = 0;
    // The dialect of a target, without connecting (a libpq URI or keyword string: PostgreSQL).
    static const Dialect& dialectFor(const std::string& target);
    std::string sqlType(ColumnType t) const { return dialect().sqlType(t); }  // "INTEGER" / "bigint"
    std::string placeholder(int i) const { return dialect().placeholder(i); }  // "?1" / "$1"
    std::string quoteIdentifier(const std::string& name) const { return dialect().quoteIdentifier(name); }

    // The base tables a query reads (SQLite: authorizer; PostgreSQL: the plan's relations).
    // Used by the result cache for invalidation.
    virtual Result<std::vector<std::string>> tablesReadBy(const std::string& sql,
                                                          const std::vector<Value>& params = {}) = 0;

    // Monotonic per-table data version, bumped by every import through Deskbase
    // (stored in the deskbase_table_versions bookkeeping table). 0 when never recorded.
    Result<std::int64_t> dataVersion(const std::string& table);
    Status bumpDataVersion(const std::string& table);  // call inside the import transaction
};

}  // namespace deskbase
