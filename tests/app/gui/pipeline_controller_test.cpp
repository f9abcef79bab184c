// PipelineController over a real workspace and SQLite warehouse: a build through the runtime's
// job queue reports one line per model and refreshes the sidebar's statuses; a model downstream
// of a failing one is skipped; compiled SQL; lineage; checks run, recorded and read back.
#include "app/gui/pipeline_controller.h"

#include <QDir>
#include <QSignalSpy>
#include <QtTest>

#include "app/gui/workspace_controller.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/warehouse_probe.h"

using namespace deskbase;
using namespace deskbase::gui;

class PipelineControllerTest : public QObject {
    Q_OBJECT
    test::TempWorkspace ws_;

private slots:
    void initTestCase() {
        for (const char* dir : {"models", "checks"})
            QVERIFY(QDir().mkpath(QString::fromStdString(ws_.file(dir))));
        auto w = Warehouse::open(ws_.sqlitePath());
        QVERIFY(w.isOk());
        QVERIFY((*w)->execute("CREATE TABLE raw_orders (id INTEGER, status TEXT, amount INTEGER)").isOk());
        QVERIFY((*w)->execute("INSERT INTO raw_orders VALUES (1, 'paid', 10), (2, 'paid', 5), (3, 'lost', 7)")
                    .isOk());
        ws_.write("models/stg_orders.sql",
                  "select id, status, amount from {{ source('shop', 'raw_orders') }}");
        ws_.write("models/paid.sql",
                  "{{ config(materialized='table') }}\nselect * from {{ ref('stg_orders') }} where status = "
                  "'paid'");
        ws_.write("models/paid_total.sql", "select sum(amount) as total from {{ ref('paid') }}");
        ws_.write("checks/paid.json", R"({"checks": [{"check": "accepted_values", "column": "status",
                                          "values": ["paid"]}, {"check": "row_count", "min": 5, "severity": "warn"}]})");
    }

    void buildsThroughTheJobQueue() {
        WorkspaceController workspace;
        QVERIFY(workspace.open(QString::fromStdString(ws_.path())));
        PipelineController pipeline(workspace);
        QSignalSpy lines(&pipeline, &PipelineController::modelBuilt);
        QSignalSpy finished(&pipeline, &PipelineController::buildFinished);
        QSignalSpy schema(&workspace, &WorkspaceController::schemaLoaded);
        QVERIFY(pipeline.build({QStringLiteral("stg_orders+")}));
        QVERIFY(!pipeline.build({}));  // one build at a time
        QVERIFY(finished.wait(60000));
        // paid's checks ran after it built: the warn check does not stop paid_total.
        QCOMPARE(finished[0][0].toString(), QStringLiteral("3 built; checks: 1 pass, 1 warn"));
        QCOMPARE(finished[0][1].toBool(), false);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[2][2].toInt(), 3);  // done
        QCOMPARE(lines[2][3].toInt(), 3);  // total
        QVERIFY2(pipeline.lastBuildLines().value(1).startsWith(QStringLiteral("paid: table, 2 rows")),
                 qPrintable(pipeline.lastBuildLines().join(QLatin1Char('\n'))));
        QCOMPARE(test::scalarInt(ws_.sqlitePath(), "SELECT total FROM paid_total"), std::int64_t(15));
        QVERIFY(schema.wait(30000) || !schema.isEmpty());

        // Compiled SQL: the ref resolved to the quoted relation.
        auto sql = pipeline.compiledSql(QStringLiteral("paid_total"));
        QVERIFY2(sql.isOk(), sql.status().message().c_str());
        QVERIFY2(QString::fromStdString(*sql).contains(QStringLiteral("\"paid\"")), sql->c_str());
        QVERIFY(!pipeline.compiledSql(QStringLiteral("nope")).isOk());

        // A broken model fails, the one downstream is skipped, the old table stays.
        ws_.write("models/paid.sql",
                  "{{ config(materialized='table') }}\nselect nope from {{ ref('stg_orders') }}");
        QSignalSpy again(&pipeline, &PipelineController::buildFinished);
        QVERIFY(pipeline.build({QStringLiteral("paid+")}));
        QVERIFY(again.wait(60000));
        QCOMPARE(again[0][0].toString(), QStringLiteral("1 failed, 1 skipped"));
        QCOMPARE(again[0][1].toBool(), true);
        QCOMPARE(test::scalarInt(ws_.sqlitePath(), "SELECT count(*) FROM paid"), std::int64_t(2));
        ws_.write("models/paid.sql",
                  "{{ config(materialized='table') }}\nselect * from {{ ref('stg_orders') }} where status = "
                  "'paid'");

        // A template error builds nothing and says why.
        ws_.write("models/bad.sql", "select {{ nope() }}");
        QSignalSpy failed(&pipeline, &PipelineController::buildFailed);
        QVERIFY(pipeline.build({}));
        QVERIFY(failed.wait(60000));
        QVERIFY2(failed[0][0].toString().contains(QStringLiteral("models/bad.sql")),
                 qPrintable(failed[0][0].toString()));
        QVERIFY(QFile::remove(QString::fromStdString(ws_.file("models/bad.sql"))));
    }

    void lineageAndChecks() {
        WorkspaceController workspace;
        QVERIFY(workspace.open(QString::fromStdString(ws_.path())));
        PipelineController pipeline(workspace);
        QSignalSpy lineage(&pipeline, &PipelineController::lineageLoaded);
        pipeline.loadLineage();
        QVERIFY(lineage.wait(30000));
        int models = 0;
        for (const auto& n : pipeline.lineage().nodes) models += n.kind == "model";
        QCOMPARE(models, 3);

        QSignalSpy loaded(&pipeline, &PipelineController::checksLoaded);
        QSignalSpy failed(&pipeline, &PipelineController::checksFailed);
        pipeline.loadChecks(QStringLiteral("paid"));
        QVERIFY(loaded.wait(30000));
        // The build above ran paid's checks after it built, and the run log keeps them.
        QCOMPARE(pipeline.checkResults(QStringLiteral("paid")).size(), std::size_t(2));

        pipeline.runChecks(QStringLiteral("paid"));
        QVERIFY(loaded.wait(30000));
        QCOMPARE(loaded[1][1].toString(), QStringLiteral("just now"));
        const auto& results = pipeline.checkResults(QStringLiteral("paid"));
        QCOMPARE(results.size(), std::size_t(2));
        QCOMPARE(results[0].status, CheckStatus::Pass);  // only paid rows in paid
        QCOMPARE(results[1].status, CheckStatus::Warn);  // 2 rows, at least 5 wanted

        // Read back from the run log by a new controller.
        PipelineController other(workspace);
        QSignalSpy otherLoaded(&other, &PipelineController::checksLoaded);
        other.loadChecks(QStringLiteral("paid"));
        QVERIFY(otherLoaded.wait(30000));
        QCOMPARE(other.checkResults(QStringLiteral("paid")).size(), std::size_t(2));
        QCOMPARE(other.checkResults(QStringLiteral("paid"))[1].status, CheckStatus::Warn);

        pipeline.runChecks(QStringLiteral("raw_orders"));  // no checks file
        QVERIFY(failed.wait(30000));
        QVERIFY2(failed[0][1].toString().contains(QStringLiteral("no checks on raw_orders")),
                 qPrintable(failed[0][1].toString()));
    }
};

QTEST_MAIN(PipelineControllerTest)
#include "pipeline_controller_test.moc"
