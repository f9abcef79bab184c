#include "core/sources/source_run.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <algorithm>
#include <filesystem>

#include "core/checks/check_file.h"
#include "core/checks/check_report.h"
#include "core/infer/naming.h"
#include "core/ingest/import_job.h"
#include "core/models/model_project.h"
#include "core/pipeline/retry.h"
#include "core/pipeline/run_log.h"
#include "core/runtime/runtime.h"
#include "core/sources/source_files.h"
#include "core/util/hash64.h"
#include "core/warehouse/warehouse.h"

namespace deskbase {

namespace fs = std::filesystem;

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

fs::path absoluteIn(const std::string& workspaceDir, const std::string& path) {
    const fs::path p(path);
    return (p.is_absolute() ? p : fs::path(workspaceDir) / p).lexically_normal();
}

// Relative to the workspace when inside it.
std::string shown(const std::string& path, const std::string& workspaceDir) {
    const auto rel = fs::path(path).lexically_relative(fs::path(workspaceDir).lexically_normal());
    const std::string r = rel.generic_string();
    return r.empty() || r.rfind("..", 0) == 0 ? path : r;
}

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// A file a folder source takes: a data file, not hidden, not a download or copy in progress.
bool isDataFile(const std::string& fileName) {
    std::string n = fileName;
    for (auto& c : n) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (n.empty() || n[0] == '.' || n.back() == '~') return false;
    for (const char* temp : {".tmp", ".part", ".partial", ".crdownload", ".download", ".swp"})
        if (endsWith(n, temp)) return false;
    if (endsWith(n, ".gz")) n.resize(n.size() - 3);
    for (const char* ext : {".csv", ".tsv", ".tab", ".txt", ".json", ".ndjson", ".jsonl"})
        if (endsWith(n, ext)) return true;
    return false;
}

FileSeen statFile(const std::string& path) {
    const QFileInfo info(q(path));
    return {info.size(), WallTime(std::chrono::milliseconds(info.lastModified().toMSecsSinceEpoch()))};
}

WallTime wallNow() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

// <folder>/<name>, or <folder>/<stem>-2<ext>, ... when taken.
Result<std::string> moveInto(const std::string& file, const std::string& folderName) {
    const fs::path from(file);
    const fs::path folder =
        fs::path(folderName).is_absolute() ? fs::path(folderName) : from.parent_path() / folderName;
    if (!QDir().mkpath(q(folder.string()))) return Error{"cannot create the folder " + folder.string()};
    fs::path to = folder / from.filename();
    for (int n = 2; QFileInfo::exists(q(to.string())); ++n)
        to = folder / (from.stem().string() + "-" + std::to_string(n) + from.extension().string());
    if (!QFile::rename(q(file), q(to.string())))
        return Error{"cannot move " + from.filename().string() + " into " + folder.string()};
    return to.string();
}

// The hash of the file's raw bytes, as an import computes it (core/io/byte_source.h); empty when
// it cannot be read (the import then says why).
std::string fileContentHash(const std::string& path) {
    QFile f(q(path));
    if (!f.open(QIODevice::ReadOnly)) return {};
    Hash64 hash;
    std::vector<char> buffer(std::size_t(1) << 20);
    for (qint64 n; (n = f.read(buffer.data(), qint64(buffer.size()))) > 0;)
        hash.update(buffer.data(), std::size_t(n));
    return f.error() == QFileDevice::NoError ? hash.hex() : std::string();
}

// A replace source's file whose size or time changed: the table holds its content already when
// the table's newest load (deskbase_ingestions) had the same content hash.
bool tableHoldsContentOf(Warehouse& w, const std::string& table, const std::string& path) {
    auto log = w.tableExists("deskbase_ingestions");
    auto exists = w.tableExists(table);
    if (!log || !*log || !exists || !*exists) return false;
    auto c = w.query("SELECT content_hash FROM deskbase_ingestions WHERE table_name = " + w.placeholder(1) +
                         " ORDER BY id DESC",
                     {Value{table}});
    if (!c) return false;
    std::vector<Row> rows;
    if (auto n = (*c)->fetch(rows, 1); !n || rows.empty()) return false;
    const std::string last = valueToText(rows[0][0]);
    return !last.empty() && last == fileContentHash(path);
}

struct Imported {
    Result<ImportResult> result = Error{"cancelled"};
    bool duplicate = false;
    bool cancelled = false;
    std::vector<CheckResult> checks;
};

// One import as a job writing the warehouse on a connection of its own.
Imported importFile(Runtime& runtime, const std::string& target, const ImportOptions& options,
                    const std::atomic<bool>* stop) {
    auto job = std::make_shared<ImportJob>(options);
    Imported out;
    JobSpec spec;
    spec.kind = "import";
    spec.writesTo = target;
    spec.run = [&out, job, target](JobContext& ctx) -> Status {
        ctx.onCancel([job] { job->cancel(); });
        auto w = ctx.freshConnection(target);
        if (!w) {
            out.result = Error{w.message()};
            return Status::fail(w.message());
        }
        out.result = job->run(**w);
        out.duplicate = job->refusedAsAlreadyLoaded();
        out.checks = job->checkResults();
        return out.result ? Status::ok() : Status::fail(out.result.message());
    };
    JobHandle handle = runtime.jobs().submit(std::move(spec));
    while (!handle.wait(100))
        if (stop && stop->load()) handle.cancel();
    out.cancelled = (stop && stop->load()) || handle.state() == JobState::Cancelled;
    return out;
}

// The models that read `table` through source(), and everything downstream of them.
std::optional<Result<BuildReport>> buildDownstream(Runtime& runtime, const std::string& target,
                                                   const std::string& workspaceDir,
                                                   const std::string& table) {
    auto project = loadModelProject(workspaceDir, Warehouse::dialectFor(target));
    if (!project) return Result<BuildReport>(Error{project.message()});
    BuildOptions options;
    for (const auto& m : project->models)
        for (const auto& s : m.sources())
            if (s.table == table) {
                options.select.push_back(m.name() + "+");
                break;
            }
    if (options.select.empty()) return std::nullopt;
    auto checks = loadWorkspaceChecks(workspaceDir);
    if (!checks) return Result<BuildReport>(Error{checks.message()});
    options.checks = std::move(*checks);
    return buildModels(runtime, target, *project, options);
}

std::string modelNames(const BuildReport& b) {
    std::string s;
    for (const auto& m : b.models) s += (s.empty() ? "" : ", ") + m.name;
    return s;
}

// The run's one line: the first failure, and how many there were; checks that failed on files
// that were kept; a failed build.
std::string summary(const SourceRunReport& r, const std::vector<CheckResult>& keptChecks) {
    int failed = 0;
    std::string first;
    for (const auto& f : r.files)
        if (f.status == "failed" && failed++ == 0) first = f.error;
    std::string out;
    if (failed == 1) out = first;
    if (failed > 1)
        out = std::to_string(failed) + " of " + std::to_string(r.files.size()) + " files failed (" + first +
              ")";
    if (const auto checks = blockingSummary(keptChecks); !checks.empty())
        out += (out.empty() ? "" : "; ") + checks;
    if (r.build && r.build->failed()) out += (out.empty() ? "" : "; ") + buildSummary(*r.build);
    return out;
}

}  // namespace

