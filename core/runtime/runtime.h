#pragma once
// One runtime per open workspace: the query executor (its workers and per-target connection
// pools) and the result cache that every page, dashboard and command of the workspace borrows.
// Whoever opens the workspace (the GUI's WorkspaceController, a CLI verb, a test) creates it and
// keeps it alive longer than everything that borrows it. Two dashboards over the same question
// share one cache entry because they share this runtime.
#include <cstddef>
#include <memory>
#include <optional>

#include "core/cache/result_cache.h"
#include "core/exec/query_executor.h"

namespace deskbase {

class Workspace;

struct RuntimeOptions {
    int queryThreads = 0;               // executor workers; 0 = max(4, hardware threads)
    std::size_t maxIdlePerTarget = 8;   // idle connections kept per warehouse
    std::optional<CacheOptions> cache;  // none: results are not cached
};

class Runtime {
public:
    explicit Runtime(RuntimeOptions options = {});
    ~Runtime();  // cancels every run and waits for the workers
    Runtime(const Runtime&) = delete;
    Runtime& operator=(const Runtime&) = delete;

    // The workspace's cache (<workspace>/.deskbase/cache, its memory and disk limits).
    static CacheOptions cacheOptionsFor(const Workspace& workspace);
    static RuntimeOptions optionsFor(const Workspace& workspace);

    QueryExecutor& executor() { return *executor_; }
    // The cache runs use now (null: none). Shared: a run keeps the cache it started with.
    std::shared_ptr<ResultCache> cache() const { return executor_->sharedCache(); }
    // Another workspace was opened: later runs use its cache (none when nullopt).
    void setCache(const std::optional<CacheOptions>& options);

private:
    std::unique_ptr<QueryExecutor> executor_;
};

}  // namespace deskbase
