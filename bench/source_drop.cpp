// A 100,000-row CSV dropped into a watched folder (core SourceWatcher, as `deskbase watch` runs
// it): time from the file's last write to the end of its source run (loaded, checks done), minus
// the stability wait; against the same file's plain import (ImportJob) in the same run, A B A B.
// Usage: bench_source_drop [rows=100000] [rounds=3]. Run on a quiet machine (see bench/README.md).
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <vector>

#include "core/ingest/import_job.h"
#include "core/runtime/runtime.h"
#include "core/sources/source_watcher.h"
#include "core/warehouse/warehouse.h"

using namespace deskbase;
using Clock = std::chrono::steady_clock;

namespace {

constexpr double kStableSeconds = 0.5;

void writeCsv(const std::string& path, int rows) {
    std::ofstream out(path);
    out << "order_id,customer,amount,day\n";
    for (int i = 1; i <= rows; ++i)
        out << i << ",customer " << (i % 977) << "," << (i % 1000) / 10.0 << ",2024-0" << (1 + i % 9) << "-1"
            << (i % 10) << "\n";
}

void writeText(const std::string& path, const std::string& text) {
    std::ofstream(path) << text;
}

// A: drop the file into a watched folder; seconds from its last write to the run's end, minus the wait.
double dropOnce(int rows) {
    QTemporaryDir dir;
    const std::string ws = dir.path().toStdString();
    QDir(dir.path()).mkpath(QStringLiteral("sources"));
    QDir(dir.path()).mkpath(QStringLiteral("inbox"));
    QDir(dir.path()).mkpath(QStringLiteral("checks"));
    writeText(ws + "/sources/orders.json",
              R"({"path": "inbox/", "table": "orders", "watch": true, "stable_seconds": )" +
                  std::to_string(kStableSeconds) + "}");
    writeText(
        ws + "/checks/orders.json",
        R"({"checks": [{"check": "not_null", "column": "order_id"}, {"check": "unique", "column": "order_id"}]})");
    Runtime runtime;
    QEventLoop loop;
    Clock::time_point written, finished;
    SourceWatcherOptions o;
    o.workspaceDir = ws;
    o.target = ws + "/warehouse.db";
    o.pollMs = 50;  // the poll adds at most this to the figure
    o.onRun = [&](const SourceRunReport& r) {
        finished = Clock::now();
        if (r.loaded() != 1)
            std::fprintf(stderr, "unexpected run: %s %s\n", r.status.c_str(), r.error.c_str());
        loop.quit();
    };
    SourceWatcher watcher(runtime, o);
    watcher.start();
    QTimer::singleShot(300, [&] {
        writeCsv(ws + "/inbox/orders.csv", rows);
        written = Clock::now();
    });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    watcher.stop();
    return std::chrono::duration<double>(finished - written).count() - kStableSeconds;
}

// B: the same file's import alone, with the same checks.
double importOnce(int rows) {
    QTemporaryDir dir;
    const std::string ws = dir.path().toStdString();
    QDir(dir.path()).mkpath(QStringLiteral("checks"));
    writeText(
        ws + "/checks/orders.json",
        R"({"checks": [{"check": "not_null", "column": "order_id"}, {"check": "unique", "column": "order_id"}]})");
    writeCsv(ws + "/orders.csv", rows);
    auto w = Warehouse::open(ws + "/warehouse.db");
    if (!w) return -1;
    ImportOptions io;
    io.path = ws + "/orders.csv";
    io.table = "orders";
    io.mode = ImportMode::Append;
    io.checksDir = ws;
    const auto t0 = Clock::now();
    auto r = ImportJob(io).run(**w);
    const auto t1 = Clock::now();
    if (!r) std::fprintf(stderr, "import failed: %s\n", r.message().c_str());
    return std::chrono::duration<double>(t1 - t0).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? std::atoi(argv[1]) : 100000;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
    std::vector<double> a, b;
    for (int i = 0; i < rounds; ++i) {
        a.push_back(dropOnce(rows));
        b.push_back(importOnce(rows));
        std::printf("round %d: dropped file -> run end %.3f s (after the %.1f s wait); import alone %.3f s\n",
                    i + 1, a.back(), kStableSeconds, b.back());
    }
    std::printf(
        "%d rows: watched folder %.3f s (median, minus the wait) vs import alone %.3f s: ratio %.2f\n", rows,
        median(a), median(b), median(a) / median(b));
    return 0;
}
