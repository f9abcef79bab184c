// bench_flights_dashboard: a cold 8-card dashboard over the 3M-row flights table (issue 14).
// The flights CSV is imported once by `deskbase import` (key indexes and ANALYZE as a user gets
// them); then each round runs the same 8 queries cold, alternating:
//   sequential  Deskbase, one fresh connection, the cards one after another;
//   parallel    Deskbase, a fresh Runtime (no result cache): the 8 cards submitted to the
//               executor at once, as the window's dashboard does;
//   marts       Deskbase, one fresh connection, the same 8 cards read from three marts that
//               `deskbase build` made once after the import (per day, per route, the delay
//               histogram; the build's time is printed): the materialized-model route;
//   sqlite3     the sqlite3 CLI running the 8 queries in one process (start-up included);
//   duckdb      DuckDB (@duckdb/node-api) on a copy of the table in its own file, the 8 queries
//               in one connection, timed inside node from opening the file (node's start-up not
//               included). Skipped with a note when the package is not installed.
// Medians of --runs rounds and the ratios to the same round's references are printed.
// usage: bench_flights_dashboard [--runs N] [--csv FILE] [--duckdb DIR] [--pragmas SQL]...
//   DIR holds node_modules/@duckdb/node-api (default: bench/ of the checkout; `npm install
//   @duckdb/node-api` there). Each --pragmas SQL is one more variant of `sequential` that runs
//   SQL on its fresh connection first (read settings: cache_size, mmap_size, temp_store,
//   threads), alternating with the others; each variant also times one big sort (3M rows
//   ordered, SQLite's sorter keeps all of them), so the settings are seen on both.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "bench/flights_input.h"
#include "bench/process_timer.h"
#include "core/runtime/runtime.h"
#include "core/warehouse/warehouse.h"

namespace fs = std::filesystem;
using namespace deskbase;
using Clock = std::chrono::steady_clock;

