// deskbase run [SOURCE]... [--due] [--workspace DIR] [--db TARGET] [--report json]
// Runs the workspace's sources once (docs/sources.md) and exits: each new file into its table,
// its checks, the models downstream, all in the run history. For cron: `deskbase run --due`.
#include <QTimeZone>
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "core/runtime/runtime.h"
#include "core/sources/source_report.h"
#include "core/sources/source_run.h"
#include "core/workspace/workspace.h"

namespace deskbase::cli {

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

int runRun(const std::vector<std::string>& argv) {
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
        if (sources.sources.empty() && sources.problems.empty())
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
        reports.push_back(runSource(runtime, s, o));
        ran.push_back(s.name);
        const SourceRunReport& r = reports.back();
        if (!report && (r.status != "idle" || todo[i].second))
            std::fprintf(stderr, "%s\n", sourceRunLine(r).c_str());
        if (r.status == "success")  // and what follows it
            for (const auto& next : sources.sources)
                if (std::find(next.after.begin(), next.after.end(), s.name) != next.after.end())
                    todo.emplace_back(&next, true);
    }

    int failed = int(problems.size());
    for (const auto& r : reports) failed += r.status == "error";
    if (report) {
        auto list = nlohmann::ordered_json::array();
        for (const auto& r : reports) list.push_back(sourceRunToJson(r));
        nlohmann::ordered_json out;
        out["sources"] = list;
        auto lines = nlohmann::ordered_json::array();
        for (const auto& p : problems) lines.push_back(p.message);
        out["problems"] = lines;
        std::puts(out.dump().c_str());
    }
    for (const auto& p : problems) std::fprintf(stderr, "%s\n", p.message.c_str());
    if (failed == 0) return 0;
    return failure(verb, std::to_string(failed) + (failed == 1 ? " source failed" : " sources failed"));
}

}  // namespace deskbase::cli
