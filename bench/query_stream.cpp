// bench_query_stream: `deskbase query --sql "SELECT * FROM flights" --format csv` of the 3M-row
// flights table, written to a file, against `sqlite3 -csv` of the same SELECT, in the same run:
// wall time and peak memory (wait4's maximum resident set size) of each process. Deskbase runs
// with the result cache on (the default: the result is too big for it, so it streams through
// without being kept) and with --no-cache; the three alternate A B C, A B C for --runs rounds.
// usage: bench_query_stream [--runs N] [--csv FILE]
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "bench/flights_input.h"
#include "bench/process_timer.h"

namespace fs = std::filesystem;
using namespace deskbase::bench;

int main(int argc, char** argv) {
    auto [runs, csv] = parseFlightsArgs(argc, argv);
    const fs::path tmp = fs::temp_directory_path() / ("deskbase-bench-query-" + std::to_string(getpid()));
    fs::create_directories(tmp);
    if (csv.empty()) csv = prepareFlightsCsv(tmp);
    if (csv.empty()) return 1;
    const std::string db = (tmp / "flights.db").string();
    if (runTimed({DESKBASE_BINARY, "import", csv, "--db", db, "--table", "flights"}).exitCode != 0) return 1;
    const std::string sql = "SELECT * FROM flights";
    const std::string out = (tmp / "out.csv").string();
    struct Variant {
        const char* name;
        std::vector<std::string> argv;
        std::vector<double> seconds;
        long peakKb = 0;
        std::uintmax_t bytes = 0;
    };
    std::vector<Variant> variants = {
        {"deskbase (cache on)",
         {DESKBASE_BINARY, "query", "--db", db, "--sql", sql, "--format", "csv"},
         {},
         0,
         0},
        {"deskbase --no-cache",
         {DESKBASE_BINARY, "query", "--db", db, "--sql", sql, "--format", "csv", "--no-cache"},
         {},
         0,
         0},
        {"sqlite3 -csv", {"sqlite3", "-csv", "-header", db, sql}, {}, 0, 0}};
    for (int r = 0; r < runs; ++r)
        for (auto& v : variants) {
            auto f = runTimed(v.argv, out);
            if (f.exitCode != 0) {
                std::fprintf(stderr, "%s failed (exit %d)\n", v.name, f.exitCode);
                return 1;
            }
            v.seconds.push_back(f.seconds);
            v.peakKb = std::max(v.peakKb, f.peakKb);
            v.bytes = fs::file_size(out);
            std::printf("round %d: %-20s %6.2f s, peak %7.1f MB, %.1f MB written\n", r + 1, v.name, f.seconds,
                        double(f.peakKb) / 1024.0, double(v.bytes) / 1e6);
        }
    const double ref = median(variants.back().seconds);
    std::printf("\n");
    for (const auto& v : variants)
        std::printf("%-20s median %6.2f s (%.2fx sqlite3), peak memory %7.1f MB\n", v.name, median(v.seconds),
                    median(v.seconds) / ref, double(v.peakKb) / 1024.0);
    fs::remove_all(tmp);
    return 0;
}
