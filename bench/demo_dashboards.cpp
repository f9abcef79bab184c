// bench_demo_dashboards: the two demo dashboards' cards run cold (a fresh connection, no result
// cache), with no filter and with the category filter (category = Kitchen), on the generated demo
// store, before and after issue 14:
//   before  the first versions of the questions (tests/data/demo_questions_before) on a store
//           imported without key indexes (what the demo was);
//   indexed the same old questions on the store imported with key indexes (step 1 alone);
//   after   the rewritten questions (demo-workspace/questions) on the indexed store;
//   sqlite3 the rewritten questions run by the sqlite3 CLI on the indexed store (outside reference,
//           one process per dashboard: its start-up is included).
// The four alternate A B C D, A B C D for --runs rounds; medians and ratios are printed, and the
// slowest card of each. Cards run one after another (the window runs them in parallel), so the
// sum is a bound on the render's query time, drawing not included.
// usage: bench_demo_dashboards [--runs N] [--orders N] [--skip-before]
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>

#include "bench/process_timer.h"
#include "core/dashboard/dashboard.h"
#include "core/dashboard/demo_data.h"
#include "core/dashboard/demo_workspace.h"
#include "core/ingest/import_job.h"
#include "core/question/question.h"
#include "core/sql/sql_template.h"
#include "core/warehouse/warehouse.h"

using namespace deskbase;
namespace fs = std::filesystem;

