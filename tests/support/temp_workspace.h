#pragma once
// A temporary folder removed when the test ends, with helpers to write files into it.
#include <QTemporaryDir>
#include <string>
#include <vector>

namespace deskbase::test {

class TempWorkspace {
public:
    TempWorkspace();
    std::string path() const;                         // the folder
    std::string file(const std::string& name) const;  // path of a file in it
    // Writes a file, making its folder ("reports/a.json"); returns its path.
    std::string write(const std::string& name, const std::string& bytes) const;
    std::string sqlitePath() const { return file("warehouse.db"); }

private:
    QTemporaryDir dir_;
};

// Runs the deskbase binary with arguments; returns exit code, stdout and stderr.
struct ProcessResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};
// Gives the processes this test starts a private XDG_RUNTIME_DIR inside `ws`: without one, Qt
// adds a warning line ("QStandardPaths: XDG_RUNTIME_DIR not set") to the stderr tests compare.
bool usePrivateRuntimeDir(const TempWorkspace& ws);

ProcessResult runDeskbase(const std::vector<std::string>& args, int timeoutMs = 120000);

}  // namespace deskbase::test
