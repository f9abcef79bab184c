// bench_export: the query page's Export of a 3-million-row result (core ResultExport: streamed
// through the executor, written to a temporary file, fsync'ed and renamed) against the sqlite3
// CLI writing the same SELECT with -csv and -json, alternating A B A B in the same run.
// Usage: bench_export [--runs N] [--rows N] [--dir DIR]   (DIR keeps warehouse.db between runs)
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bench/process_timer.h"
#include "core/runtime/runtime.h"
#include "core/export/result_export.h"
#include "core/warehouse/warehouse.h"

using namespace deskbase;
namespace fs = std::filesystem;

namespace {

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "bench_export: %s\n", what.c_str());
    std::exit(1);
}

long peakKb() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
    return 0;
}

long lineCount(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    long n = 0;
    std::vector<char> buf(1 << 20);
    while (in.read(buf.data(), std::streamsize(buf.size())) || in.gcount() > 0) {
        for (std::streamsize i = 0; i < in.gcount(); ++i) n += buf[std::size_t(i)] == '\n';
        if (!in) break;
    }
    return n;
}

// Flights-shaped rows (date, delay, distance, origin, destination, fare), made by SQLite itself.
void ensureTable(const std::string& db, long rows) {
    auto w = Warehouse::open(db);
    if (!w) die(w.message());
    if (auto has = (*w)->tableExists("flights"); has && *has) return;
    std::fprintf(stderr, "generating %ld rows\n", rows);
    const std::string sql =
        "CREATE TABLE flights AS WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < " +
        std::to_string(rows) +
        ") SELECT date('2001-01-01', '+' || (n % 365) || ' days') AS date, (n * 7919) % 220 - 20 AS delay,"
        " 100 + (n * 104729) % 2500 AS distance, substr('LASPHLATLSAVORDLAXSFOJFK', 1 + 3 * (n % 8), 3) AS "
        "origin,"
        " substr('DENSEABOSMIALASPHLATLORD', 1 + 3 * ((n / 8) % 8), 3) AS destination, round(n * 0.37 % 900, "
        "2) AS fare"
        " FROM s";
    if (auto s = (*w)->execute(sql); !s) die(s.message());
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 3;
    long rows = 3000000;
    std::string dir = "bench-export";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--runs")
            runs = std::atoi(argv[i + 1]);
        else if (a == "--rows")
            rows = std::atol(argv[i + 1]);
        else if (a == "--dir")
            dir = argv[i + 1];
        else
            die("unknown option " + a);
    }
    fs::create_directories(dir);
    const std::string db = (fs::path(dir) / "warehouse.db").string();
    ensureTable(db, rows);
    const std::string sql = "SELECT * FROM flights";
    RuntimeOptions options;
    options.queryThreads = 1;
    options.maxIdlePerTarget = 1;
    Runtime runtime(options);
    QueryExecutor& executor = runtime.executor();

    std::vector<double> ours[2], theirs[2];
    const char* names[2] = {"csv", "json"};
    std::string ourFile[2], theirFile[2];
    std::uint64_t ourBytes[2] = {};
    for (int run = 0; run < runs; ++run) {
        for (int f = 0; f < 2; ++f) {
            ourFile[f] = (fs::path(dir) / ("deskbase." + std::string(names[f]))).string();
            theirFile[f] = (fs::path(dir) / ("sqlite3." + std::string(names[f]))).string();
            auto r = exportResult(executor, ExportRequest{db, sql, {}, ourFile[f], std::nullopt});
            if (!r) die(r.message());
            ours[f].push_back(r->seconds);
            ourBytes[f] = r->bytes;
            auto t =
                bench::runTimed({"sqlite3", f == 0 ? "-csv" : "-json", "-header", db, sql}, theirFile[f]);
            if (t.exitCode != 0) die("sqlite3 failed");
            theirs[f].push_back(t.seconds);
        }
    }
    std::printf("export of %ld rows, median of %d runs (Deskbase includes fsync + rename)\n", rows, runs);
    for (int f = 0; f < 2; ++f) {
        const double a = bench::median(ours[f]), b = bench::median(theirs[f]);
        std::printf(
            "%-5s Deskbase %.2f s (%.0f MB, %ld lines) | sqlite3 -%s %.2f s (%.0f MB, %ld lines) | ratio "
            "%.2f\n",
            names[f], a, double(ourBytes[f]) / 1e6, lineCount(ourFile[f]), names[f], b,
            double(fs::file_size(theirFile[f])) / 1e6, lineCount(theirFile[f]), a / b);
    }
    std::printf("Deskbase peak memory (VmHWM of this process): %.0f MB\n", double(peakKb()) / 1024);
    return 0;
}
