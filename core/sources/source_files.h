#pragma once
// What a source did with each file it looked at, in the warehouse (deskbase_source_files), so a
// runner that restarts neither reloads a file nor retries one that failed until it changes.
// One row per (source, path, size, modification time) outcome; the newest row of a path counts.
#include <cstdint>
#include <map>
#include <string>

#include "core/sources/file_stability.h"
#include "core/util/result.h"

namespace deskbase {

class Warehouse;

struct SourceFileRecord {
    std::string path;    // as the source sees it (absolute)
    FileSeen seen;       // size and modification time when it was taken
    std::string status;  // "loaded", "duplicate" (its content was loaded before), "unchanged"
                         // (replace: the table holds its content already), "failed"
    std::string error;   // failed: the one-line reason
    std::int64_t runId = 0;
};

Status ensureSourceFiles(Warehouse& w);
Status recordSourceFile(Warehouse& w, const std::string& source, const SourceFileRecord& r);
// The newest record of each path of the source.
Result<std::map<std::string, SourceFileRecord>> sourceFileRecords(Warehouse& w, const std::string& source);

}  // namespace deskbase
