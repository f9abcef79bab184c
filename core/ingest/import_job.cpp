#include "core/ingest/import_job.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>

#include "core/checks/check_file.h"
#include "core/checks/import_checks.h"
#include "core/infer/naming.h"
#include "core/ingest/bookkeeping.h"
#include "core/ingest/file_schema.h"
#include "core/ingest/load_pipeline.h"
#include "core/ingest/reject_spill.h"
#include "core/runtime/companion.h"
#include "core/util/enum_names.h"
#include "core/warehouse/transaction.h"
#include "core/warehouse/upsert.h"
#include "core/warehouse/warehouse.h"
#include "core/warehouse/write_turn.h"

namespace deskbase {

DESKBASE_ENUM_NAMES(kImportModeNames, ImportMode,
                    {{ImportMode::Create, "create"},
                     {ImportMode::Replace, "replace"},
                     {ImportMode::Append, "append"}})

std::optional<ImportMode> parseImportMode(std::string_view s) {
    return enumFromName(kImportModeNames, s);
}

std::string_view importModeName(ImportMode m) {
    return enumName(kImportModeNames, m);
}

namespace {

constexpr std::int64_t kGuessRows = 20000;  // rows that guess the types while the whole file is checked

Result<FileSniff> sniffWithOverrides(const ImportOptions& o) {
    // A delimiter the user chose is sniffed with: preamble, comments and header follow from it.
    auto sniff = sniffFile(o.path, o.delimiter.value_or(0));
    if (!sniff) return sniff;
    if (o.hasHeader) sniff->dialect.hasHeader = *o.hasHeader;
    if (o.encoding) sniff->encoding = *o.encoding;
    return sniff;
}

// Names, display names and types of the file's columns, with the user's renames and overrides.
Result<std::vector<Column>> columnsFor(const FileSchema& schema, const ImportOptions& o) {
    std::vector<std::string> wanted = schema.header;
    for (std::size_t i = 0; i < wanted.size() && i < o.columnNames.size(); ++i)
        if (!o.columnNames[i].empty()) wanted[i] = o.columnNames[i];
    const auto names = uniqueIdentifiers(wanted);
    std::vector<Column> cols(names.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
        cols[i].name = names[i];
        cols[i].displayName = schema.header[i];
        cols[i].type = schema.inference[i].type();
    }
    for (const auto& [key, type] : o.typeOverrides) {
        auto it = std::find_if(cols.begin(), cols.end(), [&](const Column& c) {
            return c.name == key || c.displayName == key || c.name == toIdentifier(key);
        });
        if (it == cols.end()) return Error{"--type names a column the file does not have: " + key};
        it->type = type;
    }
    return cols;
}

// Per column loaded: why a column of numbers became text (ColumnInference::textReason), or how
// many values miss the type nearly all the others have (misfitNote: their rows are rejected).
std::vector<std::string> textNotes(const FileSchema& schema, const std::vector<Column>& columns,
                                   const std::vector<std::size_t>& sourceIndex) {
    std::vector<std::string> notes(columns.size());
    for (std::size_t i = 0; i < columns.size() && i < sourceIndex.size(); ++i) {
        const ColumnInference& inf = schema.inference[sourceIndex[i]];
        if (columns[i].type == ColumnType::Text) notes[i] = inf.textReason();
        else if (columns[i].type == inf.type()) notes[i] = inf.misfitNote();
    }
    return notes;
}

struct PlannedLoad {
    LoadPlan plan;
    std::vector<Column> target;  // the columns of the table loaded into, in order
};

// What to load where: the file's columns (with the user's renames and type overrides), or for
// append the existing table's columns matched by name, whose types win.
Result<PlannedLoad> planLoad(Warehouse& w, const std::string& table, ImportMode mode,
                             const FileSchema& schema, const ImportOptions& options) {
    if (schema.header.empty()) {
        if (!schema.firstError.empty()) return Error{options.path + ", " + schema.firstError};
        return Error{options.path + " has no records"};
    }
    auto fileColumns = columnsFor(schema, options);
    if (!fileColumns) return Error{fileColumns.message()};
    PlannedLoad out;
    LoadPlan& plan = out.plan;
    plan.path = options.path;
    plan.sniff = schema.sniff;
    plan.readerKeys = schema.header;
    plan.sourceColumns = schema.header.size();
    if (mode != ImportMode::Append) {
        out.target = *fileColumns;
        for (std::size_t i = 0; i < out.target.size(); ++i) plan.sourceIndex.push_back(i);
    } else {
        auto existing = w.describeTable(table);
        if (!existing) return Error{existing.message()};
        std::vector<std::string> missing, extra;
        std::map<std::string, std::size_t> byName;
        for (std::size_t i = 0; i < fileColumns->size(); ++i) byName[(*fileColumns)[i].name] = i;
        for (const auto& c : existing->columns) {
            auto it = byName.find(c.name);
            if (it == byName.end()) {
                missing.push_back(c.name);
                continue;
            }
            Column t = c;
            t.displayName = (*fileColumns)[it->second].displayName;
            out.target.push_back(t);
            plan.sourceIndex.push_back(it->second);
            byName.erase(it);
        }
        for (const auto& entry : byName) extra.push_back(entry.first);
        if (!missing.empty() || !extra.empty()) {
            auto join = [](const std::vector<std::string>& v) {
                std::string s;
                for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
                return s.empty() ? std::string("none") : s;
            };
            return Error{"cannot append to " + table + ": columns differ (missing in the file: " +
                         join(missing) + "; not in the table: " + join(extra) + ")"};
        }
    }
    for (std::size_t i = 0; i < out.target.size(); ++i) {
        plan.columnNames.push_back(out.target[i].name);
        plan.types.push_back(out.target[i].type);
        plan.slashOrders.push_back(schema.inference[plan.sourceIndex[i]].slashOrder());
    }
    return out;
}

Status createTable(Warehouse& w, const std::string& name, const std::vector<Column>& columns) {
    std::string ddl = "CREATE TABLE " + w.quoteIdentifier(name) + " (";
    for (std::size_t i = 0; i < columns.size(); ++i)
        ddl += (i ? ", " : "") + w.quoteIdentifier(columns[i].name) + " " + w.sqlType(columns[i].type);
    ddl += ")";
    auto s = w.execute(ddl);
    return s ? s : Status::fail("cannot create the table: " + s.message());
}

// A load where more than the allowed share of the rows was rejected: a wrong --type or a misread
// file, refused in one line that says how many and the first reason.
Status checkRejectShare(const LoadStats& loaded, const RejectSpill& rejects, const ImportOptions& o) {
    const std::int64_t read = loaded.rows + loaded.rejected;
    // A share says little in a tiny file (one bad row of four is 25%): under kMinRejectsToJudge
    // rejects the load is refused only when nothing at all would load.
    const bool tooMany = loaded.rows == 0 || (double(loaded.rejected) > o.maxRejectShare * double(read) &&
                                              loaded.rejected >= ImportOptions::kMinRejectsToJudge);
    if (o.allowRejects || loaded.rejected == 0 || !tooMany) return Status::ok();
    const auto percent = [](double share) { return std::to_string(int(share * 100 + 0.5)) + "%"; };
    return Status::fail(std::to_string(loaded.rejected) + " of " + std::to_string(read) + " rows (" +
                        percent(double(loaded.rejected) / double(read)) + ") were rejected, more than the " +
                        percent(o.maxRejectShare) + " allowed (first: line " +
                        std::to_string(rejects.firstLine()) + ", " + rejects.firstReason() + ")");
}

// Two plans convert every record identically.
bool samePlan(const LoadPlan& a, const LoadPlan& b) {
    return a.sniff.encoding == b.sniff.encoding && a.readerKeys == b.readerKeys &&
           a.sourceIndex == b.sourceIndex && a.types == b.types && a.slashOrders == b.slashOrders &&
           a.columnNames == b.columnNames;
}

}  // namespace

ImportJob::ImportJob(ImportOptions options) : options_(std::move(options)) {}

Result<ImportResult> ImportJob::run(Warehouse& w,
                                    const std::function<void(const ImportProgress&)>& progress) {
    const auto started = std::chrono::steady_clock::now();
    const std::string startedAt = utcNowIso();
    auto lastReport = started;
    ImportStage stage = ImportStage::Reading, reportedStage = stage;
    auto report = [&](double fraction, std::int64_t rows, std::int64_t bytes, std::int64_t total,
                      bool force) {
        if (!progress) return;
        const auto now = std::chrono::steady_clock::now();
        if (!force && stage == reportedStage && now - lastReport < std::chrono::milliseconds(50)) return;
        lastReport = now;
        reportedStage = stage;
        progress(ImportProgress{std::clamp(fraction, 0.0, 1.0), rows, bytes, total, stage});
    };

    auto sniff = sniffWithOverrides(options_);
    if (!sniff) return Error{sniff.message()};
    report(0.0, 0, 0, sniff->sizeBytes, true);
    const std::string table =
        toTableName(options_.table.empty() ? tableNameForPath(options_.path) : options_.table);
    // (A rejects table "<t>__rejects" cannot be hit: identifiers never hold a double underscore.)
    if (table.rfind("deskbase_", 0) == 0 || table.rfind("sqlite_", 0) == 0 || table.rfind("pg_", 0) == 0)
        return Error{"the table name " + table + " is reserved; choose another with --table"};
    const bool encodingFixed = options_.encoding.has_value();
    checks_.clear();
    alreadyLoaded_ = false;
    rejectsRefusal_.clear();
    std::vector<CheckFile> checkFiles;  // read before anything is loaded: a bad file stops the import
    if (!options_.checksDir.empty()) {
        auto files = loadChecksForTable(options_.checksDir, table);
        if (!files) return Error{files.message()};
        checkFiles = std::move(*files);
    }

    // Types are inferred over the whole file. So that loading need not wait for that pass, the
    // load starts with types guessed from the first rows while the whole-file pass runs on
    // another thread; if the whole file disagrees, the speculative load is redone.
    auto guess = inferFileSchema(options_.path, *sniff, encodingFixed, cancelled_, {}, kGuessRows);
    if (!guess) return Error{guess.message()};
    std::optional<FileSchema> full;
    if (guess->complete) full = *guess;
    std::atomic<bool> stopInference{false};
    std::optional<Result<FileSchema>> wholeResult;
    Companion wholeFile;
    if (!full) {
        wholeFile = Companion([&] {
            wholeResult.emplace(inferFileSchema(options_.path, *sniff, encodingFixed, stopInference, {}));
        });
    }
    struct StopInference {  // an early return must not leave the thread reading
        std::atomic<bool>& stop;
        Companion& c;
        ~StopInference() {
            stop.store(true);
            c.join();
        }
    } stopGuard{stopInference, wholeFile};
    auto awaitFull = [&]() -> Status {
        if (full) return Status::ok();
        wholeFile.join();
        auto r = std::move(*wholeResult);
        if (!r) return Status::fail(r.message());
        full = std::move(*r);
        return Status::ok();
    };

    w.beginBulkLoad();
    struct EndBulkLoad {
        Warehouse& w;
        ~EndBulkLoad() { w.endBulkLoad(); }
    } endBulkLoad{w};  // declared before the transaction, so it runs after the rollback/commit
    // Another writer (SQLite: any; PostgreSQL: an import into the same table) makes this one wait
    // its turn, saying so, until it is done or this job is cancelled.
    const auto keepWaiting = [&] {
        if (stage != ImportStage::Waiting) {
            stage = ImportStage::Waiting;
            report(0.0, 0, 0, sniff->sizeBytes, true);
        }
        return !cancelled_.load();
    };
    Transaction tx(w);
    if (auto s = beginWriteTurn(w, tx, keepWaiting); !s)
        return Error{cancelled_.load() ? std::string("cancelled")
                                       : "cannot start the import: " + s.message()};
    if (auto s = ensureBookkeeping(w, keepWaiting); !s) return Error{s.message()};
    // One import into a table at a time: the duplicate check below and the load are then one
    // step, and two imports cannot both create the table.
    if (auto s = lockUntilCommit(w, "deskbase import " + table, keepWaiting); !s) return Error{s.message()};

    auto exists = w.tableExists(table);
    if (!exists) return Error{exists.message()};
    ImportMode mode = options_.mode;
    if (mode == ImportMode::Create && *exists)
        return Error{"table " + table + " already exists (use --mode replace or --mode append)"};
    if (mode == ImportMode::Append && !*exists) mode = ImportMode::Create;  // nothing to append to yet
    // A keyed append loads into staging and merges from there, also into a table made for it.
    const bool upsert = options_.mode == ImportMode::Append && !options_.uniqueKey.empty();
    const bool staged = mode != ImportMode::Append || upsert;

    if (mode == ImportMode::Append) {
        // Appending checks the content hash before writing anything: no speculation.
        if (auto s = awaitFull(); !s) return Error{s.message()};
        auto dup = contentAlreadyLoaded(w, table, full->contentHash);
        if (!dup) return Error{dup.message()};
        alreadyLoaded_ = *dup && !options_.force;
        if (alreadyLoaded_)
            return Error{"this file's content was already loaded into " + table +
                         " (use --force to load it again)"};
    }

    stage = ImportStage::Loading;
    report(0.0, 0, 0, sniff->sizeBytes, true);

    // Create/replace load into a staging table swapped in at the end; append writes in place.
    const std::string staging = "deskbase_staging_" + table;
    const std::string loadInto = staged ? staging : table;
    std::unique_ptr<RejectSpill> rejects;
    LoadStats loaded;
    PlannedLoad planned;
    for (int attempt = 0;; ++attempt) {
        const FileSchema& schema = full ? *full : *guess;
        auto p = planLoad(w, table, mode, schema, options_);
        if (!p) return Error{p.message()};
        planned = std::move(*p);
        if (staged) {
            if (auto s = w.execute("DROP TABLE IF EXISTS " + w.quoteIdentifier(staging)); !s)
                return Error{s.message()};
            if (auto s = createTable(w, staging, planned.target); !s) return Error{s.message()};
        }
        auto writer = w.bulkWriter(loadInto, planned.target);
        if (!writer) return Error{writer.message()};
        rejects = std::make_unique<RejectSpill>();

        // Stops the load when cancelled, or as soon as the whole file shows the guess was wrong.
        std::atomic<bool> stopLoad{false};
        bool guessWrong = false;
        std::string passOneError;
        const bool speculative = !full;
        auto stats = runLoadPipeline(planned.plan, **writer, *rejects, stopLoad,
                                     [&](std::int64_t bytes, std::int64_t total, std::int64_t rows) {
                                         if (cancelled_.load(std::memory_order_relaxed)) stopLoad.store(true);
                                         if (speculative && !full && wholeFile.finished()) {
                                             if (auto s = awaitFull(); !s) {
                                                 passOneError = s.message();
                                                 stopLoad.store(true);
                                                 return;
                                             }
                                             auto fp = planLoad(w, table, mode, *full, options_);
                                             guessWrong = !fp || !samePlan(fp->plan, planned.plan);
                                             if (guessWrong) stopLoad.store(true);
                                         }
                                         const double f = total ? double(bytes) / double(total) : 0;
                                         report(f * 0.99, rows, bytes, total, false);
                                     });
        if (cancelled_.load()) return Error{"cancelled"};
        if (!passOneError.empty()) return Error{passOneError};
        if (!stats && !guessWrong) {
            if (!full && wholeFile.running()) {
                // The real cause may be the file itself (e.g. unreadable later on): prefer pass one's word.
                if (auto s = awaitFull(); !s) return Error{s.message()};
            }
            return Error{stats.message()};
        }
        if (auto s = (*writer)->finish(); !s) return Error{s.message()};
        writer->reset();
        if (!guessWrong && speculative) {
            if (auto s = awaitFull(); !s) return Error{s.message()};
            auto fp = planLoad(w, table, mode, *full, options_);
            if (!fp) return Error{fp.message()};
            guessWrong = !samePlan(fp->plan, planned.plan);
        }
        if (!guessWrong) {
            loaded = *stats;
            break;
        }
        if (mode == ImportMode::Append || attempt > 0)
            return Error{"internal error: the file changed while it was read"};
        // Redo with the whole file's types: the staging table is recreated from scratch.
    }
    const FileSchema& schema = *full;
    const std::vector<Column>& target = planned.target;
    if (cancelled_.load()) return Error{"cancelled"};
    if (auto s = checkRejectShare(loaded, *rejects, options_); !s) {
        rejectsRefusal_ = s.message();
        return Error{rejectsRefusal_ + "; nothing was loaded (use --allow-rejects to load the rest)"};
    }

    // Ids are MAX + 1: two imports into different tables take them one after the other.
    if (auto s = lockUntilCommit(w, "deskbase ingestion ids", keepWaiting); !s) return Error{s.message()};
    if (stage == ImportStage::Waiting) {
        stage = ImportStage::Loading;
        report(0.99, loaded.rows, schema.sniff.sizeBytes, schema.sniff.sizeBytes, true);
    }
    auto importId = nextIngestionId(w);
    if (!importId) return Error{importId.message()};

    // Rejected rows: kept with their line numbers and reasons, never dropped.
    const std::string rejectsTable = table + "__rejects";
    if (mode != ImportMode::Append)
        if (auto s = w.execute("DROP TABLE IF EXISTS " + w.quoteIdentifier(rejectsTable)); !s)
            return Error{s.message()};
    if (loaded.rejected > 0) {
        const std::vector<Column> rejectCols = {{"import_id", ColumnType::Integer, "import_id"},
                                                {"line", ColumnType::Integer, "line"},
                                                {"reason", ColumnType::Text, "reason"},
                                                {"raw", ColumnType::Text, "raw"}};
        std::string ddl = "CREATE TABLE IF NOT EXISTS " + w.quoteIdentifier(rejectsTable) + " (";
        for (std::size_t i = 0; i < rejectCols.size(); ++i)
            ddl +=
                (i ? ", " : "") + w.quoteIdentifier(rejectCols[i].name) + " " + w.sqlType(rejectCols[i].type);
        ddl += ")";
        if (auto s = w.execute(ddl); !s) return Error{s.message()};
        auto rw = w.bulkWriter(rejectsTable, rejectCols);
        if (!rw) return Error{rw.message()};
        if (auto s = rejects->replay(*importId, 4096, [&](const RowBatch& b) { return (*rw)->write(b); }); !s)
            return Error{s.message()};
        if (auto s = (*rw)->finish(); !s) return Error{s.message()};
    }

    std::vector<std::string> indexed;
    std::int64_t updated = 0;
    if (upsert) {
        if (mode == ImportMode::Create) {  // the first file: an empty table to merge into
            if (auto s = createTable(w, table, target); !s) return Error{s.message()};
            if (auto s = recordColumns(w, table, target); !s) return Error{s.message()};
        }
        if (auto s = ensureUniqueKeyIndex(w, table, options_.uniqueKey); !s) return Error{s.message()};
        auto merged = upsertRows(w, staging, table, planned.plan.columnNames, options_.uniqueKey);
        if (!merged) return Error{merged.message()};
        updated = merged->updated;
        if (auto s = w.execute("DROP TABLE " + w.quoteIdentifier(staging)); !s) return Error{s.message()};
    } else if (mode != ImportMode::Append) {
        if (mode == ImportMode::Replace)
            if (auto s = w.execute("DROP TABLE IF EXISTS " + w.quoteIdentifier(table)); !s)
                return Error{s.message()};
        // After the old table (and its index names) went, before the rename: the swap stays atomic.
        auto made = createKeyIndexes(w, staging, table, target, options_.indexes);
        if (!made) return Error{made.message()};
        indexed = std::move(*made);
        if (auto s = w.execute("ALTER TABLE " + w.quoteIdentifier(staging) + " RENAME TO " +
                               w.quoteIdentifier(table));
            !s)
            return Error{s.message()};
        if (auto s = recordColumns(w, table, target); !s) return Error{s.message()};
    }
    // Append keeps the table's indexes (the insert updates them); every mode refreshes statistics.
    if (auto s = analyzeTable(w, table); !s) return Error{s.message()};

    ImportResult result;
    result.table = table;
    result.rows = loaded.rows;
    result.rejected = loaded.rejected;
    result.updated = updated;
    result.columns = target;
    result.sniff = schema.sniff;
    result.rejectsTable = loaded.rejected ? rejectsTable : std::string();
    result.notes = textNotes(schema, target, planned.plan.sourceIndex);
    result.indexes = std::move(indexed);

    IngestionRecord log;
    log.table = table;
    log.filePath = options_.path;
    log.fileSize = schema.sniff.sizeBytes;
    log.contentHash = schema.contentHash;
    log.mode = upsert ? std::string("upsert") : std::string(importModeName(mode));
    log.format = std::string(fileFormatName(schema.sniff.format));
    log.encoding = std::string(textEncodingName(schema.sniff.encoding));
    log.rows = result.rows;
    log.rejected = result.rejected;
    log.startedAt = startedAt;
    log.finishedAt = utcNowIso();
    // The duplicate guard follows the table's content: after a create or replace only this file is in it.
    if (mode != ImportMode::Append)
        if (auto s = forgetLoadedContent(w, table); !s) return Error{s.message()};
    if (auto s = logIngestion(w, *importId, log); !s) return Error{s.message()};
    if (auto s = w.bumpDataVersion(table); !s) return Error{s.message()};
    if (!checkFiles.empty()) {
        const auto importedAt = parseTimestamp(log.finishedAt).value_or(SysSeconds{});
        auto outcome =
            runImportChecks(w, checkFiles, table, options_.refuseOnCheckFailure, importedAt, &cancelled_);
        checks_ = outcome.results;
        result.checks = std::move(outcome.results);
        if (outcome.refused) return Error{outcome.message};
    }
    if (cancelled_.load()) return Error{"cancelled"};
    if (auto s = tx.commit(); !s) return Error{"cannot commit the import: " + s.message()};

    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    report(1.0, result.rows, schema.sniff.sizeBytes, schema.sniff.sizeBytes, true);
    return result;
}

Result<ImportPreview> previewImport(const ImportOptions& options, std::size_t maxRows, std::size_t scanRows) {
    auto sniff = sniffWithOverrides(options);
    if (!sniff) return Error{sniff.message()};
    std::atomic<bool> never{false};
    auto schema = inferFileSchema(options.path, *sniff, options.encoding.has_value(), never, {},
                                  std::int64_t(scanRows), maxRows);
    if (!schema) return Error{schema.message()};
    auto cols = columnsFor(*schema, options);
    if (!cols) return Error{cols.message()};
    ImportPreview p;
    p.sniff = schema->sniff;
    p.table = toTableName(options.table.empty() ? tableNameForPath(options.path) : options.table);
    std::vector<std::size_t> identity(cols->size());
    for (std::size_t i = 0; i < identity.size(); ++i) identity[i] = i;
    p.notes = textNotes(*schema, *cols, identity);
    for (const auto& c : *cols) p.keyCandidates.push_back(isKeyCandidate(c));
    p.columns = std::move(*cols);
    p.rows = std::move(schema->firstRows);
    p.rowsScanned = schema->records;
    p.scannedWholeFile = schema->complete;
    return p;
}

}  // namespace deskbase
