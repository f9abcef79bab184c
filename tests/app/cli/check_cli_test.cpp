// `deskbase check` and the checks `deskbase import` runs, end to end, as a user runs them, on
// SQLite and on PostgreSQL (--db), and `--suggest-dedup`'s model for a failing unique check.
#include <QDir>
#include <QtTest>
#include <nlohmann/json.hpp>

#include "tests/support/pg_server.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/warehouse_probe.h"

using namespace deskbase;

namespace {

// Four orders; order 2 twice, total 250 above the limit below.
const char* kOrders = "order_id,status,total\n1,completed,10\n2,completed,20\n2,returned,250\n3,lost,5\n";

std::string text(const std::string& db, const std::string& sql) {
    auto w = Warehouse::open(db);
    return w ? test::scalarText(**w, sql) : "error: " + w.message();
}

int lines(const std::string& s) {
    return int(std::count(s.begin(), s.end(), '\n'));
}

struct Workspace {
    test::TempWorkspace ws;
    Workspace() {
        QDir(QString::fromStdString(ws.path())).mkpath(QStringLiteral("checks"));
        ws.write("orders.csv", kOrders);
    }
    std::string db() const { return ws.sqlitePath(); }
    test::ProcessResult run(std::vector<std::string> args) const {
        args.insert(args.end(), {"--workspace", ws.path()});
        return test::runDeskbase(args);
    }
};

}  // namespace

