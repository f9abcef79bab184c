// deskbase tables [--db TARGET]: one line per table with its row count and typed columns.
#include <cstdio>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "core/warehouse/warehouse.h"

namespace deskbase::cli {

const VerbSpec& tablesSpec() {
    static const VerbSpec spec{"tables",
                               "",
                               "Prints one line per table: name, row count and typed columns, tab-separated.",
                               {dbOption(), workspaceOption()}};
    return spec;
}

int runTables(const std::vector<std::string>& argv) {
    std::optional<Args> args;
    if (auto done = parseOrExit(tablesSpec(), argv, args)) return *done;
    if (!args->positional().empty())
        return usageError("tables", "unexpected argument " + args->positional()[0]);
    auto warehouse = Warehouse::open(resolveTarget(*args));
    if (!warehouse) return failure("tables", warehouse.message());
    auto tables = (*warehouse)->listTables();
    if (!tables) return failure("tables", tables.message());
    for (const auto& t : *tables) {
        std::string line = t.name + "\t" + (t.approxRows >= 0 ? std::to_string(t.approxRows) : "?") + "\t";
        for (std::size_t i = 0; i < t.columns.size(); ++i)
            line +=
                (i ? ", " : "") + t.columns[i].name + " " + std::string(columnTypeName(t.columns[i].type));
        std::puts(line.c_str());
    }
    return 0;
}

}  // namespace deskbase::cli
