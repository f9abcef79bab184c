// bench_xlsx: Export of a 1-million-row result to an Excel workbook (core ResultExport + XlsxWriter,
// libxlsxwriter in constant_memory mode) against the same export to CSV, A B A B in the same run,
// each in its own child process so that its peak memory (VmHWM) is its own.
// Goal (issue 13): XLSX ≤ 3× the CSV time, memory flat (no growth with the row count).
// Usage: bench_xlsx [--runs N] [--rows N] [--dir DIR]   (DIR keeps warehouse.db between runs)
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/process_timer.h"
#include "core/export/result_export.h"
#include "core/runtime/runtime.h"
#include "core/warehouse/warehouse.h"

using namespace deskbase;
namespace fs = std::filesystem;

namespace {

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "bench_xlsx: %s\n", what.c_str());
    std::exit(1);
}

// Mixed types: an integer key, a date, a real, a short text, a boolean.
void ensureTable(const std::string& db, long rows) {
    auto w = Warehouse::open(db);
    if (!w) die(w.message());
    if (auto has = (*w)->tableExists("sales"); has && *has) return;
    std::fprintf(stderr, "generating %ld rows\n", rows);
    const std::string sql =
        "CREATE TABLE sales (id INTEGER, day DATE, amount REAL, region TEXT, returned BOOLEAN);"
        "INSERT INTO sales WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < " +
        std::to_string(rows) +
        ") SELECT n, date('2020-01-01', '+' || (n % 1500) || ' days'), round((n * 7919) % 100000 / 100.0, 2),"
        " substr('NorthSouthEast West ', 1 + 5 * (n % 4), 5), n % 17 = 0 FROM s";
    if (auto s = (*w)->execute(sql); !s) die(s.message());
}

int child(const std::string& db, const std::string& path) {
    RuntimeOptions options;
    options.queryThreads = 1;
    options.maxIdlePerTarget = 1;
    Runtime runtime(options);
    auto r =
        exportResult(runtime.executor(), ExportRequest{db, "SELECT * FROM sales", {}, path, std::nullopt});
    if (!r) die(r.message());
    std::printf("%llu\n", static_cast<unsigned long long>(r->rows));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 3;
    long rows = 1000000;
    std::string dir = "bench-xlsx", childPath;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--runs")
            runs = std::atoi(argv[i + 1]);
        else if (a == "--rows")
            rows = std::atol(argv[i + 1]);
        else if (a == "--dir")
            dir = argv[i + 1];
        else if (a == "--child")
            childPath = argv[i + 1];
        else
            die("unknown option " + a);
    }
    fs::create_directories(dir);
    const std::string db = (fs::path(dir) / "warehouse.db").string();
    if (!childPath.empty()) return child(db, childPath);
    ensureTable(db, rows);

    const char* formats[2] = {"csv", "xlsx"};
    std::vector<double> seconds[2];
    long peak[2] = {};
    std::uintmax_t bytes[2] = {};
    for (int run = 0; run < runs; ++run)
        for (int f = 0; f < 2; ++f) {
            const std::string out = (fs::path(dir) / ("export." + std::string(formats[f]))).string();
            auto t = bench::runTimed({argv[0], "--dir", dir, "--child", out});
            if (t.exitCode != 0) die(std::string("the ") + formats[f] + " export failed");
            seconds[f].push_back(t.seconds);
            peak[f] = std::max(peak[f], t.peakKb);
            bytes[f] = fs::file_size(out);
        }
    std::printf("export of %ld rows (5 columns), median of %d runs, each a child process\n", rows, runs);
    for (int f = 0; f < 2; ++f)
        std::printf("%-4s %.2f s, peak %.0f MB, file %.0f MB\n", formats[f], bench::median(seconds[f]),
                    double(peak[f]) / 1024, double(bytes[f]) / 1e6);
    std::printf("ratio xlsx/csv: time %.2f, peak memory %.2f\n",
                bench::median(seconds[1]) / bench::median(seconds[0]), double(peak[1]) / double(peak[0]));
    return 0;
}
