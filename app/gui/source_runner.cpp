#include "app/gui/source_runner.h"

#include "app/gui/workspace_controller.h"
#include "core/runtime/background.h"
#include "core/sources/source_report.h"
#include "core/sources/source_run.h"
#include "core/sources/source_watcher.h"

namespace deskbase::gui {

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
}  // namespace

SourceRunner::SourceRunner(WorkspaceController& workspace, QObject* parent)
    : QObject(parent), workspace_(workspace) {}

SourceRunner::~SourceRunner() {
    mailbox_.close();
    stopWatching();  // cancels its run under way (rolled back) and waits for it
    for (auto& [name, h] : runs_) h.cancel();
}

void SourceRunner::startWatching() {
    stopWatching();
    if (!workspace_.isOpen()) return;
    SourceWatcherOptions o;
    o.workspaceDir = workspace_.dir().toStdString();
    o.target = workspace_.target().toStdString();
    o.onRun = [this](const SourceRunReport& r) { report(r); };
    o.onProblem = [this](const std::string& message) { emit problem(qs(message)); };
    o.onFileStarted = [this](const std::string& source, const std::string& file) {
        emit runStarted(qs(source), qs(file));
    };
    watcher_ = std::make_unique<SourceWatcher>(workspace_.runtime(), std::move(o));
    watcher_->start();
}

void SourceRunner::stopWatching() {
    if (watcher_) watcher_->stop();
    watcher_.reset();
}

bool SourceRunner::isRunning(const QString& name) const {
    auto it = runs_.find(name);
    return it != runs_.end() && !it->second.isDone();
}

bool SourceRunner::runNow(const QString& name) {
    if (!workspace_.isOpen() || isRunning(name)) return false;
    const std::string dir = workspace_.dir().toStdString(), target = workspace_.target().toStdString();
    Runtime* runtime = &workspace_.runtime();
    const Mailbox::Address address = mailbox_.address();
    JobSpec spec;
    spec.kind = "source";  // it waits for its imports and builds, which write; it writes nothing itself
    spec.key = "source-now:" + name.toStdString();
    emit runStarted(name, QString());
    runs_[name] = runInBackground(
        runtime->jobs(), mailbox_, std::move(spec),
        [this, dir, target, runtime, address, n = name.toStdString()](JobContext& ctx) {
            const WorkspaceSources sources = loadWorkspaceSources(dir);
            SourceRunReport r;
            r.source = n;
            for (const auto& p : sources.problems)
                if (p.name == n) {  // as `deskbase run` does: one failed run with the file's line
                    r.status = "error";
                    r.error = p.message;
                    r.runId = recordSourceProblem(target, n, p.message);
                    return r;
                }
            const SourceSpec* s = sources.find(n);
            if (!s) {
                r.status = "error";
                r.error = "no source named " + n + " (sources/" + n + ".json)";
                return r;
            }
            SourceRunOptions o;
            o.workspaceDir = dir;
            o.target = target;
            o.recordIdle = true;
            o.stop = &ctx.cancelFlag();
            o.onFileStarted = [this, address, n](const std::string& file) {
                address.post([this, n, file] { emit runStarted(qs(n), qs(file)); });
            };
            return runSource(*runtime, *s, o);
        },
        [this, name](SourceRunReport r) {
            runs_.erase(name);
            report(r);
        });
    return true;
}

void SourceRunner::report(const SourceRunReport& r) {
    QStringList tables;
    if (r.loaded() > 0) {
        const WorkspaceSources sources = loadWorkspaceSources(workspace_.dir().toStdString());
        if (const SourceSpec* s = sources.find(r.source)) tables << qs(s->table);
        if (r.build)
            for (const auto& m : r.build->models)
                if (m.status == "success") tables << qs(m.name);
    }
    const bool failed = r.status == "error";
    emit runFinished(qs(r.source), qs(r.status), qs(sourceRunLine(r)), failed, tables);
    workspace_.refreshSchema();  // the sidebar's statuses and row counts follow
}

}  // namespace deskbase::gui
