#include "core/warehouse/write_turn.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "core/warehouse/warehouse.h"

namespace deskbase {

namespace {

constexpr char kSqliteBusy[] = "database is locked";  // sqlite3_errstr(SQLITE_BUSY)

Result<std::int64_t> firstInteger(Warehouse& w, const std::string& sql) {
    auto c = w.query(sql);
    if (!c) return Error{c.message()};
    std::vector<Row> rows;
    if (auto n = (*c)->fetch(rows, 1); !n) return Error{n.message()};
    if (rows.empty() || !std::holds_alternative<std::int64_t>(rows[0][0]))
        return Error{"no value from " + sql};
    return std::get<std::int64_t>(rows[0][0]);
}

Status takeTurn(Warehouse& w, const std::function<Status()>& begin, const std::function<bool()>& keepWaiting) {
    if (w.kind() != Warehouse::Kind::SQLite) return begin();
    // Each try waits briefly in SQLite's own busy handler, so keepWaiting (a Cancel) is heard
    // while another connection's import holds the write lock for minutes.
    auto previous = firstInteger(w, "PRAGMA busy_timeout");
    if (!previous) return previous.status();
    if (auto s = w.execute("PRAGMA busy_timeout = 20"); !s) return s;
    Status s = begin();
    while (!s && s.message() == kSqliteBusy && (!keepWaiting || keepWaiting())) s = begin();
    (void)w.execute("PRAGMA busy_timeout = " + std::to_string(*previous));
    return s;
}

}  // namespace

Status beginWriteTurn(Warehouse& w, Transaction& tx, const std::function<bool()>& keepWaiting) {
    return takeTurn(w, [&] { return tx.begin(); }, keepWaiting);
}

Status beginWriteTurn(Warehouse& w, const std::function<bool()>& keepWaiting) {
    return takeTurn(w, [&] { return w.begin(); }, keepWaiting);
}

Status lockUntilCommit(Warehouse& w, const std::string& key, const std::function<bool()>& keepWaiting) {
    if (w.kind() != Warehouse::Kind::PostgreSQL) return Status::ok();
    for (int attempt = 0;; ++attempt) {
        auto c = w.query("SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0))", {Value{key}});
        if (!c) return c.status();
        std::vector<Row> rows;
        if (auto n = (*c)->fetch(rows, 1); !n) return n.status();
        if (!rows.empty() && rows[0][0] == Value{true}) return Status::ok();
        if (keepWaiting && !keepWaiting()) return Status::fail("cancelled");
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(1 << std::min(attempt, 6), 50)));
    }
}

}  // namespace deskbase
