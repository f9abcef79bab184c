#pragma once
// Qt glue for the executor (Qt6::Core only): submits runs and emits finished() in the watcher's
// own thread (e.g. the GUI thread), so widgets need no locking. Deleting the watcher is safe while
// runs are in flight: their notifications are dropped (the runs are not cancelled; use slot keys).
#include <QObject>

#include <memory>

#include "core/exec/query_executor.h"

namespace deskbase {

class QueryWatcher : public QObject {
    Q_OBJECT
public:
    explicit QueryWatcher(QueryExecutor& executor, QObject* parent = nullptr);
    ~QueryWatcher() override;

    // Submits `request` (its own onFinished, if any, still runs first, on the worker thread).
    QueryHandle submit(QueryRequest request);

signals:
    // Emitted in this object's thread once the run is done; handle.result() is ready.
    void finished(deskbase::QueryHandle handle);

private:
    struct Link;  // shared with in-flight callbacks: a mutex and a pointer cleared on destruction
    QueryExecutor& executor_;
    std::shared_ptr<Link> link_;
};

}  // namespace deskbase

Q_DECLARE_METATYPE(deskbase::QueryHandle)