namespace {

// Written so that SQLite and DuckDB give the same answers (no `/` on integers, no avg of a boolean).
const std::vector<std::string> kCards = {
    "SELECT origin, count(*) AS flights FROM flights GROUP BY origin ORDER BY flights DESC",
    "SELECT substr(date, 1, 7) AS month, avg(delay) AS avg_delay FROM flights GROUP BY month ORDER BY month",
    "SELECT origin, destination, count(*) AS n FROM flights GROUP BY origin, destination ORDER BY n DESC, "
    "origin, destination LIMIT 10",
    "SELECT delay - delay % 15 AS bucket, count(*) AS n FROM flights GROUP BY bucket ORDER BY bucket",
    "SELECT min(distance), max(distance), avg(distance), sum(distance) FROM flights",
    "SELECT destination, count(*) AS late FROM flights WHERE delay > 60 GROUP BY destination ORDER BY late "
    "DESC",
    "SELECT substr(date, 1, 10) AS day, count(*) AS n FROM flights WHERE date >= '2001-03-01' AND date < "
    "'2001-05-01' GROUP BY day ORDER BY day",
    "SELECT origin, avg(CASE WHEN delay > 15 THEN 1.0 ELSE 0.0 END) AS share_late FROM flights GROUP BY "
    "origin "
    "ORDER BY share_late DESC",
};

// The route a data team takes when a dashboard must open in under a second: marts at the grain
// the cards read, built by `deskbase build` (per day, per route, and the delay histogram), and the
// same 8 cards read from them. Same answers as kCards (avg = sum / count of the non-NULL values;
// min and max of minima and maxima).
const std::vector<std::pair<std::string, std::string>> kMarts = {
    {"flights_by_day",
     "{{ config(materialized='table') }}\n"
     "select substr(date, 1, 10) as day, count(*) as n, sum(delay) as sum_delay, count(delay) as n_delay "
     "from {{ source('raw', 'flights') }} group by 1"},
    {"flights_by_route",
     "{{ config(materialized='table') }}\n"
     "select origin, destination, count(*) as n, sum(case when delay > 15 then 1 else 0 end) as late15, "
     "sum(case when delay > 60 then 1 else 0 end) as late60, min(distance) as min_distance, "
     "max(distance) as max_distance, sum(distance) as sum_distance, count(distance) as n_distance "
     "from {{ source('raw', 'flights') }} group by 1, 2"},
    {"flights_delay_buckets",
     "{{ config(materialized='table') }}\n"
     "select delay - delay % 15 as bucket, count(*) as n from {{ source('raw', 'flights') }} group by bucket"},
};
const std::vector<std::string> kMartCards = {
    "SELECT origin, sum(n) AS flights FROM flights_by_route GROUP BY origin ORDER BY flights DESC",
    "SELECT substr(day, 1, 7) AS month, sum(sum_delay) * 1.0 / sum(n_delay) AS avg_delay FROM flights_by_day "
    "GROUP BY month ORDER BY month",
    "SELECT origin, destination, n FROM flights_by_route ORDER BY n DESC, origin, destination LIMIT 10",
    "SELECT bucket, n FROM flights_delay_buckets ORDER BY bucket",
    "SELECT min(min_distance), max(max_distance), sum(sum_distance) * 1.0 / sum(n_distance), "
    "sum(sum_distance) FROM flights_by_route",
    "SELECT destination, sum(late60) AS late FROM flights_by_route GROUP BY destination HAVING late > 0 "
    "ORDER BY late DESC",
    "SELECT day, n FROM flights_by_day WHERE day >= '2001-03-01' AND day < '2001-05-01' ORDER BY day",
    "SELECT origin, sum(late15) * 1.0 / sum(n) AS share_late FROM flights_by_route GROUP BY origin ORDER BY "
    "share_late DESC",
};

// A sort of all 3M rows: a bounded sorter that keeps LIMIT + OFFSET rows, one row out.
const std::string kBigSort =
    "SELECT origin, destination, delay, distance FROM flights ORDER BY distance, delay, origin LIMIT 1 "
    "OFFSET "
    "2999990";

double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "bench_flights_dashboard: %s\n", what.c_str());
    std::exit(1);
}

struct Round {
    double totalMs = 0;
    std::vector<double> cardMs;  // sequential only
    double sortMs = 0;
};

double runOne(Warehouse& w, const std::string& sql) {
    const auto t = Clock::now();
    auto c = w.query(sql);
    if (!c) die(c.message());
    std::vector<Row> rows;
    for (;;) {
        rows.clear();
        auto n = (*c)->fetch(rows, 4096);
        if (!n) die(n.message());
        if (*n == 0) break;
    }
    return msSince(t);
}

Round runSequential(const std::string& db, const std::string& pragmas,
                    const std::vector<std::string>& cards = kCards) {
    Round r;
    const auto start = Clock::now();
    {
        auto w = Warehouse::open(db);  // cold: a fresh connection and page cache
        if (!w) die(w.message());
        if (!pragmas.empty())
            if (auto s = (*w)->execute(pragmas); !s) die(s.message());
        for (const auto& sql : cards) r.cardMs.push_back(runOne(**w, sql));
        r.totalMs = msSince(start);
    }
    if (&cards != &kCards) return r;
    auto w = Warehouse::open(db);  // the sort on its own fresh connection
    if (!w) die(w.message());
    if (!pragmas.empty())
        if (auto s = (*w)->execute(pragmas); !s) die(s.message());
    r.sortMs = runOne(**w, kBigSort);
    return r;
}

Round runParallel(const std::string& db) {
    Round r;
    const auto start = Clock::now();
    Runtime runtime;  // no result cache: every card runs its SQL on a newly opened connection
    std::vector<QueryHandle> handles;
    for (std::size_t i = 0; i < kCards.size(); ++i) {
        QueryRequest q;
        q.target = db;
        q.sql = kCards[i];
        q.slotKey = "card:" + std::to_string(i);
        q.useCache = false;
        handles.push_back(runtime.executor().submit(std::move(q)));
    }
    for (auto& h : handles) {
        h.wait();
        if (!h.result()) die(h.result().message());
    }
    r.totalMs = msSince(start);
    return r;
}

