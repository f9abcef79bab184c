#include "app/cli/args.h"

#include <QCommandLineParser>
#include <QStringList>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace deskbase::cli {

QCommandLineOption option(const char* name, const char* description, const char* valueName) {
    return QCommandLineOption(QString::fromUtf8(name), QString::fromUtf8(description),
                              QString::fromUtf8(valueName));
}

QCommandLineOption dbOption() {
    return option("db", "The warehouse: a SQLite file or a libpq connection string.", "TARGET");
}

QCommandLineOption workspaceOption() {
    return option("workspace", "The workspace folder (default $DESKBASE_WORKSPACE, else the current one).",
                  "DIR");
}

std::optional<Args> Args::parse(const VerbSpec& spec, const std::vector<std::string>& argv,
                                std::string* error) {
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOption(help);
    for (const auto& o : spec.options) parser.addOption(o);
    QStringList list{QString::fromStdString("deskbase " + spec.verb)};
    for (const auto& a : argv) list << QString::fromStdString(a);
    if (!parser.parse(list)) {
        *error = parser.errorText().toStdString();
        return std::nullopt;
    }
    Args args;
    args.help_ = parser.isSet(help);
    for (const auto& o : spec.options) {
        if (!parser.isSet(o)) continue;
        auto& values = args.values_[o.names().constFirst().toStdString()];
        if (o.valueName().isEmpty()) values.emplace_back();  // a flag
        for (const QString& v : parser.values(o)) values.push_back(v.toStdString());
    }
    for (const QString& p : parser.positionalArguments()) args.positional_.push_back(p.toStdString());
    return args;
}

std::optional<std::string> Args::value(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
}

std::vector<std::string> Args::values(const std::string& name) const {
    auto it = values_.find(name);
    return it == values_.end() ? std::vector<std::string>{} : it->second;
}

std::string optionLines(const QList<QCommandLineOption>& options) {
    constexpr std::size_t column = 28;
    std::string out;
    for (const auto& o : options) {
        std::string left = "  --" + o.names().constFirst().toStdString();
        if (!o.valueName().isEmpty()) left += " " + o.valueName().toStdString();
        if (left.size() < column)
            left.resize(column, ' ');
        else
            left += "\n" + std::string(column, ' ');
        out += left + o.description().toStdString() + "\n";
    }
    return out;
}

std::string helpText(const VerbSpec& spec) {
    std::string out = "usage: deskbase " + spec.verb;
    if (!spec.arguments.empty()) out += " " + spec.arguments;
    out += " [options]\n" + spec.summary + "\n\noptions:\n" + optionLines(spec.options);
    return out;
}

std::optional<int> parseOrExit(const VerbSpec& spec, const std::vector<std::string>& argv,
                               std::optional<Args>& args) {
    std::string error;
    args = Args::parse(spec, argv, &error);
    if (!args) return usageError(spec.verb, error);
    if (args->helpRequested()) {
        std::fputs(helpText(spec).c_str(), stdout);
        return 0;
    }
    return std::nullopt;
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
