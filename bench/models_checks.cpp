// bench_models_checks: models and checks over the 3M-row flights table (issue 12), against the
// sqlite3 CLI running the same SQL, in the same run, alternating A B A B:
//   build        `deskbase build` of a three-model chain (staging cast -> daily aggregate -> top
//                routes, all tables) vs the same DROP + CREATE TABLE ... AS statements in sqlite3
//                (goal <= 1.1x);
//   check        `deskbase check` of five column checks on the staging model (not_null x2, unique,
//                accepted_values, between) vs the five equivalent count queries in sqlite3 (goal
//                <= 0.5x: fewer scans);
//   incremental  an incremental model after 1% new rows vs its --full-refresh (goal <= 0.1x).
// Both tools' process start-up is included.
// usage: bench_models_checks [--runs N] [--csv FILE]
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "bench/flights_input.h"
#include "bench/process_timer.h"

namespace fs = std::filesystem;
using namespace deskbase::bench;

namespace {

void writeFile(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
}

const char* kStaging =
    "select rowid as flight_id, substr(date, 1, 10) as day, cast(delay as integer) as delay, "
    "cast(distance as integer) as distance, upper(origin) as origin, upper(destination) as destination, "
    "case when delay > 15 then 'late' else 'on_time' end as status from ";
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

}  // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // rounds show up as they finish, also in a log
    auto [runs, csv] = parseFlightsArgs(argc, argv);
    const fs::path tmp = fs::temp_directory_path() / ("deskbase-bench-models-" + std::to_string(getpid()));
    fs::create_directories(tmp);
    if (csv.empty()) csv = prepareFlightsCsv(tmp);
    if (csv.empty()) die("no input");
    const fs::path ws = tmp / "ws";
    const std::string db = (ws / "warehouse.db").string();
    fs::create_directories(ws);
    mustRun({DESKBASE_BINARY, "import", csv, "--db", db, "--table", "flights"});

    const std::string src = "{{ source('raw', 'flights') }}";
    writeFile(ws / "models/stg_flights.sql",
              "{{ config(materialized='table') }}\n" + std::string(kStaging) + src);
    writeFile(ws / "models/daily_routes.sql",
              "{{ config(materialized='table') }}\n" + std::string(kDaily) +
                  "{{ ref('stg_flights') }} group by day, origin, destination");
    writeFile(ws / "models/top_routes.sql",
              "{{ config(materialized='table') }}\n" + std::string(kTop) +
                  "{{ ref('daily_routes') }} group by origin, destination order by flights desc limit 100");
    writeFile(
        ws / "models/flights_inc.sql",
        "{{ config(materialized='incremental', unique_key='flight_id') }}\n" + std::string(kStaging) + src +
            "\n{% if is_incremental() %} where rowid > (select max(flight_id) from {{ this }}) {% endif %}");
    writeFile(ws / "checks/stg_flights.json", R"({"table": "stg_flights", "checks": [
  {"check": "not_null", "column": "origin"},
  {"check": "not_null", "column": "destination"},
  {"check": "unique", "columns": ["flight_id"]},
  {"check": "accepted_values", "column": "status", "values": ["late", "on_time"]},
  {"check": "between", "column": "distance", "min": 0, "max": 5000}
]})");
    const std::string buildSql = (tmp / "build.sql").string(), checkSql = (tmp / "check.sql").string();
    writeFile(buildSql,
              "DROP TABLE IF EXISTS ref_stg; DROP TABLE IF EXISTS ref_daily; DROP TABLE IF EXISTS ref_top;\n"
              "CREATE TABLE ref_stg AS " +
                  std::string(kStaging) + "flights;\n" + "CREATE TABLE ref_daily AS " + kDaily +
                  "ref_stg group by day, origin, destination;\n" + "CREATE TABLE ref_top AS " + kTop +
                  "ref_daily group by origin, destination order by flights desc limit 100;\n");
    writeFile(
        checkSql,
        "SELECT count(*) FROM stg_flights WHERE origin IS NULL;\n"
        "SELECT count(*) FROM stg_flights WHERE destination IS NULL;\n"
        "SELECT count(*) FROM (SELECT flight_id FROM stg_flights GROUP BY flight_id HAVING count(*) > 1);\n"
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
        s["build sqlite3"].push_back(mustRun({"sqlite3", db, ".read " + buildSql}).seconds);
        s["check deskbase"].push_back(
            mustRun({DESKBASE_BINARY, "check", "stg_flights", "--workspace", ws.string(), "--db", db})
                .seconds);
        s["check sqlite3"].push_back(mustRun({"sqlite3", db, ".read " + checkSql}).seconds);
        // 1% new rows (30,000 of 3M), then the incremental run; then the same model rebuilt whole.
        mustRun({"sqlite3", db, "INSERT INTO flights SELECT * FROM flights LIMIT 30000"});
        s["incremental"].push_back(build({"--select", "flights_inc"}).seconds);
        s["full refresh"].push_back(build({"--select", "flights_inc", "--full-refresh"}).seconds);
        std::printf("round %d:", r + 1);
        for (const auto& [k, v] : s) std::printf("  %s %.2f s", k.c_str(), v.back());
        std::printf("\n");
    }
    auto m = [&](const char* k) { return median(s[k]); };
    std::printf("\nmedians of %d rounds over %s\n", runs, csv.c_str());
    std::printf("  build: deskbase %.2f s, sqlite3 CREATE TABLE AS %.2f s: %.2fx (goal <= 1.1x)\n",
                m("build deskbase"), m("build sqlite3"), m("build deskbase") / m("build sqlite3"));
    std::printf("  checks: deskbase %.2f s, sqlite3 five count queries %.2f s: %.2fx (goal <= 0.5x)\n",
                m("check deskbase"), m("check sqlite3"), m("check deskbase") / m("check sqlite3"));
    std::printf("  incremental +1%%: %.2f s vs full refresh %.2f s: %.2fx (goal <= 0.1x)\n", m("incremental"),
                m("full refresh"), m("incremental") / m("full refresh"));
    fs::remove_all(tmp);
    return 0;
}
