#include "core/warehouse/sqlite_warehouse.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include "core/sql/error_position.h"
#include "core/warehouse/sqlite_regexp.h"
#include "core/warehouse/sqlite_statement.h"

namespace deskbase {

namespace {

constexpr int kBusyTimeoutMs = 10000;

ColumnType logicalTypeFromDeclared(std::string declared) {
    std::transform(declared.begin(), declared.end(), declared.begin(),
                   [](unsigned char c) { return char(std::toupper(c)); });
    if (declared.find("BOOL") != std::string::npos) return ColumnType::Boolean;
    if (declared.find("DATETIME") != std::string::npos || declared.find("TIMESTAMP") != std::string::npos)
        return ColumnType::DateTime;
    if (declared.find("DATE") != std::string::npos) return ColumnType::Date;
    if (declared.find("INT") != std::string::npos) return ColumnType::Integer;
    if (declared.find("REAL") != std::string::npos || declared.find("FLOA") != std::string::npos ||
        declared.find("DOUB") != std::string::npos || declared.find("NUMERIC") != std::string::npos ||
        declared.find("DECIMAL") != std::string::npos)
        return ColumnType::Real;
    return ColumnType::Text;
}

std::string errorOf(sqlite3* db, int rc) {
    if (rc == SQLITE_INTERRUPT) return "cancelled";
    return sqlite3_errmsg(db);
}

// A statement that did not compile: the message ends with where SQLite stopped reading it.
std::string prepareErrorOf(sqlite3* db, int rc, const std::string& sql) {
    const int offset = sqlite3_error_offset(db);  // bytes into sql; -1 when it does not say
    std::string msg = errorOf(db, rc);
    if (offset < 0 || rc == SQLITE_INTERRUPT) return msg;
    return withErrorPosition(msg, characterIndexOfByte(sql, std::size_t(offset)));
}

class SqliteCursor final : public QueryCursor {
public:
    SqliteCursor(sqlite3* db, SqliteStatement stmt, int firstRc)
        : db_(db), stmt_(std::move(stmt)), rc_(firstRc) {
        const int n = sqlite3_column_count(stmt_.get());
        columns_.reserve(std::size_t(n));
        for (int i = 0; i < n; ++i) {
            Column c;
            c.name = sqlite3_column_name(stmt_.get(), i);
            c.displayName = c.name;
            if (const char* decl = sqlite3_column_decltype(stmt_.get(), i)) {
                c.type = logicalTypeFromDeclared(decl);
            } else if (rc_ == SQLITE_ROW) {
                // An expression: take the storage class of the first row.
                switch (sqlite3_column_type(stmt_.get(), i)) {
                    case SQLITE_INTEGER:
                        c.type = ColumnType::Integer;
                        break;
                    case SQLITE_FLOAT:
                        c.type = ColumnType::Real;
                        break;
                    default:
                        c.type = ColumnType::Text;
                        break;
                }
            }
            columns_.push_back(std::move(c));
        }
    }

    const std::vector<Column>& columns() const override { return columns_; }

    Result<std::size_t> fetch(std::vector<Row>& out, std::size_t maxRows) override {
        std::size_t n = 0;
        while (n < maxRows && rc_ == SQLITE_ROW) {
            out.push_back(readRow());
            ++n;
            rc_ = sqlite3_step(stmt_.get());
        }
        if (rc_ != SQLITE_ROW && rc_ != SQLITE_DONE) return Error{errorOf(db_, rc_)};
        return n;
    }

private:
    Row readRow() {
        sqlite3_stmt* s = stmt_.get();
        Row row;
        row.reserve(columns_.size());
        for (int i = 0; i < int(columns_.size()); ++i) {
            switch (sqlite3_column_type(s, i)) {
                case SQLITE_NULL:
                    row.emplace_back(std::monostate{});
                    break;
                case SQLITE_INTEGER: {
                    const sqlite3_int64 v = sqlite3_column_int64(s, i);
                    if (columns_[std::size_t(i)].type == ColumnType::Boolean)
                        row.emplace_back(v != 0);
                    else
                        row.emplace_back(std::int64_t(v));
                    break;
                }
                case SQLITE_FLOAT:
                    row.emplace_back(sqlite3_column_double(s, i));
                    break;
                default: {
                    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
                    row.emplace_back(std::string(text ? text : "", std::size_t(sqlite3_column_bytes(s, i))));
                }
            }
        }
        return row;
    }

