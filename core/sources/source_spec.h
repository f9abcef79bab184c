#pragma once
// sources/*.json: where data comes from and when it runs (docs/sources.md). Every problem is one
// line naming the file and the field: `sources/orders.json: "mode" is "append" or "replace"`.
//   {"name": "orders_inbox", "path": "inbox/*.csv", "table": "orders", "mode": "append",
//    "unique_key": ["order_id"], "watch": true, "on_failure": "refuse"}
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/ingest/import_job.h"
#include "core/pipeline/retry.h"
#include "core/sources/schedule.h"
#include "core/util/result.h"

namespace deskbase {

enum class SourcePathKind { File, Glob, Folder };

struct SourceSpec {
    std::string file;                      // as named in errors: "sources/orders_inbox.json"
    std::string name;                      // default: the file's stem
    std::string description;               // free text
    std::string path;                      // as written; relative to the workspace
    std::string table;                     // default: the name, as a table name
    ImportMode mode = ImportMode::Append;  // append or replace
    std::vector<std::string> uniqueKey;    // append only: rows whose key exists are updated
    // Import options (deskbase import's --type, --delimiter, --header / --no-header, --encoding).
    std::vector<std::pair<std::string, ColumnType>> types;
    std::optional<char> delimiter;
    std::optional<bool> header;
    std::optional<TextEncoding> encoding;
    // "refuse": an error-severity check failure rolls the file's import back; "warn": it is kept.
    // Unset: what the table's check file says.
    std::optional<bool> refuseOnCheckFailure;
    bool watch = false;                // run when a file appears (folder or glob)
    std::optional<Schedule> schedule;  // run on a schedule
    std::vector<std::string> after;    // run after these sources ran
    double stableSeconds = 2;          // a file is taken once size and time were unchanged this long
    std::string moveProcessed;         // folder for loaded files (relative to the file's folder); empty: stay
    std::string moveFailed;            // folder for files that failed; empty: stay
    RetryPolicy retry;                 // "retries", "retry_delay_seconds": transient failures
};

// Parses one file's text; `file` names it in errors, its stem is the default name.
Result<SourceSpec> sourceSpecFromText(const std::string& text, const std::string& file);
Result<SourceSpec> loadSourceFile(const std::string& path, const std::string& displayName);

struct SourceProblem {
    std::string file;     // "sources/broken.json"
    std::string name;     // the source it would define (the file's stem)
    std::string message;  // one line, naming the file
};

struct WorkspaceSources {
    std::vector<SourceSpec> sources;      // sorted by name
    std::vector<SourceProblem> problems;  // a broken file does not stop the others
    const SourceSpec* find(const std::string& name) const;
};

// Every <workspaceDir>/sources/*.json. Two files with one name, or an "after" naming no
// source, are problems. No sources folder: none.
WorkspaceSources loadWorkspaceSources(const std::string& workspaceDir);

// What `path` names, seen from the workspace: wildcards in the file name: a glob; a folder (or a
// path ending in '/'): a folder; else a file.
SourcePathKind sourcePathKind(const SourceSpec& spec, const std::string& workspaceDir);

}  // namespace deskbase
