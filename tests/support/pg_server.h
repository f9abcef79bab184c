#pragma once
// A throwaway PostgreSQL server for tests and benchmarks: initdb into a temporary folder,
// listening only on 127.0.0.1 on a free port (unix socket inside the folder), trust auth,
// fsync off. Run as the `postgres` system user when the tests run as root. Stopped
// (pg_ctl stop -m immediate) and removed when the object goes away.
#include <QTemporaryDir>
#include <memory>
#include <string>

#include "core/util/result.h"

namespace deskbase::test {

class PgServer {
public:
    // Starts a server; the error says why it could not (missing binaries, initdb/pg_ctl output).
    static Result<std::unique_ptr<PgServer>> start();
    ~PgServer();
    PgServer(const PgServer&) = delete;
    PgServer& operator=(const PgServer&) = delete;

    // libpq URI of a database on the server (the superuser is "postgres", trust auth).
    std::string uri(const std::string& database = "postgres") const;
    int port() const { return port_; }
    std::string binDir() const { return binDir_; }
    // Puts `rule` first in pg_hba.conf (e.g. to require a password for one role); the caller
    // then runs SELECT pg_reload_conf().
    Status prependHbaRule(const std::string& rule);
    // Stops the server now (immediate mode, like a crash); the destructor then only cleans up.
    Status stop();
    // Starts a stopped server again on the same data and port.
    Status restart();
    // The postmaster's process id (from postmaster.pid), 0 when not running. A test may pause it
    // (SIGSTOP) to play an unresponsive server; it must send SIGCONT before the server is stopped.
    qint64 postmasterPid() const;

private:
    PgServer() = default;
    Status runTool(const std::string& tool, const std::vector<std::string>& args, int timeoutMs,
                   std::string* output = nullptr) const;

    std::unique_ptr<QTemporaryDir> dir_;
    std::string binDir_;
    std::string dataDir_;
    bool asPostgresUser_ = false;
    void startWatchdog();

    bool running_ = false;
    int port_ = 0;
    qint64 watchdogPid_ = 0;
};

// A TCP port on 127.0.0.1 nobody listens on right now.
int freeLoopbackPort();

}  // namespace deskbase::test
