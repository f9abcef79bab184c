#include "core/models/model_build.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>

#include "core/cache/result_cache.h"
#include "core/checks/check_report.h"
#include "core/checks/check_runner.h"
#include "core/models/materialize.h"
#include "core/models/model_compile.h"
#include "core/models/model_graph.h"
#include "core/pipeline/run_log.h"
#include "core/runtime/runtime.h"
#include "core/warehouse/warehouse.h"

namespace deskbase {

std::string modelRunLine(const ModelRun& m) {
    std::string line = m.name + ": ";
    if (m.status != "success") return line + m.status + ": " + m.error;
    line += materializationName(m.materialized);
    if (m.rows) line += ", " + std::to_string(*m.rows) + " rows";
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, " (%.2f s)", m.seconds);
    return line + seconds;
}

std::string modelRunsSummary(const std::vector<ModelRun>& runs) {
    int built = 0, failed = 0, skipped = 0;
    for (const auto& m : runs) {
        built += m.status == "success";
        failed += m.status == "error";
        skipped += m.status == "skipped";
    }
    std::string out;
    auto add = [&](int n, const char* what) {
        if (n) out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + what;
    };
    add(built, "built");
    add(failed, "failed");
    add(skipped, "skipped");
    return out.empty() ? "nothing to build" : out;
}

bool BuildReport::failed() const {
    for (const auto& m : models)
        if (m.status != "success") return true;
    return anyBlocking(checks);
}

std::string buildSummary(const BuildReport& report) {
    if (!report.failed()) return {};
    int failed = 0, skipped = 0;
    for (const auto& m : report.models) {
        failed += m.status == "error";
        skipped += m.status == "skipped";
    }
    std::string out;
    if (failed > 0 || skipped > 0)
        out = std::to_string(failed) + " of " + std::to_string(report.models.size()) + " models failed, " +
              std::to_string(skipped) + " skipped";
    if (auto checks = blockingSummary(report.checks); !checks.empty())
        out += (out.empty() ? "" : "; ") + checks;
    return out;
}

namespace {

// The view models over `model` (through ephemeral ones too), upstream first.
std::vector<std::string> viewsOver(const std::string& model, const ModelProject& project,
                                   const ModelGraph& graph) {
    const auto below = graph.downstream(model);
    std::vector<std::string> out;
    for (const auto& name : graph.order()) {
        if (!below.count(name) || project.find(name)->materialized() != Materialization::View) continue;
        // Only views reached through views or ephemeral models depend on this relation itself.
        bool bound = false;
        std::vector<std::string> todo = graph.parents(name);
        while (!todo.empty() && !bound) {
            const std::string p = todo.back();
            todo.pop_back();
            if (p == model)
                bound = true;
            else if (below.count(p) && project.find(p)->materialized() != Materialization::Table &&
                     project.find(p)->materialized() != Materialization::Incremental)
                for (const auto& pp : graph.parents(p)) todo.push_back(pp);
        }
        if (bound) out.push_back(name);
    }
    return out;
}

// The source() tables of the model and of the ephemeral models inlined into it.
Status checkSources(Warehouse& w, const std::vector<const ModelTemplate*>& models) {
    for (const ModelTemplate* m : models)
        for (const auto& s : m->sources()) {
            auto kind = relationKind(w, s.table);
            if (!kind) return Error{kind.message()};
            if (*kind == RelationKind::None)
                return Error{m->file() + ": line " + std::to_string(s.line) + ": source('" + s.source +
                             "', '" + s.table + "'): no table " + s.table + " in the warehouse"};
        }
    return Status::ok();
}

// The build in the run log (core/pipeline/run_log.h): a "model" step per model in build order,
// after each model that has checks a "checks" step, every check result, then the run's end.
Status recordBuild(Warehouse& w, BuildReport& report, std::chrono::steady_clock::duration took) {
    if (report.runId == 0) {  // the run could not be started before the build
        auto id = startRun(w, "build");
        if (!id) return Status::fail(id.message());
        report.runId = *id;
    }
    for (const auto& m : report.models) {
        if (auto s = addRunStep(w, report.runId, {"model", m.name, m.status, m.rows, m.seconds, m.error}); !s)
            return s;
        std::vector<CheckResult> mine;
        double seconds = 0;
        for (const auto& c : report.checks)
            if (c.table == m.name) {
                mine.push_back(c);
                seconds += c.seconds;
            }
        if (mine.empty()) continue;
        const RunStep checks{"checks",     m.name,  std::string(checkStatusName(worstStatus(mine))),
                             std::nullopt, seconds, ""};
        if (auto s = addRunStep(w, report.runId, checks); !s) return s;
    }
    if (auto s = recordCheckResults(w, report.runId, report.checks); !s) return s;
    return finishRun(w, report.runId, report.failed() ? "error" : "success", buildSummary(report),
                     std::chrono::duration<double>(took).count());
}

}  // namespace

