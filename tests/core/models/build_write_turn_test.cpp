// Writers take turns on a SQLite warehouse (core/warehouse/write_turn.h): while an import holds
// the write turn for longer than the 10 s busy timeout, a model build and a `deskbase query`
// write started meanwhile wait and finish after it. Before, both used a plain BEGIN and failed
// "database is locked" after 10 s.
#include <QtTest>
#include <atomic>
#include <chrono>
#include <thread>

#include "core/exec/run_statement.h"
#include "core/ingest/import_job.h"
#include "core/models/materialize.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;
using Clock = std::chrono::steady_clock;

class BuildWriteTurnTest : public QObject {
    Q_OBJECT

private slots:
    void buildAndQueryWriteWaitForALongImportInsteadOfFailingLocked() {
        test::TempWorkspace ws;
        const std::string db = ws.sqlitePath();
        const std::string csv = ws.write("orders.csv", "id,amount\n1,10\n2,20\n3,30\n");
        {
            auto setup = Warehouse::open(db);
            QVERIFY2(setup, setup ? "" : setup.message().c_str());
            QVERIFY((*setup)->execute("CREATE TABLE notes (n INTEGER)", {}));
        }

        // The import holds the write turn for 11 s: its progress callback sleeps inside the load.
        std::atomic<bool> holding{false};
        std::atomic<Clock::rep> importDone{0};
        Result<ImportResult> imported = Error{"not run"};
        std::thread importer([&] {
            auto w = Warehouse::open(db);
            if (!w) return;
            ImportOptions o;
            o.path = csv;
            o.table = "orders";
            ImportJob job(o);
            bool slept = false;
            imported = job.run(**w, [&](const ImportProgress& p) {
                if (p.stage != ImportStage::Loading || slept) return;
                slept = true;
                holding = true;
                std::this_thread::sleep_for(std::chrono::seconds(11));
            });
            importDone = Clock::now().time_since_epoch().count();
        });
        const auto waitStart = Clock::now();
        while (!holding && Clock::now() - waitStart < std::chrono::seconds(20))
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        QVERIFY2(holding.load(), "the import never reached its load");

        // A build and a query write, each on its own connection, started while the import holds it.
        Result<MaterializeOutcome> built = Error{"not run"};
        Clock::rep buildDone = 0;
        std::thread builder([&] {
            auto w = Warehouse::open(db);
            if (!w) return;
            MaterializeInput in;
            in.name = "big_amounts";
            in.materialized = Materialization::Table;
            in.sql = "select 1 as x";
            built = materialize(**w, in);
            buildDone = Clock::now().time_since_epoch().count();
        });
        auto w = Warehouse::open(db);
        QVERIFY2(w, w ? "" : w.message().c_str());
        QueryRequest req;
        req.target = db;
        req.sql = "INSERT INTO notes (n) VALUES (1)";
        req.useCache = false;
        const std::atomic<bool> cancelled{false};
        StatementOutcome wrote = runStatement(**w, req, nullptr, 0, cancelled);
        const Clock::rep writeDone = Clock::now().time_since_epoch().count();
        builder.join();
        importer.join();

        QVERIFY2(imported, imported ? "" : imported.message().c_str());
        QVERIFY2(built, built ? "" : built.message().c_str());
        QVERIFY2(wrote.result, wrote.result ? "" : wrote.result.message().c_str());
        QVERIFY(buildDone > importDone.load());
        QVERIFY(writeDone > importDone.load());
        auto rows = (*w)->query("SELECT (SELECT count(*) FROM orders), (SELECT x FROM big_amounts), "
                                "(SELECT count(*) FROM notes)",
                                {});
        QVERIFY(rows);
        std::vector<Row> got;
        QVERIFY((*rows)->fetch(got, 1));
        QCOMPARE(got.size(), std::size_t(1));
        QVERIFY(got[0][0] == Value{std::int64_t(3)});
        QVERIFY(got[0][1] == Value{std::int64_t(1)});
        QVERIFY(got[0][2] == Value{std::int64_t(1)});
    }
};

QTEST_GUILESS_MAIN(BuildWriteTurnTest)
#include "build_write_turn_test.moc"