int SourceRunReport::loaded() const {
    return int(std::count_if(files.begin(), files.end(), [](const auto& f) { return f.status == "loaded"; }));
}

Result<std::vector<std::string>> sourceCandidates(const SourceSpec& spec, const std::string& workspaceDir) {
    const fs::path p = absoluteIn(workspaceDir, spec.path);
    const std::string display = spec.path;
    std::vector<std::string> out;
    const auto kind = sourcePathKind(spec, workspaceDir);
    if (kind == SourcePathKind::File) {
        if (!QFileInfo::exists(q(p.string()))) return Error{display + ": no such file"};
        out.push_back(p.string());
        return out;
    }
    const fs::path folder = kind == SourcePathKind::Folder ? p : p.parent_path();
    const QDir dir(q(folder.string()));
    if (!dir.exists())
        return Error{(kind == SourcePathKind::Folder ? display : folder.string()) + ": no such folder"};
    QStringList filters;
    if (kind == SourcePathKind::Glob) filters << q(p.filename().string());
    struct Entry {
        std::string path;
        std::int64_t modified;
    };
    std::vector<Entry> entries;
    // Unreadable files are listed too, so their failure is recorded, not silently passed over.
    for (const QFileInfo& f : dir.entryInfoList(filters, QDir::Files)) {
        const std::string name = f.fileName().toStdString();
        if (kind == SourcePathKind::Folder ? !isDataFile(name) : name[0] == '.') continue;
        entries.push_back({f.absoluteFilePath().toStdString(), f.lastModified().toMSecsSinceEpoch()});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.modified != b.modified ? a.modified < b.modified : a.path < b.path;
    });
    for (auto& e : entries) out.push_back(std::move(e.path));
    return out;
}