Result<BuildReport> buildModels(Runtime& runtime, const std::string& target, const ModelProject& project,
                                const BuildOptions& options) {
    const auto buildStarted = std::chrono::steady_clock::now();
    const Dialect& dialect = Warehouse::dialectFor(target);
    auto graph = ModelGraph::build(project);
    if (!graph) return Error{graph.message()};
    auto selected = graph->select(options.select);
    if (!selected) return Error{selected.message()};
    const ModelCompiler compiler(project, *graph, dialect, options.vars);

    struct Step {
        const ModelTemplate* model = nullptr;
        std::vector<const ModelTemplate*> reads;  // it and the ephemeral models inlined into it
        MaterializeInput input;
        std::vector<const CheckFile*> checkFiles;  // run after it builds
        std::vector<std::string> after;            // selected models its checks read
        ModelRun run;
        std::vector<CheckResult> checks;
        bool checksBlock = false;
        enum { Waiting, Running, Done } state = Waiting;
    };
    std::vector<Step> steps;
    std::map<std::string, std::size_t> stepOf;
    for (const auto& name : graph->order()) {
        if (!selected->count(name)) continue;
        Step s;
        s.model = project.find(name);
        s.reads.push_back(s.model);
        for (const auto& e : compiler.inlined(name)) s.reads.push_back(project.find(e));
        s.run.name = name;
        s.run.materialized = s.model->materialized();
        s.input.name = name;
        s.input.materialized = s.model->materialized();
        s.input.uniqueKey = s.model->uniqueKey();
        s.input.fullRefresh = options.fullRefresh;
        auto sql = compiler.compile(name, false);
        if (!sql) return Error{sql.message()};
        s.input.sql = std::move(*sql);
        if (s.input.materialized == Materialization::Incremental) {
            auto inc = compiler.compile(name, true);
            if (!inc) return Error{inc.message()};
            s.input.incrementalSql = std::move(*inc);
        }
        if (dialect.kind() == Dialect::Kind::PostgreSQL)
            for (const auto& v : viewsOver(name, project, *graph)) {
                auto vsql = compiler.compile(v, false);
                if (!vsql) return Error{vsql.message()};
                s.input.dependentViews.emplace_back(v, std::move(*vsql));
            }
        for (const auto& f : options.checks) {
            if (f.table != name || s.input.materialized == Materialization::Ephemeral) continue;
            s.checkFiles.push_back(&f);
            for (const auto& c : f.checks)
                if (c.kind == CheckKind::Relationships && c.to != name && selected->count(c.to) &&
                    !graph->downstream(name).count(c.to))
                    s.after.push_back(c.to);
        }
        stepOf[name] = steps.size();
        steps.push_back(std::move(s));
    }

    // The run is in the log (status "running") while the models build; recordBuild() ends it.
    std::int64_t runId = 0;
    JobSpec start;
    start.kind = "build";
    start.writesTo = target;
    start.run = [&](JobContext& ctx) -> Status {
        auto w = ctx.connection(target);
        if (!w) return Status::fail(w.message());
        auto id = startRun(**w, "build");
        if (!id) return Status::fail(id.message());
        runId = *id;
        return Status::ok();
    };
    (void)runtime.jobs().submit(std::move(start)).wait();  // a failure: recordBuild() tries again

    std::mutex mutex;
    std::condition_variable changed;
    std::vector<std::size_t> finished;  // steps whose job ended, not yet looked at
    int running = 0;
    bool viewBuilt = false;
    std::vector<JobHandle> handles(steps.size());
    auto stopped = [&] { return options.stop && options.stop->load(); };
    bool cancelled = false;
    std::size_t done = 0;
    std::vector<std::size_t> ended;  // steps just done, for onModelDone (called unlocked)

    auto submit = [&](std::size_t i) {
        JobSpec spec;
        spec.kind = "build";
        spec.writesTo = target;
        spec.run = [&, i](JobContext& ctx) -> Status {
            Step& s = steps[i];
            const auto started = std::chrono::steady_clock::now();
            auto w = ctx.connection(target);
            Result<MaterializeOutcome> out = Error{""};
            if (!w)
                out = Error{w.message()};
            else if (auto c = checkSources(**w, s.reads); !c)
                out = Error{c.message()};
            else
                out = materialize(**w, s.input, [&ctx] { return !ctx.cancelFlag().load(); });
            s.run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            if (!out) return Status::fail(out.message());
            s.run.rows = out->rows;
            CheckRunOptions checkOptions;
            checkOptions.stop = &ctx.cancelFlag();
            for (const CheckFile* f : s.checkFiles) {
                auto results = runChecks(**w, *f, checkOptions);
                s.checks.insert(s.checks.end(), results.begin(), results.end());
            }
            s.checksBlock = anyBlocking(s.checks);
            return Status::ok();
        };
        spec.onDone = [&, i](const JobHandle& h) {
            std::lock_guard lock(mutex);
            Step& s = steps[i];
            const Status st = h.status();
            s.run.status = st ? "success" : "error";
            if (!st)  // errors about a file name it; the others are the model's
                s.run.error = st.message().rfind("models/", 0) == 0 ? st.message()
                                                                    : s.model->file() + ": " + st.message();
            finished.push_back(i);
            changed.notify_all();
        };
        JobHandle h = runtime.jobs().submit(std::move(spec));
        std::lock_guard lock(mutex);
        handles[i] = h;
    };

    std::unique_lock lock(mutex);
    for (;;) {
        if (stopped() && !cancelled) {
            cancelled = true;
            std::vector<JobHandle> toCancel;
            for (std::size_t i = 0; i < steps.size(); ++i)
                if (steps[i].state == Step::Running && handles[i].isValid()) toCancel.push_back(handles[i]);
            lock.unlock();  // a queued job's onDone runs on the cancelling thread and takes the lock
            for (auto& h : toCancel) h.cancel();
            lock.lock();
        }
        for (std::size_t i : finished) {
            steps[i].state = Step::Done;
            ended.push_back(i);
            --running;
            if (steps[i].run.status == "success" && steps[i].run.materialized == Materialization::View)
                viewBuilt = true;
        }
        finished.clear();
        // Ready: every selected parent built. Skipped: one did not.
        std::vector<std::size_t> ready;
        for (std::size_t i = 0; i < steps.size(); ++i) {
            Step& s = steps[i];
            if (s.state != Step::Waiting) continue;
            bool wait = false;
            std::string failed;
            for (const auto& p : graph->parents(s.run.name)) {
                auto it = stepOf.find(p);
                if (it == stepOf.end()) continue;
                const Step& ps = steps[it->second];
                if (ps.state != Step::Done)
                    wait = true;
                else if (ps.run.status != "success" && failed.empty())
                    failed = "upstream model " + p + " did not build";
                else if (ps.checksBlock && failed.empty())
                    failed = "upstream model " + p + " failed its checks";
            }
            for (const auto& a : s.after)
                if (steps[stepOf.at(a)].state != Step::Done) wait = true;
            if (cancelled) {
                s.state = Step::Done;
                s.run.status = "skipped";
                s.run.error = "cancelled";
                ended.push_back(i);
            } else if (!failed.empty()) {
                s.state = Step::Done;
                s.run.status = "skipped";
                s.run.error = failed;
                ended.push_back(i);
            } else if (!wait && s.run.materialized == Materialization::Ephemeral) {
                s.state = Step::Done;
                s.run.status = "success";  // inlined where it is used; steps are upstream first
                ended.push_back(i);
            } else if (!wait) {
                s.state = Step::Running;
                ++running;
                ready.push_back(i);
            }
        }
        const bool over = ready.empty() && running == 0;
        if (over) {
            // Only the order of checks can be left (two models whose checks read each other):
            // drop those waits rather than stop.
            bool waiting = false;
            for (auto& s : steps)
                if (s.state == Step::Waiting) {
                    waiting = true;
                    s.after.clear();
                }
            if (waiting) continue;
        }
        const std::vector<std::size_t> justEnded = std::move(ended);
        ended.clear();
        lock.unlock();
        if (options.onModelDone)
            for (std::size_t i : justEnded) options.onModelDone(steps[i].run, ++done, steps.size());
        if (over) break;
        for (std::size_t i : ready) submit(i);
        lock.lock();
        while (finished.empty() && !(stopped() && !cancelled))
            changed.wait_for(lock, std::chrono::milliseconds(50));
    }
    lock.lock();

    if (viewBuilt)  // a view's new definition is not a new data version of the tables it reads
        if (auto cache = runtime.cache()) cache->purge();
    BuildReport report;
    report.runId = runId;
    for (auto& s : steps) {
        report.models.push_back(std::move(s.run));
        report.checks.insert(report.checks.end(), s.checks.begin(), s.checks.end());
    }
    lock.unlock();
    JobSpec record;
    record.kind = "build";
    record.writesTo = target;
    record.run = [&](JobContext& ctx) -> Status {
        auto w = ctx.connection(target);
        if (!w) return Status::fail(w.message());
        return recordBuild(**w, report, std::chrono::steady_clock::now() - buildStarted);
    };
    auto handle = runtime.jobs().submit(std::move(record));
    handle.wait();
    if (auto s = handle.status(); !s && report.recordError.empty()) report.recordError = s.message();
    return report;
}

}  // namespace deskbase
