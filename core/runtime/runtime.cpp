#include "core/runtime/runtime.h"

#include <algorithm>
#include <filesystem>
#include <thread>

#include "core/runtime/interrupter.h"
#include "core/runtime/worker_pool.h"
#include "core/warehouse/warehouse.h"
#include "core/workspace/workspace.h"

namespace deskbase {

Runtime::Runtime(RuntimeOptions options)
    : interrupter_(std::make_unique<Interrupter>()),
      connections_(std::make_unique<ConnectionPool>(options.maxIdlePerTarget)) {
    const int queryThreads = options.queryThreads > 0 ? options.queryThreads
                                                      : std::max(4, int(std::thread::hardware_concurrency()));
    queryWorkers_ = std::make_unique<WorkerPool>(queryThreads);
    jobWorkers_ = std::make_unique<WorkerPool>(std::max(1, options.jobThreads));
    executor_ = std::make_unique<QueryExecutor>(*queryWorkers_, *interrupter_, *connections_);
    jobs_ =
        std::make_unique<JobQueue>(*jobWorkers_, *interrupter_, *connections_, options.writersPerWarehouse);
    setCache(options.cache);
}

Runtime::~Runtime() {
    executor_->shutdown();
    jobs_->shutdown();
    // The workers end what they hold (cancelled runs end at their next block, a job at its next
    // check) and run the tasks still queued, which find their runs cancelled.
    jobWorkers_.reset();
    queryWorkers_.reset();
    jobs_.reset();
    executor_.reset();
    interrupter_.reset();  // after everything that could ask it for an interrupt
    connections_.reset();
}

CacheOptions Runtime::cacheOptionsFor(const Workspace& workspace) {
    CacheOptions c;
    c.dir = workspace.cacheDir();
    c.maxMemoryBytes = workspace.settings().cacheMemoryBytes;
    c.maxDiskBytes = workspace.settings().cacheDiskBytes;
    return c;
}

RuntimeOptions Runtime::optionsFor(const Workspace& workspace) {
    RuntimeOptions o;
    o.cache = cacheOptionsFor(workspace);
    return o;
}

std::optional<CacheOptions> Runtime::commandLineCache(const Workspace* workspace, const std::string& target) {
    if (workspace) return cacheOptionsFor(*workspace);
    if (Warehouse::isPostgresTarget(target)) return std::nullopt;
    CacheOptions c;
    c.dir = (std::filesystem::absolute(target).parent_path() / ".deskbase" / "cache").string();
    return c;
}

void Runtime::setCache(const std::optional<CacheOptions>& options) {
    executor_->setCache(options ? std::make_shared<ResultCache>(*options) : nullptr);
}

}  // namespace deskbase
