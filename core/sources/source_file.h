#pragma once
// Writing sources/*.json (the window's source editor): a SourceSpec back to the shape
// sources/*.json is read in (docs/sources.md), the fields in the order of that table, those left
// at their default left out, so sourceSpecFromText() reads back the same source.
//   {"name": "orders_inbox", "path": "inbox/*.csv", "table": "orders", "mode": "append",
//    "unique_key": ["order_id"], "watch": true, "on_failure": "refuse"}
#include <nlohmann/json.hpp>
#include <string>

#include "core/sources/source_spec.h"
#include "core/util/result.h"

namespace deskbase {

nlohmann::ordered_json sourceSpecToJson(const SourceSpec& spec);

// <workspaceDir>/sources/<spec.name>.json, written atomically (core/io/atomic_file.h). A name
// that cannot be a file name (empty, a slash, a leading dot) is refused with one line.
Status saveSourceFile(const std::string& workspaceDir, const SourceSpec& spec);
// The file a source of that name lives in: <workspaceDir>/sources/<name>.json.
std::string sourceFilePath(const std::string& workspaceDir, const std::string& name);
// Empty when `name` may name a source file; else why not (one line).
std::string sourceNameProblem(const std::string& name);

}  // namespace deskbase
