#include "core/reports/report_run.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <chrono>
#include <filesystem>

#include "core/export/result_export.h"
#include "core/pipeline/run_log.h"
#include "core/question/question_request.h"
#include "core/reports/alert.h"
#include "core/reports/report_output.h"
#include "core/runtime/runtime.h"
#include "core/warehouse/warehouse.h"
#include "core/workspace/workspace.h"

namespace deskbase {

namespace {

namespace fs = std::filesystem;
constexpr std::size_t kAlertRowLimit = 100000;  // "rows" counts up to this many ("100000+ rows")
constexpr int kCommandTimeoutMs = 60000;

std::string outputDir(const Workspace& ws, const ReportSpec& report, const ReportRunOptions& options) {
    const std::string dir = options.outDir.empty() ? report.out : options.outDir;
    return fs::path(dir).is_absolute() ? dir : ws.path(dir);
}

// The dashboard by file stem or file name: "sales_overview" or "sales_overview.json".
std::string findDashboard(const Workspace& ws, const std::string& ref) {
    for (const auto& path : ws.dashboardFiles()) {
        const fs::path p(path);
        if (p.filename() == ref || p.stem() == ref) return path;
    }
    return {};
}

ParameterValues parameterValues(const ReportSpec& report) {
    ParameterValues values;
    for (const auto& [name, value] : report.params) values[name].push_back(value);
    return values;
}

// Runs the alert's shell command with what fired in its environment; "" when it ran fine.
std::string runAlertCommand(const ReportSpec& report, const AlertCheck& check) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DESKBASE_ALERT_NAME"), QString::fromStdString(report.name));
    env.insert(QStringLiteral("DESKBASE_ALERT_MESSAGE"), QString::fromStdString(check.message));
    if (check.value)
        env.insert(QStringLiteral("DESKBASE_ALERT_VALUE"), QString::number(*check.value, 'g', 17));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("/bin/sh"),
                  {QStringLiteral("-c"), QString::fromStdString(report.alert->command)});
    if (!process.waitForStarted())
        return "the alert's command did not start: " + process.errorString().toStdString();
    if (!process.waitForFinished(kCommandTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return "the alert's command did not finish in 60 s and was stopped";
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return "the alert's command exited with status " + std::to_string(process.exitCode());
    return {};
}

// Whether a first_time alert has fired before (a "fired" alert step under its name).
bool firedBefore(Warehouse& w, const std::string& name) {
    auto r = hasRunStep(w, "alert", name, "fired");
    return r && *r;
}

struct Recorder {
    std::unique_ptr<Warehouse> w;
    std::int64_t runId = 0;
    std::string error;  // why the run could not be recorded (a locked file, a server away)
    void start(const std::string& target, const std::string& name, int attempt) {
        auto opened = Warehouse::open(target);
        if (!opened) {
            error = opened.message();
            return;
        }
        w = std::move(*opened);
        if (auto id = startRun(*w, "report", name, attempt))
            runId = *id;
        else
            error = id.message();
    }
    void finish(const ReportOutcome& o, const char* stepKind) {
        if (!w || !runId) return;
        RunStep step;
        step.kind = stepKind;
        step.name = o.report;
        step.status = o.status;
        step.rows = std::int64_t(o.rows);
        step.seconds = o.seconds;
        step.error = o.status == "error" ? o.message : std::string();
        (void)addRunStep(*w, runId, step);
        (void)finishRun(*w, runId, o.status == "error" ? "error" : "success", step.error, o.seconds);
    }
};

}  // namespace

ReportOutcome runReport(const Workspace& ws, Runtime& runtime, const ReportSpec& report,
                        const ReportRunOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    ReportOutcome o;
    o.report = report.name;
    const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTime();
    auto fail = [&](std::string message) {
        o.status = "error";
        o.message = report.file + ": " + std::move(message);
        o.path.clear();
    };
    const std::string dir = outputDir(ws, report, options);
    // The output folder, created when missing; false (and the report failed) when it cannot be.
    auto makeOutputDir = [&] {
        std::error_code ec;
        if (fs::create_directories(dir, ec); !ec) return true;
        fail("cannot create the folder " + dir + ": " + ec.message());
        return false;
    };
    const std::string history = options.historyTarget.empty() ? ws.defaultTarget() : options.historyTarget;
    Recorder recorder;
    recorder.start(history, report.name, options.attempt);

    if (!report.dashboard.empty()) {
        const std::string dashboard = findDashboard(ws, report.dashboard);
        if (dashboard.empty()) {
            fail("no dashboard \"" + report.dashboard + "\" in dashboards/");
        } else if (!options.renderDashboard) {
            fail("dashboards are drawn only by the app or the deskbase command");
        } else if (makeOutputDir()) {
            std::vector<std::string> filters;
            for (const auto& [name, value] : report.params) filters.push_back(name + "=" + value);
            o.path = datedReportPath(dir, report.name, report.format, now);
            if (Status s = options.renderDashboard(dashboard, o.path, filters); !s)
                fail(s.message());
            else
                o.status = "success";
        }
    } else {
        const WorkspaceQuestion* q = ws.findQuestion(report.question);
        auto request =
            q ? makeQuestionRequest(q->question, parameterValues(report), &ws)
              : Result<QueryRequest>(Error{"no question \"" + report.question + "\" in questions/"});
        if (!request) {
            fail(request.message());
        } else if (report.alert) {
            QueryRequest check = *request;  // the export below runs the same SQL again, in full
            check.useCache = false;
            check.rowLimit = kAlertRowLimit;
            auto result = runtime.executor().runAndWait(std::move(check));
            auto verdict = result ? checkAlert(report.name, *report.alert, *result)
                                  : Result<AlertCheck>(Error{result.message()});
            if (!verdict) {
                fail(verdict.message());
            } else {
                o.rows = result->rows.size();
                o.message = verdict->message + (result->truncated ? " (or more)" : "");
                const bool silenced = verdict->fires && report.alert->firstTimeOnly && recorder.w &&
                                      firedBefore(*recorder.w, report.name);
                o.status = verdict->fires && !silenced ? "fired" : "quiet";
                if (silenced) o.message += "; fired before (first_time): not notified again";
                if (o.status == "fired" && !report.alert->command.empty())
                    if (std::string e = runAlertCommand(report, *verdict); !e.empty()) o.message += "; " + e;
            }
        }
        if (request && report.writesFile() && o.status != "error" && (!report.alert || o.status == "fired")) {
            if (makeOutputDir()) {
                o.path = datedReportPath(dir, report.name, report.format, now);
                ExportRequest e{request->target, request->sql, request->params, o.path,
                                parseExportFormat(report.format)};
                auto written = exportResult(runtime.executor(), std::move(e));
                if (!written) {
                    fail(written.message());
                } else {
                    if (!report.alert) {  // an alert keeps its verdict and the rows it saw
                        o.rows = written->rows;
                        o.status = "success";
                    }
                    if (report.skipIfEmpty && written->rows == 0) {
                        std::error_code ec;
                        fs::remove(o.path, ec);
                        o.path.clear();
                        o.status = "skipped";
                        o.message = "no rows: no file written (skip_if_empty)";
                    }
                }
            }
        }
    }
    if (o.status != "error" && !o.path.empty()) {
        auto removed = pruneReportOutputs(dir, report.name, report.format, report.keep);
        if (removed)
            o.removed = std::move(*removed);
        else
            o.message = removed.message();  // the new file is there; say what could not be pruned
    }
    o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    recorder.finish(o, report.alert ? "alert" : "report");
    o.runId = recorder.runId;
    return o;
}

}  // namespace deskbase
