#pragma once
// The one way from a runtime thread back to the thread that owns an object (the GUI thread).
// An owner keeps a Mailbox as a member; worker-side code holds a copy of its Address and posts
// functions to it. A posted function runs later on the owner's thread (never synchronously)
// and is dropped, silently, once the mailbox is closed or destroyed, also when it was posted
// before that and is still waiting in the event queue. So a callback never reaches an owner
// that is gone, and the owner needs no locking of its own.
#include <QMetaObject>
#include <QObject>
#include <atomic>
#include <memory>
#include <mutex>
#include <utility>

namespace deskbase {

class Mailbox {
    struct State {
        std::mutex mutex;   // guards receiver against close() while a worker posts
        QObject* receiver;  // lives in the owner's thread; null once closed
        std::atomic<bool> open{true};
    };

public:
    // A copyable, thread-safe address of a mailbox.
    class Address {
    public:
        Address() = default;
        // Queues `f` to run on the owner's thread, unless the mailbox is closed by then.
        template <class F>
        void post(F&& f) const {
            if (!state_) return;
            std::lock_guard lock(state_->mutex);
            if (!state_->receiver) return;
            QMetaObject::invokeMethod(
                state_->receiver,
                [state = state_, f = std::forward<F>(f)]() mutable {
                    if (state->open.load()) f();  // on the owner's thread, like close()
                },
                Qt::QueuedConnection);
        }
        bool isOpen() const { return state_ && state_->open.load(); }

    private:
        friend class Mailbox;
        explicit Address(std::shared_ptr<State> s) : state_(std::move(s)) {}
        std::shared_ptr<State> state_;
    };

    // Binds to the calling thread: posts run there.
    Mailbox() : receiver_(std::make_unique<QObject>()), state_(std::make_shared<State>()) {
        state_->receiver = receiver_.get();
    }
    ~Mailbox() { close(); }
    Mailbox(const Mailbox&) = delete;
    Mailbox& operator=(const Mailbox&) = delete;

    Address address() const { return Address(state_); }
    template <class F>
    void post(F&& f) const {
        address().post(std::forward<F>(f));
    }
    // Drops every later and every still-queued post. Call on the owner's thread.
    void close() {
        state_->open.store(false);
        std::lock_guard lock(state_->mutex);
        state_->receiver = nullptr;
    }

private:
    std::unique_ptr<QObject> receiver_;  // deleted after close(): its queued events go with it
    std::shared_ptr<State> state_;
};

}  // namespace deskbase
