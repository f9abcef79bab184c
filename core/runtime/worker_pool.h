#pragma once
// A fixed set of worker threads running posted tasks in order. The runtime keeps two: one for
// query runs, one for long jobs, so a long import never takes the threads dashboards need.
// Tasks must not throw. The destructor runs the tasks still queued, then joins the threads.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace deskbase {

class WorkerPool {
public:
    explicit WorkerPool(int threads);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    void post(std::function<void()> task);  // thread-safe
    int threads() const { return int(threads_.size()); }

private:
    void loop();

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> tasks_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace deskbase
