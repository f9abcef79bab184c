// deskbase build [--select NAME[+]]... [--full-refresh] [--var NAME=VALUE]... [--workspace DIR]
//                [--db TARGET] [--report json]
// Builds the workspace's models (models/*.sql) into the warehouse and runs each model's checks
// (checks/<model>.json) after it builds; see docs/models.md.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "core/checks/check_file.h"
#include "core/checks/check_report.h"
#include "core/models/model_build.h"
#include "core/runtime/runtime.h"
#include "core/warehouse/warehouse.h"
#include "core/workspace/workspace.h"

namespace deskbase::cli {

namespace {

nlohmann::ordered_json reportJson(const BuildReport& r) {
    auto models = nlohmann::ordered_json::array();
    for (const auto& m : r.models) {
        nlohmann::ordered_json j;
        j["name"] = m.name;
        j["status"] = m.status;
        j["materialized"] = materializationName(m.materialized);
        j["rows"] = m.rows ? nlohmann::ordered_json(*m.rows) : nlohmann::ordered_json(nullptr);
        j["seconds"] = m.seconds;
        j["error"] = m.error.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(m.error);
        models.push_back(std::move(j));
    }
    return {{"models", models}, {"checks", checkResultsToJson(r.checks)}};
}

void printLine(const ModelRun& m) {
    std::fprintf(stderr, "%s\n", modelRunLine(m).c_str());
}

void printChecks(const std::string& model, const std::vector<CheckResult>& checks) {
    for (const auto& c : checks)
        if (c.table == model)
            std::fprintf(stderr, "  %-5s  %s  %s\n", std::string(checkStatusName(c.status)).c_str(),
                         c.name.c_str(), c.message.c_str());
}

}  // namespace

const VerbSpec& buildSpec() {
    static const VerbSpec spec{
        "build",
        "",
        "Builds the workspace's models (models/*.sql) into the warehouse.",
        {
            option("select",
                   "A model to build: NAME, NAME+ (and downstream), +NAME (and upstream); repeatable.",
                   "NAME[+]"),
            option("full-refresh", "Rebuild incremental models from scratch."),
            option("var", "Sets {{ var('NAME') }}, over deskbase.json's \"vars\"; repeatable.", "NAME=VALUE"),
            workspaceOption(),
            dbOption(),
            option("report", "Print one JSON object with every model's outcome.", "json"),
        }};
    return spec;
}

int runBuild(const std::vector<std::string>& argv) {
    const char* verb = "build";
    std::optional<Args> args;
    if (auto done = parseOrExit(buildSpec(), argv, args)) return *done;
    if (!args->positional().empty()) return usageError(verb, "unexpected argument " + args->positional()[0]);
    const auto report = args->value("report");
    if (report && *report != "json") return usageError(verb, "--report supports only json");

    BuildOptions options;
    options.select = args->values("select");
    options.fullRefresh = args->has("full-refresh");
    for (const auto& v : args->values("var")) {
        const auto eq = v.find('=');
        if (eq == std::string::npos || eq == 0)
            return usageError(verb, "--var needs NAME=VALUE, got \"" + v + "\"");
        options.vars[v.substr(0, eq)] = v.substr(eq + 1);
    }

    auto ws = Workspace::open(workspaceDir(*args).value_or("."));
    if (!ws) return failure(verb, ws.message());
    const std::string target = args->value("db").value_or(ws->defaultTarget());
    const Dialect& dialect = Warehouse::dialectFor(target);
    auto project = loadModelProject(ws->dir(), dialect);
    if (!project) return failure(verb, project.message());
    if (project->models.empty())
        return failure(verb, "no models in " + ws->path("models") + " (models/*.sql)");
    auto checks = loadWorkspaceChecks(ws->dir());
    if (!checks) return failure(verb, checks.message());
    options.checks = std::move(*checks);

    RuntimeOptions runtimeOptions = Runtime::optionsFor(*ws);
    runtimeOptions.queryThreads = 1;
    runtimeOptions.cache = Runtime::commandLineCache(&*ws, target);
    Runtime runtime(runtimeOptions);
    auto built = buildModels(runtime, target, *project, options);
    if (!built) return failure(verb, built.message());

    if (report)
        std::puts(reportJson(*built).dump().c_str());
    else
        for (const auto& m : built->models) {
            printLine(m);
            printChecks(m.name, built->checks);
        }
    if (!built->failed()) return 0;
    return failure(verb, buildSummary(*built));
}

}  // namespace deskbase::cli
