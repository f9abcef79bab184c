// deskbase report NAME... [--out DIR] [--workspace DIR] [--report json]
// Runs reports/*.json by name now: a dashboard drawn to PNG/PDF, a question written to
// CSV/TSV/JSON/NDJSON/XLSX, an alert checked (docs/reports.md). No display needed.
#include <QApplication>
#include <QFileInfo>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/report_lines.h"
#include "core/reports/report_run.h"
#include "core/runtime/runtime.h"
#include "core/workspace/workspace.h"
#include "widgets/dashboard/dashboard_render.h"
#include "widgets/theme/theme.h"

namespace deskbase::cli {

const VerbSpec& reportSpec() {
    static const VerbSpec spec{
        "report",
        "NAME...",
        "Runs reports and alerts of reports/*.json now (every one with --all).",
        {
            option("all", "Run every report of the workspace."),
            option("out", "Write into this folder instead of each report's \"out\".", "DIR"),
            workspaceOption(),
            option("report", "json: print one JSON object with every outcome.", "json"),
        }};
    return spec;
}

int runReport(int argc, char** argv, const std::vector<std::string>& argList) {
    const char* verb = "report";
    std::optional<Args> args;
    if (auto done = parseOrExit(reportSpec(), argList, args)) return *done;
    const bool all = args->has("all");
    if (all == !args->positional().empty()) return usageError(verb, "name the reports to run, or give --all");
    const std::string format = args->value("report").value_or("");
    if (!format.empty() && format != "json") return usageError(verb, "--report takes json");

    auto ws = Workspace::open(workspaceDir(*args).value_or("."));
    if (!ws) return failure(verb, ws.message());
    const WorkspaceReports loaded = loadWorkspaceReports(ws->dir());
    std::vector<const ReportSpec*> chosen;
    if (all) {
        for (const auto& p : loaded.problems) std::fprintf(stderr, "deskbase report: %s\n", p.c_str());
        for (const auto& r : loaded.reports) chosen.push_back(&r);
    } else {
        for (const auto& name : args->positional()) {
            const ReportSpec* found = nullptr;
            for (const auto& r : loaded.reports)
                if (r.name == name ||
                    QFileInfo(QString::fromStdString(r.file)).completeBaseName().toStdString() == name)
                    found = &r;
            if (!found) {
                for (const auto& p : loaded.problems)
                    if (p.rfind("reports/" + name + ".json:", 0) == 0) return failure(verb, p);
                return failure(verb, "no report \"" + name + "\" in " + ws->path("reports"));
            }
            chosen.push_back(found);
        }
    }

    useOffscreenWithoutDisplay();
    QApplication app(argc, argv);  // dashboards are drawn with the widgets
    widgets::applyTheme(app, widgets::ThemeMode::Light);

    Runtime runtime(Runtime::optionsFor(*ws));
    ReportRunOptions options;
    if (auto out = args->value("out"))
        options.outDir = QFileInfo(QString::fromStdString(*out)).absoluteFilePath().toStdString();
    options.renderDashboard = widgets::renderReportDashboard;
    int failed = 0;
    nlohmann::ordered_json report = {{"reports", nlohmann::ordered_json::array()}};
    for (const ReportSpec* spec : chosen) {
        const ReportOutcome o = runReport(*ws, runtime, *spec, options);
        failed += o.status == "error";
        if (format == "json")
            report["reports"].push_back(reportOutcomeJson(*ws, o));
        else if (o.status == "error")
            std::fprintf(stderr, "deskbase report: %s\n", o.message.c_str());
        else
            std::printf("%s\n", reportOutcomeLine(*ws, *spec, o).c_str());
    }
    if (format == "json") std::printf("%s\n", report.dump().c_str());
    return failed ? 1 : 0;
}

}  // namespace deskbase::cli
