#include "core/runtime/interrupter.h"

#include <algorithm>
#include <chrono>

namespace deskbase {

namespace {
constexpr auto kResend = std::chrono::milliseconds(25);
}

Interrupter::Interrupter() : thread_([this] { loop(); }) {}

Interrupter::~Interrupter() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void Interrupter::interrupt(std::shared_ptr<Interruptible> target) {
    if (!target) return;
    {
        std::lock_guard lock(mutex_);
        targets_.push_back(std::move(target));
        fresh_ = true;
    }
    wake_.notify_all();
}

void Interrupter::loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        if (targets_.empty()) {
            wake_.wait(lock, [&] { return stopping_ || !targets_.empty(); });
            continue;
        }
        fresh_ = false;
        const std::vector<std::shared_ptr<Interruptible>> round = targets_;
        // Never while holding the lock: interrupt() is called on the GUI thread.
        lock.unlock();
        for (const auto& t : round)
            if (t->interruptWanted()) t->interruptNow();
        lock.lock();
        targets_.erase(std::remove_if(targets_.begin(), targets_.end(),
                                      [](const auto& t) { return !t->interruptWanted(); }),
                       targets_.end());
        wake_.wait_for(lock, kResend, [&] { return stopping_ || fresh_; });
    }
}

}  // namespace deskbase
