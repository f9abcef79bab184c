#pragma once
// One libpq connection shared by the PostgreSQL warehouse and the cursors / COPY writers it hands
// out (shared ownership, so a cursor that outlives its warehouse stays safe).
//
// libpq allows one command in flight per connection. A streaming cursor or a COPY keeps the
// connection busy until it is drained; the session remembers that "busy holder" and makes it
// let go (drain, or cancel then drain) before the next command is sent.
#include <libpq-fe.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "core/util/result.h"
#include "core/warehouse/postgres_engine.h"

namespace deskbase::pg {

struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

// Something that keeps the connection busy between calls (a streaming cursor, a COPY).
class BusyHolder {
public:
    virtual ~BusyHolder() = default;
    // Bring the connection back to idle now; later calls on the holder report `reason`.
    virtual void release(const std::string& reason) = 0;
};

class Session {
public:
    // Connects; `conninfo` is a URI or keyword string. Errors are one line, without secrets.
    static Result<std::shared_ptr<Session>> connect(const std::string& conninfo);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    PGconn* conn() const { return conn_; }
    std::string identity() const { return identity_; }
    // Told apart at connect from version() (postgres_engine.h).
    Engine engine() const { return engine_; }
    std::string serverVersion() const { return version_; }

    // Before sending a command: releases the current busy holder (if any), clears a stale
    // cancel request and marks a command as in flight (so cancel() has something to stop).
    void beginCommand();
    void endCommand() { inFlight_.store(false); }
    void setBusy(BusyHolder* holder) { busy_ = holder; }
    void clearBusy(BusyHolder* holder) {
        if (busy_ == holder) busy_ = nullptr;
    }

    // Thread-safe: sends a cancel request when a command is in flight; otherwise a no-op.
    void cancel();
    bool cancelRequested() const { return cancelRequested_.load(); }
    // Sends a cancel request without marking the running call as cancelled by the user
    // (used to stop a result nobody reads any more).
    void cancelQuietly();

    // Explicit transaction state (begin/commit/rollback): an abandoned cursor inside a
    // transaction is drained rather than cancelled, because a cancel would abort the transaction.
    void setInTransaction(bool v) { inTransaction_ = v; }
    bool inTransaction() const { return inTransaction_; }

    // The error of a failed result (or of the connection), one line; "cancelled" after cancel().
    std::string errorOf(const PGresult* result) const;
    std::string connectionError() const;

    // Reads and discards every pending result (after a cancel or on error), ends the command.
    void drainResults();

private:
    Session(PGconn* conn, PGcancel* cancel, std::string identity);
    void reconnectIfLost();

    PGconn* conn_;
    std::mutex cancelMutex_;  // guards cancel_ between cancel() and the destructor
    PGcancel* cancel_;
    std::string identity_;
    Engine engine_ = Engine::PostgreSQL;
    std::string version_;
    BusyHolder* busy_ = nullptr;
    bool inTransaction_ = false;
    std::atomic<bool> inFlight_{false};
    std::atomic<bool> cancelRequested_{false};
};

// First line of a libpq message, without "ERROR:  "-style prefixes or trailing newline.
std::string firstLine(const char* message);

}  // namespace deskbase::pg
