#include "app/cli/args.h"
#include "app/cli/commands.h"
namespace deskbase::cli {
int runImport(const std::vector<std::string>&) { return failure("import", "not available yet"); }
}
