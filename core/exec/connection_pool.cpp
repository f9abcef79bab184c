#include "core/exec/connection_pool.h"

namespace deskbase {

Result<std::unique_ptr<Warehouse>> ConnectionPool::acquire(const std::string& target) {
    {
        std::lock_guard lock(mutex_);
        auto it = idle_.find(target);
        if (it != idle_.end() && !it->second.empty()) {
            auto w = std::move(it->second.back());
            it->second.pop_back();
            return w;
        }
    }
    return Warehouse::open(target);  // outside the lock: opening a PostgreSQL connection takes a while
}

void ConnectionPool::release(const std::string& target, std::unique_ptr<Warehouse> connection) {
    if (!connection) return;
    std::unique_ptr<Warehouse> surplus;  // closed outside the lock
    std::lock_guard lock(mutex_);
    auto& list = idle_[target];
    if (list.size() < maxIdle_) list.push_back(std::move(connection));
    else surplus = std::move(connection);
}

void ConnectionPool::clear() {
    std::map<std::string, std::vector<std::unique_ptr<Warehouse>>> closing;
    std::lock_guard lock(mutex_);
    closing.swap(idle_);
}

}  // namespace deskbase
