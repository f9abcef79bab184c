#include "core/pipeline/retry.h"

#include <QString>

namespace deskbase {

namespace {

// SQLite's and libpq's own words for a warehouse that is away or busy.
const char* const kTransient[] = {
    "database is locked",           // SQLITE_BUSY
    "database table is locked",     // SQLITE_LOCKED
    "connection refused",           // libpq: no server listening
    "could not connect to server",  // libpq before 14
    "is the server running",        // libpq: no socket
    "server closed the connection unexpectedly",
    "terminating connection due to administrator command",
    "the database system is starting up",
    "the database system is shutting down",
    "no connection to the server",
    "timeout expired",
};

}  // namespace

bool isTransientError(const std::string& message) {
    const QString m = QString::fromStdString(message).toLower();
    for (const char* t : kTransient)
        if (m.contains(QLatin1String(t))) return true;
    return false;
}

std::optional<double> retryDelay(const RetryPolicy& policy, int attempt, const std::string& error) {
    if (attempt > policy.retries || !isTransientError(error)) return std::nullopt;
    return policy.delaySeconds;
}

std::string retryLine(const std::string& name, const std::string& error, double delaySeconds, int nextAttempt,
                      const RetryPolicy& policy) {
    return name + ": " + error + "; again in " + QString::number(delaySeconds).toStdString() +
           " s (attempt " + std::to_string(nextAttempt) + " of " + std::to_string(policy.retries + 1) + ")";
}

}  // namespace deskbase
