#pragma once
// One-off background work for GUI code (a schema load, a preview, a connection test, the demo's
// first start): `work(JobContext&)` runs as a job on the runtime, and its result is handed to
// `done` on the mailbox owner's thread, unless the mailbox was closed first or the job was
// cancelled before it ran. Replaces a thread per task and QThread::finished.
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

#include "core/runtime/job_queue.h"
#include "core/runtime/mailbox.h"

namespace deskbase {

template <class Work, class Done>
JobHandle runInBackground(JobQueue& jobs, const Mailbox& mailbox, JobSpec spec, Work work, Done done) {
    using R = std::invoke_result_t<Work&, JobContext&>;
    auto result = std::make_shared<std::optional<R>>();
    spec.run = [result, work = std::move(work)](JobContext& context) mutable {
        result->emplace(work(context));
        return Status::ok();
    };
    spec.onDone = [result, address = mailbox.address(), done = std::move(done)](const JobHandle&) {
        if (!result->has_value()) return;  // cancelled before it ran
        address.post([result, done]() mutable { done(std::move(**result)); });
    };
    return jobs.submit(std::move(spec));
}

}  // namespace deskbase
