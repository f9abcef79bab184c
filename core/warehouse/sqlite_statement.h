#pragma once
// RAII owner of a prepared SQLite statement.
#include <sqlite3.h>

#include <utility>

namespace deskbase {

class SqliteStatement {
public:
    SqliteStatement() = default;
    explicit SqliteStatement(sqlite3_stmt* s) : s_(s) {}
    SqliteStatement(SqliteStatement&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
    SqliteStatement& operator=(SqliteStatement&& o) noexcept {
        if (this != &o) { sqlite3_finalize(s_); s_ = std::exchange(o.s_, nullptr); }
        return *this;
    }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    ~SqliteStatement() { sqlite3_finalize(s_); }
    sqlite3_stmt* get() const { return s_; }

private:
    sqlite3_stmt* s_ = nullptr;
};

}  // namespace deskbase
