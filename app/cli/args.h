#pragma once
// A small option parser for the verbs: "--name value", "--name=value", repeated options, flags.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace deskbase::cli {

class Args {
public:
    // `valueOptions` take a value; `flags` do not. Anything else starting with "--" is an error.
    static std::optional<Args> parse(const std::vector<std::string>& argv,
                                     const std::set<std::string>& valueOptions,
                                     const std::set<std::string>& flags, std::string* error);

    bool has(const std::string& name) const { return values_.count(name) > 0; }
    std::optional<std::string> value(const std::string& name) const;  // last occurrence
    std::vector<std::string> values(const std::string& name) const;   // all occurrences, in order
    const std::vector<std::string>& positional() const { return positional_; }

private:
    std::multimap<std::string, std::string> values_;
    std::vector<std::string> positional_;
};

// Prints "deskbase VERB: message" on stderr and returns the exit code 2 (bad usage) or 1 (failure).
int usageError(const std::string& verb, const std::string& message);
int failure(const std::string& verb, const std::string& message);

// The warehouse to use: --db TARGET, else the workspace's default (DESKBASE_WORKSPACE env or
// --workspace, falling back to ./warehouse.db).
std::string resolveTarget(const Args& args);
// The workspace folder (its checks/, ...): --workspace, else DESKBASE_WORKSPACE, else ".".
std::string resolveWorkspace(const Args& args);

// The workspace folder: --workspace DIR, else DESKBASE_WORKSPACE; none when neither is set.
std::optional<std::string> workspaceDir(const Args& args);

}  // namespace deskbase::cli
