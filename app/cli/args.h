#pragma once
// The verbs' command lines, read by QCommandLineParser: "--name value", "--name=value", repeated
// options, flags, and -h/--help. Each verb declares its options once (name, description, value
// name); the same list drives parsing and the help text, so no option is accepted unlisted.
#include <QCommandLineOption>
#include <QList>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace deskbase::cli {

// One option: a flag when valueName is empty.
QCommandLineOption option(const char* name, const char* description, const char* valueName = "");

// The options several verbs share, described once.
QCommandLineOption dbOption();         // --db TARGET
QCommandLineOption workspaceOption();  // --workspace DIR

// How a verb is called: "render", "DASHBOARD.json --out FILE", one line of summary, its options.
struct VerbSpec {
    std::string verb;
    std::string arguments;  // the positional part of the synopsis
    std::string summary;    // one line
    QList<QCommandLineOption> options;
};

class Args {
public:
    // An option not in `spec` is an error ("Unknown option 'x'."); so is a missing value.
    static std::optional<Args> parse(const VerbSpec& spec, const std::vector<std::string>& argv,
                                     std::string* error);

    bool helpRequested() const { return help_; }
    bool has(const std::string& name) const { return values_.count(name) > 0; }
    std::optional<std::string> value(const std::string& name) const;  // last occurrence
    std::vector<std::string> values(const std::string& name) const;   // all occurrences, in order
    const std::vector<std::string>& positional() const { return positional_; }

private:
    std::map<std::string, std::vector<std::string>> values_;  // option -> its values, in order
    std::vector<std::string> positional_;
    bool help_ = false;
};

// "usage: deskbase VERB ARGUMENTS [options]", the summary and one line per option.
std::string helpText(const VerbSpec& spec);
// The option lines alone (also used for the window's options in `deskbase --help`).
std::string optionLines(const QList<QCommandLineOption>& options);

// Parses `argv` for `spec`. Returns an exit status when the verb is done already: 2 after a
// one-line usage error, 0 after printing the help; std::nullopt when the verb should run.
std::optional<int> parseOrExit(const VerbSpec& spec, const std::vector<std::string>& argv,
                               std::optional<Args>& args);

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
