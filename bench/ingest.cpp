// bench_ingest: imports the 3-million-row flights CSV with `deskbase import` and, in the same
// run, with the sqlite3 CLI's .import into a table of the same declared types, and with
// `deskbase import --no-index` (no key indexes, no ANALYZE: what key indexing costs). Runs
// A B C A B C ... and prints medians, the ratios, rows/s and Deskbase's peak memory.
//
// usage: bench_ingest [--runs N] [--csv FILE]
// Input: FILE, else ../shared/data/flights-3m.csv.gz next to the checkout (gunzipped to a temp
// dir), else a generated file of the same shape (date,delay,distance,origin,destination).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "bench/flights_input.h"
#include "bench/process_timer.h"

namespace fs = std::filesystem;
using namespace deskbase::bench;

int main(int argc, char** argv) {
    auto [runs, csv] = parseFlightsArgs(argc, argv);
    const fs::path tmp = fs::temp_directory_path() / ("deskbase-bench-ingest-" + std::to_string(getpid()));
    fs::create_directories(tmp);
    if (csv.empty()) csv = prepareFlightsCsv(tmp);
    if (csv.empty()) return 1;
    const double rows = countDataRows(csv);
    std::printf("input: %s (%.1f MB, %.0f rows)\n", csv.c_str(), double(fs::file_size(csv)) / 1e6, rows);

    std::vector<double> deskbaseTimes, sqliteTimes, ratios, noIndexTimes, indexRatios;
    long peakKb = 0;
    for (int r = 0; r < runs; ++r) {
        const fs::path a = tmp / "deskbase.db", b = tmp / "sqlite3.db", c = tmp / "noindex.db";
        for (const auto& p : {a, b, c}) {
            fs::remove(p);
            fs::remove(p.string() + "-wal");
            fs::remove(p.string() + "-shm");
        }
        auto d = runTimed(
            {DESKBASE_BINARY, "import", csv, "--db", a.string(), "--table", "flights", "--report", "json"});
        auto s = runTimed({"sqlite3", b.string(),
                           "CREATE TABLE flights(date DATETIME, delay INTEGER, distance INTEGER, origin "
                           "TEXT, destination TEXT)",
                           ".mode csv", ".import --skip 1 " + csv + " flights"});
        auto n = runTimed(
            {DESKBASE_BINARY, "import", csv, "--db", c.string(), "--table", "flights", "--no-index"});
        if (d.exitCode != 0 || s.exitCode != 0 || n.exitCode != 0) {
            std::fprintf(stderr, "a run failed (deskbase exit %d, sqlite3 exit %d)\n", d.exitCode,
                         s.exitCode);
            return 1;
        }
        deskbaseTimes.push_back(d.seconds);
        sqliteTimes.push_back(s.seconds);
        ratios.push_back(d.seconds / s.seconds);
        peakKb = std::max(peakKb, d.peakKb);
        noIndexTimes.push_back(n.seconds);
        indexRatios.push_back(d.seconds / n.seconds);
        std::printf("run %d: deskbase %.3f s, sqlite3 .import %.3f s, ratio %.2f; --no-index %.3f s\n", r + 1,
                    d.seconds, s.seconds, d.seconds / s.seconds, n.seconds);
    }
    const double dm = median(deskbaseTimes), sm = median(sqliteTimes);
    std::printf("\nmedian deskbase import   %.3f s  (%.2f M rows/s, type inference + atomic swap included)\n",
                dm, rows / dm / 1e6);
    std::printf("median sqlite3 .import   %.3f s  (%.2f M rows/s)\n", sm, rows / sm / 1e6);
    std::printf("ratio deskbase/sqlite3   %.2f (median of per-pair ratios)\n", median(ratios));
    std::printf("deskbase peak memory     %.1f MB\n", double(peakKb) / 1024.0);
    std::printf("median --no-index        %.3f s; key indexing on/off %.3f (median of per-round ratios)\n",
                median(noIndexTimes), median(indexRatios));
    fs::remove_all(tmp);
    return 0;
}
