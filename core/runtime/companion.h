#pragma once
// Work that runs beside the calling thread for the length of one call: started and joined in
// one scope (structured), for parallelism inside a job, e.g. an import's parser beside its
// writer, the whole-file type pass beside the load, the right half of a line reduction. Not for
// background work: that is a job or an executor run (core/runtime/runtime.h). The destructor
// waits, so an early return cannot leave the companion running.
#include <atomic>
#include <functional>
#include <memory>
#include <thread>

namespace deskbase {

class Companion {
public:
    Companion() = default;  // none
    explicit Companion(std::function<void()> work)
        : done_(std::make_shared<std::atomic<bool>>(false)), thread_([work = std::move(work), done = done_] {
              work();
              done->store(true);
          }) {}
    ~Companion() { join(); }
    Companion(const Companion&) = delete;
    Companion& operator=(const Companion&) = delete;
    Companion(Companion&&) = default;
    Companion& operator=(Companion&& other) {
        join();
        done_ = std::move(other.done_);
        thread_ = std::move(other.thread_);
        return *this;
    }

    void join() {
        if (thread_.joinable()) thread_.join();
    }
    bool running() const { return thread_.joinable(); }       // started and not joined yet
    bool finished() const { return done_ && done_->load(); }  // its work returned
    // Whether a companion would run beside the caller rather than share its core.
    static bool worthIt() { return std::thread::hardware_concurrency() > 1; }

private:
    std::shared_ptr<std::atomic<bool>> done_;
    std::thread thread_;
};

}  // namespace deskbase
