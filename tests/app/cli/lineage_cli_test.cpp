// `deskbase lineage`: sources -> models -> questions -> dashboards as JSON and DOT, from a
// workspace written here; a broken model graph is a one-line error.
#include <QtTest>
#include <nlohmann/json.hpp>

#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;

namespace {

std::unique_ptr<test::TempWorkspace> workspace() {
    auto ws = std::make_unique<test::TempWorkspace>();
    for (const char* dir : {"models", "questions", "dashboards"})
        QDir().mkpath(QString::fromStdString(ws->file(dir)));
    ws->write("models/stg_orders.sql", "select * from {{ source('shop', 'orders') }}");
    ws->write("models/daily.sql",
              "{{ config(materialized='table') }} select day, count(*) as n from {{ ref('stg_orders') }} "
              "group by day");
    ws->write(
        "questions/daily.json",
        "{\"name\": \"Daily orders\", \"sql\": \"with d as (select * from daily) select d.*, c.name from d "
        "join \\\"customers\\\" c on 1=1\"}");
    ws->write("questions/other.json", "{\"name\": \"Other\", \"sql\": \"select 1\"}");
    ws->write(
        "dashboards/ops.json",
        "{\"name\": \"Ops\", \"cards\": [{\"id\": \"a\", \"question\": \"daily.json\", \"x\": 0, \"y\": 0, "
        "\"w\": 6, \"h\": 4}, {\"id\": \"t\", \"text\": \"hello\", \"x\": 6, \"y\": 0, \"w\": 6, \"h\": "
        "4}]}");
    return ws;
}

}  // namespace

class LineageCliTest : public QObject {
    Q_OBJECT

private slots:
    void printsJson() {
        auto ws = workspace();
        auto r = test::runDeskbase({"lineage", "--workspace", ws->path()});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        const auto j = nlohmann::json::parse(r.out);
        QStringList nodes;
        for (const auto& n : j["nodes"]) nodes << QString::fromStdString(n["id"].get<std::string>());
        QCOMPARE(
            nodes.join(QLatin1Char(' ')),
            QStringLiteral(
                "source:customers source:orders model:daily model:stg_orders question:questions/daily.json "
                "question:questions/other.json dashboard:dashboards/ops.json"));
        QStringList edges;
        for (const auto& e : j["edges"])
            edges << QString::fromStdString(e["from"].get<std::string>() + ">" + e["to"].get<std::string>());
        QCOMPARE(
            edges.join(QLatin1Char(' ')),
            QStringLiteral("model:daily>question:questions/daily.json model:stg_orders>model:daily "
                           "question:questions/daily.json>dashboard:dashboards/ops.json "
                           "source:customers>question:questions/daily.json source:orders>model:stg_orders"));
        QCOMPARE(j["nodes"][2]["materialized"].get<std::string>(), std::string("table"));
        QCOMPARE(j["nodes"][2]["file"].get<std::string>(), std::string("models/daily.sql"));
    }

    void modelsCarryTheirLastBuildStatus() {
        auto ws = workspace();
        auto w = Warehouse::open(ws->sqlitePath());
        QVERIFY(w.isOk());
        QVERIFY((*w)->execute("CREATE TABLE orders (day TEXT)").isOk());
        w->reset();
        ws->write("models/broken.sql", "select nope from {{ ref('stg_orders') }}");
        QCOMPARE(test::runDeskbase({"build", "--workspace", ws->path()}).exitCode, 1);
        auto r = test::runDeskbase({"lineage", "--workspace", ws->path()});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        std::map<std::string, std::string> status;
        const auto j = nlohmann::json::parse(r.out);
        for (const auto& n : j["nodes"])
            if (n.contains("status")) status[n["name"].get<std::string>()] = n["status"].get<std::string>();
        const std::map<std::string, std::string> expected = {
            {"broken", "error"}, {"daily", "success"}, {"stg_orders", "success"}};
        QCOMPARE(status, expected);
    }

    void printsDot() {
        auto ws = workspace();
        auto r = test::runDeskbase({"lineage", "--workspace", ws->path(), "--format", "dot"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        QVERIFY(r.out.rfind("digraph lineage {\n", 0) == 0);
        QVERIFY(r.out.find("  \"source:orders\" -> \"model:stg_orders\";\n") != std::string::npos);
        QVERIFY(r.out.find("  \"model:daily\" [label=\"daily\", shape=box];\n") != std::string::npos);
    }

    void brokenGraphIsAnError() {
        auto ws = workspace();
        ws->write("models/stg_orders.sql", "select * from {{ ref('daily') }}");
        auto r = test::runDeskbase({"lineage", "--workspace", ws->path()});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, std::string("deskbase lineage: models form a cycle (each refs the next): daily -> "
                                    "stg_orders -> daily\n"));
        QCOMPARE(test::runDeskbase({"lineage", "--workspace", ws->path(), "--format", "svg"}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(LineageCliTest)
#include "lineage_cli_test.moc"
