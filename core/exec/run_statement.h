#pragma once
// What one executor run does on its connection: serve a fresh cache entry, or run the statement
// (streaming or keeping up to the preview limit), store the result, and keep caches honest
// about writes. A write to tables Deskbase recognizes runs in a transaction with the bump of
// their data versions, so it either changes nothing (an error, an interrupt) or commits together
// with the bump, also when a cancel arrives after the statement has done its work; a write to
// tables it cannot name purges the cache, however it ends.
#include <atomic>
#include <cstdint>

#include "core/exec/query_executor.h"

namespace deskbase {

struct StatementOutcome {
    Result<QueryResult> result{Error{"not run"}};
    bool committedWrite = false;  // a write that took effect: not to be reported as cancelled
};

// `cacheEpoch` is cache->epoch() when the run was submitted: a purge since then means the result
// may predate a write the purge was for, and it is not stored.
StatementOutcome runStatement(Warehouse& w, const QueryRequest& request, ResultCache* cache,
                              std::uint64_t cacheEpoch, const std::atomic<bool>& cancelled);

}  // namespace deskbase
