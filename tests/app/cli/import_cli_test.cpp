// `deskbase import` and `deskbase tables` end to end, as a user runs them.
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QtTest>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/warehouse/warehouse.h"
#include "tests/core/ingest/sqlite_snapshot.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/test_paths.h"
#include "tests/support/warehouse_probe.h"

using namespace deskbase;

namespace {

using Names = std::vector<std::string>;

std::string snapshotOf(const std::string& db) {
    auto w = Warehouse::open(db);
    if (!w) return "error: " + w.message();
    return test::snapshot(**w);
}

}  // namespace

class ImportCliTest : public QObject {
    Q_OBJECT

private slots:
    void reportJsonDescribesTheImport() {
        test::TempWorkspace ws;
        auto r = test::runDeskbase({"import", test::dataFile("seattle-weather.csv"), "--db",
                                    ws.sqlitePath(), "--report", "json"});
        QCOMPARE(r.exitCode, 0);
        auto j = nlohmann::json::parse(r.out);
        QCOMPARE(j["table"].get<std::string>(), std::string("seattle_weather"));
        QCOMPARE(j["rows"].get<int>(), 1461);
        QCOMPARE(j["rejected"].get<int>(), 0);
        QCOMPARE(j["columns"][0]["name"].get<std::string>(), std::string("date"));
        QCOMPARE(j["columns"][0]["type"].get<std::string>(), std::string("date"));
        QCOMPARE(j["columns"][5]["type"].get<std::string>(), std::string("text"));
        QVERIFY(j["seconds"].get<double>() >= 0);

        auto tables = test::runDeskbase({"tables", "--db", ws.sqlitePath()});
        QCOMPARE(tables.exitCode, 0);
        QVERIFY2(tables.out.find("seattle_weather\t1461\tdate date, precipitation real") != std::string::npos,
                 tables.out.c_str());
    }

    // docs/ingestion.md, "Key indexes": the columns that look like keys are indexed; --index and
    // --no-index choose; the report and the summary line say which were made.
    void indexFlagsChooseAndTheReportSays_data() {
        QTest::addColumn<Names>("flags");
        QTest::addColumn<Names>("indexes");
        QTest::newRow("default: the keys") << Names{} << Names{"order_id", "customer_id"};
        QTest::newRow("--no-index") << Names{"--no-index"} << Names{};
        QTest::newRow("--index twice")
            << Names{"--index", "city", "--index", "Order ID"} << Names{"order_id", "city"};
    }
    void indexFlagsChooseAndTheReportSays() {
        QFETCH(Names, flags);
        QFETCH(Names, indexes);
        test::TempWorkspace ws;
        std::string csv = "Order ID,customer_id,city\n";
        for (int i = 1; i <= 50; ++i) csv += std::to_string(i) + "," + std::to_string(i % 5) + ",c\n";
        const auto file = ws.write("orders.csv", csv);
        std::vector<std::string> argv = {"import", file, "--db", ws.sqlitePath()};
        argv.insert(argv.end(), flags.begin(), flags.end());
        auto text = test::runDeskbase(argv);
        QCOMPARE(text.exitCode, 0);
        std::string said = "50 rows into orders";
        for (std::size_t i = 0; i < indexes.size(); ++i) said += (i ? ", " : "; indexed ") + indexes[i];
        QVERIFY2(text.err.find(said + "\n") != std::string::npos, text.err.c_str());
        argv.insert(argv.end(), {"--mode", "replace", "--report", "json"});
        auto r = test::runDeskbase(argv);
        QCOMPARE(r.exitCode, 0);
        auto j = nlohmann::json::parse(r.out);
        QCOMPARE(j["indexes"].get<Names>(), indexes);
        auto w = Warehouse::open(ws.sqlitePath());
        auto c =
            (*w)->query("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'orders'");
        std::vector<Row> rows;
        QVERIFY((*c)->fetch(rows, 1).isOk());
        QCOMPARE(std::get<std::int64_t>(rows[0][0]), std::int64_t(indexes.size()));
    }

    void importsSeveralFilesAndJson() {
        test::TempWorkspace ws;
        auto r =
            test::runDeskbase({"import", test::dataFile("seattle-weather.csv"),
                               test::dataFile("cars.json"), "--db", ws.sqlitePath(), "--report", "json"});
        QCOMPARE(r.exitCode, 0);
        const auto second = r.out.substr(r.out.find('\n') + 1);
        auto j = nlohmann::json::parse(second);
        QCOMPARE(j["table"].get<std::string>(), std::string("cars"));
        QCOMPARE(j["rows"].get<int>(), 406);
        QCOMPARE(j["columns"][0]["name"].get<std::string>(), std::string("name"));
        QCOMPARE(j["columns"][7]["type"].get<std::string>(), std::string("date"));
    }

