// Placeholder until the dashboards work lands (issue 6).
#include "app/cli/args.h"
#include "app/cli/commands.h"
namespace deskbase::cli {
int runRender(int, char**, const std::vector<std::string>&) { return failure("render", "not available in this build yet"); }
}
