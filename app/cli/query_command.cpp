// Placeholder until the questions/cache work lands (issue 4).
#include "app/cli/args.h"
#include "app/cli/commands.h"
namespace deskbase::cli {
int runQuery(const std::vector<std::string>&) { return failure("query", "not available in this build yet"); }
}
