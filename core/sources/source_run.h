#pragma once
// One run of a source (docs/sources.md): list its candidate files; take each new one once it has
// stopped changing; import it (the table's checks run inside, core/ingest/import_job.h); build the
// models downstream of the table (those that read it through source()); record it all in the run
// log as a run of kind "source" named after the source, with a step per file and per build.
// The same content is never loaded twice (the ingestion log's content hash, across restarts); a
// file that failed is recorded with its reason and not retried until it changes
// (core/sources/source_files.h). A lock in <workspace>/.deskbase/locks keeps two runners off one
// source; a runner that was killed leaves a stale lock the next one takes over, and nothing
// half-done (each import is one transaction).
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/checks/check_result.h"
#include "core/models/model_build.h"
#include "core/sources/file_stability.h"
#include "core/sources/source_spec.h"

namespace deskbase {

class Runtime;

struct SourceFileOutcome {
    std::string path;    // as shown: relative to the workspace when inside it
    std::string status;  // "loaded", "duplicate" (its content was loaded already), "unchanged"
                         // (replace: the table holds this content already), "failed", "waiting"
    std::int64_t rows = 0, rejected = 0, updated = 0;
    double seconds = 0;
    std::string error;    // failed: one line; waiting: why
    std::string movedTo;  // where it went (processed/, failed/), as shown
};

struct SourceRunReport {
    std::string source;
    std::string status;      // "success", "error", "idle" (nothing new), "busy" (another runner has it)
    std::string error;       // one line
    std::int64_t runId = 0;  // in deskbase_runs; 0: not recorded
    std::vector<SourceFileOutcome> files;
    std::vector<CheckResult> checks;   // the imports' checks
    std::optional<BuildReport> build;  // the models downstream, when a file loaded
    int loaded() const;                // files loaded
};

struct SourceRunOptions {
    std::string workspaceDir;
    std::string target;  // the warehouse
    // Record a run that found nothing new (a manual or scheduled run: its time says when the
    // schedule is next due). A watcher's polls leave those out.
    bool recordIdle = true;
    // A watcher's memory of the files it saw; null: each file's modification time alone decides.
    FileStability* stability = nullptr;
    // A watcher's last error listing the source's files (a missing folder): the same error again
    // is not recorded again on every poll.
    std::string* lastListError = nullptr;
    const std::atomic<bool>* stop = nullptr;  // set: the import under way is cancelled (rolled back)
    std::function<WallTime()> now;            // default: the system clock
    int attempt = 1;  // recorded with the run: 2 and up when it is a retry (core/pipeline/retry.h)
    // Called on the running thread before each file's import (the window's "a run is going").
    std::function<void(const std::string& file)> onFileStarted;
};

// Runs on the calling thread; the imports and builds run as jobs on `runtime`, so it must not be
// called from a job that writes the warehouse. Never fails: problems are in the report (and,
// when the warehouse can be reached, in the run log).
SourceRunReport runSource(Runtime& runtime, const SourceSpec& spec, const SourceRunOptions& options);

// A run that could not start because the source file is broken (a bad schedule, a bad field):
// recorded as a failed "source" run named `name` with `message`. Returns the run id (0 if not).
std::int64_t recordSourceProblem(const std::string& target, const std::string& name,
                                 const std::string& message);

// The start of the source's newest run (for its schedule); none when it never ran.
std::optional<SysSeconds> lastSourceRun(const std::string& target, const std::string& name);

// The files the source would look at now, absolute, oldest first; an error when its folder (or
// file) is missing.
Result<std::vector<std::string>> sourceCandidates(const SourceSpec& spec, const std::string& workspaceDir);

}  // namespace deskbase
