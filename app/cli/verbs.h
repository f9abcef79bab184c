#pragma once
// The headless verbs in one list: main() dispatches through it, `deskbase --help` prints each
// verb's help from it, and the tests read each verb's options from it.
#include <optional>
#include <string>
#include <vector>

#include "app/cli/args.h"

namespace deskbase::cli {

struct Verb {
    const VerbSpec& (*spec)();
    int (*run)(int argc, char** argv, const std::vector<std::string>& args);
};

const std::vector<Verb>& verbs();

// Runs the verb argv[1] names (std::nullopt when it names none), then checks that everything it
// printed reached stdout (finishOutput).
std::optional<int> runVerb(int argc, char** argv);

// Flushes stdout; when that or any earlier write failed (a full disk, /dev/full) after a verb
// succeeded (`code` 0), prints "deskbase VERB: cannot write the output: REASON" on stderr and
// returns 1 (REASON is "write error" when the failed write's errno is gone). A failed verb's
// `code` is returned as it is: it has printed its own line. An empty `verb` prints "deskbase: ...".
int finishOutput(const std::string& verb, int code);

}  // namespace deskbase::cli
