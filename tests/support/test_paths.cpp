#include "tests/support/test_paths.h"

namespace deskbase::test {

const std::string& dataDir() {
    static const std::string dir = DESKBASE_TEST_DATA;
    return dir;
}

std::string dataFile(const std::string& name) {
    return dataDir() + "/" + name;
}

const std::string& deskbaseBinary() {
    static const std::string binary = DESKBASE_BINARY;
    return binary;
}

}  // namespace deskbase::test
