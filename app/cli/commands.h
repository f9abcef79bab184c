#pragma once
// The headless verbs. Each takes the arguments after the verb and returns the exit status.
#include <string>
#include <vector>

#include "app/cli/args.h"

namespace deskbase::cli {

// Each verb's options, for parsing and for `deskbase --help` / `deskbase VERB --help`.
const VerbSpec& importSpec();
const VerbSpec& tablesSpec();
const VerbSpec& checkSpec();
const VerbSpec& querySpec();
const VerbSpec& buildSpec();
const VerbSpec& lineageSpec();
const VerbSpec& renderSpec();
const VerbSpec& reportSpec();
const VerbSpec& runSpec();
const VerbSpec& watchSpec();

int runImport(const std::vector<std::string>& args);
int runTables(const std::vector<std::string>& args);
int runCheck(const std::vector<std::string>& args);
int runQuery(const std::vector<std::string>& args);
int runBuild(const std::vector<std::string>& args);
int runLineage(const std::vector<std::string>& args);
// Verbs that draw widgets with no display (cron, CI): the offscreen platform unless a display
// or a platform was given. Call before constructing the QApplication.
void useOffscreenWithoutDisplay();

int runRender(int argc, char** argv, const std::vector<std::string>& args);  // needs a QApplication
int runReport(int argc, char** argv, const std::vector<std::string>& args);  // needs a QApplication
int runRun(int argc, char** argv, const std::vector<std::string>& args);     // a QApplication for dashboards
int runWatch(int argc, char** argv, const std::vector<std::string>& args);   // makes a QApplication

}  // namespace deskbase::cli

namespace deskbase::gui {
int runGui(int argc, char** argv);
}
