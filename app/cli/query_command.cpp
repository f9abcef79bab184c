// deskbase query (--sql TEXT | --question FILE) [--param NAME=VALUE]... [--db TARGET]
//                [--workspace DIR] [--format table|csv|json|ndjson] [--output FILE] [--no-cache]
// Uses the same core calls as the GUI: template expansion, the executor and the result cache.
// Rows stream from the cursor to the output (core/export/result_stream.h); the cache keeps a
// result only while it stays under kCacheLimitBytes.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "core/export/result_stream.h"
#include "core/io/atomic_file.h"
#include "core/question/question.h"
#include "core/question/question_request.h"
#include "core/runtime/runtime.h"
#include "core/warehouse/warehouse.h"
#include "core/workspace/workspace.h"

namespace deskbase::cli {

namespace {

namespace fs = std::filesystem;

// The most a result held for the cache may take (QueryResult::approxBytes); a bigger one streams
// through and is not cached.
constexpr std::size_t kCacheLimitBytes = 16u << 20;

std::string oneLine(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

// The question to run: a file path, else (with a workspace) a question of the workspace.
Result<Question> findQuestion(const std::string& ref, const std::optional<Workspace>& ws) {
    std::error_code ec;
    if (fs::is_regular_file(ref, ec)) return loadQuestion(ref);
    if (ws)
        if (const auto* q = ws->findQuestion(ref)) return q->question;
    return Error{"no question file " + ref};
}

}  // namespace

const VerbSpec& querySpec() {
    static const VerbSpec spec{
        "query",
        "(--sql TEXT | --question FILE)",
        "Runs SQL or a saved question and prints the result.",
        {
            option("sql", "The SQL to run ({{name}} parameters allowed).", "TEXT"),
            option("question", "A question file, or the name of one in the workspace.", "FILE"),
            option("param", "A parameter value; repeat a name for several values.", "NAME=VALUE"),
            dbOption(),
            workspaceOption(),
            option("format", "table (default), csv, json or ndjson.", "table|csv|json|ndjson"),
            option("output", "Write to FILE (whole or not at all) instead of stdout.", "FILE"),
            option("no-cache", "Run it even when a cached result is fresh."),
        }};
    return spec;
}

int runQuery(const std::vector<std::string>& argv) {
    const char* verb = "query";
    std::optional<Args> args;
    if (auto done = parseOrExit(querySpec(), argv, args)) return *done;
    if (!args->positional().empty()) return usageError(verb, "unexpected argument " + args->positional()[0]);
    if (args->has("sql") == args->has("question"))
        return usageError(verb, "give exactly one of --sql TEXT or --question FILE");
    const std::string formatName = args->value("format").value_or("table");
    const auto format = parseStreamFormat(formatName);
    if (!format) return usageError(verb, "unknown --format " + formatName + " (table, csv, json or ndjson)");

    ParameterValues values;
    for (const auto& p : args->values("param")) {
        const auto eq = p.find('=');
        if (eq == std::string::npos || eq == 0)
            return usageError(verb, "--param needs NAME=VALUE, got \"" + p + "\"");
        values[p.substr(0, eq)].push_back(p.substr(eq + 1));  // repeated names = multi-value
    }

    std::optional<Workspace> ws;
    if (auto dir = workspaceDir(*args)) {
        auto opened = Workspace::open(*dir);
        if (!opened) return failure(verb, opened.message());
        ws = std::move(*opened);
    }

    Question question;
    if (auto sql = args->value("sql")) {
        question.sql = *sql;
    } else {
        auto q = findQuestion(*args->value("question"), ws);
        if (!q) return failure(verb, oneLine(q.message()));
        question = std::move(*q);
    }

    std::string target;
    if (auto db = args->value("db"))
        target = *db;
    else if (!ws)
        target = resolveTarget(*args);
    auto request = makeQuestionRequest(question, values, ws ? &*ws : nullptr, target);
    if (!request) return failure(verb, oneLine(request.message()));
    target = request->target;
    std::error_code ec;
    if (!Warehouse::isPostgresTarget(target) && !fs::exists(target, ec))
        return failure(verb, "no SQLite warehouse at " + target + " (give --db TARGET or --workspace DIR)");

    // The same runtime as the window's, sized for one query.
    RuntimeOptions options;
    options.queryThreads = 1;
    options.jobThreads = 1;
    options.maxIdlePerTarget = 1;
    if (!args->has("no-cache")) options.cache = Runtime::commandLineCache(ws ? &*ws : nullptr, target);
    Runtime runtime(options);
    request->useCache = runtime.cache() != nullptr;
    request->cacheRowsUpTo = request->useCache ? kCacheLimitBytes : 0;
    // Without the cache nothing needs the rows after they are written: the run's own result keeps
    // one (a limit of 0 would keep every row: --no-cache of 3M rows peaked at 1.5 GB).
    if (!request->useCache) request->rowLimit = 1;

    // The output: a temporary file renamed over FILE only once everything is written, or stdout.
    std::unique_ptr<AtomicFile> file;
    if (auto path = args->value("output")) {
        auto created = AtomicFile::create(*path);
        if (!created) return failure(verb, created.message());
        file = std::move(*created);
    }
    std::string writeError;
    ResultStreamWriter writer(*format, [&](std::string_view bytes) {
        if (file) {
            if (auto s = file->write(bytes); !s) writeError = s.message();
        } else if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size()) {
            writeError = "cannot write the output";
        }
        return writeError.empty();
    });
    request->onRows = [&writer](const std::vector<Column>& columns, const std::vector<Row>& block) {
        return writer.rows(columns, block);  // on the run's worker; this thread waits
    };
    auto result = runtime.executor().runAndWait(std::move(*request));
    if (!result) return failure(verb, oneLine(result.message()));  // FILE untouched
    if (!writer.finish(*result) || !writeError.empty())
        return failure(verb, writeError.empty() ? "cannot write the output" : writeError);
    if (file) {
        if (auto s = file->commit(); !s) return failure(verb, s.message());
    } else if (std::fflush(stdout) != 0) {
        return failure(verb, "cannot write the output");
    }
    if (result->tooLargeToCache)
        std::fprintf(stderr,
                     "deskbase query: not cached: the result is larger than the cache's %zu MB limit\n",
                     kCacheLimitBytes >> 20);
    return 0;
}

}  // namespace deskbase::cli
