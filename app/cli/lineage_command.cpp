// deskbase lineage [--format json|dot] [--workspace DIR]: sources -> models -> questions ->
// dashboards, from the same model graph `deskbase build` uses (docs/models.md).
#include <cstdio>
#include <filesystem>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "core/pipeline/run_log.h"
#include "core/models/lineage.h"
#include "core/models/model_graph.h"
#include "core/warehouse/warehouse.h"
#include "core/workspace/workspace.h"

namespace deskbase::cli {

const VerbSpec& lineageSpec() {
    static const VerbSpec spec{"lineage",
                               "",
                               "Prints sources -> models -> questions -> dashboards.",
                               {
                                   option("format", "json (default) or dot.", "json|dot"),
                                   workspaceOption(),
                               }};
    return spec;
}

int runLineage(const std::vector<std::string>& argv) {
    const char* verb = "lineage";
    std::optional<Args> args;
    if (auto done = parseOrExit(lineageSpec(), argv, args)) return *done;
    if (!args->positional().empty()) return usageError(verb, "unexpected argument " + args->positional()[0]);
    const std::string format = args->value("format").value_or("json");
    if (format != "json" && format != "dot")
        return usageError(verb, "unknown --format " + format + " (json or dot)");
    auto ws = Workspace::open(workspaceDir(*args).value_or("."));
    if (!ws) return failure(verb, ws.message());
    auto project = loadModelProject(ws->dir(), Warehouse::dialectFor(ws->defaultTarget()));
    if (!project) return failure(verb, project.message());
    if (auto graph = ModelGraph::build(*project); !graph) return failure(verb, graph.message());
    // The last build statuses, when the warehouse is there to ask (a lineage needs no warehouse).
    std::map<std::string, std::string> statuses;
    const std::string target = ws->defaultTarget();
    std::error_code ec;
    if (Warehouse::isPostgresTarget(target) || std::filesystem::exists(target, ec))
        if (auto w = Warehouse::open(target))
            if (auto s = lastModelStatuses(**w)) statuses = std::move(*s);
    const Lineage lineage = buildLineage(*ws, *project, statuses);
    std::fputs((format == "json" ? lineageJson(lineage) + "\n" : lineageDot(lineage)).c_str(), stdout);
    return 0;
}

}  // namespace deskbase::cli
