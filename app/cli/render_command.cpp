// deskbase render DASHBOARD.json --out FILE.png|FILE.pdf [--param NAME=VALUE]... [--db TARGET]
//   [--width PX] [--scale F] [--theme light|dark] [--edit]
// Draws the whole dashboard with no display (offscreen platform when none is available).
#include <QApplication>
#include <cstdio>
#include <cstdlib>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "widgets/dashboard/dashboard_render.h"
#include "widgets/theme/theme.h"

namespace deskbase::cli {

const VerbSpec& renderSpec() {
    static const VerbSpec spec{
        "render",
        "DASHBOARD.json --out FILE.png|FILE.pdf",
        "Draws the whole dashboard to a PNG or a one-page PDF; no display needed.",
        {
            option("out", "Where to write: a .png or .pdf file.", "FILE"),
            option("param", "A filter value by filter id (a list: a,b; a date range: from..to); repeatable.",
                   "NAME=VALUE"),
            dbOption(),
            option("width", "Page width in logical pixels, 320..10000 (default 1440).", "PX"),
            option("theme", "light (default) or dark.", "light|dark"),
            option("scale", "PNG device pixel ratio, 0.5..4 (default 1).", "F"),
            option("edit", "Also draw the toolbar and edit affordances (for documentation)."),
        }};
    return spec;
}

void useOffscreenWithoutDisplay() {
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

int runRender(int argc, char** argv, const std::vector<std::string>& argList) {
    std::optional<Args> args;
    if (auto done = parseOrExit(renderSpec(), argList, args)) return *done;
    if (args->positional().size() != 1) return usageError("render", "expected one DASHBOARD.json");
    const auto out = args->value("out");
    if (!out) return usageError("render", "--out FILE.png|FILE.pdf is required");
    widgets::RenderOptions options;
    options.dashboardPath = args->positional().front();
    options.outPath = *out;
    options.filterArguments = args->values("param");
    options.target = args->value("db").value_or("");
    options.editMode = args->has("edit");  // toolbar + edit affordances, for screenshots
    if (auto w = args->value("width")) {
        options.width = std::atoi(w->c_str());
        if (options.width < 320 || options.width > 10000)
            return usageError("render", "--width must be 320..10000");
    }
    if (auto s = args->value("scale")) {
        options.scale = std::atof(s->c_str());
        if (options.scale < 0.5 || options.scale > 4) return usageError("render", "--scale must be 0.5..4");
    }
    const std::string theme = args->value("theme").value_or("light");
    if (theme != "light" && theme != "dark") return usageError("render", "--theme must be light or dark");

    useOffscreenWithoutDisplay();
    QApplication app(argc, argv);
    widgets::applyTheme(app, widgets::parseThemeMode(QString::fromStdString(theme)));

    auto report = widgets::renderDashboard(options);
    if (!report) return failure("render", report.message());
    for (const auto& e : report->errors) std::fprintf(stderr, "deskbase render: warning: %s\n", e.c_str());
    std::printf("%s: %d cards (%d failed), %dx%d\n", options.outPath.c_str(), report->cards,
                report->failedCards, report->width, report->height);
    return report->failedCards > 0 ? 1 : 0;
}

}  // namespace deskbase::cli
