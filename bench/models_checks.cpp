// bench_models_checks: models and checks over the 3M-row flights table (issue 12), against the
// warehouse's own CLI running the same SQL (sqlite3, or psql with --pg), in the same run,
// alternating A B A B:
//   build        `deskbase build` of a three-model chain (staging cast -> daily aggregate -> top
//                routes, all tables) vs the same DROP + CREATE TABLE ... AS statements in the CLI
//                (goal <= 1.1x);
//   check        `deskbase check` of five column checks on the staging model (not_null x2, unique,
//                accepted_values, between) vs the five equivalent count queries in the CLI (goal
//                <= 0.5x: fewer scans);
//   incremental  an incremental model after 1% new rows vs its --full-refresh (goal <= 0.1x).
// Both tools' process start-up is included. The checks file is in place only for `deskbase check`
// (`deskbase build` runs a model's checks too, which the CREATE TABLE AS reference does not).
// usage: bench_models_checks [--runs N] [--csv FILE] [--pg]
//   --pg: a throwaway PostgreSQL server (tests/support/pg_server.h, fsync off) instead of a SQLite
//   file; the flights table gets a bigserial flight_id primary key (SQLite's rowid, the table's key, plays that part there).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench/flights_input.h"
#include "bench/process_timer.h"
#include "tests/support/pg_server.h"

namespace fs = std::filesystem;
using namespace deskbase::bench;

namespace {

void writeFile(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
}

// What differs between the two warehouses; the models, checks and reference SQL are the same.
struct Dialect {
    std::string name;           // "sqlite3" or "psql": the reference tool
    std::string id;             // the flights table's row key
    std::string day;            // the date column's day
    std::string addOnePercent;  // 30,000 more rows (1% of 3M) with new keys
};

const Dialect kSqlite{"sqlite3", "rowid", "substr(date, 1, 10)",
                      "INSERT INTO flights SELECT * FROM flights LIMIT 30000"};
const Dialect kPostgres{"psql", "flight_id", "cast(date as date)",
                        "INSERT INTO flights (date, delay, distance, origin, destination) SELECT date, "
                        "delay, distance, origin, destination FROM flights LIMIT 30000"};

std::string staging(const Dialect& d) {
    return "select " + d.id + " as flight_id, " + d.day +
           " as day, cast(delay as integer) as delay, "
           "cast(distance as integer) as distance, upper(origin) as origin, upper(destination) as "
           "destination, "
           "case when delay > 15 then 'late' else 'on_time' end as status from ";
}
const char* kDaily =
    "select day, origin, destination, count(*) as flights, avg(delay) as avg_delay, sum(distance) as "
    "distance from ";
const char* kTop =
    "select origin, destination, sum(flights) as flights, sum(avg_delay * flights) / sum(flights) as "
    "avg_delay "
    "from ";

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "bench_models_checks: %s\n", what.c_str());
    std::exit(1);
}

RunFigures mustRun(const std::vector<std::string>& argv) {
    auto f = runTimed(argv);
    if (f.exitCode != 0) die(argv[0] + " " + argv[1] + " failed (exit " + std::to_string(f.exitCode) + ")");
    return f;
}

