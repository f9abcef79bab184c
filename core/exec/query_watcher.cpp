#include "core/exec/query_watcher.h"

#include <QMetaObject>

#include <mutex>

namespace deskbase {

struct QueryWatcher::Link {
    std::mutex mutex;
    QueryWatcher* watcher = nullptr;
};

QueryWatcher::QueryWatcher(QueryExecutor& executor, QObject* parent)
    : QObject(parent), executor_(executor), link_(std::make_shared<Link>()) {
    link_->watcher = this;
}

QueryWatcher::~QueryWatcher() {
    std::lock_guard lock(link_->mutex);
    link_->watcher = nullptr;  // later callbacks post nothing; events already posted die with us
}

QueryHandle QueryWatcher::submit(QueryRequest request) {
    auto link = link_;
    auto inner = std::move(request.onDone);
    request.onDone = [link, inner](const QueryHandle& handle) {
        if (inner) inner(handle);
        std::lock_guard lock(link->mutex);
        if (QueryWatcher* w = link->watcher)  // alive while we hold the mutex; posting is thread-safe
            QMetaObject::invokeMethod(w, [w, handle] { emit w->finished(handle); }, Qt::QueuedConnection);
    };
    return executor_.submit(std::move(request));
}

}  // namespace deskbase
