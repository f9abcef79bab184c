#pragma once
// Ingestion: a job with a config in and a result out. Streams (bounded memory), reports
// progress, cancellable from another thread, atomic (staging table swapped in one transaction),
// bad rows kept in <table>__rejects with line numbers and reasons.
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/checks/check_result.h"
#include "core/ingest/key_indexes.h"
#include "core/io/file_format.h"
#include "core/types/value.h"
#include "core/util/result.h"

namespace deskbase {

class Warehouse;

enum class ImportMode { Create, Replace, Append };
std::optional<ImportMode> parseImportMode(std::string_view s);
std::string_view importModeName(ImportMode m);

struct ImportOptions {
    std::string path;
    std::string table;  // empty: derived from the file name (snake_case)
    ImportMode mode = ImportMode::Create;
    // Column -> type overrides; the key matches the normalized name or the original header.
    std::vector<std::pair<std::string, ColumnType>> typeOverrides;
    // Optional renames by position (from the preview dialog); empty entries keep the inferred name.
    std::vector<std::string> columnNames;
    bool force = false;  // allow appending a file whose content hash was already loaded
    // Overrides of what sniffing found.
    std::optional<char> delimiter;
    std::optional<bool> hasHeader;
    std::optional<TextEncoding> encoding;
    // The workspace folder whose checks/*.json on the table run inside the import, after the
    // swap and before the commit (docs/checks.md, "After an import"); empty: no checks. An
    // error-severity failure rolls the import back when the check file says "on_failure":
    // "refuse", or when refuseOnCheckFailure is set (a source's "on_failure": "refuse").
    std::string checksDir;
    bool refuseOnCheckFailure = false;
    // Indexes made after a create/replace load, before the swap (docs/ingestion.md, "Key
    // indexes"): by default the columns that look like keys; append only runs ANALYZE.
    IndexChoice indexes;
    // Append with a key (a source's "unique_key"): rows whose key is already in the table update
    // that row instead of adding one (core/warehouse/upsert.h).
    std::vector<std::string> uniqueKey;
    // A load that rejects more than this share of the file's rows fails, nothing committed
    // (a wrong --type, a misread dialect), unless allowRejects: then the rest loads and the
    // rejects go to <table>__rejects. The share counts from kMinRejectsToJudge rejects on; below
    // that only a load where every row was rejected fails.
    static constexpr std::int64_t kMinRejectsToJudge = 10;
    double maxRejectShare = 0.1;
    bool allowRejects = false;
};

enum class ImportStage {
    Reading,  // sniffing the file and guessing its types, before the transaction
    Waiting,  // another import (or writer) holds the table or the file; this one waits its turn
    Loading,  // inside the transaction: loading, indexing, committing
};

struct ImportProgress {
    double fraction = 0;    // 0..1 over the whole job (both passes)
    std::int64_t rows = 0;  // rows read so far in the load pass
    std::int64_t bytesDone = 0;
    std::int64_t bytesTotal = 0;
    ImportStage stage = ImportStage::Reading;  // a change of stage is always reported
};

struct ImportResult {
    std::string table;
    std::int64_t rows = 0;      // rows loaded
    std::int64_t rejected = 0;  // rows written to <table>__rejects
    std::vector<Column> columns;
    double seconds = 0;
    FileSniff sniff;                   // format, encoding (converted to UTF-8 on the way in), dialect
    std::string rejectsTable;          // empty when nothing was rejected
    std::vector<std::string> notes;    // per column: why a column of numbers is text, else empty
    std::vector<CheckResult> checks;   // the table's checks, run before the commit
    std::vector<std::string> indexes;  // columns indexed by the import (keyIndexName() names them)
    std::int64_t updated = 0;          // with a unique key: rows that replaced a row with their key
};

class ImportJob {
public:
    explicit ImportJob(ImportOptions options);
    // Runs on the calling thread. `progress` is called from that thread, at most ~20 times/s.
    Result<ImportResult> run(Warehouse& warehouse,
                             const std::function<void(const ImportProgress&)>& progress = {});
    // Thread-safe: the running job stops at the next row block and rolls back.
    void cancel() { cancelled_.store(true); }
    bool isCancelled() const { return cancelled_.load(); }
    // After run(): it refused to append a file whose content was already loaded into the table
    // (run again with ImportOptions::force to load it anyway).
    bool refusedAsAlreadyLoaded() const { return alreadyLoaded_; }
    // After run(): it refused a load that rejected more than ImportOptions::maxRejectShare of the
    // rows (run again with ImportOptions::allowRejects to load the rest).
    bool refusedForRejects() const { return !rejectsRefusal_.empty(); }
    // Then: how many rows were rejected and the first reason, without the command-line hint.
    const std::string& rejectsRefusal() const { return rejectsRefusal_; }
    // The check results of the last run(), also when they refused the import (its error).
    const std::vector<CheckResult>& checkResults() const { return checks_; }

private:
    ImportOptions options_;
    std::atomic<bool> cancelled_{false};
    bool alreadyLoaded_ = false;
    std::string rejectsRefusal_;
    std::vector<CheckResult> checks_;
};

// What the import preview dialog shows: sniffed dialect/encoding, first rows, inferred columns.
struct ImportPreview {
    FileSniff sniff;
    std::string table;                           // suggested table name
    std::vector<Column> columns;                 // inferred over the scanned rows
    std::vector<std::vector<std::string>> rows;  // first rows as UTF-8 text
    std::int64_t rowsScanned = 0;
    bool scannedWholeFile = false;    // false: the import re-infers over the whole file
    std::vector<std::string> notes;   // per column: why a column of numbers is text
    std::vector<bool> keyCandidates;  // per column: its name and type say key (isKeyCandidate)
};
Result<ImportPreview> previewImport(const ImportOptions& options, std::size_t maxRows = 200,
                                    std::size_t scanRows = 200000);

}  // namespace deskbase
