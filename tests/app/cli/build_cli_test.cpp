// `deskbase build` end to end: the workspace's models into its warehouse, the JSON report,
// --select, --var, --full-refresh, --db (SQLite and PostgreSQL), a failing model (exit 1, report
// still printed), template errors (one line, nothing built), no stale cached answer after a
// build through `deskbase query`, and the models' checks (checks/<model>.json) in the report and
// the exit status.
#include <QtTest>
#include <nlohmann/json.hpp>

#include "core/warehouse/warehouse.h"
#include "tests/support/pg_server.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/warehouse_probe.h"

using namespace deskbase;

namespace {

int lineCount(const std::string& s) {
    return int(std::count(s.begin(), s.end(), '\n'));
}

// raw(id, v) with v = 10, 20, 30; stg doubles v (view), total sums it (table), big filters by a var.
std::unique_ptr<test::TempWorkspace> workspace() {
    auto ws = std::make_unique<test::TempWorkspace>();
    ws->write("deskbase.json", "{\"vars\": {\"min_v\": 30}}\n");
    QDir().mkpath(QString::fromStdString(ws->file("models")));
    ws->write("models/stg.sql", "select id, v * 2 as v from {{ source('app', 'raw') }}\n");
    ws->write("models/total.sql",
              "{{ config(materialized='table') }}\nselect sum(v) as total from {{ ref('stg') }}\n");
    ws->write("models/big.sql",
              "{{ config(materialized='table') }}\nselect id from {{ ref('stg') }} where v >= {{ "
              "var('min_v') }}\n");
    auto w = Warehouse::open(ws->sqlitePath());
    if (!w) qFatal("%s", w.message().c_str());
    for (const char* sql :
         {"CREATE TABLE raw (id INTEGER, v INTEGER)", "INSERT INTO raw VALUES (1, 10), (2, 20), (3, 30)"})
        if (auto s = (*w)->execute(sql); !s) qFatal("%s", s.message().c_str());
    return ws;
}

test::ProcessResult build(const test::TempWorkspace& ws, std::vector<std::string> more = {}) {
    std::vector<std::string> args = {"build", "--workspace", ws.path()};
    args.insert(args.end(), more.begin(), more.end());
    return test::runDeskbase(args);
}

std::map<std::string, std::string> statuses(const nlohmann::json& report) {
    std::map<std::string, std::string> out;
    for (const auto& m : report["models"]) out[m["name"].get<std::string>()] = m["status"].get<std::string>();
    return out;
}

}  // namespace