std::string readAll(const std::string& path) {
    std::ifstream f(path);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

// The node script: `node script.js load CSV DB` builds DuckDB's copy; `node script.js run DB` runs
// the cards and prints the milliseconds from opening the file to the last row.
void writeDuckdbScript(const std::string& path, const std::string& moduleDir) {
    std::ofstream f(path);
    f << "const { DuckDBInstance } = require(" << '"' << moduleDir << "/node_modules/@duckdb/node-api\");\n"
      << "const cards = [\n";
    for (const auto& sql : kCards) f << "  " << '"' << sql << "\",\n";
    f << "];\n"
         "(async () => {\n"
         "  const [mode, a, b] = process.argv.slice(2);\n"
         "  if (mode === 'load') {\n"
         "    const db = await DuckDBInstance.create(b);\n"
         "    const c = await db.connect();\n"
         "    await c.run(`CREATE TABLE flights AS SELECT * FROM read_csv('${a}', header = true, columns = "
         "{'date': 'VARCHAR', 'delay': 'BIGINT', 'distance': 'BIGINT', 'origin': 'VARCHAR', 'destination': "
         "'VARCHAR'})`);\n"
         "    return;\n"
         "  }\n"
         "  const t = process.hrtime.bigint();\n"
         "  const db = await DuckDBInstance.create(a);\n"
         "  const c = await db.connect();\n"
         "  let rows = 0;\n"
         "  for (const sql of cards) rows += (await c.runAndReadAll(sql)).getRows().length;\n"
         "  console.log(Number(process.hrtime.bigint() - t) / 1e6, rows);\n"
         "})().catch(e => { console.error(e.message); process.exit(1); });\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // rounds show up as they finish, also in a log
    auto [runs, csv] = bench::parseFlightsArgs(argc, argv);
    std::string duckdbDir = std::string(DESKBASE_SOURCE_DIR) + "/bench";
    std::vector<std::string> pragmas = {""};  // "": the default settings
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--duckdb" && i + 1 < argc)
            duckdbDir = argv[++i];
        else if (a == "--pragmas" && i + 1 < argc)
            pragmas.push_back(argv[++i]);
    }
    const fs::path tmp = fs::temp_directory_path() / ("deskbase-bench-flights-" + std::to_string(getpid()));
    fs::create_directories(tmp);
    if (csv.empty()) csv = bench::prepareFlightsCsv(tmp);
    if (csv.empty()) die("no input");
    const std::string db = (tmp / "flights.db").string();
    auto imported = bench::runTimed({DESKBASE_BINARY, "import", csv, "--db", db, "--table", "flights"});
    if (imported.exitCode != 0) die("deskbase import failed");
    std::printf("imported %s in %.1f s\n", csv.c_str(), imported.seconds);

    const fs::path ws = tmp / "ws";
    for (const auto& [name, sql] : kMarts) {
        fs::create_directories(ws / "models");
        std::ofstream(ws / "models" / (name + ".sql")) << sql;
    }
    auto marts = bench::runTimed({DESKBASE_BINARY, "build", "--workspace", ws.string(), "--db", db});
    if (marts.exitCode != 0) die("deskbase build of the marts failed");
    std::printf("built the marts (flights_by_day, flights_by_route, flights_delay_buckets) in %.1f s\n",
                marts.seconds);

    const std::string script = (tmp / "cards.sql").string();
    {
        std::ofstream f(script);
        for (const auto& sql : kCards) f << sql << ";\n";
    }
    const bool duck = fs::exists(fs::path(duckdbDir) / "node_modules/@duckdb/node-api");
    const std::string duckScript = (tmp / "cards.js").string(), duckDb = (tmp / "flights.duckdb").string(),
                      duckOut = (tmp / "duck.out").string();
    if (duck) {
        writeDuckdbScript(duckScript, fs::absolute(duckdbDir).string());
        auto load = bench::runTimed({"node", duckScript, "load", csv, duckDb});
        if (load.exitCode != 0) die("DuckDB load failed");
        std::printf("DuckDB copy loaded in %.1f s\n", load.seconds);
    } else {
        std::printf(
            "DuckDB skipped: no %s/node_modules/@duckdb/node-api (npm install @duckdb/node-api there)\n",
            duckdbDir.c_str());
    }
    std::map<std::string, std::vector<double>> ms;
    std::vector<std::vector<double>> cardMs(kCards.size());
    std::vector<std::vector<double>> pragmaMs(pragmas.size()), sortMs(pragmas.size());
    for (int r = 0; r < runs; ++r) {
        for (std::size_t p = 0; p < pragmas.size(); ++p) {
            const Round seq = runSequential(db, pragmas[p]);
            pragmaMs[p].push_back(seq.totalMs);
            sortMs[p].push_back(seq.sortMs);
            if (p > 0) continue;
            ms["sequential"].push_back(seq.totalMs);
            for (std::size_t i = 0; i < kCards.size(); ++i) cardMs[i].push_back(seq.cardMs[i]);
        }
        ms["parallel"].push_back(runParallel(db).totalMs);
        ms["marts"].push_back(runSequential(db, "", kMartCards).totalMs);
        auto s = bench::runTimed({"sqlite3", db, ".read " + script});
        if (s.exitCode != 0) die("sqlite3 failed");
        ms["sqlite3"].push_back(s.seconds * 1000);
        if (duck) {
            auto d = bench::runTimed({"node", duckScript, "run", duckDb}, duckOut);
            if (d.exitCode != 0) die("DuckDB run failed");
            ms["duckdb"].push_back(std::atof(readAll(duckOut).c_str()));
        }
        std::printf("round %d:", r + 1);
        for (const auto& [k, v] : ms) std::printf("  %s %.0f ms", k.c_str(), v.back());
        std::printf("\n");
    }
    std::printf("\n8 cards cold over %s, median of %d rounds\n", csv.c_str(), runs);
    for (std::size_t i = 0; i < kCards.size(); ++i)
        std::printf("  card %zu %8.1f ms  %.70s\n", i + 1, bench::median(cardMs[i]), kCards[i].c_str());
    for (const char* k : {"sequential", "parallel", "marts", "sqlite3", "duckdb"})
        if (ms.count(k)) std::printf("  %-10s %8.1f ms\n", k, bench::median(ms[k]));
    const double ref = bench::median(ms["sqlite3"]);
    for (const char* k : {"sequential", "parallel", "marts"})
        if (ms.count(k)) {
            std::printf("  %s/sqlite3 %.2f", k, bench::median(ms[k]) / ref);
            if (duck) std::printf(", %s/duckdb %.1f", k, bench::median(ms[k]) / bench::median(ms["duckdb"]));
            std::printf("   (goal: <= 1000 ms)\n");
        }
    std::printf(
        "\nread settings (sequential cards; big sort of 3M rows), ratio to the defaults in the same "
        "rounds\n");
    for (std::size_t p = 0; p < pragmas.size(); ++p)
        std::printf("  %-44s cards %8.1f ms (%.2f)  sort %8.1f ms (%.2f)\n",
                    pragmas[p].empty() ? "defaults" : pragmas[p].c_str(), bench::median(pragmaMs[p]),
                    bench::median(pragmaMs[p]) / bench::median(pragmaMs[0]), bench::median(sortMs[p]),
                    bench::median(sortMs[p]) / bench::median(sortMs[0]));
    fs::remove_all(tmp);
    return 0;
}