    void typeOverrideAndModes() {
        test::TempWorkspace ws;
        const auto f = ws.write("codes.csv", "code,qty\n10,1\n20,2\n");
        auto r = test::runDeskbase(
            {"import", f, "--db", ws.sqlitePath(), "--type", "code=text", "--report", "json"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(nlohmann::json::parse(r.out)["columns"][0]["type"].get<std::string>(), std::string("text"));
        auto again = test::runDeskbase({"import", f, "--db", ws.sqlitePath()});
        QVERIFY(again.exitCode != 0);
        QVERIFY2(again.err.find("already exists") != std::string::npos, again.err.c_str());
        auto replace =
            test::runDeskbase({"import", f, "--db", ws.sqlitePath(), "--mode", "replace", "--table", "c2"});
        QCOMPARE(replace.exitCode, 0);
    }

    // docs/ingestion.md: numbers are never rounded; the report says why such a column is text.
    void numbersARealWouldRoundStayTextAndSayWhy() {
        test::TempWorkspace ws;
        const auto f = ws.write("ids.csv", "id,amount\n12345678901234567,1.5\n1.5,2.5\n");
        auto r = test::runDeskbase({"import", f, "--db", ws.sqlitePath()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(
            r.err.find(f + ": column id: '12345678901234567' would be rounded as a real: kept as text\n") !=
                std::string::npos,
            r.err.c_str());
        QVERIFY2(r.err.find("column amount") == std::string::npos, r.err.c_str());
        auto j =
            test::runDeskbase({"import", f, "--db", ws.sqlitePath(), "--table", "ids2", "--report", "json"});
        QCOMPARE(j.exitCode, 0);
        const auto report = nlohmann::json::parse(j.out);
        QCOMPARE(report["columns"][0]["type"].get<std::string>(), std::string("text"));
        QCOMPARE(report["columns"][0]["note"].get<std::string>(),
                 std::string("'12345678901234567' would be rounded as a real: kept as text"));
        QCOMPARE(report["columns"][1]["type"].get<std::string>(), std::string("real"));
        QVERIFY(!report["columns"][1].contains("note"));
        auto w = Warehouse::open(ws.sqlitePath());
        QVERIFY(w.isOk());
        QCOMPARE(test::scalarText(**w, "SELECT id FROM ids WHERE amount = 1.5"),
                 std::string("12345678901234567"));
    }

    // docs/ingestion.md: one log row per import with the file's path, size, encoding, start and
    // finish; appending content already loaded is refused unless --force.
    void ingestionLogAndForce() {
        test::TempWorkspace ws;
        const std::string content = "a\n1\n2\n";
        const auto f = ws.write("log.csv", content);
        const QString before =
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        QCOMPARE(test::runDeskbase({"import", f, "--db", ws.sqlitePath()}).exitCode, 0);
        auto again = test::runDeskbase({"import", f, "--db", ws.sqlitePath(), "--mode", "append"});
        QVERIFY(again.exitCode != 0);
        QVERIFY2(
            again.err.find("already loaded into log (use --force to load it again)") != std::string::npos,
            again.err.c_str());
        auto forced =
            test::runDeskbase({"import", f, "--db", ws.sqlitePath(), "--mode", "append", "--force"});
        QVERIFY2(forced.exitCode == 0, forced.err.c_str());
        const QString after = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));

        auto w = Warehouse::open(ws.sqlitePath());
        QVERIFY(w.isOk());
        QCOMPARE(test::scalarText(**w, "SELECT count(*) FROM log"), std::string("4"));
        QCOMPARE(test::scalarText(**w, "SELECT count(*) FROM deskbase_ingestions"),
                 std::string("2"));  // not the refused one
        for (int id : {1, 2}) {
            const std::string where = " FROM deskbase_ingestions WHERE id = " + std::to_string(id);
            QCOMPARE(test::scalarText(**w, "SELECT file_path" + where), f);
            QCOMPARE(test::scalarText(**w, "SELECT file_size" + where), std::to_string(content.size()));
            QCOMPARE(test::scalarText(**w, "SELECT encoding" + where), std::string("utf-8"));
            QCOMPARE(test::scalarText(**w, "SELECT mode" + where),
                     std::string(id == 1 ? "create" : "append"));
            const QString started =
                QString::fromStdString(test::scalarText(**w, "SELECT started_at" + where));
            const QString finished =
                QString::fromStdString(test::scalarText(**w, "SELECT finished_at" + where));
            // UTC, "YYYY-MM-DD HH:MM:SS", in order, and within this test's run.
            QVERIFY2(QDateTime::fromString(started, QStringLiteral("yyyy-MM-dd HH:mm:ss")).isValid(),
                     qPrintable(started));
            QVERIFY2(before <= started && started <= finished && finished <= after,
                     qPrintable(before + QLatin1Char(' ') + started + QLatin1Char(' ') + finished +
                                QLatin1Char(' ') + after));
        }
    }

    // --allow-rejects loads the rows that fit when more than 10% are rejected.
    void allowRejectsLoadsTheRest() {
        test::TempWorkspace ws;
        const auto f = ws.write("weather.csv", "day,weather\n1,rain\n2,3\n");
        auto r = test::runDeskbase(
            {"import", f, "--db", ws.sqlitePath(), "--type", "weather=integer", "--allow-rejects"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        QVERIFY2(r.err.find("1 rows into weather, 1 rejected (see weather__rejects)") != std::string::npos,
                 r.err.c_str());
        auto w = Warehouse::open(ws.sqlitePath());
        QVERIFY(w.isOk());
        QCOMPARE(test::scalarText(**w, "SELECT weather FROM weather"), std::string("3"));
    }

    // Issue 15: what the sniffer decided goes to stderr, one line each (an empty file loads as an
    // empty table and says so; lines before the header are skipped and named).
    void sniffNotesArePrintedOneLineEach() {
        test::TempWorkspace ws;
        auto r = test::runDeskbase({"import", test::dataFile("sniff/preamble.csv"), "--db", ws.sqlitePath()});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        QVERIFY2(r.err.find("preamble.csv: skipped 3 lines before the header (line 4), starting 'Sales report Q3'\n") !=
                     std::string::npos,
                 r.err.c_str());
        QVERIFY2(r.err.find("4 rows into preamble") != std::string::npos, r.err.c_str());
        auto e = test::runDeskbase({"import", ws.write("blank.csv", ""), "--db", ws.sqlitePath()});
        QVERIFY2(e.exitCode == 0, e.err.c_str());
        QVERIFY2(e.err.find("blank.csv: the file is empty: it loads as an empty table with one column\n") !=
                     std::string::npos,
                 e.err.c_str());
        QVERIFY2(e.err.find("0 rows into blank") != std::string::npos, e.err.c_str());
        auto m = test::runDeskbase({"import", test::dataFile("sniff/typed_misfits.csv"), "--db", ws.sqlitePath()});
        QVERIFY2(m.exitCode == 0, m.err.c_str());
        QVERIFY2(m.err.find("column day: 5 values don't fit 'date' (first: 'soon')") != std::string::npos,
                 m.err.c_str());
        QVERIFY2(m.err.find("4995 rows into typed_misfits, 5 rejected (see typed_misfits__rejects)") !=
                     std::string::npos,
                 m.err.c_str());
        // --report json carries the notes too: the sniffer's in "notes", a column's in its "note".
        auto j = test::runDeskbase({"import", test::dataFile("sniff/comments.csv"), "--db", ws.sqlitePath(),
                                    "--report", "json"});
        QVERIFY2(j.exitCode == 0, j.err.c_str());
        auto report = nlohmann::json::parse(j.out);
        QCOMPARE(report["notes"][0].get<std::string>(), std::string("lines starting with '#' are comments: skipped"));
        QCOMPARE(report["rows"].get<int>(), 3);
        auto k = test::runDeskbase({"import", test::dataFile("sniff/typed_misfits.csv"), "--db", ws.sqlitePath(),
                                    "--table", "misfits2", "--report", "json"});
        QVERIFY2(k.exitCode == 0, k.err.c_str());
        auto kr = nlohmann::json::parse(k.out);
        QCOMPARE(kr["rejected"].get<int>(), 5);
        QCOMPARE(kr["columns"][1]["note"].get<std::string>(),
                 std::string("5 values don't fit 'date' (first: 'soon'); their rows go to the rejects table"));
        QVERIFY(!kr.contains("notes"));
    }

    void badInputExitsNonZeroWithOneLine_data() {
        QTest::addColumn<QStringList>("args");  // FILE is replaced by a file of the given content
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing file") << QStringList{QStringLiteral("/nonexistent/x.csv")} << QByteArray()
                                      << QStringLiteral("cannot open");
        QTest::newRow("binary file") << QStringList{QStringLiteral("FILE")}
                                     << QByteArray(
                                            "\x7f"
                                            "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0",
                                            18)
                                     << QStringLiteral("binary");
        QTest::newRow("unknown type")
            << QStringList{QStringLiteral("FILE"), QStringLiteral("--type"), QStringLiteral("a=money")}
            << QByteArray("a\n1\n") << QStringLiteral("unknown type");
        QTest::newRow("unknown mode")
            << QStringList{QStringLiteral("FILE"), QStringLiteral("--mode"), QStringLiteral("merge")}
            << QByteArray("a\n1\n") << QStringLiteral("unknown --mode");
        QTest::newRow("no file") << QStringList{} << QByteArray() << QStringLiteral("no FILE");
        QTest::newRow("type of unknown column")
            << QStringList{QStringLiteral("FILE"), QStringLiteral("--type"), QStringLiteral("zz=integer")}
            << QByteArray("a\n1\n") << QStringLiteral("zz");
        QTest::newRow("index of unknown column")
            << QStringList{QStringLiteral("FILE"), QStringLiteral("--index"), QStringLiteral("zz")}
            << QByteArray("a\n1\n") << QStringLiteral("--index names a column the table does not have: zz");
        QTest::newRow("every row rejected by --type")
            << QStringList{QStringLiteral("FILE"), QStringLiteral("--type"),
                           QStringLiteral("weather=integer")}
            << QByteArray("day,weather\n1,rain\n2,sun\n")
            << QStringLiteral("2 of 2 rows (100%) were rejected, more than the 10% allowed");
        QTest::newRow("--index with --no-index")
            << QStringList{QStringLiteral("FILE"), QStringLiteral("--index"), QStringLiteral("a"),
                           QStringLiteral("--no-index")}
            << QByteArray("a\n1\n") << QStringLiteral("exclude each other");
        // Issue 15: an empty --table was ignored (the table was named after the file).
        QTest::newRow("empty --table")
            << QStringList{QStringLiteral("FILE"), QStringLiteral("--table"), QString()} << QByteArray("a\n1\n")
            << QStringLiteral("--table wants a name");
    }
    void badInputExitsNonZeroWithOneLine() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        test::TempWorkspace ws;
        QCOMPARE(
            test::runDeskbase({"import", ws.write("keep.csv", "k\n1\n"), "--db", ws.sqlitePath()}).exitCode,
            0);
        const auto before = snapshotOf(ws.sqlitePath());
        std::vector<std::string> argv = {"import"};
        for (const auto& a : args)
            argv.push_back(a == QStringLiteral("FILE") ? ws.write("input.csv", content.toStdString())
                                                       : a.toStdString());
        argv.insert(argv.end(), {"--db", ws.sqlitePath()});
        auto r = test::runDeskbase(argv);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.find(message.toStdString()) != std::string::npos, r.err.c_str());
        QCOMPARE(std::count(r.err.begin(), r.err.end(), '\n'), std::ptrdiff_t(1));
        QCOMPARE(snapshotOf(ws.sqlitePath()), before);
    }

    void killedMidImportLeavesWarehouseUnchanged() {
        test::TempWorkspace ws;
        QCOMPARE(test::runDeskbase({"import", ws.write("keep.csv", "k\n1\n2\n"), "--db", ws.sqlitePath()})
                     .exitCode,
                 0);
        const auto before = snapshotOf(ws.sqlitePath());
        std::string big = "id,label,value\n";
        for (int i = 0; i < 3000000; ++i)  // more than the import's 64 MB page cache holds
            big += std::to_string(i) + ",label" + std::to_string(i % 1000) + "," + std::to_string(i * 0.5) +
                   "\n";
        const auto path = ws.write("big.csv", big);

        QProcess p;
        p.start(QString::fromStdString(test::deskbaseBinary()),
                {QStringLiteral("import"), QString::fromStdString(path), QStringLiteral("--db"),
                 QString::fromStdString(ws.sqlitePath())});
        QVERIFY(p.waitForStarted());
        // Pages spill into the WAL file while the import's write transaction is open (WAL stays on
        // during imports); the commit comes after the whole load and its key index.
        const QString wal = QString::fromStdString(ws.sqlitePath()) + QStringLiteral("-wal");
        const auto spilled = [&] { return QFileInfo(wal).size() > 8 * 1024 * 1024; };
        while (!spilled() && p.state() == QProcess::Running)
            std::this_thread::sleep_for(std::chrono::microseconds(200));  // pacing, not proof
        QVERIFY2(spilled(), "the import finished before it could be killed");
        std::this_thread::sleep_for(std::chrono::milliseconds(80));
        QVERIFY(p.state() == QProcess::Running);
        p.kill();  // SIGKILL
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);

        QCOMPARE(snapshotOf(ws.sqlitePath()), before);
        auto w = Warehouse::open(ws.sqlitePath());
        QVERIFY(w.isOk());
        auto c = (*w)->query("PRAGMA integrity_check");
        std::vector<Row> rows;
        QVERIFY(c.isOk() && (*c)->fetch(rows, 10).isOk());
        QCOMPARE(valueToText(rows[0][0]), std::string("ok"));
        // And the warehouse takes the same import afterwards.
        QCOMPARE(test::runDeskbase({"import", path, "--db", ws.sqlitePath()}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(ImportCliTest)
#include "import_cli_test.moc"
