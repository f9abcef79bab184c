#pragma once
// Tests of refused writes need a user the file permissions apply to, and tests run as root (who
// may write anything). Under root, rerunAsNobody() runs the current test function again in a
// child process as the unprivileged user nobody (setpriv, util-linux) and reports how it went.
#include <QString>

namespace deskbase::test {

struct UnprivilegedRun {
    bool passed = false;
    QString output;  // the child's test log, for the failure message
};

// True when this process may ignore file permissions (root).
bool isPrivileged();
// Reruns the current test function as nobody; `passed` when the child ran it and it passed.
UnprivilegedRun rerunAsNobody(const char* testClass);

}  // namespace deskbase::test
