#pragma once
// Retries for transient failures (docs/sources.md "Retries"): a source or report run that failed
// because the SQLite file was locked by another program, or the PostgreSQL server was away, runs
// again after a delay, up to "retries" more times ("retries": 2, "retry_delay_seconds": 30 by
// default). A permanent failure (a parse error, a missing column, a bad file) is never retried.
// Each attempt is a run of its own in the run history, with its number (RunRecord::attempt).
#include <optional>
#include <string>

namespace deskbase {

struct RetryPolicy {
    int retries = 2;           // more attempts after the first; 0: none
    double delaySeconds = 30;  // between attempts
};

// Whether a one-line error says the warehouse was out of reach for a while (a lock, a refused or
// lost connection, a server starting or shutting down), not that the work itself is wrong.
bool isTransientError(const std::string& message);

// After attempt `attempt` (1 = the first) failed with `error`: the delay before the next one, or
// none when the error is permanent or the attempts are spent.
std::optional<double> retryDelay(const RetryPolicy& policy, int attempt, const std::string& error);

// "orders: database is locked; again in 30 s (attempt 2 of 3)": what a runner says when it waits.
std::string retryLine(const std::string& name, const std::string& error, double delaySeconds, int nextAttempt,
                      const RetryPolicy& policy);

}  // namespace deskbase
