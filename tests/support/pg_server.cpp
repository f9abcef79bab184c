#include "tests/support/pg_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <algorithm>
#include <filesystem>

namespace deskbase::test {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// pg_config --bindir, else the newest /usr/lib/postgresql/<version>/bin holding initdb.
std::string findBinDir() {
    QProcess p;
    p.start(QStringLiteral("pg_config"), {QStringLiteral("--bindir")});
    if (p.waitForFinished(5000) && p.exitCode() == 0) {
        const std::string dir = p.readAllStandardOutput().trimmed().toStdString();
        if (std::filesystem::exists(dir + "/initdb")) return dir;
    }
    std::vector<std::pair<int, std::string>> found;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", ec)) {
        const auto bin = entry.path() / "bin";
        if (std::filesystem::exists(bin / "initdb")) {
            int version = std::atoi(entry.path().filename().c_str());
            found.emplace_back(version, bin.string());
        }
    }
    if (found.empty()) return {};
    return std::max_element(found.begin(), found.end())->second;
}

std::string lastLines(const std::string& text, int n) {
    std::size_t pos = text.size();
    while (n-- > 0 && pos > 0) {
        pos = text.rfind('\n', pos - 1);
        if (pos == std::string::npos) return text;
    }
    return text.substr(pos + 1);
}

std::string readFile(const std::string& path) {
    QFile f(q(path));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll().toStdString();
}

}  // namespace

int freeLoopbackPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

