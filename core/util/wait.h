#pragma once
// Waiting on a condition variable with the "-1 = forever" timeout the core's wait() calls take.
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace deskbase {

// Waits until done() holds (checked under `lock`). timeoutMs < 0 waits forever. True when done.
template <class Done>
bool waitUntil(std::condition_variable& cv, std::unique_lock<std::mutex>& lock, int timeoutMs, Done done) {
    if (timeoutMs < 0) {
        cv.wait(lock, done);
        return true;
    }
    return cv.wait_for(lock, std::chrono::milliseconds(timeoutMs), done);
}

}  // namespace deskbase
