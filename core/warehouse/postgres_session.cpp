#include "core/warehouse/postgres_session.h"

#include <cstdlib>
#include <cstring>

#include "core/sql/error_position.h"

namespace deskbase::pg {

std::string firstLine(const char* message) {
    if (!message) return {};
    std::string s(message);
    const auto nl = s.find('\n');
    if (nl != std::string::npos) s.resize(nl);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.pop_back();
    // The severity prefix opens a server's message, or follows libpq's "connection to server at
    // ... failed: " when the server refused the login (a wrong password).
    for (const char* prefix : {"ERROR:  ", "FATAL:  ", "PANIC:  "}) {
        if (s.rfind(prefix, 0) == 0) s.erase(0, std::strlen(prefix));
        const std::string inner = std::string(": ") + prefix;
        if (const auto at = s.find(inner); at != std::string::npos) s.erase(at + 2, inner.size() - 2);
    }
    return s;
}

namespace {

// Notices ("table does not exist, skipping") would otherwise be printed on stderr by libpq.
void ignoreNotice(void*, const char*) {}

// What every new (or re-established) connection gets before use.
Status prepareConnection(PGconn* conn) {
    PQsetNoticeProcessor(conn, ignoreNotice, nullptr);
    // Dates and timestamps come back as ISO text ("2020-01-31", "2020-01-31 13:45:00").
    ResultPtr set(PQexec(conn, "SET DateStyle = 'ISO, YMD'"));
    if (PQresultStatus(set.get()) != PGRES_COMMAND_OK)
        return Status::fail(firstLine(PQresultErrorMessage(set.get())));
    return Status::ok();
}

// One value of a one-row query; empty when it fails (an engine without the catalog asked for).
std::string scalarText(PGconn* conn, const char* sql) {
    ResultPtr r(PQexec(conn, sql));
    if (PQresultStatus(r.get()) != PGRES_TUPLES_OK || PQntuples(r.get()) < 1 || PQgetisnull(r.get(), 0, 0))
        return {};
    return PQgetvalue(r.get(), 0, 0);
}

}  // namespace

Result<std::shared_ptr<Session>> Session::connect(const std::string& conninfo) {
    // Defaults come first so anything in the user's string overrides them (libpq processes the
    // expanded dbname entry in order). connect_timeout keeps an unreachable host from hanging.
    const char* keywords[] = {"connect_timeout", "client_encoding", "fallback_application_name", "dbname",
                              nullptr};
    const char* values[] = {"10", "UTF8", "deskbase", conninfo.c_str(), nullptr};
    PGconn* conn = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
    if (!conn) return Error{"cannot connect to PostgreSQL: out of memory"};
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string msg = firstLine(PQerrorMessage(conn));
        PQfinish(conn);
        return Error{"cannot connect to PostgreSQL: " + (msg.empty() ? std::string("unknown error") : msg)};
    }
    if (auto s = prepareConnection(conn); !s) {
        PQfinish(conn);
        return Error{"cannot set up the PostgreSQL session: " + s.message()};
    }
    const char* host = PQhost(conn);
    std::string identity = std::string("postgresql://") + PQuser(conn) + "@" + (host ? host : "") + ":" +
                           PQport(conn) + "/" + PQdb(conn);
    auto session = std::shared_ptr<Session>(new Session(conn, PQgetCancel(conn), std::move(identity)));
    // The engine decides the bulk-load path. Citus shows only as its extension (plain
    // PostgreSQL's version()); the other engines have no citus, and Redshift no pg_extension.
    session->version_ = scalarText(conn, "SELECT version()");
    const Engine engine = detectEngine(session->version_, false);
    const bool citus = engine == Engine::PostgreSQL &&
                       scalarText(conn, "SELECT 1 FROM pg_extension WHERE extname = 'citus'") == "1";
    session->engine_ = detectEngine(session->version_, citus);
    return session;
}

Session::Session(PGconn* conn, PGcancel* cancel, std::string identity)
    : conn_(conn), cancel_(cancel), identity_(std::move(identity)) {}

Session::~Session() {
    std::lock_guard lock(cancelMutex_);
    if (cancel_) PQfreeCancel(cancel_);
    cancel_ = nullptr;
    PQfinish(conn_);
}

void Session::beginCommand() {
    if (busy_) {
        BusyHolder* holder = busy_;
        busy_ = nullptr;
        holder->release("another statement ran on this connection before the result was read");
    }
    reconnectIfLost();
    cancelRequested_.store(false);
    inFlight_.store(true);
}

void Session::reconnectIfLost() {
    // The failed call already reported the loss. Outside a transaction the next statement may
    // run on a new connection; inside one it must fail (a silent new session would let a
    // COMMIT "succeed" with the transaction's work gone) until the caller rolls back.
    if (PQstatus(conn_) != CONNECTION_BAD || inTransaction_) return;
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK || !prepareConnection(conn_)) return;
    PGcancel* fresh = PQgetCancel(conn_);  // the new backend has a new cancel key
    std::lock_guard lock(cancelMutex_);
    if (cancel_) PQfreeCancel(cancel_);
    cancel_ = fresh;
}

void Session::cancel() {
    std::lock_guard lock(cancelMutex_);
    if (!inFlight_.load() || !cancel_) return;
    cancelRequested_.store(true);
    char err[256];
    PQcancel(cancel_, err, int(sizeof err));
}

void Session::cancelQuietly() {
    std::lock_guard lock(cancelMutex_);
    if (!cancel_) return;
    char err[256];
    PQcancel(cancel_, err, int(sizeof err));
}

std::string Session::connectionError() const {
    std::string msg = firstLine(PQerrorMessage(conn_));
    if (msg.empty()) msg = "lost the connection to the PostgreSQL server";
    return msg;
}

std::string Session::errorOf(const PGresult* result) const {
    if (cancelRequested_.load()) return "cancelled";
    std::string msg;
    if (result) {
        if (const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY))
            msg = firstLine(primary);
        if (msg.empty()) msg = firstLine(PQresultErrorMessage(result));
        // 1-based characters into the statement, as error_position.h counts.
        if (const char* pos = PQresultErrorField(result, PG_DIAG_STATEMENT_POSITION); pos && !msg.empty())
            if (const int p = std::atoi(pos); p > 0) msg = withErrorPosition(msg, std::size_t(p - 1));
    }
    if (msg.empty()) msg = connectionError();
    if (PQstatus(conn_) == CONNECTION_BAD && msg.find("connection") == std::string::npos)
        msg = "lost the connection to the PostgreSQL server: " + msg;
    return msg;
}

void Session::drainResults() {
    while (PGresult* r = PQgetResult(conn_)) {
        const ExecStatusType st = PQresultStatus(r);
        PQclear(r);
        // A COPY we did not ask for: end it so the connection returns to idle.
        if (st == PGRES_COPY_IN)
            PQputCopyEnd(conn_, "COPY FROM STDIN is not supported here");
        else if (st == PGRES_COPY_OUT) {
            char* buf = nullptr;
            while (PQgetCopyData(conn_, &buf, 0) > 0) PQfreemem(buf);
        }
        if (PQstatus(conn_) == CONNECTION_BAD) break;
    }
    endCommand();
}

}  // namespace deskbase::pg
