// deskbase import FILE... [options]: loads files into tables (importSpec() lists the options).
// The workspace's checks/<table>.json run inside each import (docs/checks.md).
#include <csignal>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "core/checks/check_report.h"
#include "core/ingest/import_job.h"
#include "core/io/file_format.h"
#include "core/pipeline/check_run.h"
#include "core/warehouse/warehouse.h"

namespace deskbase::cli {

namespace {

nlohmann::ordered_json reportJson(const ImportResult& r) {
    nlohmann::ordered_json j;
    j["table"] = r.table;
    j["rows"] = r.rows;
    j["rejected"] = r.rejected;
    auto cols = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < r.columns.size(); ++i) {
        const Column& c = r.columns[i];
        nlohmann::ordered_json col = {{"name", c.name}, {"type", std::string(columnTypeName(c.type))}};
        if (i < r.notes.size() && !r.notes[i].empty())
            col["note"] = r.notes[i];  // why a number column is text, or values that miss its type
        cols.push_back(std::move(col));
    }
    j["columns"] = cols;
    if (!r.sniff.notes.empty()) j["notes"] = r.sniff.notes;
    j["indexes"] = r.indexes;
    j["seconds"] = r.seconds;
    if (!r.checks.empty()) j["checks"] = checkResultsToJson(r.checks);
    return j;
}

// The checks an import ran, one line each on stderr (the failing ones, and a summary).
void printChecks(const std::string& file, const std::vector<CheckResult>& checks) {
    if (checks.empty()) return;
    for (const auto& c : checks)
        if (c.status != CheckStatus::Pass)
            std::fprintf(stderr, "%s: check %s: %s: %s\n", file.c_str(), c.name.c_str(),
                         std::string(checkStatusName(c.status)).c_str(), c.message.c_str());
    std::fprintf(stderr, "%s: checks on %s: %s\n", file.c_str(), checks.front().table.c_str(),
                 checkSummary(checks).c_str());
}

}  // namespace

const VerbSpec& importSpec() {
    static const VerbSpec spec{
        "import",
        "FILE...",
        "Loads CSV, TSV, JSON or NDJSON files into tables; the workspace's checks run inside.",
        {
            dbOption(),
            workspaceOption(),
            option("table", "The table name (one FILE only; default: from the file name).", "NAME"),
            option("mode", "create (default), replace or append.", "create|replace|append"),
            option("type", "A column's type: integer, real, boolean, date, datetime or text; repeatable.",
                   "COL=TYPE"),
            option("force", "Append a file whose content was already loaded."),
            option("allow-rejects", "Load the rest when more than 10% of the rows are rejected."),
            option("report", "Print one JSON line per file.", "json"),
            option("delimiter", "The field delimiter: one character, or tab.", "C"),
            option("encoding", "utf-8, utf-8-bom, utf-16le, utf-16be or windows-1252 (default: sniffed).",
                   "NAME"),
            option("header", "The first row is a header."),
            option("no-header", "The first row is data."),
            option("index", "Index this column (instead of the columns that look like keys); repeatable.",
                   "COL"),
            option("no-index", "Make no index (the columns that look like keys are indexed by default)."),
        }};
    return spec;
}

