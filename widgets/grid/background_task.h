#pragma once
// Runs a function on a short-lived thread and hands its result to `context`'s thread.
// Used for one-off work (previews, schema loads, connection tests) that must not block the GUI.
#include <QObject>
#include <QThread>
#include <memory>
#include <optional>
#include <utility>

namespace deskbase::widgets {

template <class Work, class Done>
void runInBackground(QObject* context, Work work, Done done) {
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
}

}  // namespace deskbase::widgets