    sqlite3* db_;
    SqliteStatement stmt_;
    int rc_;
    std::vector<Column> columns_;
};

class SqliteBulkWriter final : public BulkWriter {
public:
    // `multi` inserts kRowsPerStatement rows at once (fewer VDBE round trips); `single` does the rest.
    static constexpr std::size_t kRowsPerStatement = 32;

    SqliteBulkWriter(sqlite3* db, SqliteStatement multi, SqliteStatement single)
        : db_(db), multi_(std::move(multi)), single_(std::move(single)) {}

    Status write(const RowBatch& batch) override {
        const std::size_t cols = batch.columnCount;
        const Cell* cell = batch.cells.data();
        std::size_t rows = batch.rowCount();
        while (rows > 0) {
            const bool many = rows >= kRowsPerStatement && multi_.get();
            sqlite3_stmt* s = many ? multi_.get() : single_.get();
            const std::size_t n = many ? kRowsPerStatement : 1;
            const int params = int(n * cols);
            for (int idx = 1; idx <= params; ++idx, ++cell) {
                switch (cell->kind) {
                    case Cell::Kind::Null:
                        sqlite3_bind_null(s, idx);
                        break;
                    case Cell::Kind::Integer:
                    case Cell::Kind::Boolean:
                        sqlite3_bind_int64(s, idx, cell->i);
                        break;
                    case Cell::Kind::Real:
                        sqlite3_bind_double(s, idx, cell->d);
                        break;
                    case Cell::Kind::Text:
                        // An empty view may have a null data(); SQLite would bind that as NULL.
                        sqlite3_bind_text(s, idx, cell->text.data() ? cell->text.data() : "",
                                          int(cell->text.size()), SQLITE_STATIC);
                        break;
                }
            }
            const int rc = sqlite3_step(s);
            sqlite3_reset(s);
            if (rc != SQLITE_DONE) return Status::fail(errorOf(db_, rc));
            rows -= n;
        }
        return Status::ok();
    }

    Status finish() override { return Status::ok(); }

private:
    sqlite3* db_;
    SqliteStatement multi_;
    SqliteStatement single_;
};

class SqliteWarehouse final : public Warehouse {
public:
    SqliteWarehouse(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
    ~SqliteWarehouse() override {
        std::lock_guard lock(closeMutex_);
        sqlite3_close_v2(db_);
        db_ = nullptr;
    }

    Kind kind() const override { return Kind::SQLite; }
    std::string identity() const override { return "sqlite:" + path_; }

    Result<std::vector<TableInfo>> listTables() override {
        auto names = queryStrings(
            "SELECT name FROM sqlite_schema WHERE type IN ('table','view') AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'deskbase\\_%' ESCAPE '\\' ORDER BY name");
        if (!names) return Error{names.message()};
        std::vector<TableInfo> tables;
        for (const auto& n : *names) {
            auto info = describeTable(n);
            if (!info) return Error{info.message()};
            tables.push_back(std::move(*info));
        }
        return tables;
    }

    Result<bool> tableExists(const std::string& table) override {
        auto names = queryStrings(
            "SELECT name FROM sqlite_schema WHERE type IN ('table','view') AND name = ?1", {Value{table}});
        if (!names) return Error{names.message()};
        return !names->empty();
    }

    Result<TableInfo> describeTable(const std::string& table) override {
        TableInfo info;
        info.schema = "main";
        info.name = table;
        auto cursor = query("SELECT name, type FROM pragma_table_info(?1) ORDER BY cid", {Value{table}});
        if (!cursor) return Error{cursor.message()};
        std::vector<Row> rows;
        if (auto n = (*cursor)->fetch(rows, 100000); !n) return Error{n.message()};
        if (rows.empty()) return Error{"no table named " + table};
        for (const auto& r : rows) {
            Column c;
            c.name = valueToText(r[0]);
            c.displayName = c.name;
            const std::string decl = valueToText(r[1]);
            c.type = logicalTypeFromDeclared(decl);
            info.columns.push_back(std::move(c));
            info.nativeTypes.push_back(decl);
        }
        // Original header texts recorded by the import, when there.
        if (auto has = tableExists("deskbase_columns"); has && *has) {
            auto names = query("SELECT name, display_name FROM deskbase_columns WHERE table_name = ?1",
                               {Value{table}});
            std::vector<Row> dn;
            if (names && (*names)->fetch(dn, 100000)) {
                for (const auto& r : dn)
                    for (auto& c : info.columns)
                        if (c.name == valueToText(r[0])) c.displayName = valueToText(r[1]);
            }
        }
        auto count = query("SELECT count(*) FROM " + quoteIdentifier(table), {});
        std::vector<Row> cr;
        if (count && (*count)->fetch(cr, 1) && !cr.empty())
            if (auto* v = std::get_if<std::int64_t>(&cr[0][0])) info.approxRows = *v;
        return info;
    }

    Status execute(const std::string& sql, const std::vector<Value>& params) override {
        if (params.empty()) {
            char* err = nullptr;
            const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
            if (rc != SQLITE_OK) {
                std::string msg = rc == SQLITE_INTERRUPT ? "cancelled" : (err ? err : sqlite3_errstr(rc));
                sqlite3_free(err);
                return Status::fail(msg);
            }
            return Status::ok();
        }
        auto stmt = prepare(sql, params);
        if (!stmt) return stmt.status();
        int rc;
        while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW) {
        }
        if (rc != SQLITE_DONE) return Status::fail(errorOf(db_, rc));
        return Status::ok();
    }

