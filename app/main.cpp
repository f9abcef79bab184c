// Entry point: a first argument that is a verb runs headless; anything else opens the GUI.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "app/cli/commands.h"

namespace {

void printHelp() {
    std::puts(
        "usage:\n"
        "  deskbase [--workspace DIR] [FILE...]        open the GUI (FILEs are imported)\n"
        "  deskbase import FILE... [--db TARGET] [--table NAME] [--mode create|replace|append]\n"
        "                  [--type COL=TYPE]... [--force] [--report json]\n"
        "  deskbase query (--sql TEXT | --question FILE) [--param NAME=VALUE]... [--db TARGET]\n"
        "                  [--format table|csv|json] [--no-cache]\n"
        "  deskbase render DASHBOARD.json --out FILE.png|FILE.pdf [--param NAME=VALUE]... [--db TARGET]\n"
        "  deskbase tables [--db TARGET]\n"
        "  deskbase check [TABLE]... [--workspace DIR] [--db TARGET] [--report json]\n"
        "  deskbase build [--select NAME[+]]... [--full-refresh] [--var NAME=VALUE]... [--workspace DIR]\n"
        "                 [--db TARGET] [--report json]\n"
        "  deskbase lineage [--format json|dot] [--workspace DIR]\n"
        "\nTARGET is a SQLite file path or a libpq URI (postgresql://user@host:port/db).");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 2) {
        const std::string verb = argv[1];
        std::vector<std::string> rest(argv + 2, argv + argc);
        if (verb == "import") return deskbase::cli::runImport(rest);
        if (verb == "query") return deskbase::cli::runQuery(rest);
        if (verb == "tables") return deskbase::cli::runTables(rest);
        if (verb == "check") return deskbase::cli::runCheck(rest);
        if (verb == "build") return deskbase::cli::runBuild(rest);
        if (verb == "lineage") return deskbase::cli::runLineage(rest);
        if (verb == "render") return deskbase::cli::runRender(argc, argv, rest);
        if (verb == "help" || verb == "--help" || verb == "-h") { printHelp(); return 0; }
    }
    return deskbase::gui::runGui(argc, argv);
}
