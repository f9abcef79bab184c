#pragma once
// One runtime per open workspace: the worker pools (queries; long jobs), the per-target
// connection pools, the query executor, the result cache, the job queue and the interrupter
// thread. Every page, dashboard, chart, grid, copy, export and import of the workspace borrows
// it; nothing else starts a thread. Whoever opens the workspace creates it (the GUI's
// WorkspaceController, a CLI verb, a test) and keeps it alive longer than everything that
// borrows it. See docs/architecture.md, "Threading".
#include <cstddef>
#include <memory>
#include <optional>

#include "core/cache/result_cache.h"
#include "core/exec/connection_pool.h"
#include "core/exec/query_executor.h"
#include "core/runtime/job_queue.h"

namespace deskbase {

class Interrupter;
class Workspace;
class WorkerPool;

struct RuntimeOptions {
    int queryThreads = 0;               // executor workers; 0 = max(4, hardware threads)
    int jobThreads = 4;                 // long jobs (imports, exports, copies, schema loads)
    int writersPerWarehouse = 1;        // jobs writing one warehouse at a time
    std::size_t maxIdlePerTarget = 8;   // idle connections kept per warehouse
    std::optional<CacheOptions> cache;  // none: results are not cached
};

class Runtime {
public:
    explicit Runtime(RuntimeOptions options = {});
    // Cancels every run and job, lets the workers finish what they hold (an interrupted statement,
    // an import rolling back) and joins them.
    ~Runtime();
    Runtime(const Runtime&) = delete;
    Runtime& operator=(const Runtime&) = delete;

    // The workspace's cache (<workspace>/.deskbase/cache, its memory and disk limits).
    static CacheOptions cacheOptionsFor(const Workspace& workspace);
    static RuntimeOptions optionsFor(const Workspace& workspace);
    // The cache of a command-line run: the workspace's when there is one; else beside a SQLite
    // file (<its folder>/.deskbase/cache); none for PostgreSQL without a workspace.
    static std::optional<CacheOptions> commandLineCache(const Workspace* workspace,
                                                        const std::string& target);

    QueryExecutor& executor() { return *executor_; }
    JobQueue& jobs() { return *jobs_; }
    ConnectionPool& connections() { return *connections_; }
    // The cache runs use now (null: none). Shared: a run keeps the cache it started with.
    std::shared_ptr<ResultCache> cache() const { return executor_->cache(); }
    // Another workspace was opened: later runs use its cache (none when nullopt).
    void setCache(const std::optional<CacheOptions>& options);

private:
    std::unique_ptr<Interrupter> interrupter_;
    std::unique_ptr<ConnectionPool> connections_;
    std::unique_ptr<WorkerPool> queryWorkers_;
    std::unique_ptr<WorkerPool> jobWorkers_;
    std::unique_ptr<QueryExecutor> executor_;
    std::unique_ptr<JobQueue> jobs_;
};

}  // namespace deskbase
