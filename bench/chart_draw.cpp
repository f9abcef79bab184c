// Chart drawing and dashboard opening times.
//  1. A 1M- and a 10M-point line: reduced (min/max per pixel column, A) vs every point handed to
//     Qt Charts (the reference, B), alternating A B A B for --runs rounds, each measured from
//     "data is loaded" to a painted frame (QChartView grabbed into a pixmap); after each reduced
//     frame, a zoom (re-reduction) frame. Medians and the ratio B / A per round.
//  2. The demo sales dashboard opened cold (cache purged), warm from memory and warm from the
//     on-disk cache after a "restart" (new runtime), alternating cold / memory / disk for --runs
//     rounds, each to a painted frame. No outside tool opens a Deskbase dashboard: the reference
//     is the same open with the cache purged, and the figures are ratios to it.
// Usage: bench_chart_draw [--orders N] [--runs N] [--no-lines]
#include <QApplication>
#include <QChartView>
#include <QDir>
#include <QElapsedTimer>
#include <QPixmap>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <random>

#include "core/dashboard/demo_workspace.h"
#include "core/runtime/runtime.h"
#include "core/workspace/workspace.h"
#include "widgets/charts/chart_view.h"
#include "widgets/dashboard/dashboard_view.h"
#include "widgets/theme/theme.h"

using namespace deskbase;

namespace {

std::shared_ptr<chart::XYData> randomWalk(std::size_t n) {
    auto xy = std::make_shared<chart::XYData>();
    xy->x.resize(n);
    xy->y.resize(n);
    std::mt19937_64 rng(42);
    std::normal_distribution<double> step(0, 1);
    double v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        v += step(rng);
        xy->x[i] = double(i);
        xy->y[i] = v;
    }
    return xy;
}

// Milliseconds from handing the data over to a painted frame.
double frameMs(widgets::ChartView& view, const std::shared_ptr<chart::XYData>& xy, bool reduce) {
    QElapsedTimer t;
    t.start();
    view.setXYLine(xy, reduce);
    const QPixmap frame = view.chartView()->grab();
    const double ms = double(t.nsecsElapsed()) / 1e6;
    if (frame.isNull()) std::fprintf(stderr, "empty frame\n");
    return ms;
}

double zoomFrameMs(widgets::ChartView& view, double lo, double hi) {
    QElapsedTimer t;
    t.start();
    view.zoomX(lo, hi);
    const QPixmap frame = view.chartView()->grab();
    return double(t.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double openDashboardMs(const std::string& path, const Workspace& ws, Runtime& runtime, bool* allOk) {
    QElapsedTimer t;
    t.start();
    widgets::DashboardView view(runtime);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(1440, 1800);
    view.show();
    if (!view.open(path, &ws).isOk()) *allOk = false;
    if (!view.waitUntilLoaded(120000)) *allOk = false;
    const QPixmap frame = view.grab();
    const double ms = double(t.nsecsElapsed()) / 1e6;
    if (frame.isNull()) *allOk = false;
    return ms;
}

}  // namespace

int main(int argc, char** argv) {
    int orders = 20000;
    int runs = 3;
    for (int i = 1; i + 1 < argc; ++i) {
        if (!std::strcmp(argv[i], "--orders"))
            orders = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--runs"))
            runs = std::max(1, std::atoi(argv[++i]));
    }
    bool lines = true;  // --no-lines: only the dashboard part
    for (int i = 1; i < argc; ++i) lines = lines && std::strcmp(argv[i], "--no-lines") != 0;
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    widgets::applyTheme(app, widgets::ThemeMode::Light);

    std::printf("== line chart, 1200x500 view, time from loaded data to a painted frame\n");
    std::printf("   A = reduced, B = every point to Qt Charts (reference); A B A B, %d rounds\n", runs);
    widgets::ChartView view;
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(1200, 500);
    view.show();
    for (std::size_t n : {std::size_t(1000000), std::size_t(10000000)}) {
        if (!lines) break;
        auto xy = randomWalk(n);
        std::vector<double> reduced, zoom, all, ratios;
        std::size_t shown = 0;
        for (int r = 0; r < runs; ++r) {
            reduced.push_back(frameMs(view, xy, true));
            zoom.push_back(zoomFrameMs(view, double(n) * 0.25, double(n) * 0.5));
            shown = view.shownPoints();
            view.clear();
            all.push_back(frameMs(view, xy, false));
            view.clear();
            ratios.push_back(all.back() / reduced.back());
            std::printf("%5zuM points  round %d: reduced %8.1f ms, all points %9.1f ms (%.0fx)\n",
                        n / 1000000, r + 1, reduced.back(), all.back(), ratios.back());
        }
        std::printf("%5zuM points  reduced:    %8.1f ms  (median; %zu points reach Qt Charts after zoom)\n",
                    n / 1000000, median(reduced), shown);
        std::printf("%5zuM points  zoom frame: %8.1f ms  (median; re-reduce the visible quarter + paint)\n",
                    n / 1000000, median(zoom));
        std::printf(
            "%5zuM points  all points: %8.1f ms  (median)  -> reduced is %.0fx faster (median of the "
            "per-round ratios %.0f-%.0fx)\n",
            n / 1000000, median(all), median(ratios), *std::min_element(ratios.begin(), ratios.end()),
            *std::max_element(ratios.begin(), ratios.end()));
    }

    std::printf("\n== demo sales dashboard (%d orders), open to a painted frame\n", orders);
    QTemporaryDir dir;
    dashboard::DemoSizes sizes;
    sizes.orders = orders;
    sizes.customers = std::max(200, orders / 10);
    QElapsedTimer gen;
    gen.start();
    if (auto s = dashboard::ensureDemoWorkspace(dir.path().toStdString(), sizes); !s) {
        std::fprintf(stderr, "demo workspace: %s\n", s.message().c_str());
        return 1;
    }
    std::printf("generate + import demo data: %.0f ms\n", double(gen.nsecsElapsed()) / 1e6);
    auto ws = Workspace::open(dir.path().toStdString());
    if (!ws) return 1;
    const std::string path = ws->path(dashboard::kDemoStartDashboard);
    const RuntimeOptions options = Runtime::optionsFor(*ws);
    std::printf(
        "   no outside reference: cold (cache purged) is the reference; cold / memory / disk "
        "alternate, %d rounds\n",
        runs);
    bool ok = true;
    std::vector<double> cold, memory, disk;
    for (int r = 0; r < runs; ++r) {
        {
            Runtime runtime(options);
            runtime.cache()->purge();
            cold.push_back(openDashboardMs(path, *ws, runtime, &ok));
            memory.push_back(openDashboardMs(path, *ws, runtime, &ok));
        }
        Runtime runtime(options);  // a restart: only the disk tier is warm
        disk.push_back(openDashboardMs(path, *ws, runtime, &ok));
        std::printf("round %d: cold %8.1f ms, memory %8.1f ms, disk %8.1f ms\n", r + 1, cold.back(),
                    memory.back(), disk.back());
    }
    std::printf("cold (empty cache):          %8.1f ms  (median)\n", median(cold));
    std::printf("warm (memory cache):         %8.1f ms  (median; %.0fx faster than cold; target <= 100 ms)\n",
                median(memory), median(cold) / median(memory));
    std::printf("warm (disk cache, restart):  %8.1f ms  (median; %.0fx faster than cold)\n", median(disk),
                median(cold) / median(disk));
    if (!ok) std::printf("warning: some cards failed or timed out\n");
    return ok ? 0 : 1;
}
