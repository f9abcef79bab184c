// deskbase query (--sql TEXT | --question FILE) [--param NAME=VALUE]... [--db TARGET]
//                [--workspace DIR] [--format table|csv|json] [--no-cache]
// Uses the same core calls as the GUI: template expansion, the executor and the result cache.
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "core/export/result_format.h"
#include "core/question/question.h"
#include "core/question/question_request.h"
#include "core/runtime/runtime.h"
#include "core/warehouse/warehouse.h"
#include "core/workspace/workspace.h"

namespace deskbase::cli {

namespace {

namespace fs = std::filesystem;

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
            option("format", "table (default), csv or json.", "table|csv|json"),
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
    const std::string format = args->value("format").value_or("table");
    if (format != "table" && format != "csv" && format != "json")
        return usageError(verb, "unknown --format " + format + " (table, csv or json)");

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
    auto result = runtime.executor().runAndWait(std::move(*request));
    if (!result) return failure(verb, oneLine(result.message()));

    std::ios::sync_with_stdio(false);
    if (format == "json") {
        writeResultJson(std::cout, *result);
    } else if (format == "csv") {
        writeCsvHeader(std::cout, result->columns);
        writeCsvRows(std::cout, result->rows);
    } else {
        writeResultTable(std::cout, *result);
    }
    std::cout.flush();
    return std::cout ? 0 : failure(verb, "cannot write the output");
}

}  // namespace deskbase::cli
