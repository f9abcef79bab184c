// bench_pg_ingest: imports the 3-million-row flights CSV into a throwaway PostgreSQL server with
// `deskbase import --db postgresql://...` and, in the same run against the same server, with
// `psql \copy` into a table of the same column types (created just before, untimed work aside).
// Runs A B A B ... and prints medians and the ratio.
//
// usage: bench_pg_ingest [--runs N] [--csv FILE]
// Input: FILE, else ../shared/data/flights-3m.csv.gz next to the checkout (gunzipped to a temp
// dir), else a generated file of the same shape (date,delay,distance,origin,destination).
// The server: tests/support/pg_server.h (initdb in a temp dir, 127.0.0.1, fsync off).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "bench/flights_input.h"
#include "bench/process_timer.h"
#include "tests/support/pg_server.h"

namespace fs = std::filesystem;
using namespace deskbase::bench;

namespace {


// psql with the given commands, stopping at the first error.
RunFigures runPsql(const std::string& psql, const std::string& uri,
                   const std::vector<std::string>& commands) {
    std::vector<std::string> argv = {psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", uri};
    for (const auto& c : commands) {
        argv.push_back("-c");
        argv.push_back(c);
    }
    return runTimed(argv);
}

}  // namespace

int main(int argc, char** argv) {
    auto [runs, csv] = parseFlightsArgs(argc, argv);
    // World-readable temp folder: the server runs as the postgres user when we are root, and
    // psql's \copy reads the file on the client side anyway.
    const fs::path tmp = fs::path("/tmp") / ("deskbase-bench-pg-" + std::to_string(getpid()));
    fs::create_directories(tmp);
    if (csv.empty()) csv = prepareFlightsCsv(tmp);
    if (csv.empty()) return 1;
    const double rows = countDataRows(csv);
    std::printf("input: %s (%.1f MB, %.0f rows)\n", csv.c_str(), double(fs::file_size(csv)) / 1e6, rows);

    auto server = deskbase::test::PgServer::start();
    if (!server) {
        std::fprintf(stderr, "%s\n", server.message().c_str());
        return 1;
    }
    const std::string uri = (*server)->uri();
    const std::string psql = (*server)->binDir() + "/psql";
    std::printf("server: %s (fsync off, same server for both tools)\n", uri.c_str());

    std::vector<double> deskbaseTimes, psqlTimes, ratios;
    long peakKb = 0;
    for (int r = 0; r < runs; ++r) {
        if (runPsql(psql, uri,
                    {"SET client_min_messages = warning", "DROP TABLE IF EXISTS flights, flights_psql",
                     "CHECKPOINT"})
                .exitCode != 0) {
            std::fprintf(stderr, "cannot reset the tables\n");
            return 1;
        }
        auto d =
            runTimed({DESKBASE_BINARY, "import", csv, "--db", uri, "--table", "flights", "--report", "json"});
        auto p =
            runPsql(psql, uri,
                    {"CREATE TABLE flights_psql (date timestamp, delay bigint, distance bigint, origin text, "
                     "destination text)",
                     "\\copy flights_psql FROM '" + csv + "' WITH (FORMAT csv, HEADER true)"});
        if (d.exitCode != 0 || p.exitCode != 0) {
            std::fprintf(stderr, "a run failed (deskbase exit %d, psql exit %d)\n", d.exitCode, p.exitCode);
            return 1;
        }
        deskbaseTimes.push_back(d.seconds);
        psqlTimes.push_back(p.seconds);
        ratios.push_back(d.seconds / p.seconds);
        peakKb = std::max(peakKb, d.peakKb);
        std::printf("run %d: deskbase %.3f s, psql \\copy %.3f s, ratio %.2f\n", r + 1, d.seconds, p.seconds,
                    d.seconds / p.seconds);
    }
    const double dm = median(deskbaseTimes), pm = median(psqlTimes);
    std::printf("\nmedian deskbase import   %.3f s  (%.2f M rows/s, type inference + atomic swap included)\n",
                dm, rows / dm / 1e6);
    std::printf("median psql \\copy        %.3f s  (%.2f M rows/s, into a pre-typed table)\n", pm,
                rows / pm / 1e6);
    std::printf("ratio deskbase/psql      %.2f (median of per-pair ratios)\n", median(ratios));
    std::printf("deskbase peak memory     %.1f MB\n", double(peakKb) / 1024.0);
    server->reset();
    fs::remove_all(tmp);
    return 0;
}