    Result<std::unique_ptr<QueryCursor>> query(const std::string& sql,
                                               const std::vector<Value>& params) override {
        auto stmt = prepare(sql, params);
        if (!stmt) return Error{stmt.message()};
        const int rc = sqlite3_step(stmt->get());
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Error{errorOf(db_, rc)};
        return std::unique_ptr<QueryCursor>(std::make_unique<SqliteCursor>(db_, std::move(*stmt), rc));
    }

    void cancel() override {
        std::lock_guard lock(closeMutex_);
        if (db_) sqlite3_interrupt(db_);
    }

    Status begin() override { return execute("BEGIN IMMEDIATE", {}); }
    Status commit() override { return execute("COMMIT", {}); }
    Status rollback() override { return execute("ROLLBACK", {}); }

    Result<std::unique_ptr<BulkWriter>> bulkWriter(const std::string& table,
                                                   const std::vector<Column>& columns) override {
        if (columns.empty()) return Error{"no columns to load"};
        std::string head = "INSERT INTO " + quoteIdentifier(table) + " (";
        for (std::size_t i = 0; i < columns.size(); ++i)
            head += (i ? ", " : "") + quoteIdentifier(columns[i].name);
        head += ") VALUES ";
        std::string tuple = "(";
        for (std::size_t i = 0; i < columns.size(); ++i) tuple += i ? ", ?" : "?";
        tuple += ")";
        auto single = prepare(head + tuple, {});
        if (!single) return Error{single.message()};
        SqliteStatement multi;
        const std::size_t rows = SqliteBulkWriter::kRowsPerStatement;
        if (rows * columns.size() <= std::size_t(sqlite3_limit(db_, SQLITE_LIMIT_VARIABLE_NUMBER, -1))) {
            std::string sql = head;
            for (std::size_t r = 0; r < rows; ++r) sql += (r ? ", " : "") + tuple;
            auto m = prepare(sql, {});
            if (!m) return Error{m.message()};
            multi = std::move(*m);
        }
        return std::unique_ptr<BulkWriter>(
            std::make_unique<SqliteBulkWriter>(db_, std::move(multi), std::move(*single)));
    }

    // WAL stays on during a load: readers (the GUI, `deskbase tables`, a query) keep reading the
    // last committed state, and a second writer waits its turn (write_turn.h). A rollback journal
    // would write appended pages once instead of twice, but it locks every reader out while the
    // load spills or commits, and no connection can prove that no other will open meanwhile.
    void beginBulkLoad() override { execute("PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY", {}); }
    void endBulkLoad() override { execute("PRAGMA cache_size=-2000", {}); }

    const Dialect& dialect() const override { return Dialect::sqlite(); }

