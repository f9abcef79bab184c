// The runtime's job queue: progress and outcome, cancel of a queued and of a running job (its
// connection is interrupted, off the cancelling thread), supersede by key, at most one writer per
// warehouse while jobs for other warehouses go ahead, shutdown; runInBackground's way back.
#include <QtTest>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/runtime/background.h"
#include "core/runtime/runtime.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;

namespace {

// A gate the test opens: jobs block in wait() until open().
class Latch {
public:
    void open() {
        {
            std::lock_guard lock(mutex_);
            open_ = true;
        }
        cv_.notify_all();
    }
    void wait() {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [&] { return open_; });
    }

private:
    std::mutex mutex_;
    std::condition_variable cv_;
    bool open_ = false;
};

void waitUntilRunning(const JobHandle& h) {
    while (h.state() == JobState::Queued) QThread::yieldCurrentThread();
}

RuntimeOptions jobThreads(int n) {
    RuntimeOptions o;
    o.queryThreads = 1;
    o.jobThreads = n;
    return o;
}

// Until cancelled, or the latch opens.
Status blockUntil(JobContext& job, Latch& latch) {
    latch.wait();
    return job.cancelled() ? Status::fail("stopped") : Status::ok();
}

}  // namespace

class JobQueueTest : public QObject {
    Q_OBJECT
private slots:
    void runsAndReportsProgress() {
        Runtime rt(jobThreads(2));
        Latch latch;
        JobSpec spec;
        spec.kind = "test";
        spec.run = [&](JobContext& job) {
            job.setProgress({0.5, 10, 2048, "half"});
            latch.wait();
            return Status::ok();
        };
        std::atomic<int> done{0};
        spec.onDone = [&](const JobHandle& h) { done += h.isDone() ? 1 : 100; };
        auto h = rt.jobs().submit(spec);
        while (h.progress().items != 10) QThread::yieldCurrentThread();
        QCOMPARE(h.progress().fraction, 0.5);
        QCOMPARE(h.progress().bytes, std::uint64_t(2048));
        QCOMPARE(QString::fromStdString(h.progress().text), QStringLiteral("half"));
        QCOMPARE(h.state(), JobState::Running);
        latch.open();
        QVERIFY(h.wait());
        QCOMPARE(h.state(), JobState::Finished);
        QVERIFY(h.status());
        QCOMPARE(done.load(), 1);

        JobSpec failing;
        failing.run = [](JobContext&) { return Status::fail("no such file"); };
        auto f = rt.jobs().submit(failing);
        QVERIFY(f.wait());
        QCOMPARE(f.state(), JobState::Failed);
        QCOMPARE(QString::fromStdString(f.status().message()), QStringLiteral("no such file"));
    }

    // CI saw wait() return while the job's onDone was still running (done was 0): waiters must wake
    // only after onDone has run, whichever way the job ends.
    void waitReturnsOnlyAfterOnDoneRan() {
        Runtime rt(jobThreads(1));
        for (bool cancelQueued : {false, true}) {
            Latch latch;
            JobSpec busy;
            busy.run = [&](JobContext& job) { return blockUntil(job, latch); };
            auto first = rt.jobs().submit(busy);
            std::atomic<bool> onDoneFinished{false};
            JobSpec spec;
            spec.run = [](JobContext&) { return Status::ok(); };
            spec.onDone = [&](const JobHandle&) {
                QThread::msleep(100);
                onDoneFinished = true;
            };
            auto h = rt.jobs().submit(spec);
            if (cancelQueued) {
                std::thread canceller([&] { h.cancel(); });
                QVERIFY(h.wait());
                QVERIFY(onDoneFinished.load());
                canceller.join();
                latch.open();
            } else {
                latch.open();
                QVERIFY(h.wait());
                QVERIFY(onDoneFinished.load());
            }
            QVERIFY(first.wait());
        }
    }

    void cancelledWhileQueuedNeverRuns() {
        Runtime rt(jobThreads(1));
        Latch latch;
        JobSpec busy;
        busy.run = [&](JobContext& job) { return blockUntil(job, latch); };
        auto first = rt.jobs().submit(busy);  // takes the only job thread
        std::atomic<bool> ran{false};
        JobSpec queued;
        queued.run = [&](JobContext&) {
            ran = true;
            return Status::ok();
        };
        auto second = rt.jobs().submit(queued);
        QCOMPARE(second.state(), JobState::Queued);
        second.cancel();
        QVERIFY(second.isDone());  // at once
        QCOMPARE(second.state(), JobState::Cancelled);
        latch.open();
        QVERIFY(first.wait());
        rt.jobs().shutdown();
        QVERIFY(!ran.load());  // its task finds it cancelled whenever the thread gets to it
    }