SourceRunReport runSource(Runtime& runtime, const SourceSpec& spec, const SourceRunOptions& o) {
    SourceRunReport report;
    report.source = spec.name;
    const std::string& ws = o.workspaceDir;
    const WallTime now = o.now ? o.now() : wallNow();

    const QString locks = q((fs::path(ws) / ".deskbase" / "locks").string());
    QDir().mkpath(locks);
    QLockFile lock(locks + QLatin1Char('/') + q(toIdentifier(spec.name)) + QStringLiteral(".lock"));
    lock.setStaleLockTime(0);  // stale only when its process is gone: a long import keeps its lock
    if (!lock.tryLock(0)) {
        report.status = "busy";
        report.error = "another runner is running the source " + spec.name;
        return report;
    }

    auto fail = [&](const std::string& message) {
        report.status = "error";
        report.error = message;
        return report;
    };
    auto opened = Warehouse::open(o.target);
    if (!opened) return fail("cannot open the warehouse: " + opened.message());
    Warehouse& w = **opened;
    auto known = sourceFileRecords(w, spec.name);
    if (!known) return fail(known.message());

    // What there is to do: new files that stopped changing.
    FileStability once;
    FileStability& stability = o.stability ? *o.stability : once;
    auto candidates = sourceCandidates(spec, ws);
    std::vector<std::pair<std::string, FileSeen>> todo;
    if (candidates) {
        for (const auto& path : *candidates) {
            const FileSeen seen = statFile(path);
            auto k = known->find(path);
            if (k != known->end() && k->second.seen == seen) continue;  // done, or failed and unchanged
            if (stability.observe(path, seen, now, spec.stableSeconds))
                todo.emplace_back(path, seen);
            else
                report.files.push_back({shown(path, ws), "waiting", 0, 0, 0, 0, "still changing", ""});
        }
    }
    if (o.lastListError) {
        const std::string error = candidates ? std::string() : candidates.message();
        if (!candidates && *o.lastListError == error) return fail(error);  // recorded when it began
        *o.lastListError = error;
    }
    if (candidates && todo.empty() && !o.recordIdle) {
        report.status = "idle";
        return report;
    }
    auto run = startRun(w, "source", spec.name, o.attempt);
    if (!run) return fail(run.message());
    report.runId = *run;
    const auto started = std::chrono::steady_clock::now();
    auto step = [&](const RunStep& s) {
        if (auto st = addRunStep(w, report.runId, s); !st) report.error = st.message();
    };
    if (!candidates) {
        step({"list", spec.path, "error", std::nullopt, 0, candidates.message()});
        (void)finishRun(w, report.runId, "error", candidates.message());
        return fail(candidates.message());
    }

    std::vector<SourceFileOutcome> files;
    std::vector<CheckResult> keptChecks;  // of the files loaded
    for (const auto& [path, seen] : todo) {
        if (o.stop && o.stop->load()) break;
        if (spec.mode == ImportMode::Replace && tableHoldsContentOf(w, spec.table, path)) {
            // Touched or copied again with the same bytes: nothing to reload.
            const std::string why = "unchanged: " + spec.table + " holds this content already";
            if (auto s = recordSourceFile(w, spec.name, {path, seen, "unchanged", "", report.runId}); !s)
                report.error = s.message();
            stability.forget(path);
            SourceFileOutcome f{shown(path, ws), "unchanged", 0, 0, 0, 0, why, ""};
            if (!spec.moveProcessed.empty()) {
                if (auto moved = moveInto(path, spec.moveProcessed))
                    f.movedTo = shown(*moved, ws);
                else
                    f.error += "; " + moved.message();
            }
            step({"import", f.path, "skipped", std::nullopt, 0, f.error});
            files.push_back(std::move(f));
            continue;
        }
        if (o.onFileStarted) o.onFileStarted(shown(path, ws));
        ImportOptions io;
        io.path = path;
        io.table = spec.table;
        io.mode = spec.mode;
        io.typeOverrides = spec.types;
        io.delimiter = spec.delimiter;
        io.hasHeader = spec.header;
        io.encoding = spec.encoding;
        io.checksDir = ws;
        io.refuseOnCheckFailure = spec.refuseOnCheckFailure.value_or(false);
        io.uniqueKey = spec.uniqueKey;
        Imported imported = importFile(runtime, o.target, io, o.stop);
        if (imported.cancelled) break;  // rolled back; the file stays new for the next run
        SourceFileOutcome f;
        f.path = shown(path, ws);
        SourceFileRecord rec{path, seen, "", "", report.runId};
        if (imported.result) {
            f.status = rec.status = "loaded";
            f.rows = imported.result->rows;
            f.rejected = imported.result->rejected;
            f.updated = imported.result->updated;
            f.seconds = imported.result->seconds;
            keptChecks.insert(keptChecks.end(), imported.checks.begin(), imported.checks.end());
        } else {
            std::string m = imported.result.message();
            for (auto at = m.find(path); at != std::string::npos; at = m.find(path, at + f.path.size()))
                m.replace(at, path.size(), f.path);  // the file as the user knows it
            f.status = rec.status = imported.duplicate ? "duplicate" : "failed";
            f.error = imported.duplicate        ? "its content was already loaded into " + spec.table
                      : m.rfind(f.path, 0) == 0 ? m
                                                : f.path + ": " + m;
            if (!imported.duplicate) rec.error = f.error;
        }
        report.checks.insert(report.checks.end(), imported.checks.begin(), imported.checks.end());
        // A file that failed because the warehouse was away or locked stays new: a retry (or the
        // next run) takes it, and it is not moved to failed/.
        const bool transient = f.status == "failed" && isTransientError(f.error);
        if (!transient)
            if (auto s = recordSourceFile(w, spec.name, rec); !s) report.error = s.message();
        const std::string& folder = f.status == "failed" ? spec.moveFailed : spec.moveProcessed;
        if (!folder.empty() && !transient) {
            auto moved = moveInto(path, folder);
            if (moved)
                f.movedTo = shown(*moved, ws);
            else
                f.error += (f.error.empty() ? "" : "; ") + moved.message();
        }
        stability.forget(path);
        step({"import", f.path,
              f.status == "loaded"      ? "success"
              : f.status == "duplicate" ? "skipped"
                                        : "error",
              f.status == "loaded" ? std::optional<std::int64_t>(f.rows) : std::nullopt, f.seconds, f.error});
        if (!imported.checks.empty())
            step({"checks", spec.table, std::string(checkStatusName(worstStatus(imported.checks))),
                  std::nullopt, 0, ""});
        files.push_back(std::move(f));
    }
    for (const auto& waiting : report.files)
        step({"import", waiting.path, "skipped", std::nullopt, 0, "still changing; left for the next run"});
    files.insert(files.end(), report.files.begin(), report.files.end());
    report.files = std::move(files);
    if (auto s = recordCheckResults(w, report.runId, report.checks); !s) report.error = s.message();

    if (report.loaded() > 0 && !(o.stop && o.stop->load())) {
        const auto buildStarted = std::chrono::steady_clock::now();
        if (auto built = buildDownstream(runtime, o.target, ws, spec.table)) {
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - buildStarted).count();
            if (*built) {
                report.build = std::move(**built);
                step({"build", modelNames(*report.build), report.build->failed() ? "error" : "success",
                      std::nullopt, seconds, buildSummary(*report.build)});
            } else {
                step({"build", "models", "error", std::nullopt, seconds, built->message()});
                report.error = built->message();
            }
        }
    }

    const std::string line = summary(report, keptChecks);
    const bool failed = !line.empty() || !report.error.empty();
    report.status = failed ? "error" : (report.files.empty() ? "idle" : "success");
    if (!line.empty()) report.error = line;
    (void)finishRun(w, report.runId, failed ? "error" : "success", report.error,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    return report;
}

std::int64_t recordSourceProblem(const std::string& target, const std::string& name,
                                 const std::string& message) {
    auto w = Warehouse::open(target);
    if (!w) return 0;
    auto run = startRun(**w, "source", name);
    if (!run) return 0;
    (void)addRunStep(**w, *run, {"source", name, "error", std::nullopt, 0, message});
    (void)finishRun(**w, *run, "error", message, 0.0);
    return *run;
}

std::optional<SysSeconds> lastSourceRun(const std::string& target, const std::string& name) {
    return lastRunStart(target, "source", name);
}

}  // namespace deskbase
