// Entry point: a first argument that is a verb runs headless; anything else opens the GUI.
#include <cstdio>
#include <string>
#include <vector>

#include "app/cli/commands.h"
#include "app/gui/gui_options.h"

namespace {

// Every option of the window and of each verb, from the lists their parsers read.
void printHelp() {
    using namespace deskbase;
    std::string text =
        "usage: deskbase [options] [FILE...]\n"
        "Opens the window; FILEs are imported once it is up.\n\noptions:\n" +
        cli::optionLines(gui::guiCommandLineOptions()) +
        "\nA first argument that is a verb runs it headless (deskbase VERB --help for one):\n";
    for (const auto* spec : {&cli::importSpec(), &cli::querySpec(), &cli::renderSpec(), &cli::tablesSpec(),
                             &cli::checkSpec(), &cli::buildSpec(), &cli::lineageSpec(), &cli::reportSpec(),
                             &cli::runSpec(), &cli::watchSpec()})
        text += "\n" + cli::helpText(*spec);
    text += "\nTARGET is a SQLite file path or a libpq connection string (postgresql://user@host:port/db).\n";
    std::fputs(text.c_str(), stdout);
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
        if (verb == "report") return deskbase::cli::runReport(argc, argv, rest);
        if (verb == "run") return deskbase::cli::runRun(argc, argv, rest);
        if (verb == "watch") return deskbase::cli::runWatch(argc, argv, rest);
        if (verb == "help" || verb == "--help" || verb == "-h") {
            printHelp();
            return 0;
        }
    }
    return deskbase::gui::runGui(argc, argv);
}
