#include "core/sources/source_watcher.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <filesystem>

#include "core/pipeline/retry.h"
#include "core/runtime/runtime.h"

namespace deskbase {

namespace fs = std::filesystem;

namespace {

// The folder a source's files appear in.
std::string watchedFolder(const SourceSpec& s, const std::string& workspaceDir) {
    fs::path p(s.path);
    if (!p.is_absolute()) p = fs::path(workspaceDir) / p;
    return (sourcePathKind(s, workspaceDir) == SourcePathKind::Folder ? p : p.parent_path())
        .lexically_normal()
        .string();
}

SysSeconds nowSeconds() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace

SourceWatcher::SourceWatcher(Runtime& runtime, SourceWatcherOptions options, QObject* parent)
    : QObject(parent),
      runtime_(runtime),
      options_(std::move(options)),
      fsWatcher_(std::make_unique<QFileSystemWatcher>()) {
    poll_.setInterval(options_.pollMs);
    connect(&poll_, &QTimer::timeout, this, [this] { tick(); });
    auto changed = [this](const QString&) {
        for (const auto& s : sources_.sources)
            if (s.watch) queue(s.name, false);
        startNext();
    };
    connect(fsWatcher_.get(), &QFileSystemWatcher::directoryChanged, this, changed);
    connect(fsWatcher_.get(), &QFileSystemWatcher::fileChanged, this, changed);
}

SourceWatcher::~SourceWatcher() {
    stop();
}

void SourceWatcher::start() {
    stopped_ = false;
    stop_.store(false);
    reload();
    for (const auto& s : sources_.sources)
        if (s.watch) queue(s.name, false);
    tick();
    poll_.start();
}

void SourceWatcher::stop() {
    if (stopped_) return;
    stopped_ = true;
    poll_.stop();
    stop_.store(true);
    if (inFlight_.isValid()) inFlight_.wait();
    inFlight_ = JobHandle();
    mailbox_.close();
}

void SourceWatcher::reload() {
    sources_ = loadWorkspaceSources(options_.workspaceDir);
    std::set<std::string> now;
    for (const auto& p : sources_.problems) {
        now.insert(p.message);
        if (problemsSeen_.count(p.message)) continue;
        recordSourceProblem(options_.target, p.name, p.message);
        if (options_.onProblem) options_.onProblem(p.message);
    }
    problemsSeen_ = std::move(now);  // a problem fixed and made again is reported again

    QStringList folders;
    folders << QString::fromStdString((fs::path(options_.workspaceDir) / "sources").string());
    for (const auto& s : sources_.sources)
        if (s.watch) folders << QString::fromStdString(watchedFolder(s, options_.workspaceDir));
    QStringList wanted;
    for (const auto& f : folders)
        if (QFileInfo(f).isDir() && !wanted.contains(f)) wanted << f;
    const QStringList have = fsWatcher_->directories();
    for (const auto& f : have)
        if (!wanted.contains(f)) fsWatcher_->removePath(f);
    for (const auto& f : wanted)
        if (!have.contains(f)) fsWatcher_->addPath(f);  // may fail (a network folder): the poll covers it
}

void SourceWatcher::tick() {
    if (stopped_) return;
    reload();
    const SysSeconds now = nowSeconds();
    for (const auto& s : sources_.sources) {
        if (s.watch) queue(s.name, false);
        if (!s.schedule) continue;
        SourceState& st = state_[s.name];
        if (!st.lastRunKnown) {
            st.lastRun = lastSourceRun(options_.target, s.name);
            st.lastRunKnown = true;
        }
        if (scheduleIsDue(*s.schedule, st.lastRun, now, options_.zone)) queue(s.name, true);
    }
    startNext();
}

void SourceWatcher::queue(const std::string& name, bool recordIdle, int attempt) {
    Pending& p = pending_[name];
    p.recordIdle |= recordIdle;
    p.attempt = std::max(p.attempt, attempt);
}

void SourceWatcher::startNext() {
    if (stopped_ || inFlight_.isValid() || pending_.empty()) return;
    const auto first = pending_.begin();
    const std::string name = first->first;
    const bool recordIdle = first->second.recordIdle;
    int attempt = first->second.attempt;
    pending_.erase(first);
    const SourceSpec* spec = sources_.find(name);
    if (!spec) return startNext();
    SourceState& st = state_[name];
    if (st.nextAttempt > attempt) {  // a retry is due: not before its delay, and counted as one
        if (std::chrono::steady_clock::now() < st.retryAfter) return startNext();
        attempt = st.nextAttempt;
    }
    if (spec->schedule && recordIdle) {
        st.lastRun = nowSeconds();  // due again at its next tick, whatever this run finds
        st.lastRunKnown = true;
    }
    SourceRunOptions o;
    o.workspaceDir = options_.workspaceDir;
    o.target = options_.target;
    o.recordIdle = recordIdle;
    o.stability = &st.stability;  // only this run touches it while it runs
    o.stop = &stop_;
    o.lastListError = &st.lastListError;
    o.attempt = attempt;
    if (options_.onFileStarted)
        o.onFileStarted = [address = mailbox_.address(), name, this](const std::string& file) {
            address.post([this, name, file] {
                if (options_.onFileStarted) options_.onFileStarted(name, file);
            });
        };
    auto report = std::make_shared<SourceRunReport>();
    JobSpec job;
    job.kind = "source";
    job.key = "source:" + options_.workspaceDir + ":" + name;
    // It waits for its imports and builds, which write; it writes nothing itself (no writesTo).
    job.run = [this, spec = *spec, o, report](JobContext&) -> Status {
        *report = runSource(runtime_, spec, o);
        return Status::ok();
    };
    job.onDone = [address = mailbox_.address(), name, attempt, report, this](const JobHandle&) {
        address.post([this, name, attempt, report] { finished(name, attempt, *report); });
    };
    inFlight_ = runtime_.jobs().submit(std::move(job));
}

void SourceWatcher::finished(const std::string& name, int attempt, const SourceRunReport& report) {
    inFlight_ = JobHandle();
    const SourceSpec* failed = report.status == "error" ? sources_.find(name) : nullptr;
    SourceState& st = state_[name];
    st.nextAttempt = 1;
    if (auto delay = failed ? retryDelay(failed->retry, attempt, report.error) : std::nullopt) {
        st.nextAttempt = attempt + 1;
        st.retryAfter = std::chrono::steady_clock::now() +
                        std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                            std::chrono::duration<double>(*delay));
        if (options_.onRetry)
            options_.onRetry(retryLine(name, report.error, *delay, attempt + 1, failed->retry));
        QTimer::singleShot(int(*delay * 1000), this, [this, name, attempt] {
            if (stopped_) return;
            queue(name, true, attempt + 1);
            startNext();
        });
    }
    if (report.runId != 0) {  // recorded: it did something, or failed in a new way
        if (options_.onRun) options_.onRun(report);
        for (const auto& s : sources_.sources)
            if (std::find(s.after.begin(), s.after.end(), name) != s.after.end() &&
                report.status == "success")
                queue(s.name, true);
    }
    // A file still being written: look again once it may have settled.
    for (const auto& f : report.files)
        if (f.status == "waiting") {
            const SourceSpec* spec = sources_.find(name);
            const int ms = spec ? int(spec->stableSeconds * 1000) + 50 : options_.pollMs;
            QTimer::singleShot(std::min(ms, options_.pollMs), this, [this, name] {
                queue(name, false);
                startNext();
            });
            break;
        }
    startNext();
}

}  // namespace deskbase
