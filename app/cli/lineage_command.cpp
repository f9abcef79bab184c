// deskbase lineage [--format json|dot] [--workspace DIR]: sources -> models -> questions ->
// dashboards, from the same model graph `deskbase build` uses (docs/models.md).
#include <cstdio>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "core/models/lineage.h"
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
    auto lineage = loadLineage(*ws);
    if (!lineage) return failure(verb, lineage.message());
    std::fputs((format == "json" ? lineageJson(*lineage) + "\n" : lineageDot(*lineage)).c_str(), stdout);
    return 0;
}

}  // namespace deskbase::cli