namespace {

struct CardSql {
    std::string file;
    Question before, after;
};

struct Timing {
    double totalMs = 0;
    double slowestMs = 0;
    std::string slowest;
};

bool importStore(const std::string& db, const std::vector<std::string>& csvs, bool indexed) {
    auto w = Warehouse::open(db);
    if (!w) return false;
    for (std::size_t i = 0; i < csvs.size(); ++i) {
        ImportOptions o;
        o.path = csvs[i];
        o.table = dashboard::demoTables()[i];
        o.indexes.automatic = indexed;
        ImportJob job(o);
        auto r = job.run(**w);
        if (!r) {
            std::fprintf(stderr, "import %s: %s\n", csvs[i].c_str(), r.message().c_str());
            return false;
        }
    }
    return true;
}

double runMs(Warehouse& w, const Question& q, const ParameterValues& values, bool* ok) {
    const auto start = std::chrono::steady_clock::now();
    auto expanded = expandQuestion(q, values, w);
    if (!expanded) {
        std::fprintf(stderr, "%s: %s\n", q.name.c_str(), expanded.message().c_str());
        *ok = false;
        return 0;
    }
    auto cursor = w.query(expanded->sql, expanded->params);
    std::vector<Row> rows;
    while (cursor) {
        rows.clear();
        auto n = (*cursor)->fetch(rows, 4096);
        if (!n) {
            std::fprintf(stderr, "%s: %s\n", q.name.c_str(), n.message().c_str());
            *ok = false;
            break;
        }
        if (*n == 0) break;
    }
    if (!cursor) *ok = false;
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

Timing runDashboard(const std::string& db, const std::vector<CardSql>& cards, bool old,
                    const ParameterValues& values, bool* ok) {
    Timing t;
    auto w = Warehouse::open(db);  // cold: a fresh connection, an empty page cache
    if (!w) {
        *ok = false;
        return t;
    }
    for (const auto& c : cards) {
        const double ms = runMs(**w, old ? c.before : c.after, values, ok);
        t.totalMs += ms;
        if (ms > t.slowestMs) {
            t.slowestMs = ms;
            t.slowest = c.file;
        }
    }
    return t;
}

std::string sqlLiteral(const Value& v) {
    if (isNull(v)) return "NULL";
    if (std::holds_alternative<std::string>(v)) {
        std::string s = "'";
        for (char c : std::get<std::string>(v)) s += c == '\'' ? std::string("''") : std::string(1, c);
        return s + "'";
    }
    return valueToText(v);
}

// One sqlite3 script running every card with its parameters bound (.parameter set ?N value).
bool writeScript(const std::string& path, const std::string& db, const std::vector<CardSql>& cards,
                 const ParameterValues& values) {
    auto w = Warehouse::open(db);
    if (!w) return false;
    std::ofstream f(path);
    for (const auto& c : cards) {
        auto e = expandQuestion(c.after, values, **w);
        if (!e) return false;
        f << ".parameter clear\n";
        for (std::size_t i = 0; i < e->params.size(); ++i)
            f << ".parameter set ?" << (i + 1) << " " << sqlLiteral(e->params[i]) << "\n";
        std::string sql = e->sql;
        std::replace(sql.begin(), sql.end(), '\n', ' ');
        f << sql << ";\n";
    }
    return bool(f);
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 2;
    bool skipBefore = false;
    dashboard::DemoSizes sizes;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--orders") && i + 1 < argc)
            sizes.orders = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--skip-before"))
            skipBefore = true;
    }
    QTemporaryDir tmp;
    auto csvs = dashboard::writeDemoCsv(tmp.path().toStdString(), sizes);
    if (!csvs) return 1;
    const std::string plainDb = tmp.filePath(QStringLiteral("plain.db")).toStdString();
    const std::string indexedDb = tmp.filePath(QStringLiteral("indexed.db")).toStdString();
    if (!importStore(plainDb, *csvs, false) || !importStore(indexedDb, *csvs, true)) return 1;
    std::printf("demo store: %d customers, %d orders; %d rounds, A B C D alternating\n", sizes.customers,
                sizes.orders, runs);

    bool ok = true;
    for (const char* name : {"sales_overview", "basket_analysis"}) {
        auto d = dashboard::parseDashboard(
            dashboard::demoWorkspaceFile(std::string("dashboards/") + name + ".json"));
        if (!d) return 1;
        std::vector<CardSql> cards;
        for (const auto& c : d->cards) {
            if (c.isText()) continue;
            CardSql cs;
            cs.file = c.question;
            auto after =
                questionFromText(dashboard::demoWorkspaceFile("questions/" + c.question), c.question);
            if (!after) return 1;
            cs.after = *after;
            const fs::path old =
                fs::path(DESKBASE_SOURCE_DIR) / "tests/data/demo_questions_before" / c.question;
            auto before = fs::exists(old) ? loadQuestion(old.string()) : after;
            if (!before) return 1;
            cs.before = *before;
            cards.push_back(std::move(cs));
        }
        for (const auto& [label, values] : std::vector<std::pair<std::string, ParameterValues>>{
                 {"no filter", {}}, {"category=Kitchen", {{"category", {"Kitchen"}}}}}) {
            const std::string script = tmp.filePath(QStringLiteral("cards.sql")).toStdString();
            if (!writeScript(script, indexedDb, cards, values)) return 1;
            std::map<std::string, std::vector<double>> ms;
            std::map<std::string, Timing> worst;
            for (int r = 0; r < runs; ++r) {
                std::vector<std::pair<std::string, Timing>> round;
                if (!skipBefore)
                    round.emplace_back("before", runDashboard(plainDb, cards, true, values, &ok));
                round.emplace_back("indexed", runDashboard(indexedDb, cards, true, values, &ok));
                round.emplace_back("after", runDashboard(indexedDb, cards, false, values, &ok));
                const auto s = bench::runTimed({"sqlite3", indexedDb, ".read " + script});
                if (s.exitCode != 0) ok = false;
                round.emplace_back("sqlite3", Timing{s.seconds * 1000, 0, ""});
                for (const auto& [k, t] : round) {
                    ms[k].push_back(t.totalMs);
                    if (t.slowestMs >= worst[k].slowestMs) worst[k] = t;
                }
            }
            std::printf("\n== %s, %s (%zu cards, cold)\n", name, label.c_str(), cards.size());
            for (const char* k : {"before", "indexed", "after", "sqlite3"}) {
                if (!ms.count(k)) continue;
                std::printf("  %-8s %10.1f ms", k, bench::median(ms[k]));
                if (worst[k].slowestMs > 0)
                    std::printf("   slowest card %8.1f ms (%s)", worst[k].slowestMs,
                                worst[k].slowest.c_str());
                std::printf("\n");
            }
            const double after = bench::median(ms["after"]);
            if (ms.count("before"))
                std::printf("  before/after  %.0fx\n", bench::median(ms["before"]) / after);
            std::printf("  indexed/after %.1fx\n", bench::median(ms["indexed"]) / after);
            std::printf("  after/sqlite3 %.2f (sqlite3 includes its process start)\n",
                        after / bench::median(ms["sqlite3"]));
        }
    }
    if (!ok) std::printf("warning: some runs failed\n");
    return ok ? 0 : 1;
}
