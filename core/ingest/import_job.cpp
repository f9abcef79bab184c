#include "core/ingest/import_job.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "core/infer/naming.h"
#include "core/ingest/bookkeeping.h"
#include "core/ingest/file_schema.h"
#include "core/ingest/load_pipeline.h"
#include "core/ingest/reject_spill.h"
#include "core/warehouse/warehouse.h"

namespace deskbase {

std::optional<ImportMode> parseImportMode(std::string_view s) {
    if (s == "create") return ImportMode::Create;
    if (s == "replace") return ImportMode::Replace;
    if (s == "append") return ImportMode::Append;
    return std::nullopt;
}

std::string_view importModeName(ImportMode m) {
    switch (m) {
        case ImportMode::Create: return "create";
        case ImportMode::Replace: return "replace";
        case ImportMode::Append: return "append";
    }
    return "create";
}

namespace {

constexpr double kInferShare = 0.25;  // share of the progress bar for pass one

Result<FileSniff> sniffWithOverrides(const ImportOptions& o) {
    auto sniff = sniffFile(o.path);
    if (!sniff) return sniff;
    if (o.delimiter) { sniff->dialect.delimiter = *o.delimiter; sniff->format = FileFormat::Csv; }
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

// Rolls back unless committed: a failed or cancelled import leaves nothing behind.
class Transaction {
public:
    explicit Transaction(Warehouse& w) : w_(w) {}
    Status begin() { auto s = w_.begin(); open_ = s.isOk(); return s; }
    Status commit() { auto s = w_.commit(); if (s) open_ = false; return s; }
    ~Transaction() { if (open_) w_.rollback(); }

private:
    Warehouse& w_;
    bool open_ = false;
};

}  // namespace

ImportJob::ImportJob(ImportOptions options) : options_(std::move(options)) {}

Result<ImportResult> ImportJob::run(Warehouse& w, const std::function<void(const ImportProgress&)>& progress) {
    const auto started = std::chrono::steady_clock::now();
    const std::string startedAt = utcNowIso();
    auto lastReport = started;
    auto report = [&](double fraction, std::int64_t rows, std::int64_t bytes, std::int64_t total, bool force) {
        if (!progress) return;
        const auto now = std::chrono::steady_clock::now();
        if (!force && now - lastReport < std::chrono::milliseconds(50)) return;
        lastReport = now;
        progress(ImportProgress{std::clamp(fraction, 0.0, 1.0), rows, bytes, total});
    };

    auto sniff = sniffWithOverrides(options_);
    if (!sniff) return Error{sniff.message()};
    std::string table = toIdentifier(options_.table.empty() ? tableNameForPath(options_.path) : options_.table);

    // Pass one: types over the whole file.
    auto schema = inferFileSchema(options_.path, *sniff, options_.encoding.has_value(), cancelled_,
                                  [&](std::int64_t bytes, std::int64_t total) {
                                      report(total ? kInferShare * double(bytes) / double(total) : 0, 0, bytes, total, false);
                                  });
    if (!schema) return Error{schema.message()};
    if (getenv("DESKBASE_TRACE")) fprintf(stderr, "pass1 %.3f\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    if (schema->header.empty()) return Error{options_.path + " has no columns"};
    auto fileColumns = columnsFor(*schema, options_);
    if (!fileColumns) return Error{fileColumns.message()};

    w.beginBulkLoad();
    struct EndBulkLoad {
        Warehouse& w;
        ~EndBulkLoad() { w.endBulkLoad(); }
    } endBulkLoad{w};  // declared before the transaction, so it runs after the rollback/commit
    Transaction tx(w);
    if (auto s = tx.begin(); !s) return Error{"cannot start the import: " + s.message()};
    if (auto s = ensureBookkeeping(w); !s) return Error{s.message()};

    auto exists = w.tableExists(table);
    if (!exists) return Error{exists.message()};
    ImportMode mode = options_.mode;
    if (mode == ImportMode::Create && *exists)
        return Error{"table " + table + " already exists (use --mode replace or --mode append)"};
    if (mode == ImportMode::Append && !*exists) mode = ImportMode::Create;  // nothing to append to yet

    LoadPlan plan;
    plan.path = options_.path;
    plan.sniff = schema->sniff;
    plan.readerKeys = schema->header;
    plan.sourceColumns = schema->header.size();
    std::vector<Column> target = *fileColumns;
    for (std::size_t i = 0; i < target.size(); ++i) plan.sourceIndex.push_back(i);

    if (mode == ImportMode::Append) {
        auto dup = contentAlreadyLoaded(w, table, schema->contentHash);
        if (!dup) return Error{dup.message()};
        if (*dup && !options_.force)
            return Error{"this file's content was already loaded into " + table + " (use --force to load it again)"};
        auto existing = w.describeTable(table);
        if (!existing) return Error{existing.message()};
        // Columns must match by name; the table's types win.
        std::vector<std::string> missing, extra;
        std::map<std::string, std::size_t> byName;
        for (std::size_t i = 0; i < fileColumns->size(); ++i) byName[(*fileColumns)[i].name] = i;
        target.clear();
        plan.sourceIndex.clear();
        for (const auto& c : existing->columns) {
            auto it = byName.find(c.name);
            if (it == byName.end()) { missing.push_back(c.name); continue; }
            Column t = c;
            t.displayName = (*fileColumns)[it->second].displayName;
            target.push_back(t);
            plan.sourceIndex.push_back(it->second);
            byName.erase(it);
        }
        for (const auto& [name, idx] : byName) extra.push_back(name);
        if (!missing.empty() || !extra.empty()) {
            auto join = [](const std::vector<std::string>& v) {
                std::string s;
                for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
                return s.empty() ? std::string("none") : s;
            };
            return Error{"cannot append to " + table + ": columns differ (missing in the file: " + join(missing) +
                         "; not in the table: " + join(extra) + ")"};
        }
    }
    for (const auto& c : target) {
        plan.columnNames.push_back(c.name);
        plan.types.push_back(c.type);
    }
    plan.slashOrders.resize(target.size(), SlashOrder::Unknown);
    for (std::size_t i = 0; i < target.size(); ++i)
        plan.slashOrders[i] = schema->inference[plan.sourceIndex[i]].slashOrder();

    // Create/replace load into a staging table swapped in at the end; append writes in place.
    const std::string staging = "deskbase_staging_" + table;
    const std::string loadInto = mode == ImportMode::Append ? table : staging;
    if (mode != ImportMode::Append) {
        if (auto s = w.execute("DROP TABLE IF EXISTS " + w.quoteIdentifier(staging)); !s) return Error{s.message()};
        std::string ddl = "CREATE TABLE " + w.quoteIdentifier(staging) + " (";
        for (std::size_t i = 0; i < target.size(); ++i)
            ddl += (i ? ", " : "") + w.quoteIdentifier(target[i].name) + " " + w.sqlType(target[i].type);
        ddl += ")";
        if (auto s = w.execute(ddl); !s) return Error{"cannot create the table: " + s.message()};
    }
    auto writer = w.bulkWriter(loadInto, target);
    if (!writer) return Error{writer.message()};

    RejectSpill rejects;
    auto stats = runLoadPipeline(plan, **writer, rejects, cancelled_,
                                 [&](std::int64_t bytes, std::int64_t total, std::int64_t rows) {
                                     const double f = total ? double(bytes) / double(total) : 0;
                                     report(kInferShare + (1 - kInferShare) * f, rows, bytes, total, false);
                                 });
    if (!stats) return Error{stats.message()};
    if (getenv("DESKBASE_TRACE")) fprintf(stderr, "pass2 %.3f\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    if (auto s = (*writer)->finish(); !s) return Error{s.message()};
    writer->reset();
    if (cancelled_.load()) return Error{"cancelled"};

    auto importId = nextIngestionId(w);
    if (!importId) return Error{importId.message()};

    // Rejected rows: kept with their line numbers and reasons, never dropped.
    const std::string rejectsTable = table + "__rejects";
    if (mode != ImportMode::Append)
        if (auto s = w.execute("DROP TABLE IF EXISTS " + w.quoteIdentifier(rejectsTable)); !s) return Error{s.message()};
    if (stats->rejected > 0) {
        const std::vector<Column> rejectCols = {{"import_id", ColumnType::Integer, "import_id"},
                                                {"line", ColumnType::Integer, "line"},
                                                {"reason", ColumnType::Text, "reason"},
                                                {"raw", ColumnType::Text, "raw"}};
        std::string ddl = "CREATE TABLE IF NOT EXISTS " + w.quoteIdentifier(rejectsTable) + " (";
        for (std::size_t i = 0; i < rejectCols.size(); ++i)
            ddl += (i ? ", " : "") + w.quoteIdentifier(rejectCols[i].name) + " " + w.sqlType(rejectCols[i].type);
        ddl += ")";
        if (auto s = w.execute(ddl); !s) return Error{s.message()};
        auto rw = w.bulkWriter(rejectsTable, rejectCols);
        if (!rw) return Error{rw.message()};
        if (auto s = rejects.replay(*importId, 4096, [&](const RowBatch& b) { return (*rw)->write(b); }); !s)
            return Error{s.message()};
        if (auto s = (*rw)->finish(); !s) return Error{s.message()};
    }

    if (mode != ImportMode::Append) {
        if (mode == ImportMode::Replace)
            if (auto s = w.execute("DROP TABLE IF EXISTS " + w.quoteIdentifier(table)); !s) return Error{s.message()};
        if (auto s = w.execute("ALTER TABLE " + w.quoteIdentifier(staging) + " RENAME TO " + w.quoteIdentifier(table)); !s)
            return Error{s.message()};
        if (auto s = recordColumns(w, table, target); !s) return Error{s.message()};
    }

    ImportResult result;
    result.table = table;
    result.rows = stats->rows;
    result.rejected = stats->rejected;
    result.columns = target;
    result.sniff = schema->sniff;
    result.rejectsTable = stats->rejected ? rejectsTable : std::string();

    IngestionRecord log;
    log.table = table;
    log.filePath = options_.path;
    log.fileSize = schema->sniff.sizeBytes;
    log.contentHash = schema->contentHash;
    log.mode = std::string(importModeName(mode));
    log.format = std::string(fileFormatName(schema->sniff.format));
    log.encoding = std::string(textEncodingName(schema->sniff.encoding));
    log.rows = result.rows;
    log.rejected = result.rejected;
    log.startedAt = startedAt;
    log.finishedAt = utcNowIso();
    if (auto s = logIngestion(w, *importId, log); !s) return Error{s.message()};
    if (auto s = w.bumpDataVersion(table); !s) return Error{s.message()};
    if (cancelled_.load()) return Error{"cancelled"};
    if (auto s = tx.commit(); !s) return Error{"cannot commit the import: " + s.message()};
    if (getenv("DESKBASE_TRACE")) fprintf(stderr, "commit %.3f\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());

    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    report(1.0, result.rows, schema->sniff.sizeBytes, schema->sniff.sizeBytes, true);
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
    p.table = toIdentifier(options.table.empty() ? tableNameForPath(options.path) : options.table);
    p.columns = std::move(*cols);
    p.rows = std::move(schema->firstRows);
    p.rowsScanned = schema->records;
    p.scannedWholeFile = schema->complete;
    return p;
}

}  // namespace deskbase