    // A running job's connection is interrupted by the runtime's interrupter, and cancel() returns
    // without waiting: the statement would otherwise count for minutes.
    void cancelInterruptsARunningJobsConnection() {
        test::TempWorkspace ws;
        Runtime rt(jobThreads(2));
        std::atomic<bool> connected{false};
        JobSpec spec;
        spec.kind = "copy";
        spec.run = [&, target = ws.sqlitePath()](JobContext& job) -> Status {
            auto w = job.connection(target);
            if (!w) return Status::fail(w.message());
            connected = true;
            auto rows = (*w)->query(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) "
                "SELECT count(*) FROM c");
            if (!rows) return Status::fail(rows.message());
            std::vector<Row> out;
            auto n = (*rows)->fetch(out, 1);
            return n ? Status::ok() : Status::fail(n.message());
        };
        auto h = rt.jobs().submit(spec);
        while (!connected.load()) QThread::yieldCurrentThread();
        h.cancel();
        QVERIFY(h.wait());
        QCOMPARE(h.state(), JobState::Cancelled);
    }

    void newerJobWithTheSameKeySupersedes() {
        Runtime rt(jobThreads(2));
        Latch never;  // opened only at the end
        JobSpec older;
        older.key = "schema";
        std::atomic<bool> hooked{false};
        older.run = [&](JobContext& job) {
            job.onCancel([&] {
                hooked = true;
                never.open();  // what ImportJob::cancel would do: make the work stop
            });
            return blockUntil(job, never);
        };
        auto a = rt.jobs().submit(older);
        waitUntilRunning(a);
        JobSpec newer;
        newer.key = "schema";
        newer.run = [](JobContext&) { return Status::ok(); };
        auto b = rt.jobs().submit(newer);
        QVERIFY(a.wait());
        QCOMPARE(a.state(), JobState::Cancelled);
        QVERIFY(hooked.load());
        QVERIFY(b.wait());
        QCOMPARE(b.state(), JobState::Finished);
        never.open();
    }

    // Two jobs writing one warehouse never run together; a job for another warehouse, queued after
    // the second writer, goes ahead of it. The pool takes jobs in order, so had the second writer
    // been started, a free thread would have taken it before the third job.
    void oneWriterPerWarehouse() {
        Runtime rt(jobThreads(3));
        Latch firstMayEnd;
        std::mutex orderMutex;
        std::vector<std::string> order;
        auto note = [&](const std::string& s) {
            std::lock_guard lock(orderMutex);
            order.push_back(s);
        };
        JobSpec writer1;
        writer1.writesTo = "warehouse-a";
        writer1.run = [&](JobContext&) {
            note("a1 start");
            firstMayEnd.wait();
            note("a1 end");
            return Status::ok();
        };
        JobSpec writer2 = writer1;
        writer2.run = [&](JobContext&) {
            note("a2 start");
            return Status::ok();
        };
        JobSpec other;
        other.writesTo = "warehouse-b";
        other.run = [&](JobContext&) {
            note("b");
            return Status::ok();
        };
        auto h1 = rt.jobs().submit(writer1);
        for (;;) {  // until the first writer is inside its work
            std::lock_guard lock(orderMutex);
            if (!order.empty()) break;
        }
        auto h2 = rt.jobs().submit(writer2);
        auto h3 = rt.jobs().submit(other);
        QVERIFY(h3.wait());
        QCOMPARE(h2.state(), JobState::Queued);
        firstMayEnd.open();
        QVERIFY(h1.wait() && h2.wait());
        QCOMPARE(order, (std::vector<std::string>{"a1 start", "b", "a1 end", "a2 start"}));
    }

    void shutdownRefusesNewJobs() {
        Runtime rt(jobThreads(1));
        rt.jobs().shutdown();
        std::atomic<bool> ran{false};
        JobSpec spec;
        spec.run = [&](JobContext&) {
            ran = true;
            return Status::ok();
        };
        auto h = rt.jobs().submit(spec);
        QVERIFY(h.isDone());
        QCOMPARE(h.state(), JobState::Cancelled);
        QVERIFY(!ran.load());
    }

    // runInBackground hands the work's result to the mailbox's thread; a closed mailbox drops it.
    void runInBackgroundComesBackToTheOwnersThread() {
        Runtime rt(jobThreads(2));
        Mailbox mailbox;
        int got = 0;
        std::thread::id ranOn;
        auto h = runInBackground(
            rt.jobs(), mailbox, JobSpec{}, [](JobContext&) { return 42; },
            [&](int v) {
                got = v;
                ranOn = std::this_thread::get_id();
            });
        QVERIFY(h.wait());
        QTRY_COMPARE(got, 42);
        QVERIFY(ranOn == std::this_thread::get_id());

        Mailbox closed;
        auto dropped = runInBackground(
            rt.jobs(), closed, JobSpec{}, [](JobContext&) { return 7; }, [&](int v) { got = v; });
        closed.close();
        QVERIFY(dropped.wait());
        QCoreApplication::processEvents();
        QCOMPARE(got, 42);
    }
};

QTEST_GUILESS_MAIN(JobQueueTest)
#include "job_queue_test.moc"