class CheckCliTest : public QObject {
    Q_OBJECT
private slots:
    void reportJsonListsEveryResult() {
        Workspace w;
        QCOMPARE(w.run({"import", w.ws.file("orders.csv")}).exitCode, 0);
        w.ws.write(
            "checks/orders.json",
            "{\"checks\": [{\"check\": \"unique\", \"columns\": [\"order_id\"], \"severity\": \"warn\"},"
            " {\"check\": \"between\", \"column\": \"total\", \"max\": 100, \"severity\": \"warn\"},"
            " {\"check\": \"not_null\", \"column\": \"order_id\"}]}");
        auto r = w.run({"check", "--report", "json"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());  // only warn checks fail
        QCOMPARE(lines(r.out), 1);
        const auto j = nlohmann::ordered_json::parse(r.out);  // keeps the key order printed
        QCOMPARE(j.size(), std::size_t(1));
        const auto& c = j["checks"];
        QCOMPARE(c.size(), std::size_t(3));
        QCOMPARE(c[0]["table"].get<std::string>(), std::string("orders"));
        QCOMPARE(c[0]["check"].get<std::string>(), std::string("unique"));
        QCOMPARE(c[0]["column"].get<std::string>(), std::string("order_id"));
        QCOMPARE(c[0]["severity"].get<std::string>(), std::string("warn"));
        QCOMPARE(c[0]["status"].get<std::string>(), std::string("warn"));
        QCOMPARE(c[0]["failures"].get<int>(), 2);
        QCOMPARE(c[0]["percent"].get<double>(), 50.0);
        QCOMPARE(QString::fromStdString(c[0]["sample"].dump()), QStringLiteral(R"([{"value":2,"count":2}])"));
        QCOMPARE(QString::fromStdString(c[1]["sample"].dump()),
                 QStringLiteral(R"([{"value":250,"count":1}])"));
        QCOMPARE(c[2]["status"].get<std::string>(), std::string("pass"));
        QCOMPARE(c[2]["failures"].get<int>(), 0);
        // The run is in the history.
        QCOMPARE(test::scalarInt(w.db(), "SELECT COUNT(*) FROM deskbase_runs WHERE kind = 'check'"),
                 std::int64_t(1));
        QCOMPARE(test::scalarInt(w.db(), "SELECT COUNT(*) FROM deskbase_check_results"), std::int64_t(3));
    }

    void anErrorCheckFailingExitsNonZero() {
        Workspace w;
        QCOMPARE(w.run({"import", w.ws.file("orders.csv")}).exitCode, 0);
        w.ws.write("checks/orders.json",
                   "{\"checks\": [{\"check\": \"unique\", \"columns\": [\"order_id\"]}]}");
        auto r = w.run({"check"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.rfind("fail   orders  unique(order_id)  2 of 4 rows share a key with another row\n",
                             0) == 0,
                 r.out.c_str());
        QVERIFY2(
            r.err.find("deskbase check: 1 check failed (orders: unique(order_id))\n") != std::string::npos,
            r.err.c_str());
        QCOMPARE(text(w.db(), "SELECT status FROM deskbase_runs"), std::string("error"));
    }

    void namedTablesOnly() {
        Workspace w;
        QCOMPARE(w.run({"import", w.ws.file("orders.csv")}).exitCode, 0);
        w.ws.write("checks/orders.json", "{\"checks\": [{\"check\": \"row_count\", \"min\": 1}]}");
        w.ws.write("checks/other.json", "{\"checks\": [{\"check\": \"row_count\", \"min\": 1}]}");
        auto r = w.run({"check", "orders", "--report", "json"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        QCOMPARE(nlohmann::json::parse(r.out)["checks"].size(), std::size_t(1));
        auto missing = w.run({"check", "nosuch"});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(missing.err, "deskbase check: no checks on nosuch in " + w.ws.file("checks") + "\n");
        // Without TABLEs every file runs: other.json's table does not exist, an error result.
        auto all = w.run({"check", "--report", "json"});
        QCOMPARE(all.exitCode, 1);
        QCOMPARE(nlohmann::json::parse(all.out)["checks"][1]["status"].get<std::string>(),
                 std::string("error"));
    }

    void badCheckFileIsOneLine() {
        Workspace w;
        QCOMPARE(w.run({"import", w.ws.file("orders.csv")}).exitCode, 0);
        w.ws.write("checks/orders.json",
                   "{\"checks\": [{\"check\": \"matches\", \"column\": \"status\", \"regex\": \"(\"}]}");
        auto r = w.run({"check"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(lines(r.err), 1);
        QVERIFY2(r.err.rfind(
                     "deskbase check: checks/orders.json: check 1 (matches): regex \"(\" does not compile: ",
                     0) == 0,
                 r.err.c_str());
        QVERIFY(r.out.empty());
    }

    void importReportsItsChecks() {
        Workspace w;
        w.ws.write(
            "checks/orders.json",
            "{\"checks\": [{\"check\": \"unique\", \"columns\": [\"order_id\"], \"severity\": \"warn\"}]}");
        auto r = w.run({"import", w.ws.file("orders.csv"), "--report", "json"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        const auto j = nlohmann::json::parse(r.out);
        QCOMPARE(j["rows"].get<int>(), 4);
        QCOMPARE(j["checks"].size(), std::size_t(1));
        QCOMPARE(j["checks"][0]["status"].get<std::string>(), std::string("warn"));
        QCOMPARE(text(w.db(), "SELECT kind FROM deskbase_runs"), std::string("import"));
    }

    void refusedImportLeavesTheWarehouseAsItWas() {
        Workspace w;
        w.ws.write("first.csv", "order_id,status,total\n7,completed,1\n");
        QCOMPARE(w.run({"import", w.ws.file("first.csv"), "--table", "orders"}).exitCode, 0);
        w.ws.write("checks/orders.json",
                   "{\"on_failure\": \"refuse\", \"checks\": [{\"check\": \"unique\", \"columns\": "
                   "[\"order_id\"]}]}");
        auto r = w.run({"import", w.ws.file("orders.csv"), "--mode", "replace"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.find("deskbase import: " + w.ws.file("orders.csv") +
                            ": import into orders refused: 1 check failed (unique(order_id): 2 of 4 rows "
                            "share a key with another row)\n") != std::string::npos,
                 r.err.c_str());
        QCOMPARE(test::scalarInt(w.db(), "SELECT COUNT(*) FROM orders"), std::int64_t(1));
        QCOMPARE(test::scalarInt(w.db(), "SELECT order_id FROM orders"), std::int64_t(7));
        // What refused it is in the history.
        QCOMPARE(text(w.db(), "SELECT status FROM deskbase_check_results"), std::string("fail"));
        QCOMPARE(text(w.db(), "SELECT status FROM deskbase_run_steps"), std::string("error"));
    }

    // The same checks against PostgreSQL: the table imported there, results and exit as on SQLite,
    // the run recorded in that warehouse.
    void checksAgainstPostgres() {
        auto server = test::PgServer::start();
        QVERIFY2(server.isOk(), server.isOk() ? "" : server.message().c_str());
        const std::string uri = (*server)->uri();
        Workspace w;
        QCOMPARE(w.run({"import", w.ws.file("orders.csv"), "--db", uri}).exitCode, 0);
        w.ws.write("checks/orders.json",
                   "{\"checks\": [{\"check\": \"unique\", \"columns\": [\"order_id\"]},"
                   " {\"check\": \"matches\", \"column\": \"status\", \"regex\": \"^[a-z]+$\"}]}");
        auto r = w.run({"check", "--db", uri, "--report", "json"});
        QCOMPARE(r.exitCode, 1);
        const auto j = nlohmann::json::parse(r.out);
        QCOMPARE(j["checks"][0]["status"].get<std::string>(), std::string("fail"));
        QCOMPARE(j["checks"][0]["failures"].get<int>(), 2);  // order 2 twice
        QCOMPARE(j["checks"][1]["status"].get<std::string>(), std::string("pass"));
        QCOMPARE(r.err, std::string("deskbase check: 1 check failed (orders: unique(order_id))\n"));
        QCOMPARE(text(uri, "SELECT kind FROM deskbase_runs"), std::string("check"));
        QCOMPARE(text(uri, "SELECT status FROM deskbase_runs"), std::string("error"));
        // A regex PostgreSQL's engine refuses is an error naming the check, on one line.
        w.ws.write(
            "checks/orders.json",
            "{\"checks\": [{\"check\": \"matches\", \"column\": \"status\", \"regex\": \"(?<w>[a-z])\"}]}");
        r = w.run({"check", "--db", uri});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.rfind("error  orders  matches(status)  checks/orders.json: matches(status): ", 0) == 0,
                 r.out.c_str());
        QCOMPARE(lines(r.out), 1);
    }

    // --suggest-dedup prints the "keep one per key" model of the failing unique check; saved and
    // built, it holds one row per order_id.
    void suggestDedupWritesAModelThatBuilds() {
        Workspace w;
        QCOMPARE(w.run({"import", w.ws.file("orders.csv")}).exitCode, 0);
        w.ws.write("checks/orders.json",
                   "{\"checks\": [{\"check\": \"unique\", \"columns\": [\"order_id\"]}]}");
        auto r = w.run({"check", "--suggest-dedup", "--report", "json"});
        QCOMPARE(r.exitCode, 1);
        const auto j = nlohmann::json::parse(r.out);
        QCOMPARE(j["dedup"].size(), std::size_t(1));
        QCOMPARE(j["dedup"][0]["file"].get<std::string>(), std::string("models/orders_dedup.sql"));
        QDir().mkpath(QString::fromStdString(w.ws.file("models")));
        w.ws.write("models/orders_dedup.sql", j["dedup"][0]["sql"].get<std::string>());
        auto b = w.run({"build"});
        QVERIFY2(b.exitCode == 0, b.err.c_str());
        QCOMPARE(text(w.db(), "SELECT count(*) FROM orders_dedup"), std::string("3"));  // orders 1, 2, 3
        QCOMPARE(text(w.db(), "SELECT count(DISTINCT order_id) FROM orders_dedup"), std::string("3"));
        // Plain output: the model after the check lines, headed by where to save it.
        r = w.run({"check", "orders", "--suggest-dedup"});
        QVERIFY2(r.out.find("\n-- keep one per key: save as models/orders_dedup.sql\n{{ config(") !=
                     std::string::npos,
                 r.out.c_str());
    }
};

QTEST_GUILESS_MAIN(CheckCliTest)
#include "check_cli_test.moc"
