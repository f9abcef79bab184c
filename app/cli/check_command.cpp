// deskbase check [TABLE]... [--suggest-dedup] [--workspace DIR] [--db TARGET] [--report json]: runs the
// workspace's checks/*.json (all, or those on the TABLEs named), records them in the run log, and
// exits non-zero when an error-severity check fails or cannot run (docs/checks.md, docs/cli.md).
// --suggest-dedup also prints, for each failing unique check, the "keep one per key" model.
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "core/checks/check_file.h"
#include "core/checks/check_report.h"
#include "core/checks/dedup_model.h"
#include "core/pipeline/check_run.h"
#include "core/warehouse/warehouse.h"

namespace deskbase::cli {

namespace {

void warn(const std::string& message) {
    std::fprintf(stderr, "deskbase check: warning: %s\n", message.c_str());
}

// The "keep one per key" model of a failing unique check; an error is one line.
Result<DedupModel> suggestDedup(Warehouse& w, const std::string& dir, const CheckFile& f,
                                const CheckSpec& spec) {
    auto info = w.describeTable(f.table);
    if (!info) return Error{info.message()};
    DedupInput in;
    in.table = f.table;
    in.tableIsModel = std::filesystem::exists(std::filesystem::path(dir) / "models" / (f.table + ".sql"));
    for (const auto& c : info->columns) in.columns.push_back(c.name);
    in.checkFile = f.displayName;
    return dedupModel(spec, in);
}

}  // namespace

const VerbSpec& checkSpec() {
    static const VerbSpec spec{
        "check",
        "[TABLE]...",
        "Runs the workspace's checks/*.json (all, or those on the TABLEs named).",
        {
            workspaceOption(),
            dbOption(),
            option("report", "Print one JSON object with every result.", "json"),
            option("suggest-dedup", "For a failing unique check, print a model that keeps one row per key."),
        }};
    return spec;
}

int runCheck(const std::vector<std::string>& argv) {
    std::optional<Args> args;
    if (auto done = parseOrExit(checkSpec(), argv, args)) return *done;
    const auto report = args->value("report");
    if (report && *report != "json") return usageError("check", "--report supports only json");

    const std::string dir = resolveWorkspace(*args);
    auto files = loadWorkspaceChecks(dir);
    if (!files) return failure("check", files.message());
    std::vector<CheckFile> chosen;
    for (const auto& table : args->positional()) {
        bool any = false;
        for (const auto& f : *files)
            if (f.table == table) {
                chosen.push_back(f);
                any = true;
            }
        if (!any)
            return failure(
                "check", "no checks on " + table + " in " + (std::filesystem::path(dir) / "checks").string());
    }
    if (args->positional().empty()) chosen = *files;

    auto warehouse = Warehouse::open(resolveTarget(*args));
    if (!warehouse) return failure("check", warehouse.message());
    Warehouse& w = **warehouse;

    const CheckRunOutcome outcome = runAndRecordChecks(w, chosen);
    for (const auto& m : outcome.warnings) warn(m);
    const std::vector<CheckResult>& all = outcome.results;
    std::vector<DedupModel> dedups;
    if (args->has("suggest-dedup")) {
        // runChecks gives one result per check, in the file's order: the files' results follow each other.
        std::size_t at = 0;
        for (const auto& f : chosen)
            for (std::size_t i = 0; i < f.checks.size() && at < all.size(); ++i, ++at) {
                const CheckResult& r = all[at];
                if (f.checks[i].kind != CheckKind::Unique ||
                    (r.status != CheckStatus::Fail && r.status != CheckStatus::Warn))
                    continue;
                auto m = suggestDedup(w, dir, f, f.checks[i]);
                if (!m)
                    warn(f.displayName + ": " + r.name + ": " + m.message());
                else
                    dedups.push_back(std::move(*m));
            }
    }
    const std::string blocking = blockingSummary(all);

    if (report) {
        nlohmann::ordered_json j;
        j["checks"] = checkResultsToJson(all);
        if (args->has("suggest-dedup")) {
            j["dedup"] = nlohmann::ordered_json::array();
            for (const auto& m : dedups)
                j["dedup"].push_back({{"model", m.name}, {"file", m.file}, {"sql", m.sql}});
        }
        std::puts(j.dump().c_str());
    } else {
        for (const auto& r : all)
            std::printf("%-5s  %s  %s  %s\n", std::string(checkStatusName(r.status)).c_str(), r.table.c_str(),
                        r.name.c_str(), r.message.c_str());
        std::fprintf(stderr, "%zu checks on %zu tables: %s\n", all.size(), chosen.size(),
                     checkSummary(all).c_str());
        for (const auto& m : dedups)
            std::printf("\n-- keep one per key: save as %s\n%s", m.file.c_str(), m.sql.c_str());
    }
    if (blocking.empty()) return 0;
    return failure("check", blocking);
}

}  // namespace deskbase::cli
