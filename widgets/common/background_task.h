#pragma once
// Runs a function on a short-lived thread and hands its result to `context`'s thread.
// Used for one-off work (previews, schema loads, connection tests) that must not block the GUI.
#include <QMetaObject>
#include <QObject>
#include <QThread>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

namespace deskbase::widgets {

// Returns the thread (it deletes itself when done) for an owner that must wait for it.
template <class Work, class Done>
QThread* runInBackground(QObject* context, Work work, Done done) {
    using R = decltype(work());
    auto result = std::make_shared<std::optional<R>>();
    QThread* thread =
        QThread::create([result, work = std::move(work)]() mutable { result->emplace(work()); });
    // finished() is emitted by the worker thread, so this runs queued on the context's thread, and
    // not at all if the context was destroyed meanwhile.
    QObject::connect(thread, &QThread::finished, context, [result, done = std::move(done)]() mutable {
        if (*result) done(std::move(**result));
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
    return thread;
}

// Lets worker-thread callbacks (query executor runs) reach a GUI object that may be destroyed
// before they fire: callbacks hold a shared_ptr to the mailbox, the owner closes it in its
// destructor, and a post after that is dropped instead of touching a dead object.
class GuiMailbox {
public:
    explicit GuiMailbox(QObject* receiver) : receiver_(receiver) {}

    // Runs `f` later on the receiver's thread (never synchronously).
    template <class F>
    void post(F f) {
        std::lock_guard lock(mutex_);
        if (receiver_) QMetaObject::invokeMethod(receiver_, std::move(f), Qt::QueuedConnection);
    }
    void close() {
        std::lock_guard lock(mutex_);
        receiver_ = nullptr;
    }

private:
    std::mutex mutex_;
    QObject* receiver_;
};

}  // namespace deskbase::widgets
