#pragma once
// Reading and writing checks/<table>.json. Every problem is one line naming the file and the
// check: "checks/orders.json: check 3 (between): missing field \"column\"".
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/checks/check_spec.h"
#include "core/util/result.h"

namespace deskbase {

// Loads and validates one file. `displayName` names it in errors (default: the path). A file
// without "table" checks the table named after the file ("orders.json" -> orders).
Result<CheckFile> loadCheckFile(const std::string& path);
Result<CheckFile> loadCheckFile(const std::string& path, const std::string& displayName);
Result<CheckFile> checkFileFromText(const std::string& text, const std::string& displayName,
                                    const std::string& defaultTable);

// Every <workspaceDir>/checks/*.json, sorted by file name. The first bad file fails the whole
// load (its one-line error); no checks folder is an empty list.
Result<std::vector<CheckFile>> loadWorkspaceChecks(const std::string& workspaceDir);
// The workspace's check files on `table`. A file that does not load counts when it is named
// after the table (checks/<table>.json), and then fails the call; other bad files are ignored
// here (`deskbase check` reports them).
Result<std::vector<CheckFile>> loadChecksForTable(const std::string& workspaceDir, const std::string& table);

// The file's JSON with keys in a stable order (table, on_failure, checks; per check: check,
// name, columns, the kind's fields, severity, mostly, description). Defaults are left out.
nlohmann::ordered_json checkFileToJson(const CheckFile& file);
nlohmann::ordered_json checkSpecToJson(const CheckSpec& check);
// Validates `file` (as loading would) and writes it atomically to file.path.
Status saveCheckFile(const CheckFile& file);
// One check's JSON object read as the loader reads it (the reason alone on error; the name
// derived when the object has none).
Result<CheckSpec> checkSpecFromJson(const nlohmann::json& j);
// Validates one check as the loader would: "" when fine, else the one-line reason.
std::string validateCheck(const CheckSpec& check);

// "2d", "12h", "30m", "45s", "1w", "1d12h" -> seconds; nullopt when not a duration.
std::optional<std::int64_t> parseDuration(const std::string& text);

}  // namespace deskbase