Status PgServer::runTool(const std::string& tool, const std::vector<std::string>& args, int timeoutMs,
                         std::string* output) const {
    QStringList list;
    QString program = q(binDir_ + "/" + tool);
    if (asPostgresUser_) {
        // initdb and the server refuse to run as root.
        list << QStringLiteral("-u") << QStringLiteral("postgres") << QStringLiteral("--") << program;
        program = QStringLiteral("runuser");
    }
    for (const auto& a : args) list << q(a);
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(dir_->path());
    p.start(program, list);
    if (!p.waitForStarted(10000)) return Status::fail("cannot run " + program.toStdString());
    const bool finished = p.waitForFinished(timeoutMs);
    const std::string out = p.readAll().toStdString();
    if (output) *output = out;
    if (!finished) {
        p.kill();
        p.waitForFinished();
        return Status::fail(tool + " timed out: " + lastLines(out, 5));
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return Status::fail(tool + " failed (exit " + std::to_string(p.exitCode()) +
                            "): " + lastLines(out, 5));
    return Status::ok();
}

Result<std::unique_ptr<PgServer>> PgServer::start() {
    std::unique_ptr<PgServer> server(new PgServer());
    // Under /tmp when root: the postgres user must be able to reach the folder.
    const bool root = ::geteuid() == 0;
    server->dir_ =
        std::make_unique<QTemporaryDir>(root ? QStringLiteral("/tmp/deskbase-pg-XXXXXX")
                                             : QDir::tempPath() + QStringLiteral("/deskbase-pg-XXXXXX"));
    if (!server->dir_->isValid()) return Error{"PostgreSQL test server: cannot create a temporary folder"};
    server->binDir_ = findBinDir();
    if (server->binDir_.empty())
        return Error{
            "PostgreSQL test server: no initdb found (pg_config --bindir, /usr/lib/postgresql/*/bin); "
            "install the postgresql package"};
    const std::string folder = server->dir_->path().toStdString();
    server->dataDir_ = folder + "/data";

    if (root) {
        const passwd* pw = ::getpwnam("postgres");
        if (!pw)
            return Error{
                "PostgreSQL test server: running as root and there is no 'postgres' user to run the "
                "server as (install the postgresql package)"};
        if (::chown(folder.c_str(), pw->pw_uid, pw->pw_gid) != 0)
            return Error{"PostgreSQL test server: cannot hand " + folder + " to the postgres user"};
        server->asPostgresUser_ = true;
    }

    server->startWatchdog();  // from here on, a killed test leaves nothing behind

    if (auto s = server->runTool("initdb",
                                 {"-D", server->dataDir_, "-U", "postgres", "--auth=trust", "--no-sync",
                                  "--encoding=UTF8", "--locale=C", "--no-instructions"},
                                 120000);
        !s)
        return Error{"PostgreSQL test server: " + s.message()};

    // Settings for a fast, private, disposable server.
    const std::string logFile = folder + "/server.log";
    std::string lastError;
    for (int attempt = 0; attempt < 3; ++attempt) {
        server->port_ = freeLoopbackPort();
        if (server->port_ == 0) return Error{"PostgreSQL test server: no free port on 127.0.0.1"};
        QFile conf(q(server->dataDir_ + "/postgresql.auto.conf"));
        if (!conf.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Error{"PostgreSQL test server: cannot write postgresql.auto.conf"};
        const std::string settings =
            "listen_addresses = '127.0.0.1'\n"
            "port = " +
            std::to_string(server->port_) +
            "\n"
            "unix_socket_directories = '" +
            folder +
            "'\n"
            "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
            "max_connections = 30\nshared_buffers = 128MB\nmax_wal_size = 2GB\n"
            "logging_collector = off\n";
        conf.write(settings.data(), qint64(settings.size()));
        conf.close();
        std::string output;
        auto s = server->runTool("pg_ctl", {"start", "-D", server->dataDir_, "-w", "-t", "60", "-l", logFile},
                                 90000, &output);
        if (s) {
            server->running_ = true;
            return server;
        }
        lastError = s.message() + " | server log: " + lastLines(readFile(logFile), 3);
        // The port may have been taken between choosing and binding: try another one.
    }
    return Error{"PostgreSQL test server did not start: " + lastError};
}

Status PgServer::prependHbaRule(const std::string& rule) {
    const std::string path = dataDir_ + "/pg_hba.conf";
    const std::string content = rule + "\n" + readFile(path);
    QFile f(q(path));  // rewritten in place, so the file keeps its owner
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(content.data(), qint64(content.size())) != qint64(content.size()))
        return Status::fail("cannot write " + path);
    return Status::ok();
}

Status PgServer::stop() {
    if (!running_) return Status::ok();
    running_ = false;
    return runTool("pg_ctl", {"stop", "-D", dataDir_, "-m", "immediate", "-w", "-t", "30"}, 60000);
}

qint64 PgServer::postmasterPid() const {
    const std::string text = readFile(dataDir_ + "/postmaster.pid");  // first line: the pid
    return running_ && !text.empty() ? qint64(std::atoll(text.c_str())) : 0;
}

Status PgServer::restart() {
    if (running_) return Status::ok();
    auto s = runTool(
        "pg_ctl",
        {"start", "-D", dataDir_, "-w", "-t", "60", "-l", dir_->path().toStdString() + "/server.log"}, 90000);
    running_ = s.isOk();
    return s;
}

void PgServer::startWatchdog() {
    // If this process dies without running the destructor (a test killed on timeout, a crash),
    // a detached shell notices and stops the server and removes its folder: no orphaned servers.
    const std::string folder = dir_->path().toStdString();
    const std::string asUser = asPostgresUser_ ? "runuser -u postgres -- " : "";
    // Two passes: an initdb or pg_ctl start orphaned by the kill may still be finishing.
    const std::string cleanup = asUser + "'" + binDir_ + "/pg_ctl' stop -D '" + dataDir_ +
                                "' -m immediate >/dev/null 2>&1; rm -rf '" + folder + "'; ";
    const std::string script = "while kill -0 " + std::to_string(::getpid()) +
                               " 2>/dev/null; do sleep 1; done; " + "sleep 2; " + cleanup + "sleep 5; " +
                               cleanup;
    QProcess watchdog;
    watchdog.setProgram(QStringLiteral("/bin/sh"));
    watchdog.setArguments({QStringLiteral("-c"), q(script)});
    watchdog.setStandardInputFile(QProcess::nullDevice());
    watchdog.setStandardOutputFile(QProcess::nullDevice());
    watchdog.setStandardErrorFile(QProcess::nullDevice());
    qint64 pid = 0;
    if (watchdog.startDetached(&pid)) watchdogPid_ = pid;
}

PgServer::~PgServer() {
    if (watchdogPid_ > 0) ::kill(pid_t(watchdogPid_), SIGTERM);  // we clean up ourselves
    stop();
    // QTemporaryDir removes the folder (root may delete the postgres-owned files).
}

std::string PgServer::uri(const std::string& database) const {
    return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

}  // namespace deskbase::test
