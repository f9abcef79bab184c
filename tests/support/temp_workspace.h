#pragma once
// A temporary folder removed when the test ends, with helpers to write files into it.
#include <QTemporaryDir>
#include <string>
#include <vector>

namespace deskbase::test {

class TempWorkspace {
public:
    TempWorkspace();
    std::string path() const;                                   // the folder
    std::string file(const std::string& name) const;            // path of a file in it
    std::string write(const std::string& name, const std::string& bytes) const;  // makes its folder; returns the path
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
ProcessResult runDeskbase(const std::vector<std::string>& args, int timeoutMs = 120000);

}  // namespace deskbase::test
