// deskbase watch [--workspace DIR] [--db TARGET] [--poll SECONDS] | --print-systemd-unit
// Stays running with no display: watched folders and schedules of the workspace's sources
// (core/sources/source_watcher.h), and the reports and alerts on their schedule or after a source
// (core/reports/report_watcher.h; dashboards drawn offscreen). SIGTERM or SIGINT stops it
// cleanly: the import under way rolls back and the file is taken on the next start.
#include <sys/socket.h>
#include <unistd.h>

#include <QApplication>
#include <QDir>
#include <QSocketNotifier>
#include <csignal>
#include <cstdio>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/report_lines.h"
#include "core/reports/report_watcher.h"
#include "core/runtime/runtime.h"
#include "core/sources/source_report.h"
#include "core/sources/source_watcher.h"
#include "core/workspace/workspace.h"
#include "widgets/dashboard/dashboard_render.h"
#include "widgets/theme/theme.h"

namespace deskbase::cli {

namespace {

int signalPipe[2] = {-1, -1};

extern "C" void onStopSignal(int) {
    const char c = 1;
    (void)!::write(signalPipe[1], &c, 1);  // async-signal-safe; the event loop reads it
}

// Double quotes for systemd's ExecStart when a path holds spaces or quotes.
std::string quoted(const std::string& s) {
    if (s.find_first_of(" \t\"\\") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string systemdUnit(const std::string& binary, const std::string& workspace) {
    return "[Unit]\n"
           "Description=Deskbase: watched folders and schedules of " +
           workspace +
           "\n"
           "After=network-online.target\n"
           "\n"
           "[Service]\n"
           "Type=simple\n"
           "ExecStart=" +
           quoted(binary) + " watch --workspace " + quoted(workspace) +
           "\n"
           "Restart=on-failure\n"
           "RestartSec=10\n"
           "\n"
           "[Install]\n"
           "WantedBy=default.target\n";
}

}  // namespace

const VerbSpec& watchSpec() {
    static const VerbSpec spec{
        "watch",
        "",
        "Stays running: sources of watched folders and schedules, and reports, with no display.",
        {
            workspaceOption(),
            dbOption(),
            option("poll", "How often folders are listed and schedules looked at (default 2).", "SECONDS"),
            option("print-systemd-unit", "Print a systemd --user unit that runs this watch, and exit."),
        }};
    return spec;
}

int runWatch(int argc, char** argv, const std::vector<std::string>& rest) {
    const char* verb = "watch";
    std::optional<Args> args;
    if (auto done = parseOrExit(watchSpec(), rest, args)) return *done;
    if (!args->positional().empty()) return usageError(verb, "unexpected argument " + args->positional()[0]);
    int pollMs = 2000;
    if (auto p = args->value("poll")) {
        char* end = nullptr;
        const double seconds = std::strtod(p->c_str(), &end);
        if (p->empty() || *end || seconds < 0.1 || seconds > 3600)
            return usageError(verb, "--poll wants seconds from 0.1 to 3600, got '" + *p + "'");
        pollMs = int(seconds * 1000);
    }
    // Caught from now on (making the QApplication takes a moment and may already print a line).
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0) return failure(verb, "cannot set up signals");
    struct sigaction sa {};
    sa.sa_handler = onStopSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    useOffscreenWithoutDisplay();
    QApplication app(argc, argv);  // dashboard reports are drawn with the widgets
    widgets::applyTheme(app, widgets::ThemeMode::Light);
    auto ws = Workspace::open(workspaceDir(*args).value_or("."));
    if (!ws) return failure(verb, ws.message());
    const std::string dir = QDir(QString::fromStdString(ws->dir())).absolutePath().toStdString();
    if (args->has("print-systemd-unit")) {
        std::fputs(systemdUnit(QCoreApplication::applicationFilePath().toStdString(), dir).c_str(), stdout);
        return 0;
    }
    const std::string target = args->value("db").value_or(ws->defaultTarget());

    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);  // a signal caught early waits in it
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        char c;
        (void)!::read(signalPipe[0], &c, 1);
        app.quit();
    });

    RuntimeOptions runtimeOptions = Runtime::optionsFor(*ws);
    runtimeOptions.queryThreads = 1;
    runtimeOptions.cache = Runtime::commandLineCache(&*ws, target);
    Runtime runtime(runtimeOptions);
    SourceWatcherOptions options;
    options.workspaceDir = ws->dir();
    options.target = target;
    options.pollMs = pollMs;
    auto say = [](const std::string& line) {
        std::fprintf(stderr, "%s\n", line.c_str());
        std::fflush(stderr);
    };
    ReportWatcherOptions reportOptions;
    reportOptions.workspaceDir = ws->dir();
    reportOptions.historyTarget = target;
    reportOptions.pollMs = pollMs;
    reportOptions.renderDashboard = widgets::renderReportDashboard;
    reportOptions.onRun = [&](const ReportSpec& spec, const ReportOutcome& o) {
        say(reportOutcomeLine(*ws, spec, o));
    };
    reportOptions.onProblem = say;
    reportOptions.onRetry = say;
    ReportWatcher reports(runtime, reportOptions);
    options.onRun = [&](const SourceRunReport& r) {
        say(sourceRunLine(r));
        if (r.status == "success" && r.loaded() > 0) reports.sourceRan(r.source);  // the reports "after" it
    };
    options.onProblem = say;
    options.onRetry = say;
    SourceWatcher watcher(runtime, options);
    std::fprintf(stderr, "deskbase watch: watching %s (stop with Ctrl+C or SIGTERM)\n", dir.c_str());
    std::fflush(stderr);
    watcher.start();
    reports.start();
    app.exec();
    watcher.stop();
    reports.stop();
    std::fprintf(stderr, "deskbase watch: stopped\n");
    return 0;
}

}  // namespace deskbase::cli
