#include "core/sources/source_file.h"

#include <filesystem>

#include "core/io/atomic_file.h"

namespace deskbase {

namespace {
constexpr double kDefaultStableSeconds = 2;  // SourceSpec's default
}

nlohmann::ordered_json sourceSpecToJson(const SourceSpec& s) {
    nlohmann::ordered_json j;
    j["name"] = s.name;
    if (!s.description.empty()) j["description"] = s.description;
    j["path"] = s.path;
    j["table"] = s.table;
    j["mode"] = s.mode == ImportMode::Replace ? "replace" : "append";
    if (!s.uniqueKey.empty()) j["unique_key"] = s.uniqueKey;
    if (!s.types.empty()) {
        nlohmann::ordered_json types = nlohmann::ordered_json::object();
        for (const auto& [column, type] : s.types) types[column] = std::string(columnTypeName(type));
        j["types"] = types;
    }
    if (s.delimiter)
        j["delimiter"] = *s.delimiter == '\t' ? std::string("tab") : std::string(1, *s.delimiter);
    if (s.header) j["header"] = *s.header;
    if (s.encoding) j["encoding"] = std::string(textEncodingName(*s.encoding));
    if (s.refuseOnCheckFailure) j["on_failure"] = *s.refuseOnCheckFailure ? "refuse" : "warn";
    if (s.watch) j["watch"] = true;
    if (s.schedule) j["schedule"] = s.schedule->text();
    if (!s.after.empty()) j["after"] = s.after;
    if (s.stableSeconds != kDefaultStableSeconds) j["stable_seconds"] = s.stableSeconds;
    // true means the default folder: written so, as a person would.
    if (!s.moveProcessed.empty())
        j["move_processed"] = s.moveProcessed == "processed" ? nlohmann::ordered_json(true)
                                                             : nlohmann::ordered_json(s.moveProcessed);
    if (!s.moveFailed.empty())
        j["move_failed"] =
            s.moveFailed == "failed" ? nlohmann::ordered_json(true) : nlohmann::ordered_json(s.moveFailed);
    return j;
}

std::string sourceNameProblem(const std::string& name) {
    if (name.empty()) return "a source needs a name";
    if (name.front() == '.' || name.find_first_of("/\\") != std::string::npos)
        return "the source name \"" + name + "\" cannot be a file name (no slash, no leading dot)";
    return {};
}

std::string sourceFilePath(const std::string& workspaceDir, const std::string& name) {
    return (std::filesystem::path(workspaceDir) / "sources" / (name + ".json")).string();
}

Status saveSourceFile(const std::string& workspaceDir, const SourceSpec& spec) {
    if (auto problem = sourceNameProblem(spec.name); !problem.empty()) return Status::fail(problem);
    return writeFileAtomically(sourceFilePath(workspaceDir, spec.name),
                               sourceSpecToJson(spec).dump(2) + "\n");
}

}  // namespace deskbase
