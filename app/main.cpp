// Entry point: a first argument that is a verb runs headless; anything else opens the GUI.
#include <cstdio>
#include <string>

#include "app/cli/commands.h"
#include "app/cli/verbs.h"
#include "app/gui/gui_options.h"

namespace {

// The options answered here, before the window or any verb.
QList<QCommandLineOption> programOptions() {
    return {deskbase::cli::option("help", "Prints this help (every verb's options) and exits."),
            deskbase::cli::option("version", "Prints deskbase's version and exits.")};
}

// Every option of the window and of each verb, from the lists their parsers read.
void printHelp() {
    using namespace deskbase;
    std::string text =
        "usage: deskbase [options] [FILE...]\n"
        "Opens the window; FILEs are imported once it is up.\n\noptions:\n" +
        cli::optionLines(programOptions()) + cli::optionLines(gui::guiCommandLineOptions()) +
        "\nA first argument that is a verb runs it headless (deskbase VERB --help for one):\n";
    for (const auto& verb : cli::verbs()) text += "\n" + cli::helpText(verb.spec());
    text += "\nTARGET is a SQLite file path or a libpq connection string (postgresql://user@host:port/db).\n";
    std::fputs(text.c_str(), stdout);
}

}  // namespace

int main(int argc, char** argv) {
    if (auto code = deskbase::cli::runVerb(argc, argv)) return *code;
    if (argc >= 2) {
        const std::string first = argv[1];
        if (first == "help" || first == "--help" || first == "-h") {
            printHelp();
            return deskbase::cli::finishOutput("", 0);
        }
        if (first == "--version" || first == "-v") {
            std::printf("deskbase %s\n", DESKBASE_VERSION);
            return deskbase::cli::finishOutput("", 0);
        }
    }
    return deskbase::gui::runGui(argc, argv);
}
