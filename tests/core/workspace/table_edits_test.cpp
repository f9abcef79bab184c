// Deleting, renaming and copying tables on SQLite and on PostgreSQL (a throwaway server started
// here; fails, never skips, without one): each is one transaction, Deskbase's records follow the
// table (original headers, the ingestion log that refuses a second load of the same file), data
// versions are bumped so cached results are not served again, and the rejects table goes along.
#include "core/workspace/table_edits.h"

#include <QtTest>

#include "core/ingest/import_job.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/pg_server.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/warehouse_probe.h"

using namespace deskbase;

namespace {
const char* kCsv = "City,Temp C\nSeattle,12.5\nPortland,9.25\nBoise,7\nReno,3.5,extra\n";

bool has(Warehouse& w, const std::string& table) {
    auto e = w.tableExists(table);
    return e && *e;
}
}  // namespace

class TableEditsTest : public QObject {
    Q_OBJECT
    std::unique_ptr<test::PgServer> server_;
    test::TempWorkspace dir_;
    int database_ = 0;

    // A fresh, empty warehouse of the row's kind, with weather imported from kCsv.
    std::unique_ptr<Warehouse> fresh(const QString& backend) {
        std::string target;
        if (backend == QStringLiteral("postgres")) {
            const std::string db = "edits" + std::to_string(++database_);
            auto admin = Warehouse::open(server_->uri());
            if (!admin || !(*admin)->execute("CREATE DATABASE " + db)) return nullptr;
            target = server_->uri(db);
        } else {
            target = dir_.file("w" + std::to_string(++database_) + ".db");
        }
        auto w = Warehouse::open(target);
        if (!w) return nullptr;
        ImportOptions o;
        o.path = dir_.write("weather.csv", kCsv);
        o.allowRejects = true;  // kCsv's bad row is 1 in 4: over the 10% an import refuses by default
        if (!ImportJob(o).run(**w)) return nullptr;
        return std::move(*w);
    }

    Result<ImportResult> importAgain(Warehouse& w, const std::string& table) {
        ImportOptions o;
        o.path = dir_.file("weather.csv");
        o.table = table;
        o.mode = ImportMode::Append;
        o.allowRejects = true;
        return ImportJob(o).run(w);
    }

private slots:
    void initTestCase() {
        auto server = test::PgServer::start();
        if (!server) QFAIL(server.message().c_str());
        server_ = std::move(*server);
    }

    void backends_data() {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }

    void dropTakesItsRecordsAlong_data() { backends_data(); }
    void dropTakesItsRecordsAlong() {
        QFETCH(QString, backend);
        auto w = fresh(backend);
        QVERIFY(w);
        QVERIFY(has(*w, "weather__rejects"));
        const std::int64_t before = *w->dataVersion("weather");
        QVERIFY(dropTable(*w, "weather"));
        QVERIFY(!has(*w, "weather"));
        QVERIFY(!has(*w, "weather__rejects"));
        QCOMPARE(test::scalarInt(*w, "SELECT count(*) FROM deskbase_columns WHERE table_name = 'weather'"),
                 0);
        QCOMPARE(test::scalarInt(*w, "SELECT count(*) FROM deskbase_ingestions WHERE table_name = 'weather'"),
                 0);
        QVERIFY(*w->dataVersion("weather") > before);
        // The same file loads again into a table of that name (the log no longer refuses it).
        auto again = importAgain(*w, "weather");
        QVERIFY2(again, again.isOk() ? "" : again.message().c_str());
        QCOMPARE(again->rows, std::int64_t(3));
        QVERIFY(!dropTable(*w, "no_such_table"));
    }

    void renameKeepsHeadersAndLog_data() { backends_data(); }
    void renameKeepsHeadersAndLog() {
        QFETCH(QString, backend);
        auto w = fresh(backend);
        QVERIFY(w);
        const std::int64_t before = *w->dataVersion("weather");
        QVERIFY(renameTable(*w, "weather", "climate"));
        QVERIFY(!has(*w, "weather") && has(*w, "climate"));
        auto info = w->describeTable("climate");
        QVERIFY(info);
        QCOMPARE(QString::fromStdString(info->columns[1].displayName), QStringLiteral("Temp C"));
        QCOMPARE(info->columns[1].type, ColumnType::Real);
        QCOMPARE(test::scalarInt(*w, "SELECT count(*) FROM climate"), 3);
        QVERIFY(*w->dataVersion("weather") > before);
        QVERIFY(*w->dataVersion("climate") > 0);
        // The ingestion log followed: appending the same file to the renamed table is refused.
        ImportOptions o;
        o.path = dir_.file("weather.csv");
        o.table = "climate";
        o.mode = ImportMode::Append;
        o.allowRejects = true;  // refused as a duplicate, not for its rejects
        ImportJob job(o);
        QVERIFY(!job.run(*w));
        QVERIFY(job.refusedAsAlreadyLoaded());
        // A name that is taken changes nothing.
        QVERIFY(!renameTable(*w, "climate", "weather__rejects"));
        QVERIFY(has(*w, "climate"));
        QVERIFY(!renameTable(*w, "climate", ""));
    }

    void duplicateCopiesRowsAndTypes_data() { backends_data(); }
    void duplicateCopiesRowsAndTypes() {
        QFETCH(QString, backend);
        auto w = fresh(backend);
        QVERIFY(w);
        auto copy = duplicateTable(*w, "weather");
        QVERIFY2(copy, copy.isOk() ? "" : copy.message().c_str());
        QCOMPARE(QString::fromStdString(*copy), QStringLiteral("weather_copy"));
        auto second = duplicateTable(*w, "weather");
        QVERIFY(second);
        QCOMPARE(QString::fromStdString(*second), QStringLiteral("weather_copy_2"));
        auto original = w->describeTable("weather");
        auto copied = w->describeTable("weather_copy");
        QVERIFY(original && copied);
        QCOMPARE(copied->columns.size(), original->columns.size());
        for (std::size_t i = 0; i < original->columns.size(); ++i) {
            QCOMPARE(copied->columns[i].name, original->columns[i].name);
            QCOMPARE(copied->columns[i].type, original->columns[i].type);
            QCOMPARE(copied->columns[i].displayName, original->columns[i].displayName);
        }
        QCOMPARE(test::scalarInt(*w, "SELECT count(*) FROM weather_copy"), 3);
        QCOMPARE(test::scalarInt(
                     *w, "SELECT count(*) FROM (SELECT * FROM weather EXCEPT SELECT * FROM weather_copy) d"),
                 0);
    }

    // A failure inside the transaction leaves everything as it was: renaming onto a name taken
    // by a view is refused before anything runs; dropping a view drops the view, not a table.
    void viewsAreHandledAsViews_data() { backends_data(); }
    void viewsAreHandledAsViews() {
        QFETCH(QString, backend);
        auto w = fresh(backend);
        QVERIFY(w);
        QVERIFY(w->execute("CREATE VIEW cold AS SELECT city FROM weather WHERE temp_c < 8"));
        QVERIFY(!renameTable(*w, "weather", "cold"));
        QVERIFY(has(*w, "weather"));
        QVERIFY(dropTable(*w, "cold"));
        QVERIFY(!has(*w, "cold"));
        QVERIFY(has(*w, "weather"));
    }
};

QTEST_GUILESS_MAIN(TableEditsTest)
#include "table_edits_test.moc"
