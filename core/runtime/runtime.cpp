#include "core/runtime/runtime.h"

#include "core/workspace/workspace.h"

namespace deskbase {

Runtime::Runtime(RuntimeOptions options) {
    ExecutorOptions eo;
    eo.threads = options.queryThreads;
    eo.maxIdlePerTarget = options.maxIdlePerTarget;
    executor_ = std::make_unique<QueryExecutor>(eo);
    setCache(options.cache);
}

Runtime::~Runtime() = default;

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

void Runtime::setCache(const std::optional<CacheOptions>& options) {
    executor_->setCache(options ? std::make_shared<ResultCache>(*options) : nullptr);
}

}  // namespace deskbase