int runImport(const std::vector<std::string>& argv) {
    std::optional<Args> args;
    if (auto done = parseOrExit(importSpec(), argv, args)) return *done;
    const auto& files = args->positional();
    if (files.empty()) return usageError("import", "no FILE given");
    if (files.size() > 1 && args->has("table"))
        return usageError("import", "--table names one table; import one file at a time with it");

    ImportOptions base;
    if (auto m = args->value("mode")) {
        auto mode = parseImportMode(*m);
        if (!mode) return usageError("import", "unknown --mode '" + *m + "' (create, replace or append)");
        base.mode = *mode;
    }
    for (const auto& spec : args->values("type")) {
        const auto eq = spec.find('=');
        if (eq == std::string::npos || eq == 0)
            return usageError("import", "--type wants COL=TYPE, got '" + spec + "'");
        auto type = parseColumnType(spec.substr(eq + 1));
        if (!type)
            return usageError("import", "unknown type '" + spec.substr(eq + 1) +
                                            "' (integer, real, boolean, date, datetime, text)");
        base.typeOverrides.emplace_back(spec.substr(0, eq), *type);
    }
    if (auto d = args->value("delimiter")) {
        if (*d == "\\t" || *d == "tab")
            base.delimiter = '\t';
        else if (d->size() == 1)
            base.delimiter = (*d)[0];
        else
            return usageError("import", "--delimiter wants one character");
    }
    if (auto e = args->value("encoding")) {
        for (auto candidate : {TextEncoding::Utf8, TextEncoding::Utf8Bom, TextEncoding::Utf16LE,
                               TextEncoding::Utf16BE, TextEncoding::Windows1252})
            if (*e == textEncodingName(candidate)) base.encoding = candidate;
        if (!base.encoding)
            return usageError("import", "unknown --encoding '" + *e +
                                            "' (utf-8, utf-8-bom, utf-16le, utf-16be or windows-1252)");
    }
    if (args->has("header")) base.hasHeader = true;
    if (args->has("no-header")) base.hasHeader = false;
    const auto report = args->value("report");
    if (report && *report != "json") return usageError("import", "--report supports only json");
    base.indexes.columns = args->values("index");  // --index: these columns only
    base.indexes.automatic = base.indexes.columns.empty() && !args->has("no-index");
    if (args->has("no-index") && !base.indexes.columns.empty())
        return usageError("import", "--index and --no-index exclude each other");
    if (!base.indexes.columns.empty() && base.mode == ImportMode::Append)
        return usageError("import",
                          "--index applies to create and replace; append keeps the table's indexes");
    base.force = args->has("force");
    base.allowRejects = args->has("allow-rejects");
    if (auto t = args->value("table")) {
        if (t->empty()) return usageError("import", "--table wants a name, got ''");
        base.table = *t;
    }
    base.checksDir = resolveWorkspace(*args);  // its checks/<table>.json run before each commit

    auto warehouse = Warehouse::open(resolveTarget(*args));
    if (!warehouse) return failure("import", warehouse.message());

    for (const auto& file : files) {
        ImportOptions options = base;
        options.path = file;
        ImportJob job(options);
        auto result = job.run(**warehouse);
        if (!job.checkResults().empty()) {  // recorded after the commit or the rollback
            if (auto s = recordImportChecks(**warehouse, job.checkResults(), result); !s)
                std::fprintf(stderr, "deskbase import: warning: %s\n", s.message().c_str());
            if (!report || !result) printChecks(file, job.checkResults());
        }
        if (!result) {
            // Most reasons already name the file; say which file when they do not.
            const bool named = result.message().find(file) != std::string::npos;
            return failure("import", named ? result.message() : file + ": " + result.message());
        }
        // What the sniffer decided (skipped lines, comments, header names, an empty file): one line each.
        for (const auto& note : result->sniff.notes) std::fprintf(stderr, "%s: %s\n", file.c_str(), note.c_str());
        if (report) {
            std::puts(reportJson(*result).dump().c_str());
        } else {
            for (std::size_t i = 0; i < result->columns.size() && i < result->notes.size(); ++i)
                if (!result->notes[i].empty())
                    std::fprintf(stderr, "%s: column %s: %s\n", file.c_str(), result->columns[i].name.c_str(),
                                 result->notes[i].c_str());
            std::string indexed;
            for (const auto& c : result->indexes) indexed += (indexed.empty() ? "; indexed " : ", ") + c;
            std::fprintf(stderr, "%s: %lld rows into %s%s%s\n", file.c_str(),
                         static_cast<long long>(result->rows), result->table.c_str(),
                         result->rejected ? (", " + std::to_string(result->rejected) + " rejected (see " +
                                             result->rejectsTable + ")")
                                                .c_str()
                                          : "",
                         indexed.c_str());
        }
    }
    return 0;
}

}  // namespace deskbase::cli
