// deskbase run [SOURCE]... [--due] [--workspace DIR] [--db TARGET] [--report json]
// Runs the workspace's sources once (docs/sources.md) and exits: each new file into its table,
// its checks, the models downstream, then the reports that follow them (docs/reports.md), all in
// the run history. For cron: `deskbase run --due` (also the reports whose schedule is due). A run
// that failed for a transient reason (a locked file, a server away) is tried again after its
// retry delay (core/pipeline/retry.h).
#include <QApplication>
#include <QTimeZone>
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/report_lines.h"
#include "core/pipeline/retry.h"
#include "core/reports/report_schedule.h"
#include "core/runtime/runtime.h"
#include "core/sources/source_report.h"
#include "core/sources/source_run.h"
#include "core/workspace/workspace.h"
#include "widgets/dashboard/dashboard_render.h"
#include "widgets/theme/theme.h"

namespace deskbase::cli {

namespace {

// Runs attempt(1), attempt(2), ... while it fails for a transient reason and retries are left,
// waiting the policy's delay between (a cron run may wait: nothing else is going on).
template <class Outcome, class Attempt, class Failure>
Outcome withRetries(const RetryPolicy& policy, const std::string& name, Attempt attempt, Failure failure,
                    bool quiet) {
    for (int n = 1;; ++n) {
        Outcome o = attempt(n);
        const std::string error = failure(o);
        const auto delay = error.empty() ? std::nullopt : retryDelay(policy, n, error);
        if (!delay) return o;
        if (!quiet) std::fprintf(stderr, "%s\n", retryLine(name, error, *delay, n + 1, policy).c_str());
        std::this_thread::sleep_for(std::chrono::duration<double>(*delay));
    }
}

}  // namespace

const VerbSpec& runSpec() {
    static const VerbSpec spec{
        "run",
        "[SOURCE]...",
        "Runs sources (sources/*.json) once: new files into their tables, checks, models downstream.",
        {
            option("due",
                   "Only the sources whose schedule is due (missed runs: once), and the watched ones."),
            workspaceOption(),
            dbOption(),
            option("report", "Print one JSON object with every source's run.", "json"),
        }};
    return spec;
}

int runRun(int argc, char** argvRaw, const std::vector<std::string>& argv) {
    const char* verb = "run";
    std::optional<Args> args;
    if (auto done = parseOrExit(runSpec(), argv, args)) return *done;
    const auto report = args->value("report");
    if (report && *report != "json") return usageError(verb, "--report supports only json");
    const bool due = args->has("due");
    const auto& named = args->positional();
    if (due && !named.empty()) return usageError(verb, "--due picks the sources itself; name none with it");

    auto ws = Workspace::open(workspaceDir(*args).value_or("."));
    if (!ws) return failure(verb, ws.message());
    const std::string target = args->value("db").value_or(ws->defaultTarget());
    const WorkspaceSources sources = loadWorkspaceSources(ws->dir());
    const WorkspaceReports loadedReports = loadWorkspaceReports(ws->dir());
    std::vector<const ReportSpec*> reportsTodo;
    std::vector<std::string> reportProblems;

    // Which sources, and whether a run that finds nothing is recorded (its time: the schedule's).
    std::vector<std::pair<const SourceSpec*, bool>> todo;
    std::vector<SourceProblem> problems;
    for (const auto& name : named) {
        const SourceSpec* s = sources.find(name);
        if (s) {
            todo.emplace_back(s, true);
            continue;
        }
        auto p = std::find_if(sources.problems.begin(), sources.problems.end(),
                              [&](const SourceProblem& x) { return x.name == name; });
        if (p == sources.problems.end())
            return failure(verb, "no source named " + name + " in " + ws->path("sources"));
        problems.push_back(*p);
    }
    if (named.empty()) {
        if (sources.sources.empty() && sources.problems.empty() &&
            (!due || (loadedReports.reports.empty() && loadedReports.problems.empty())))
            return failure(verb, "no sources in " + ws->path("sources") + " (sources/*.json)");
        problems = sources.problems;
        const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
        for (const auto& s : sources.sources) {
            if (!due) {
                todo.emplace_back(&s, true);
            } else if (s.schedule && scheduleIsDue(*s.schedule, lastSourceRun(target, s.name), now,
                                                   QTimeZone::systemTimeZone())) {
                todo.emplace_back(&s, true);
            } else if (s.watch) {
                todo.emplace_back(&s, false);
            }
        }
    }
    for (const auto& p : problems)
        recordSourceProblem(target, p.name, p.message);  // one run-history line each

    RuntimeOptions runtimeOptions = Runtime::optionsFor(*ws);
    runtimeOptions.queryThreads = 1;
    runtimeOptions.cache = Runtime::commandLineCache(&*ws, target);
    Runtime runtime(runtimeOptions);
    std::vector<SourceRunReport> reports;
    std::vector<std::string> ran;
    for (std::size_t i = 0; i < todo.size(); ++i) {
        const SourceSpec& s = *todo[i].first;
        if (std::find(ran.begin(), ran.end(), s.name) != ran.end()) continue;
        SourceRunOptions o;
        o.workspaceDir = ws->dir();
        o.target = target;
        o.recordIdle = todo[i].second;
        reports.push_back(withRetries<SourceRunReport>(
            s.retry, s.name,
            [&](int attempt) {
                o.attempt = attempt;
                return runSource(runtime, s, o);
            },
            [](const SourceRunReport& r) { return r.status == "error" ? r.error : std::string(); },
            bool(report)));
        ran.push_back(s.name);
        const SourceRunReport& r = reports.back();
        if (!report && (r.status != "idle" || todo[i].second))
            std::fprintf(stderr, "%s\n", sourceRunLine(r).c_str());
        if (r.status == "success") {  // and what follows it
            for (const auto& next : sources.sources)
                if (std::find(next.after.begin(), next.after.end(), s.name) != next.after.end())
                    todo.emplace_back(&next, true);
            if (r.loaded() > 0)  // the reports follow new data, not a file still being written
                for (const ReportSpec* next : reportsAfter(loadedReports.reports, s.name))
                    reportsTodo.push_back(next);
        }
    }

    // The reports: those after the sources that ran, then (--due) those whose schedule is due. A
    // broken report file (or one "after" a source that is not there) is a line of a run of all.
    if (named.empty())
        for (const auto& p : loadedReports.problems) reportProblems.push_back(p);
    if (due) {
        const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
        auto lastRun = [&](const std::string& name) { return lastReportRun(target, name); };
        for (const ReportSpec* r :
             dueReports(loadedReports.reports, lastRun, now, QTimeZone::systemTimeZone()))
            reportsTodo.push_back(r);
    }
    std::optional<QApplication> app;  // dashboards are drawn with the widgets
    std::vector<std::string> reportsRan;
    std::vector<ReportOutcome> outcomes;
    int failedReports = int(reportProblems.size());
    for (const ReportSpec* spec : reportsTodo) {
        if (std::find(reportsRan.begin(), reportsRan.end(), spec->name) != reportsRan.end()) continue;
        reportsRan.push_back(spec->name);
        if (!spec->dashboard.empty() && !app) {
            useOffscreenWithoutDisplay();
            app.emplace(argc, argvRaw);
            widgets::applyTheme(*app, widgets::ThemeMode::Light);
        }
        ReportRunOptions ro;
        ro.historyTarget = target;
        ro.renderDashboard = widgets::renderReportDashboard;
        outcomes.push_back(withRetries<ReportOutcome>(
            spec->retry, spec->name,
            [&](int attempt) {
                ro.attempt = attempt;
                return deskbase::runReport(*ws, runtime, *spec, ro);
            },
            [](const ReportOutcome& o) { return o.status == "error" ? o.message : std::string(); },
            bool(report)));
        failedReports += outcomes.back().status == "error";
        if (!report) std::fprintf(stderr, "%s\n", reportOutcomeLine(*ws, *spec, outcomes.back()).c_str());
    }

    int failed = int(problems.size());
    for (const auto& r : reports) failed += r.status == "error";
    if (report) {
        auto list = nlohmann::ordered_json::array();
        for (const auto& r : reports) list.push_back(sourceRunToJson(r));
        nlohmann::ordered_json out;
        out["sources"] = list;
        auto done = nlohmann::ordered_json::array();
        for (const auto& o : outcomes) done.push_back(reportOutcomeJson(*ws, o));
        out["reports"] = done;
        auto lines = nlohmann::ordered_json::array();
        for (const auto& p : problems) lines.push_back(p.message);
        for (const auto& p : reportProblems) lines.push_back(p);
        out["problems"] = lines;
        std::puts(out.dump().c_str());
    }
    for (const auto& p : problems) std::fprintf(stderr, "%s\n", p.message.c_str());
    for (const auto& p : reportProblems) std::fprintf(stderr, "%s\n", p.c_str());
    if (failed == 0 && failedReports == 0) return 0;
    std::string what;
    if (failed) what = std::to_string(failed) + (failed == 1 ? " source" : " sources");
    if (failedReports)
        what += (what.empty() ? "" : " and ") + std::to_string(failedReports) +
                (failedReports == 1 ? " report" : " reports");
    return failure(verb, what + " failed");
}

}  // namespace deskbase::cli
