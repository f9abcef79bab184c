#pragma once
// A small per-target pool of idle Warehouse connections: each running query borrows one
// (a Warehouse is used by one thread at a time) and gives it back when done.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/warehouse/warehouse.h"

namespace deskbase {

class ConnectionPool {
public:
    explicit ConnectionPool(std::size_t maxIdlePerTarget = 4) : maxIdle_(maxIdlePerTarget) {}

    // An idle connection to `target`, or a newly opened one. Thread-safe.
    Result<std::unique_ptr<Warehouse>> acquire(const std::string& target);
    // Returns a connection for reuse (closed when the pool for its target is full). Thread-safe.
    void release(const std::string& target, std::unique_ptr<Warehouse> connection);
    void clear();  // closes all idle connections

private:
    std::size_t maxIdle_;
    std::mutex mutex_;
    std::map<std::string, std::vector<std::unique_ptr<Warehouse>>> idle_;
};

}  // namespace deskbase
