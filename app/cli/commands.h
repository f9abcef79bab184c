#pragma once
// The headless verbs. Each takes the arguments after the verb and returns the exit status.
#include <string>
#include <vector>

namespace deskbase::cli {

int runImport(const std::vector<std::string>& args);
int runTables(const std::vector<std::string>& args);
int runCheck(const std::vector<std::string>& args);
int runQuery(const std::vector<std::string>& args);
int runBuild(const std::vector<std::string>& args);
int runLineage(const std::vector<std::string>& args);
int runRender(int argc, char** argv, const std::vector<std::string>& args);  // needs a QApplication

}  // namespace deskbase::cli

namespace deskbase::gui {
int runGui(int argc, char** argv);
}