    Result<std::vector<std::string>> tablesReadBy(const std::string& sql,
                                                  const std::vector<Value>& params) override {
        std::set<std::string> tables;
        sqlite3_set_authorizer(
            db_,
            [](void* user, int action, const char* a, const char*, const char*, const char*) {
                if (action == SQLITE_READ && a) static_cast<std::set<std::string>*>(user)->insert(a);
                return SQLITE_OK;
            },
            &tables);
        sqlite3_stmt* raw = nullptr;
        const int rc = sqlite3_prepare_v2(db_, sql.c_str(), int(sql.size()), &raw, nullptr);
        sqlite3_set_authorizer(db_, nullptr, nullptr);
        SqliteStatement stmt(raw);
        (void)params;  // the tables read do not depend on bound values
        if (rc != SQLITE_OK) return Error{errorOf(db_, rc)};
        std::vector<std::string> out;
        for (const auto& t : tables)
            if (t.rfind("sqlite_", 0) != 0 && t.rfind("pragma_", 0) != 0) out.push_back(t);
        return out;
    }

private:
    Result<SqliteStatement> prepare(const std::string& sql, const std::vector<Value>& params) {
        sqlite3_stmt* raw = nullptr;
        const char* tail = nullptr;
        const int rc = sqlite3_prepare_v2(db_, sql.c_str(), int(sql.size()), &raw, &tail);
        SqliteStatement stmt(raw);
        if (rc != SQLITE_OK) return Error{prepareErrorOf(db_, rc, sql)};
        if (!raw) return Error{"empty SQL"};
        for (const char* p = tail; p && *p; ++p)
            if (!std::isspace(static_cast<unsigned char>(*p)) && *p != ';')
                return Error{"only one SQL statement can run at a time"};
        if (int(params.size()) > sqlite3_bind_parameter_count(raw))
            return Error{"more values than placeholders in the SQL"};
        for (std::size_t i = 0; i < params.size(); ++i) bindValue(raw, int(i) + 1, params[i]);
        return stmt;
    }

    static void bindValue(sqlite3_stmt* s, int idx, const Value& v) {
        if (std::holds_alternative<std::monostate>(v))
            sqlite3_bind_null(s, idx);
        else if (auto* i = std::get_if<std::int64_t>(&v))
            sqlite3_bind_int64(s, idx, *i);
        else if (auto* d = std::get_if<double>(&v))
            sqlite3_bind_double(s, idx, *d);
        else if (auto* b = std::get_if<bool>(&v))
            sqlite3_bind_int(s, idx, *b ? 1 : 0);
        else {
            const auto& str = std::get<std::string>(v);
            sqlite3_bind_text(s, idx, str.data(), int(str.size()), SQLITE_TRANSIENT);
        }
    }

    Result<std::vector<std::string>> queryStrings(const std::string& sql,
                                                  const std::vector<Value>& params = {}) {
        auto cursor = query(sql, params);
        if (!cursor) return Error{cursor.message()};
        std::vector<Row> rows;
        if (auto n = (*cursor)->fetch(rows, 1000000); !n) return Error{n.message()};
        std::vector<std::string> out;
        for (const auto& r : rows) out.push_back(valueToText(r[0]));
        return out;
    }

    sqlite3* db_;
    std::string path_;
    std::mutex closeMutex_;  // cancel() may race with destruction from another thread
};

}  // namespace

Result<std::unique_ptr<Warehouse>> openSqliteWarehouse(const std::string& path) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close_v2(db);
        return Error{"cannot open SQLite warehouse " + path + ": " + msg};
    }
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    sqlite3_extended_result_codes(db, 0);
    registerSqliteRegexp(db);  // checks' `matches` (and any question) may use REGEXP
    auto w = std::make_unique<SqliteWarehouse>(db, path);
    // WAL: readers (dashboard cards) run while an import writes. Switching a file to WAL needs an
    // exclusive lock, and SQLite answers SQLITE_BUSY at once, without its busy handler, when
    // another connection opening at the same moment holds a shared lock (the GUI's schema load
    // and a query starting together): retry for as long as the busy timeout would have waited.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
    for (int attempt = 0;; ++attempt) {
        // journal_size_limit: after a big import is checkpointed, the WAL file shrinks back.
        auto s = w->execute(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
            "PRAGMA journal_size_limit=67108864",
            {});
        if (s) break;
        if (sqlite3_errcode(db) != SQLITE_BUSY || std::chrono::steady_clock::now() > deadline)
            return Error{"cannot open SQLite warehouse " + path + ": " + s.message()};
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(1 << std::min(attempt, 6), 50)));
    }
    return std::unique_ptr<Warehouse>(std::move(w));
}

}  // namespace deskbase
