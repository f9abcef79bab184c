// A line chart over a big result: M4 (core/chart/m4_fetch.h, what the question chart runs above
// 100,000 rows: the M4 query on PostgreSQL, the rows streamed through M4 on SQLite) vs fetching every row and reducing in the client, vs today's
// first-250,000-rows cap, and a zoom to 10% of the x range re-run through M4. Inputs: the
// flights table (delay over date; --csv FILE, a .csv or .csv.gz of date,delay,...) and a
// generated series (--rows N, default 30,000,000; x 0..N-1, y a sawtooth with spikes), in SQLite,
// and with --pg also in a throwaway PostgreSQL server. Every measurement runs in its own forked
// child: wall time from the query to the chart's shaped series (core shapeLines; no GUI paint)
// and the child's peak resident memory (wait4). --no-full skips the every-row path (it holds
// every row in memory: about 100 bytes a row).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QTemporaryDir>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/chart/column_roles.h"
#include "core/chart/line_shape.h"
#include "core/chart/m4_fetch.h"
#include "core/warehouse/warehouse.h"
#ifdef DESKBASE_BENCH_PG
#include "tests/support/pg_server.h"
#endif

using namespace deskbase;

namespace {

struct Figures {
    double ms = 0;
    long peakMb = 0;
    long rows = 0;  // rows fetched
    bool ok = false;
};

// Runs `job` (returns rows fetched, -1 on error) in a forked child; time and peak RSS.
template <class Job>
Figures inChild(Job job) {
    int pipefd[2];
    if (pipe(pipefd) != 0) return {};
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        close(pipefd[0]);
        long rows = job();
        if (write(pipefd[1], &rows, sizeof rows) != sizeof rows) _exit(2);
        _exit(rows < 0 ? 1 : 0);
    }
    close(pipefd[1]);
    Figures f;
    long rows = -1;
    if (read(pipefd[0], &rows, sizeof rows) != sizeof rows) rows = -1;
    close(pipefd[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    f.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    f.peakMb = usage.ru_maxrss / 1024;
    f.rows = rows;
    f.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return f;
}

dashboard::VisualizationSettings lineOf(const std::string& x, const std::string& y) {
    dashboard::VisualizationSettings s;
    s.type = dashboard::ChartType::Line;
    s.x = x;
    s.y = {y};
    return s;
}

long shapeRows(const QueryResult& r, const dashboard::VisualizationSettings& s) {
    const chart::ChartData d = chart::chartDataFrom(r);
    const auto shape = chart::shapeLines(d, chart::resolveRoles(d, s, s.type), s, s.type, "2030-01-01");
    std::size_t points = 0;
    for (const auto& l : shape.series) points += chart::reduceMinMax(l.xy->x, l.xy->y, 1200).size();
    return long(r.rows.size()) + (points == 0 ? 0 : 0);
}

// Every row (cap 0) or the first `cap` rows, then shaped and reduced as the chart does.
long fetchRows(const std::string& target, const std::string& sql, const dashboard::VisualizationSettings& s,
               std::size_t cap) {
    auto w = Warehouse::open(target);
    if (!w) return -1;
    auto cursor = (*w)->query(sql);
    if (!cursor) {
        std::fprintf(stderr, "%s\n", cursor.message().c_str());
        return -1;
    }
    QueryResult r;
    r.columns = (*cursor)->columns();
    for (;;) {
        const std::size_t want = cap ? std::min<std::size_t>(cap - r.rows.size(), 65536) : 65536;
        if (want == 0) break;
        auto n = (*cursor)->fetch(r.rows, want);
        if (!n || *n == 0) break;
    }
    return shapeRows(r, s);
}

long m4Rows(const std::string& target, const std::string& sql, const dashboard::VisualizationSettings& s,
            double zoomFrom, double zoomTo) {
    auto w = Warehouse::open(target);
    if (!w) return -1;
    std::atomic<bool> cancelled{false};
    auto f = chart::fetchForChart(**w, sql, {}, s, 1200, 100000, 250000, cancelled);
    if (!f || !f->reduced) {
        std::fprintf(stderr, "not reduced: %s\n", f ? f->notReduced.c_str() : f.message().c_str());
        return -1;
    }
    if (zoomFrom > 0 || zoomTo < 1) {
        const double span = f->xMax - f->xMin;
        auto z = chart::fetchM4(**w, *f->m4, {}, f->xMin + span * zoomFrom, f->xMin + span * zoomTo, cancelled);
        if (!z) return -1;
        return shapeRows(*z, s);
    }
    return shapeRows(f->result, s);
}

void report(const char* what, const Figures& f) {
    std::printf("  %-44s %9.0f ms %6ld MB  %9ld rows%s\n", what, f.ms, f.peakMb, f.rows, f.ok ? "" : "  FAILED");
    std::fflush(stdout);
}

void benchTable(const char* title, const std::string& target, const std::string& sql,
                const dashboard::VisualizationSettings& s, int runs, bool full) {
    std::printf("%s\n", title);
    for (int run = 0; run < runs; ++run) {
        std::printf(" round %d\n", run + 1);
        report("M4 (SQLite: streamed; PostgreSQL: M4 query)", inChild([&] { return m4Rows(target, sql, s, 0, 1); }));
        // m4Rows runs the whole first pass again before the zoom: report the zoom's own time below.
        report("M4, then zoom to 10% (both queries)", inChild([&] { return m4Rows(target, sql, s, 0.45, 0.55); }));
        report("first 250,000 rows (today's cap)", inChild([&] { return fetchRows(target, sql, s, 250000); }));
        if (full) report("every row, reduced in the client", inChild([&] { return fetchRows(target, sql, s, 0); }));
    }
}

int sh(const std::string& cmd) {
    const int rc = std::system(cmd.c_str());
    if (rc != 0) std::fprintf(stderr, "failed (%d): %s\n", rc, cmd.c_str());
    return rc;
}

}  // namespace

int main(int argc, char** argv) {
    std::string csv;
    long rows = 30000000;
    int runs = 1;
    bool full = true, pg = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--csv" && i + 1 < argc) csv = argv[++i];
        else if (a == "--rows" && i + 1 < argc) rows = std::atol(argv[++i]);
        else if (a == "--runs" && i + 1 < argc) runs = std::atoi(argv[++i]);
        else if (a == "--no-full") full = false;
        else if (a == "--pg") pg = true;
    }
    QTemporaryDir dir;
    const std::string db = dir.filePath(QStringLiteral("chart_m4.sqlite")).toStdString();
    {
        auto w = Warehouse::open(db);
        if (!w) return 1;
        const auto start = std::chrono::steady_clock::now();
        auto s = (*w)->execute("CREATE TABLE series AS WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n "
                               "WHERE i < " + std::to_string(rows - 1) + ") SELECT i AS x, CASE WHEN i % 1000003 = 7 "
                               "THEN 5000.0 ELSE (i % 997) * 1.0 END AS y FROM n");
        if (!s.isOk()) {
            std::fprintf(stderr, "%s\n", s.message().c_str());
            return 1;
        }
        std::printf("generated %ld rows in SQLite in %.1f s\n", rows,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        std::fflush(stdout);  // before fork(): a child must not inherit the line unflushed
    }
    if (!csv.empty()) {
        std::string plain = csv;
        if (csv.size() > 3 && csv.substr(csv.size() - 3) == ".gz") {
            plain = dir.filePath(QStringLiteral("flights.csv")).toStdString();
            if (sh("gzip -dc '" + csv + "' > '" + plain + "'") != 0) return 1;
        }
        if (sh("sqlite3 '" + db + "' 'CREATE TABLE flights (date TEXT, delay INTEGER, distance INTEGER, origin TEXT, "
               "destination TEXT)' '.import --csv --skip 1 " + plain + " flights'") != 0)
            return 1;
        benchTable("SQLite: flights, delay over date", db, "SELECT date, delay FROM flights", lineOf("date", "delay"),
                   runs, full);
    }
    benchTable(("SQLite: generated series, " + std::to_string(rows) + " rows").c_str(), db,
               "SELECT x, y FROM series", lineOf("x", "y"), runs, full);
#ifdef DESKBASE_BENCH_PG
    if (pg) {
        auto server = test::PgServer::start();
        if (!server) {
            std::fprintf(stderr, "%s\n", server.message().c_str());
            return 1;
        }
        auto w = Warehouse::open((*server)->uri());
        if (!w) return 1;
        auto s = (*w)->execute("CREATE TABLE series AS SELECT i::bigint AS x, CASE WHEN i % 1000003 = 7 THEN 5000.0 "
                               "ELSE (i % 997) * 1.0 END::double precision AS y FROM generate_series(0, " +
                               std::to_string(rows - 1) + ") AS i");
        if (!s.isOk()) {
            std::fprintf(stderr, "%s\n", s.message().c_str());
            return 1;
        }
        (*w)->execute("ANALYZE series");
        w->reset();
        benchTable(("PostgreSQL: generated series, " + std::to_string(rows) + " rows").c_str(), (*server)->uri(),
                   "SELECT x, y FROM series", lineOf("x", "y"), runs, full);
    }
#else
    if (pg) std::fprintf(stderr, "built without the test support library: no --pg\n");
#endif
    return 0;
}
