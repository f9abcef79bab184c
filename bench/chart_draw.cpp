// Chart drawing and dashboard opening times.
//  1. A 1M- and a 10M-point line: reduced (min/max per pixel column) vs every point handed to
//     Qt Charts, measured from "data is loaded" to a painted frame (QChartView grabbed into a
//     pixmap), plus a zoom (re-reduction) frame. 10M unreduced is timed for one frame only,
//     and skipped when 1M unreduced already took longer than --cap seconds.
//  2. The demo sales dashboard opened cold (empty cache), warm from memory and warm from the
//     on-disk cache after a "restart" (new cache object), each to a painted frame.
// Usage: bench_chart_draw [--orders N] [--cap SECONDS]
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

std::shared_ptr<widgets::XYData> randomWalk(std::size_t n) {
    auto xy = std::make_shared<widgets::XYData>();
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
double frameMs(widgets::ChartView& view, const std::shared_ptr<widgets::XYData>& xy, bool reduce) {
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
    double capSeconds = 60;
    for (int i = 1; i + 1 < argc; ++i) {
        if (!std::strcmp(argv[i], "--orders"))
            orders = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--cap"))
            capSeconds = std::atof(argv[++i]);
    }
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    widgets::applyTheme(app, widgets::ThemeMode::Light);

    std::printf("== line chart, 1200x500 view, time from loaded data to a painted frame\n");
    widgets::ChartView view;
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(1200, 500);
    view.show();
    double unreduced1M = 0;
    for (std::size_t n : {std::size_t(1000000), std::size_t(10000000)}) {
        auto xy = randomWalk(n);
        std::vector<double> reduced, zoom;
        for (int r = 0; r < 5; ++r) {
            reduced.push_back(frameMs(view, xy, true));
            zoom.push_back(zoomFrameMs(view, double(n) * 0.25, double(n) * 0.5));
        }
        const std::size_t shown = view.shownPoints();
        std::printf(
            "%5zuM points  reduced:    %8.1f ms  (median of 5; %zu points reach Qt Charts after zoom)\n",
            n / 1000000, median(reduced), shown);
        std::printf("%5zuM points  zoom frame: %8.1f ms  (re-reduce the visible quarter + paint)\n",
                    n / 1000000, median(zoom));
        if (n == 1000000 || unreduced1M / 1000 * 10 < capSeconds) {
            const double all = frameMs(view, xy, false);
            if (n == 1000000) unreduced1M = all;
            std::printf("%5zuM points  all points: %8.1f ms  (one frame)  -> reduced is %.0fx faster\n",
                        n / 1000000, all, all / median(reduced));
        } else {
            std::printf("%5zuM points  all points: skipped (1M took %.1f s; 10M would exceed --cap %.0f s)\n",
                        n / 1000000, unreduced1M / 1000, capSeconds);
        }
        view.clear();
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
    bool ok = true;
    {
        Runtime runtime(options);
        runtime.cache()->purge();
        const double cold = openDashboardMs(path, *ws, runtime, &ok);
        std::vector<double> warm;
        for (int r = 0; r < 5; ++r) warm.push_back(openDashboardMs(path, *ws, runtime, &ok));
        const auto st = runtime.cache()->stats();
        std::printf("cold (empty cache):          %8.1f ms\n", cold);
        std::printf("warm (memory cache):         %8.1f ms  (median of 5; target <= 100 ms)\n", median(warm));
        std::printf("cache: %llu hits, %llu misses\n", (unsigned long long)st.hits,
                    (unsigned long long)st.misses);
    }
    {
        Runtime runtime(options);  // a restart: only the disk tier is warm
        const double disk = openDashboardMs(path, *ws, runtime, &ok);
        std::printf("warm (disk cache, restart):  %8.1f ms\n", disk);
    }
    if (!ok) std::printf("warning: some cards failed or timed out\n");
    return ok ? 0 : 1;
}
