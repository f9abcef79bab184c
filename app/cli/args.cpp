#include "app/cli/args.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace deskbase::cli {

std::optional<Args> Args::parse(const std::vector<std::string>& argv,
                                const std::set<std::string>& valueOptions, const std::set<std::string>& flags,
                                std::string* error) {
    Args args;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.rfind("--", 0) != 0 || a == "--") {
            args.positional_.push_back(a);
            continue;
        }
        std::string name = a.substr(2);
        std::optional<std::string> inlineValue;
        if (auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (flags.count(name)) {
            if (inlineValue) {
                *error = "option --" + name + " takes no value";
                return std::nullopt;
            }
            args.values_.emplace(name, std::string());
        } else if (valueOptions.count(name)) {
            if (!inlineValue) {
                if (i + 1 >= argv.size()) {
                    *error = "option --" + name + " needs a value";
                    return std::nullopt;
                }
                inlineValue = argv[++i];
            }
            args.values_.emplace(name, *inlineValue);
        } else {
            *error = "unknown option --" + name;
            return std::nullopt;
        }
    }
    return args;
}

std::optional<std::string> Args::value(const std::string& name) const {
    auto range = values_.equal_range(name);
    if (range.first == range.second) return std::nullopt;
    return std::prev(range.second)->second;
}

std::vector<std::string> Args::values(const std::string& name) const {
    std::vector<std::string> out;
    auto range = values_.equal_range(name);
    for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
    return out;
}

int usageError(const std::string& verb, const std::string& message) {
    std::fprintf(stderr, "deskbase %s: %s\n", verb.c_str(), message.c_str());
    return 2;
}

int failure(const std::string& verb, const std::string& message) {
    std::fprintf(stderr, "deskbase %s: %s\n", verb.c_str(), message.c_str());
    return 1;
}

std::optional<std::string> workspaceDir(const Args& args) {
    if (auto ws = args.value("workspace")) return *ws;
    if (const char* env = std::getenv("DESKBASE_WORKSPACE"); env && *env) return std::string(env);
    return std::nullopt;
}

std::string resolveTarget(const Args& args) {
    if (auto db = args.value("db")) return *db;
    std::string workspace;
    if (auto ws = args.value("workspace"))
        workspace = *ws;
    else if (const char* env = std::getenv("DESKBASE_WORKSPACE"))
        workspace = env;
    if (workspace.empty()) return "warehouse.db";
    return (std::filesystem::path(workspace) / "warehouse.db").string();
}

std::string resolveWorkspace(const Args& args) {
    if (auto ws = args.value("workspace")) return *ws;
    if (const char* env = std::getenv("DESKBASE_WORKSPACE"); env && *env) return env;
    return ".";
}

}  // namespace deskbase::cli