// The reference CLI running a file of SQL (or one statement) against the warehouse, stopping at
// the first error.
std::vector<std::string> cliRun(const Dialect& d, const std::string& cli, const std::string& db,
                                const std::string& sql, bool isFile) {
    if (d.name == "sqlite3") return {cli, db, isFile ? ".read " + sql : sql};
    return {cli, "-X", "-q", "-v", "ON_ERROR_STOP=1", db, isFile ? "-f" : "-c", sql};
}

}  // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // rounds show up as they finish, also in a log
    auto [runs, csv] = parseFlightsArgs(argc, argv);
    bool pg = false;
    for (int i = 1; i < argc; ++i) pg = pg || std::strcmp(argv[i], "--pg") == 0;
    const Dialect& d = pg ? kPostgres : kSqlite;
    // World-readable /tmp: the PostgreSQL server runs as the postgres user when we are root.
    const fs::path tmp = fs::path("/tmp") / ("deskbase-bench-models-" + std::to_string(getpid()));
    fs::create_directories(tmp);
    if (csv.empty()) csv = prepareFlightsCsv(tmp);
    if (csv.empty()) die("no input");
    const fs::path ws = tmp / "ws";
    fs::create_directories(ws);
    std::string db = (ws / "warehouse.db").string(), cli = "sqlite3";
    std::unique_ptr<deskbase::test::PgServer> server;
    if (pg) {
        auto started = deskbase::test::PgServer::start();
        if (!started) die(started.message());
        server = std::move(*started);
        db = server->uri();
        cli = server->binDir() + "/psql";
    }
    mustRun({DESKBASE_BINARY, "import", csv, "--db", db, "--table", "flights"});
    if (pg) mustRun(cliRun(d, cli, db, "ALTER TABLE flights ADD COLUMN flight_id bigserial PRIMARY KEY", false));
    const std::string stagingSql = staging(d);

    const std::string src = "{{ source('raw', 'flights') }}";
    writeFile(ws / "models/stg_flights.sql", "{{ config(materialized='table') }}\n" + stagingSql + src);
    writeFile(ws / "models/daily_routes.sql",
              "{{ config(materialized='table') }}\n" + std::string(kDaily) +
                  "{{ ref('stg_flights') }} group by day, origin, destination");
    writeFile(ws / "models/top_routes.sql",
              "{{ config(materialized='table') }}\n" + std::string(kTop) +
                  "{{ ref('daily_routes') }} group by origin, destination order by flights desc limit 100");
    writeFile(ws / "models/flights_inc.sql",
              "{{ config(materialized='incremental', unique_key='flight_id') }}\n" + stagingSql + src +
                  "\n{% if is_incremental() %} where " + d.id +
                  " > (select max(flight_id) from {{ this }}) {% endif %}");
    // Only in place for `deskbase check`: `deskbase build` runs a model's checks after it builds (as
    // `dbt build` runs tests), and the build is compared with bare CREATE TABLE AS statements.
    const fs::path checkFile = ws / "checks/stg_flights.json";
    const std::string checks = R"({"table": "stg_flights", "checks": [
  {"check": "not_null", "column": "origin"},
  {"check": "not_null", "column": "destination"},
  {"check": "unique", "columns": ["flight_id"]},
  {"check": "accepted_values", "column": "status", "values": ["late", "on_time"]},
  {"check": "between", "column": "distance", "min": 0, "max": 5000}
]})";
    const std::string buildSql = (tmp / "build.sql").string(), checkSql = (tmp / "check.sql").string();
    writeFile(buildSql,
              "DROP TABLE IF EXISTS ref_stg; DROP TABLE IF EXISTS ref_daily; DROP TABLE IF EXISTS ref_top;\n"
              "CREATE TABLE ref_stg AS " +
                  stagingSql + "flights;\n" + "CREATE TABLE ref_daily AS " + kDaily +
                  "ref_stg group by day, origin, destination;\n" + "CREATE TABLE ref_top AS " + kTop +
                  "ref_daily group by origin, destination order by flights desc limit 100;\n");
    writeFile(
        checkSql,
        "SELECT count(*) FROM stg_flights WHERE origin IS NULL;\n"
        "SELECT count(*) FROM stg_flights WHERE destination IS NULL;\n"
        "SELECT count(*) FROM (SELECT flight_id FROM stg_flights GROUP BY flight_id HAVING count(*) > 1) d;\n"
        "SELECT count(*) FROM stg_flights WHERE status NOT IN ('late', 'on_time');\n"
        "SELECT count(*) FROM stg_flights WHERE distance < 0 OR distance > 5000;\n");
    const std::vector<std::string> chain = {"--select",     "stg_flights", "--select",
                                            "daily_routes", "--select",    "top_routes"};
    auto build = [&](std::vector<std::string> extra) {
        std::vector<std::string> a = {DESKBASE_BINARY, "build", "--workspace", ws.string(), "--db", db};
        a.insert(a.end(), extra.begin(), extra.end());
        return mustRun(a);
    };
    build({"--select", "flights_inc"});  // the incremental model's first build
    std::map<std::string, std::vector<double>> s;
    for (int r = 0; r < runs; ++r) {
        s["build deskbase"].push_back(build(chain).seconds);
        s["build " + d.name].push_back(mustRun(cliRun(d, cli, db, buildSql, true)).seconds);
        writeFile(checkFile, checks);
        s["check deskbase"].push_back(
            mustRun({DESKBASE_BINARY, "check", "stg_flights", "--workspace", ws.string(), "--db", db})
                .seconds);
        fs::remove(checkFile);
        s["check " + d.name].push_back(mustRun(cliRun(d, cli, db, checkSql, true)).seconds);
        // 1% new rows (30,000 of 3M), then the incremental run; then the same model rebuilt whole.
        mustRun(cliRun(d, cli, db, d.addOnePercent, false));
        s["incremental"].push_back(build({"--select", "flights_inc"}).seconds);
        s["full refresh"].push_back(build({"--select", "flights_inc", "--full-refresh"}).seconds);
        std::printf("round %d:", r + 1);
        for (const auto& [k, v] : s) std::printf("  %s %.2f s", k.c_str(), v.back());
        std::printf("\n");
    }
    auto m = [&](const std::string& k) { return median(s[k]); };
    const std::string refBuild = "build " + d.name, refCheck = "check " + d.name;
    std::printf("\nmedians of %d rounds over %s, on %s\n", runs, csv.c_str(), pg ? "PostgreSQL" : "SQLite");
    // Each round's pair ran back to back, so the median of the rounds' ratios is what drifting load
    // disturbs least; the medians of each side are printed too.
    auto ratio = [&](const std::string& a, const std::string& b) {
        std::vector<double> r;
        for (std::size_t i = 0; i < s[a].size(); ++i) r.push_back(s[a][i] / s[b][i]);
        return median(r);
    };
    std::printf("  build: deskbase %.2f s, %s CREATE TABLE AS %.2f s: %.2fx, per round %.2fx (goal <= 1.1x)\n",
                m("build deskbase"), d.name.c_str(), m(refBuild), m("build deskbase") / m(refBuild),
                ratio("build deskbase", refBuild));
    std::printf("  checks: deskbase %.2f s, %s five count queries %.2f s: %.2fx, per round %.2fx (goal <= 0.5x)\n",
                m("check deskbase"), d.name.c_str(), m(refCheck), m("check deskbase") / m(refCheck),
                ratio("check deskbase", refCheck));
    std::printf("  incremental +1%%: %.2f s vs full refresh %.2f s: %.2fx, per round %.2fx (goal <= 0.1x)\n",
                m("incremental"), m("full refresh"), m("incremental") / m("full refresh"),
                ratio("incremental", "full refresh"));
    server.reset();
    fs::remove_all(tmp);
    return 0;
}
