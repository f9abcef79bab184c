#pragma once
// Where the test data and the deskbase binary are. Only test_paths.cpp is compiled with their
// absolute paths, so every other test object is the same in any checkout (ccache hits across
// clones and worktrees).
#include <string>

namespace deskbase::test {

const std::string& dataDir();         // tests/data of this checkout
std::string dataFile(const std::string& name);  // dataDir() + "/" + name
const std::string& deskbaseBinary();  // the deskbase program this build made

}  // namespace deskbase::test
