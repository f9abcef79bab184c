#pragma once
// Delivers interrupts (Warehouse::cancel: sqlite3_interrupt, PQcancel) on a thread of its own,
// so whoever cancels (the GUI thread) never waits for one: a PostgreSQL cancel is a network
// round trip to the server, and it blocks for as long as the server is unreachable or stopped.
// An interrupt is delivered at once and re-sent every 25 ms while its target still wants it: one
// that lands just before a statement starts is otherwise lost (SQLite clears it when no
// statement runs, and a run may still be opening its connection).
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace deskbase {

// Something that can be interrupted: a query run, a job holding a connection.
class Interruptible {
public:
    virtual ~Interruptible() = default;
    virtual bool interruptWanted() const = 0;  // false once the work ended: stop re-sending
    virtual void interruptNow() = 0;           // called on the interrupter's thread
};

class Interrupter {
public:
    Interrupter();
    ~Interrupter();  // waits for an interrupt being sent (a stopped server: until it answers)
    Interrupter(const Interrupter&) = delete;
    Interrupter& operator=(const Interrupter&) = delete;

    // Never blocks. The target is kept until it no longer wants interrupting.
    void interrupt(std::shared_ptr<Interruptible> target);

private:
    void loop();

    std::mutex mutex_;
    std::condition_variable wake_;
    std::vector<std::shared_ptr<Interruptible>> targets_;
    bool fresh_ = false;  // a target arrived since the last round: deliver without waiting
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace deskbase
