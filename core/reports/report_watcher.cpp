#include "core/reports/report_watcher.h"

#include <chrono>
#include <memory>

#include "core/reports/report_schedule.h"
#include "core/runtime/runtime.h"
#include "core/workspace/workspace.h"

namespace deskbase {

namespace {

SysSeconds nowSeconds() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

ReportOutcome failedOutcome(const ReportSpec& spec, const std::string& message) {
    ReportOutcome o;
    o.report = spec.name;
    o.status = "error";
    o.message = message;
    return o;
}

}  // namespace

ReportWatcher::ReportWatcher(Runtime& runtime, ReportWatcherOptions options, QObject* parent)
    : QObject(parent), runtime_(runtime), options_(std::move(options)) {
    poll_.setInterval(options_.pollMs);
    connect(&poll_, &QTimer::timeout, this, [this] { tick(); });
}

ReportWatcher::~ReportWatcher() {
    stop();
}

std::string ReportWatcher::history() const {
    if (!options_.historyTarget.empty()) return options_.historyTarget;
    auto ws = Workspace::open(options_.workspaceDir);
    return ws ? ws->defaultTarget() : options_.workspaceDir + "/warehouse.db";
}

void ReportWatcher::start() {
    stopped_ = false;
    tick();
    poll_.start();
}

void ReportWatcher::stop() {
    if (stopped_) return;
    stopped_ = true;
    poll_.stop();
    pending_.clear();
    if (inFlight_.isValid()) inFlight_.wait();
    inFlight_ = JobHandle();
    mailbox_.close();
}

void ReportWatcher::reload() {
    reports_ = loadWorkspaceReports(options_.workspaceDir);
    std::set<std::string> now(reports_.problems.begin(), reports_.problems.end());
    for (const auto& p : reports_.problems)
        if (!problemsSeen_.count(p) && options_.onProblem) options_.onProblem(p);
    problemsSeen_ = std::move(now);  // a problem fixed and made again is reported again
}

void ReportWatcher::tick() {
    if (stopped_ || drawing_) return;
    reload();
    const std::string target = history();
    auto lastRun = [&](const std::string& name) {
        auto known = lastRun_.find(name);
        if (known == lastRun_.end()) known = lastRun_.emplace(name, lastReportRun(target, name)).first;
        return known->second;
    };
    for (const ReportSpec* r : dueReports(reports_.reports, lastRun, nowSeconds(), options_.zone))
        if (!pending_.count(r->name)) queue(r->name, 1);
    startNext();
}

void ReportWatcher::sourceRan(const std::string& source) {
    if (stopped_) return;
    reload();
    for (const ReportSpec* r : reportsAfter(reports_.reports, source)) queue(r->name, 1);
    startNext();
}

bool ReportWatcher::runNow(const std::string& report) {
    if (stopped_) return false;
    reload();
    for (const auto& r : reports_.reports)
        if (r.name == report) {
            queue(r.name, 1);
            startNext();
            return true;
        }
    return false;
}

void ReportWatcher::queue(const std::string& name, int attempt) {
    pending_[name] = std::max(pending_.count(name) ? pending_[name] : 0, attempt);
}

ReportRunOptions ReportWatcher::runOptions(int attempt) const {
    ReportRunOptions o;
    o.historyTarget = options_.historyTarget;
    o.renderDashboard = options_.renderDashboard;
    o.attempt = attempt;
    return o;
}

void ReportWatcher::startNext() {
    if (stopped_ || drawing_ || inFlight_.isValid() || pending_.empty()) return;
    const auto first = pending_.begin();
    const std::string name = first->first;
    const int attempt = first->second;
    pending_.erase(first);
    const ReportSpec* found = nullptr;
    for (const auto& r : reports_.reports)
        if (r.name == name) found = &r;
    if (!found) return startNext();  // its file went away or broke meanwhile
    const ReportSpec spec = *found;
    lastRun_[name] = nowSeconds();  // due again at its next tick, whatever this run finds

    if (!spec.dashboard.empty()) {
        // Widgets draw on this thread; the renderer runs its own event loop meanwhile.
        drawing_ = true;
        auto ws = Workspace::open(options_.workspaceDir);
        const ReportOutcome o =
            ws ? runReport(*ws, runtime_, spec, runOptions(attempt)) : failedOutcome(spec, ws.message());
        drawing_ = false;
        if (!stopped_) mailbox_.post([this, spec, attempt, o] { finished(spec, attempt, o); });
        return;
    }
    auto outcome = std::make_shared<ReportOutcome>();
    JobSpec job;
    job.kind = "report";
    job.key = "report:" + options_.workspaceDir + ":" + name;
    job.run = [this, spec, outcome, o = runOptions(attempt),
               dir = options_.workspaceDir](JobContext&) -> Status {
        auto ws = Workspace::open(dir);
        *outcome = ws ? runReport(*ws, runtime_, spec, o) : failedOutcome(spec, ws.message());
        return Status::ok();
    };
    job.onDone = [address = mailbox_.address(), spec, attempt, outcome, this](const JobHandle&) {
        address.post([this, spec, attempt, outcome] {
            inFlight_ = JobHandle();
            finished(spec, attempt, *outcome);
        });
    };
    inFlight_ = runtime_.jobs().submit(std::move(job));
}

void ReportWatcher::finished(const ReportSpec& spec, int attempt, const ReportOutcome& outcome) {
    if (options_.onRun) options_.onRun(spec, outcome);
    if (outcome.status == "error")
        if (auto delay = retryDelay(spec.retry, attempt, outcome.message)) {
            if (options_.onRetry)
                options_.onRetry(retryLine(spec.name, outcome.message, *delay, attempt + 1, spec.retry));
            const std::string name = spec.name;
            QTimer::singleShot(int(*delay * 1000), this, [this, name, attempt] {
                if (stopped_) return;
                queue(name, attempt + 1);
                startNext();
            });
        }
    startNext();
}

}  // namespace deskbase