class BuildCliTest : public QObject {
    Q_OBJECT

private slots:
    void buildsAndReportsJson() {
        auto ws = workspace();
        auto r = build(*ws, {"--report", "json"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        const auto report = nlohmann::json::parse(r.out);
        QCOMPARE(report["models"].size(), std::size_t(3));
        QVERIFY(report["checks"].is_array());
        QStringList order;
        for (const auto& m : report["models"]) {
            order << QString::fromStdString(m["name"].get<std::string>());
            QCOMPARE(m["status"].get<std::string>(), std::string("success"));
            QVERIFY(m["error"].is_null());
            QVERIFY(m["seconds"].is_number());
            for (const char* key : {"name", "status", "materialized", "rows", "seconds", "error"})
                QVERIFY(m.contains(key));
        }
        QCOMPARE(order.join(QLatin1Char(' ')), QStringLiteral("stg big total"));
        QCOMPARE(report["models"][0]["materialized"].get<std::string>(), std::string("view"));
        QVERIFY(report["models"][0]["rows"].is_null());
        QCOMPARE(report["models"][1]["rows"].get<int>(), 2);  // v*2 >= 30: 40 and 60
        QCOMPARE(report["models"][2]["rows"].get<int>(), 1);
        auto w = Warehouse::open(ws->sqlitePath());
        QCOMPARE(test::scalarInt(**w, "SELECT total FROM total"), std::int64_t(120));
    }

    void plainOutputIsOneLinePerModel() {
        auto ws = workspace();
        auto r = build(*ws);
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        QCOMPARE(r.out, std::string());
        QCOMPARE(lineCount(r.err), 3);
        QVERIFY2(r.err.find("total: table, 1 rows (") != std::string::npos, r.err.c_str());
    }

    void selectsAndOverridesVars() {
        auto ws = workspace();
        auto r = build(*ws, {"--select", "stg", "--select", "big", "--var", "min_v=50", "--report", "json"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        const auto report = nlohmann::json::parse(r.out);
        QCOMPARE(report["models"].size(), std::size_t(2));
        QCOMPARE(report["models"][1]["rows"].get<int>(), 1);  // only 60 >= 50
        auto w = Warehouse::open(ws->sqlitePath());
        QCOMPARE(*(*w)->tableExists("total"), false);
    }

    void failingModelExitsOneWithTheReport() {
        auto ws = workspace();
        QCOMPARE(build(*ws).exitCode, 0);
        ws->write("models/stg.sql", "select id, v * 2 as v form {{ source('app', 'raw') }}\n");
        auto r = build(*ws, {"--report", "json"});
        QCOMPARE(r.exitCode, 1);
        const auto st = statuses(nlohmann::json::parse(r.out));
        QCOMPARE(st.at("stg"), std::string("error"));
        QCOMPARE(st.at("total"), std::string("skipped"));
        QCOMPARE(st.at("big"), std::string("skipped"));
        QCOMPARE(r.err, std::string("deskbase build: 1 of 3 models failed, 2 skipped\n"));
        // The old relations are still there and still answer.
        auto w = Warehouse::open(ws->sqlitePath());
        QCOMPARE(test::scalarInt(**w, "SELECT total FROM total"), std::int64_t(120));
        QCOMPARE(test::scalarInt(**w, "SELECT count(*) FROM stg"), std::int64_t(3));
    }

    void templateErrorsAreOneLineAndBuildNothing_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("unsupported")
            << QStringLiteral("models/x.sql") << QStringLiteral("select\n{{ run_query('x') }}")
            << QStringLiteral(
                   "deskbase build: models/x.sql: line 2: {{ run_query('x') }} is not "
                   "supported (models support ref, source, this, config, var and "
                   "{% if is_incremental() %})\n");
        QTest::newRow("missing ref")
            << QStringLiteral("models/x.sql") << QStringLiteral("select * from {{ ref('stgg') }}")
            << QStringLiteral("deskbase build: models/x.sql: line 1: ref('stgg'): no model named stgg\n");
        QTest::newRow("cycle")
            << QStringLiteral("models/stg.sql") << QStringLiteral("select * from {{ ref('big') }}")
            << QStringLiteral(
                   "deskbase build: models form a cycle (each refs the next): big -> stg -> big\n");
        QTest::newRow("var without value")
            << QStringLiteral("models/x.sql") << QStringLiteral("select {{ var('nope') }}")
            << QStringLiteral(
                   "deskbase build: models/x.sql: line 1: var('nope') has no value (set it in deskbase.json "
                   "\"vars\" or with --var nope=VALUE)\n");
    }
    void templateErrorsAreOneLineAndBuildNothing() {
        QFETCH(QString, file);
        QFETCH(QString, text);
        QFETCH(QString, error);
        auto ws = workspace();
        ws->write(file.toStdString(), text.toStdString());
        auto r = build(*ws);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(QString::fromStdString(r.err), error);
        auto w = Warehouse::open(ws->sqlitePath());
        QCOMPARE((*w)->listTables()->size(), std::size_t(1));  // raw only
    }

    void usageErrors() {
        auto ws = workspace();
        QCOMPARE(build(*ws, {"--report", "xml"}).exitCode, 2);
        QCOMPARE(build(*ws, {"--var", "novalue"}).exitCode, 2);
        auto r = build(*ws, {"--select", "nothing+"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, std::string("deskbase build: --select nothing+: no model named nothing\n"));
        test::TempWorkspace empty;
        r = test::runDeskbase({"build", "--workspace", empty.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.find("no models in") != std::string::npos, r.err.c_str());
    }

    // A cached answer over a model is not served after the model is rebuilt (table: its data
    // version; view: a new definition purges the cache).
    void queryAfterBuildIsNotStale() {
        auto ws = workspace();
        QCOMPARE(build(*ws).exitCode, 0);
        auto query = [&](const std::string& sql) {
            auto r = test::runDeskbase({"query", "--workspace", ws->path(), "--sql", sql, "--format", "csv"});
            if (r.exitCode != 0) qWarning("%s", r.err.c_str());
            return r.out;
        };
        QCOMPARE(query("SELECT total FROM total"), std::string("total\r\n120\r\n"));
        QCOMPARE(query("SELECT count(*) AS n FROM stg"), std::string("n\r\n3\r\n"));
        auto w = Warehouse::open(ws->sqlitePath());
        QVERIFY((*w)->execute("INSERT INTO raw VALUES (4, 5)").isOk());
        ws->write("models/stg.sql", "select id, v * 2 as v from {{ source('app', 'raw') }} where id > 1\n");
        QCOMPARE(build(*ws).exitCode, 0);
        QCOMPARE(query("SELECT total FROM total"), std::string("total\r\n110\r\n"));
        QCOMPARE(query("SELECT count(*) AS n FROM stg"), std::string("n\r\n3\r\n"));
        ws->write("models/stg.sql", "select id, v * 2 as v from {{ source('app', 'raw') }} where id > 2\n");
        QCOMPARE(build(*ws, {"--select", "stg"}).exitCode, 0);
        QCOMPARE(query("SELECT count(*) AS n FROM stg"), std::string("n\r\n2\r\n"));
    }

    // stg's values are 20, 40, 60: a warn check fails on one and the build still exits 0; an
    // error check that fails skips the models downstream and exits 1, naming the check.
    void modelChecksInTheReportAndExitCode() {
        auto ws = workspace();
        QDir().mkpath(QString::fromStdString(ws->file("checks")));
        ws->write("checks/stg.json",
                  "{\"checks\": [{\"check\": \"between\", \"column\": \"v\", \"max\": 50, \"severity\": "
                  "\"warn\"}, {\"check\": \"unique\", \"columns\": [\"id\"]}]}");
        auto r = build(*ws, {"--report", "json"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        auto report = nlohmann::json::parse(r.out);
        QCOMPARE(report["checks"].size(), std::size_t(2));
        QCOMPARE(report["checks"][0]["table"].get<std::string>(), std::string("stg"));
        QCOMPARE(report["checks"][0]["status"].get<std::string>(), std::string("warn"));
        QCOMPARE(report["checks"][0]["failures"].get<int>(), 1);  // 60
        QCOMPARE(report["checks"][1]["status"].get<std::string>(), std::string("pass"));
        for (const char* key :
             {"table", "check", "column", "severity", "status", "failures", "percent", "sample"})
            QVERIFY(report["checks"][0].contains(key));

        ws->write("checks/big.json", "{\"checks\": [{\"check\": \"row_count\", \"max\": 1}]}");
        ws->write("models/after_big.sql", "select * from {{ ref('big') }}\n");
        r = build(*ws, {"--report", "json"});
        QCOMPARE(r.exitCode, 1);
        report = nlohmann::json::parse(r.out);
        const auto st = statuses(report);
        QCOMPARE(st.at("big"), std::string("success"));
        QCOMPARE(st.at("after_big"), std::string("skipped"));
        QCOMPARE(st.at("total"), std::string("success"));
        QCOMPARE(report["checks"].size(), std::size_t(3));
        QCOMPARE(report["checks"][2]["status"].get<std::string>(), std::string("fail"));
        QCOMPARE(r.err,
                 std::string(
                     "deskbase build: 0 of 4 models failed, 1 skipped; 1 check failed (big: row_count)\n"));

        // Plain output: each model's line, then its checks.
        r = build(*ws);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.find("stg: view (") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("\n  warn   between(v)  1 of 3 values out of range\n") != std::string::npos,
                 r.err.c_str());
        QVERIFY2(
            r.err.find("after_big: skipped: upstream model big failed its checks\n") != std::string::npos,
            r.err.c_str());

        ws->write("checks/big.json", "{\"checks\": [{\"check\": \"row_count\", \"maximum\": 1}]}");
        r = build(*ws);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(lineCount(r.err), 1);
        QVERIFY2(r.err.rfind("deskbase build: checks/big.json: ", 0) == 0, r.err.c_str());
    }

    void buildsOnPostgres() {
        auto server = test::PgServer::start();
        QVERIFY2(server.isOk(), server.isOk() ? "" : server.message().c_str());
        const std::string uri = (*server)->uri();
        auto pg = Warehouse::open(uri);
        QVERIFY(pg.isOk());
        for (const char* sql :
             {"CREATE TABLE raw (id INTEGER, v INTEGER)", "INSERT INTO raw VALUES (1, 10), (2, 20), (3, 30)"})
            QVERIFY((*pg)->execute(sql).isOk());
        auto ws = workspace();
        for (int i = 0; i < 2; ++i) {  // the second build replaces the table under its view
            auto r = build(*ws, {"--db", uri, "--report", "json"});
            QVERIFY2(r.exitCode == 0, r.err.c_str());
            QCOMPARE(nlohmann::json::parse(r.out)["models"].size(), std::size_t(3));
        }
        QCOMPARE(test::scalarInt(**pg, "SELECT total FROM total"), std::int64_t(120));
        QCOMPARE(test::scalarInt(**pg, "SELECT count(*) FROM big"), std::int64_t(2));
        auto local = Warehouse::open(ws->sqlitePath());
        QCOMPARE(*(*local)->tableExists("total"), false);  // --db wins over the workspace's warehouse
    }
};

QTEST_GUILESS_MAIN(BuildCliTest)
#include "build_cli_test.moc"
