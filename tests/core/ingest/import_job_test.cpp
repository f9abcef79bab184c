// ImportJob against a real SQLite warehouse: modes, rejects, atomicity, the ingestion log.
#include "core/ingest/import_job.h"

#include <QtTest>
#include <atomic>
#include <thread>

#include "core/warehouse/warehouse.h"
#include "tests/core/ingest/sqlite_snapshot.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/test_paths.h"

using namespace deskbase;

namespace {

std::unique_ptr<Warehouse> openDb(const test::TempWorkspace& ws) {
    auto w = Warehouse::open(ws.sqlitePath());
    if (!w) qFatal("%s", w.message().c_str());
    return std::move(*w);
}

std::vector<Row> rowsOf(Warehouse& w, const std::string& sql) {
    auto c = w.query(sql);
    if (!c) qFatal("%s: %s", sql.c_str(), c.message().c_str());
    std::vector<Row> rows;
    while (true) {
        auto n = (*c)->fetch(rows, 100000);
        if (!n) qFatal("%s", n.message().c_str());
        if (*n == 0) break;
    }
    return rows;
}

std::int64_t scalar(Warehouse& w, const std::string& sql) {
    auto rows = rowsOf(w, sql);
    return rows.empty() ? -1 : std::get<std::int64_t>(rows[0][0]);
}

Result<ImportResult> importFile(Warehouse& w, const std::string& path, ImportMode mode = ImportMode::Create,
                                const std::string& table = {}) {
    ImportOptions o;
    o.path = path;
    o.mode = mode;
    o.table = table;
    ImportJob job(o);
    return job.run(w);
}

// A CSV big enough that loading takes a noticeable time.
std::string bigCsv(int rows) {
    std::string s = "id,when,amount,city\n";
    s.reserve(std::size_t(rows) * 40);
    for (int i = 0; i < rows; ++i) {
        s += std::to_string(i) + ",2020-01-" + (i % 28 + 1 < 10 ? "0" : "") + std::to_string(i % 28 + 1) +
             "," + std::to_string(i % 1000) + "." + std::to_string(i % 10) + ",city" +
             std::to_string(i % 97) + "\n";
    }
    return s;
}

}  // namespace

class ImportJobTest : public QObject {
    Q_OBJECT

private slots:
    void importsTypedTableWithDisplayNames() {
        test::TempWorkspace ws;
        const auto path = ws.write("Sales Report.csv",
                                   "Order ID,Unit Price,Shipped,Order Date,Zip\n"
                                   "1,9.5,yes,Jan 2 2021,00501\n"
                                   "2,10,no,Feb 3 2021,08123\n");
        auto w = openDb(ws);
        auto r = importFile(*w, path);
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        QCOMPARE(r->table, std::string("sales_report"));
        QCOMPARE(r->rows, std::int64_t(2));
        QCOMPARE(r->rejected, std::int64_t(0));
        const std::vector<std::pair<std::string, ColumnType>> expected = {{"order_id", ColumnType::Integer},
                                                                          {"unit_price", ColumnType::Real},
                                                                          {"shipped", ColumnType::Boolean},
                                                                          {"order_date", ColumnType::Date},
                                                                          {"zip", ColumnType::Text}};
        QCOMPARE(r->columns.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(r->columns[i].name, expected[i].first);
            QCOMPARE(int(r->columns[i].type), int(expected[i].second));
        }
        auto info = w->describeTable("sales_report");
        QVERIFY(info.isOk());
        QCOMPARE(info->columns[1].displayName, std::string("Unit Price"));
        QCOMPARE(int(info->columns[3].type), int(ColumnType::Date));
        // Dates normalized to ISO so SQL date functions work; leading zeros kept; booleans 0/1.
        auto rows = rowsOf(*w,
                           "SELECT strftime('%m', order_date), zip, shipped, typeof(unit_price) FROM "
                           "sales_report ORDER BY order_id");
        QCOMPARE(valueToText(rows[0][0]), std::string("01"));
        QCOMPARE(valueToText(rows[1][1]), std::string("08123"));
        QCOMPARE(valueToText(rows[0][2]), std::string("true"));
        QCOMPARE(valueToText(rows[1][3]), std::string("real"));
    }

    void createRefusesExistingTable() {
        test::TempWorkspace ws;
        const auto path = ws.write("t.csv", "a,b\n1,2\n");
        auto w = openDb(ws);
        QVERIFY(importFile(*w, path).isOk());
        auto again = importFile(*w, path);
        QVERIFY(!again.isOk());
        QVERIFY2(again.message().find("already exists") != std::string::npos, again.message().c_str());
    }

    void replaceSwapsTableAndRejects() {
        test::TempWorkspace ws;
        auto w = openDb(ws);
        ImportOptions first;  // 1 of 2 rows rejected: over the 10% an import accepts by default
        first.path = ws.write("t.csv", "a,b\n1,2\n3\n");
        first.allowRejects = true;
        QVERIFY(ImportJob(first).run(*w).isOk());
        QCOMPARE(scalar(*w, "SELECT count(*) FROM t__rejects"), std::int64_t(1));
        auto r = importFile(*w, ws.write("t.csv", "a,c\nx,1\ny,2\nz,3\n"), ImportMode::Replace);
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        QCOMPARE(scalar(*w, "SELECT count(*) FROM t"), std::int64_t(3));
        auto tables = w->tableExists("t__rejects");
        QVERIFY(tables.isOk() && !*tables);  // the old rejects belonged to the old data
        QCOMPARE(w->describeTable("t")->columns[1].name, std::string("c"));
    }

    void appendMatchesColumnsByName() {
        test::TempWorkspace ws;
        auto w = openDb(ws);
        QVERIFY(importFile(*w, ws.write("t.csv", "a,b\n1,x\n")).isOk());
        auto r = importFile(*w, ws.write("more.csv", "b,a\ny,2\nz,3\n"), ImportMode::Append, "t");
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        auto rows = rowsOf(*w, "SELECT a, b FROM t ORDER BY a");
        QCOMPARE(rows.size(), std::size_t(3));
        QCOMPARE(valueToText(rows[2][0]), std::string("3"));
        QCOMPARE(valueToText(rows[2][1]), std::string("z"));
    }

    void appendWithDifferentColumnsNamesThem() {
        test::TempWorkspace ws;
        auto w = openDb(ws);
        QVERIFY(importFile(*w, ws.write("t.csv", "a,b\n1,x\n")).isOk());
        const auto before = test::snapshot(*w);
        auto r = importFile(*w, ws.write("other.csv", "a,c\n1,2\n"), ImportMode::Append, "t");
        QVERIFY(!r.isOk());
        QVERIFY2(r.message().find("missing in the file: b") != std::string::npos, r.message().c_str());
        QVERIFY2(r.message().find("not in the table: c") != std::string::npos, r.message().c_str());
        QCOMPARE(test::snapshot(*w), before);
    }

    void appendingSameContentTwiceIsRefusedUnlessForced() {
        test::TempWorkspace ws;
        auto w = openDb(ws);
        const auto path = ws.write("t.csv", "a\n1\n2\n");
        QVERIFY(importFile(*w, path).isOk());
        auto dup = importFile(*w, path, ImportMode::Append);
        QVERIFY(!dup.isOk());
        QVERIFY2(dup.message().find("already loaded") != std::string::npos, dup.message().c_str());
        ImportOptions o;
        o.path = path;
        o.mode = ImportMode::Append;
        o.force = true;
        ImportJob forced(o);
        QVERIFY(forced.run(*w).isOk());
        QCOMPARE(scalar(*w, "SELECT count(*) FROM t"), std::int64_t(4));
        QCOMPARE(scalar(*w, "SELECT count(*) FROM deskbase_ingestions WHERE table_name = 't'"),
                 std::int64_t(2));
    }

    void rejectsKeepLineNumbersReasonsAndRawText() {
        test::TempWorkspace ws;
        // Line 3 holds a quoted newline, so the short row is on line 5 and the bad integer on line 6.
        const auto path = ws.write("r.csv",
                                   "id,name,score\n"
                                   "1,\"multi\nline\",10\n"
                                   "2,bob,20\n"
                                   "3,short\n"
                                   "4,carl,abc\n"
                                   "5,dora,50\n");
        ImportOptions o;
        o.path = path;
        o.typeOverrides = {{"score", ColumnType::Integer}};
        o.allowRejects = true;  // 2 of 5 rows: more than the 10% an import accepts by default
        ImportJob job(o);
        auto w = openDb(ws);
        auto r = job.run(*w);
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        QCOMPARE(r->rows, std::int64_t(3));
        QCOMPARE(r->rejected, std::int64_t(2));
        QCOMPARE(r->rows + r->rejected, std::int64_t(5));  // every data line accounted for
        auto rej = rowsOf(*w, "SELECT line, reason, raw FROM r__rejects ORDER BY line");
        QCOMPARE(rej.size(), std::size_t(2));
        QCOMPARE(valueToText(rej[0][0]), std::string("5"));
        QVERIFY2(valueToText(rej[0][1]).find("expected 3 fields, found 2") != std::string::npos,
                 valueToText(rej[0][1]).c_str());
        QCOMPARE(valueToText(rej[0][2]), std::string("3,short"));
        QCOMPARE(valueToText(rej[1][0]), std::string("6"));
        QVERIFY2(valueToText(rej[1][1]).find("score") != std::string::npos, valueToText(rej[1][1]).c_str());
        QCOMPARE(scalar(*w, "SELECT rows_rejected FROM deskbase_ingestions"), std::int64_t(2));
    }

    void cancelMidImportLeavesWarehouseUnchanged() {
        test::TempWorkspace ws;
        auto w = openDb(ws);
        QVERIFY(importFile(*w, ws.write("keep.csv", "x\n1\n")).isOk());
        const auto before = test::snapshot(*w);
        const auto path = ws.write("big.csv", bigCsv(600000));
        ImportOptions o;
        o.path = path;
        ImportJob job(o);
        std::atomic<double> lastFraction{0};
        // Cancel from another thread once loading is under way.
        std::thread canceller([&] {
            while (lastFraction.load() < 0.4) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            job.cancel();
        });
        auto r = job.run(*w, [&](const ImportProgress& p) { lastFraction.store(p.fraction); });
        lastFraction.store(1.0);
        canceller.join();
        QVERIFY(!r.isOk());
        QCOMPARE(r.message(), std::string("cancelled"));
        QCOMPARE(test::snapshot(*w), before);
        QCOMPARE(scalar(*w, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"),
                 std::int64_t(1));
    }

    // SQLite's max_page_count makes the file "full" the same way a full disk does (SQLITE_FULL).
    void fullDiskFailsInOneLineAndChangesNothing() {
        test::TempWorkspace ws;
        auto w = openDb(ws);
        QVERIFY(importFile(*w, ws.write("keep.csv", "x\n1\n")).isOk());
        const auto before = test::snapshot(*w);
        const std::int64_t pages = scalar(*w, "PRAGMA page_count");
        QVERIFY(w->execute("PRAGMA max_page_count = " + std::to_string(pages + 16)).isOk());
        const auto path = ws.write("big.csv", bigCsv(100000));
        auto r = importFile(*w, path);
        QVERIFY(!r.isOk());
        QVERIFY2(r.message().find("full") != std::string::npos, r.message().c_str());
        QVERIFY(r.message().find('\n') == std::string::npos);
        QCOMPARE(test::snapshot(*w), before);
        QCOMPARE(scalar(*w, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"),
                 std::int64_t(1));
        // Room again: the same import goes through, nothing left behind stands in its way.
        QVERIFY(w->execute("PRAGMA max_page_count = 1073741823").isOk());
        auto again = importFile(*w, path);
        QVERIFY2(again.isOk(), again.isOk() ? "" : again.message().c_str());
        QCOMPARE(again->rows, std::int64_t(100000));
    }

    void progressIsMonotonicAndEndsAtOne() {
        test::TempWorkspace ws;
        auto w = openDb(ws);
        std::vector<double> seen;
        ImportOptions o;
        o.path = ws.write("p.csv", bigCsv(200000));
        ImportJob job(o);
        auto r = job.run(*w, [&](const ImportProgress& p) { seen.push_back(p.fraction); });
        QVERIFY(r.isOk());
        QVERIFY(seen.size() >= 2);
        for (std::size_t i = 1; i < seen.size(); ++i) QVERIFY(seen[i] >= seen[i - 1]);
        QCOMPARE(seen.back(), 1.0);
        QCOMPARE(r->rows, std::int64_t(200000));
    }

    void importBumpsDataVersion() {
        test::TempWorkspace ws;
        auto w = openDb(ws);
        QCOMPARE(*w->dataVersion("v"), std::int64_t(0));
        QVERIFY(importFile(*w, ws.write("v.csv", "a\n1\n")).isOk());
        QCOMPARE(*w->dataVersion("v"), std::int64_t(1));
        QVERIFY(importFile(*w, ws.write("v.csv", "a\n2\n"), ImportMode::Replace).isOk());
        QCOMPARE(*w->dataVersion("v"), std::int64_t(2));
    }

    // Issue 15: empty and header-only files load as empty tables (as DuckDB reads them).
    void emptyAndHeaderOnlyFilesLoadAsEmptyTables() {
        test::TempWorkspace ws;
        auto w = openDb(ws);
        for (const char* bytes : {"", "  \n\n "}) {
            auto r = importFile(*w, ws.write("blank.csv", bytes), ImportMode::Replace);
            QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
            QCOMPARE(r->rows, std::int64_t(0));
            QCOMPARE(r->columns.size(), std::size_t(1));
            QCOMPARE(r->columns[0].name, std::string("column_1"));
            QVERIFY(!r->sniff.notes.empty());
            QCOMPARE(scalar(*w, "SELECT COUNT(*) FROM blank"), std::int64_t(0));
        }
        auto h = importFile(*w, test::dataFile("sniff/header_only.csv"));
        QVERIFY2(h.isOk(), h.isOk() ? "" : h.message().c_str());
        QCOMPARE(h->rows, std::int64_t(0));
        QCOMPARE(h->columns.size(), std::size_t(3));
        QCOMPARE(scalar(*w, "SELECT COUNT(*) FROM header_only"), std::int64_t(0));
    }

    // Issue 15: 5 bad dates in 5000 keep the column a date; those rows are rejected with the reason.
    void aFewBadValuesAreRejectedNotTheColumnsType() {
        test::TempWorkspace ws;
        auto w = openDb(ws);
        auto r = importFile(*w, test::dataFile("sniff/typed_misfits.csv"));
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        QCOMPARE(r->columns[1].type, ColumnType::Date);
        QCOMPARE(r->rows, std::int64_t(4995));
        QCOMPARE(r->rejected, std::int64_t(5));
        QCOMPARE(r->notes[1], std::string("5 values don't fit 'date' (first: 'soon'); their rows go to the rejects table"));
        QCOMPARE(scalar(*w, "SELECT MIN(line) FROM typed_misfits__rejects"), std::int64_t(701));
        auto reasons = rowsOf(*w, "SELECT reason FROM typed_misfits__rejects WHERE line = 701");
        QCOMPARE(std::get<std::string>(reasons[0][0]), std::string("column day: 'soon' is not a date"));
    }

    // Issue 15: a stray quote rejects its row, not the rows after it nor the file.
    void aStrayQuoteRejectsItsRowOnly() {
        test::TempWorkspace ws;
        auto w = openDb(ws);
        auto r = importFile(*w, test::dataFile("sniff/stray_quotes.csv"));
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        QCOMPARE(r->rows, std::int64_t(6));
        QCOMPARE(r->rejected, std::int64_t(1));
        QCOMPARE(scalar(*w, "SELECT line FROM stray_quotes__rejects"), std::int64_t(7));
    }

    void badInputFailsAndChangesNothing_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
                                << QStringLiteral("binary");
        // A BOM promises UTF-8: a Latin-1 byte later is an error, not a silent re-read as 1252.
        QTest::newRow("utf-8 bom, then latin-1")
            << QByteArray("\xef\xbb\xbfname\nAnn\nRen\xe9\n") << QStringLiteral("byte-order mark");
    }
    void badInputFailsAndChangesNothing() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        test::TempWorkspace ws;
        auto w = openDb(ws);
        QVERIFY(importFile(*w, ws.write("keep.csv", "x\n1\n")).isOk());
        const auto before = test::snapshot(*w);
        auto r = importFile(*w, ws.write("bad.csv", bytes.toStdString()));
        QVERIFY(!r.isOk());
        QVERIFY2(r.message().find(expected.toStdString()) != std::string::npos, r.message().c_str());
        QVERIFY(r.message().find('\n') == std::string::npos);  // one line
        QCOMPARE(test::snapshot(*w), before);
    }

    void jsonImportFlattensNestedObjects() {
        test::TempWorkspace ws;
        auto w = openDb(ws);
        auto r = importFile(
            *w,
            ws.write("people.json", R"([{"name":"a","address":{"city":"Oslo","zip":"0150"},"tags":["x","y"]},
                                                            {"name":"b","age":30}])"));
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        auto rows = rowsOf(*w, "SELECT name, address_city, address_zip, tags, age FROM people ORDER BY name");
        QCOMPARE(valueToText(rows[0][1]), std::string("Oslo"));
        QCOMPARE(valueToText(rows[0][2]), std::string("0150"));
        QCOMPARE(valueToText(rows[0][3]), std::string(R"(["x","y"])"));
        QVERIFY(isNull(rows[0][4]));
        QCOMPARE(valueToText(rows[1][4]), std::string("30"));
    }

    // Loading starts with types guessed from the first rows; these files prove the guess is
    // checked against the whole file and the load redone when it was wrong.
    void lateRealWidensIntegerColumn() {
        test::TempWorkspace ws;
        std::string csv = "n,label\n";
        for (int i = 0; i < 50000; ++i) csv += std::to_string(i) + ",x" + std::to_string(i) + "\n";
        csv += "2.5,late\n";
        auto w = openDb(ws);
        auto r = importFile(*w, ws.write("late.csv", csv));
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        QCOMPARE(int(r->columns[0].type), int(ColumnType::Real));
        QCOMPARE(r->rows, std::int64_t(50001));
        QCOMPARE(r->rejected, std::int64_t(0));
        QCOMPARE(valueToText(rowsOf(*w, "SELECT typeof(n) FROM late WHERE label = 'x7'")[0][0]),
                 std::string("real"));
    }

    void lateJsonKeyAddsColumn() {
        test::TempWorkspace ws;
        std::string nd;
        for (int i = 0; i < 30000; ++i) nd += "{\"id\":" + std::to_string(i) + "}\n";
        nd += "{\"id\":30000,\"extra\":\"hello\"}\n";
        auto w = openDb(ws);
        auto r = importFile(*w, ws.write("late.ndjson", nd));
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        QCOMPARE(r->columns.size(), std::size_t(2));
        QCOMPARE(scalar(*w, "SELECT count(extra) FROM late"), std::int64_t(1));
        QCOMPARE(scalar(*w, "SELECT count(*) FROM late"), std::int64_t(30001));
    }

    void lateInvalidUtf8IsReadAsWindows1252() {
        test::TempWorkspace ws;
        std::string csv = "city,n\n";
        for (int i = 0; i < 40000; ++i) csv += "Oslo," + std::to_string(i) + "\n";
        csv += "Caf\xE9,40000\n";  // Windows-1252 'é', invalid as UTF-8, far past the sniffed head
        auto w = openDb(ws);
        auto r = importFile(*w, ws.write("cities.csv", csv));
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        QCOMPARE(int(r->sniff.encoding), int(TextEncoding::Windows1252));
        QCOMPARE(valueToText(rowsOf(*w, "SELECT city FROM cities WHERE n = 40000")[0][0]),
                 std::string("Caf\xC3\xA9"));
        QCOMPARE(scalar(*w, "SELECT count(*) FROM cities"), std::int64_t(40001));
    }

    void semicolonFileReadsDecimalCommas() {
        test::TempWorkspace ws;
        auto w = openDb(ws);
        auto r = importFile(*w, ws.write("eu.csv", "Produkt;Preis;Menge\nA;1,5;3\nB;12,25;4\n"));
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        QCOMPARE(int(r->columns[1].type), int(ColumnType::Real));
        QCOMPARE(valueToText(rowsOf(*w, "SELECT sum(preis) FROM eu")[0][0]), std::string("13.75"));
        // In a comma-delimited file a comma is never a decimal separator.
        auto c = importFile(*w, ws.write("us.csv", "name,amount\nx,\"1,5\"\n"));
        QVERIFY(c.isOk());
        QCOMPARE(int(c->columns[1].type), int(ColumnType::Text));
    }

    void reservedTableNamesAreRefused_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("bookkeeping") << QStringLiteral("deskbase_columns.csv");
        QTest::newRow("sqlite internal") << QStringLiteral("sqlite_master.csv");
    }
    void reservedTableNamesAreRefused() {
        QFETCH(QString, file);
        test::TempWorkspace ws;
        auto w = openDb(ws);
        auto r = importFile(*w, ws.write(file.toStdString(), "id\n1\n"));
        QVERIFY(!r.isOk());
        QVERIFY2(r.message().find("reserved") != std::string::npos, r.message().c_str());
    }

    // Regression: with another connection open the journal switch waited out the whole busy
    // timeout (10 s) before the import went on in WAL mode. Here the importer's busy timeout is
    // endless and the reader holds a read transaction until the import returns: an import that
    // waits for the lock again never returns (and hangs here until ctest's timeout).
    void importWithAnotherConnectionOpenDoesNotWait() {
        test::TempWorkspace ws;
        auto w = openDb(ws);
        QVERIFY(w->execute("PRAGMA busy_timeout = 2147483647").isOk());
        auto reader = openDb(ws);
        for (const char* name : {"a.csv", "b.csv"}) {
            QVERIFY(reader->execute("BEGIN").isOk());
            QVERIFY(scalar(*reader, "SELECT count(*) FROM sqlite_schema") >= 0);  // holds a read lock now
            auto r = importFile(*w, ws.write(name, "y\n2\n3\n"));
            QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
            // The import returned while the reader's lock was still held.
            QVERIFY(reader->execute("COMMIT").isOk());
            QCOMPARE(scalar(*reader, std::string("SELECT count(*) FROM ") + (name[0] == 'a' ? "a" : "b")),
                     std::int64_t(2));
        }
        QCOMPARE(valueToText(rowsOf(*w, "PRAGMA journal_mode")[0][0]), std::string("wal"));
    }

    // Regression: `--type weather=integer` on a text column exited 0 with every row rejected. A
    // load that rejects more than 10% of its rows fails, commits nothing and says why in one line,
    // unless rejects are allowed; a few bad values in a big file still load.
    void tooManyRejectsFailUnlessAllowed_data() {
        QTest::addColumn<int>("good");
        QTest::addColumn<int>("bad");
        QTest::addColumn<bool>("allow");
        QTest::addColumn<bool>("loads");
        QTest::newRow("every row rejected") << 0 << 3 << false << false;
        QTest::newRow("every row rejected, allowed") << 0 << 3 << true << true;
        QTest::newRow("a handful in a big file") << 9995 << 5 << false << true;
        QTest::newRow("one bad row of four (under 10 rejects)") << 3 << 1 << false << true;
        QTest::newRow("9 of 10 rejected (under 10 rejects, some load)") << 1 << 9 << false << true;
        QTest::newRow("exactly 10%") << 90 << 10 << false << true;
        QTest::newRow("just over 10%") << 89 << 11 << false << false;
        QTest::newRow("just over 10%, allowed") << 89 << 11 << true << true;
    }
    void tooManyRejectsFailUnlessAllowed() {
        QFETCH(int, good);
        QFETCH(int, bad);
        QFETCH(bool, allow);
        QFETCH(bool, loads);
        test::TempWorkspace ws;
        auto w = openDb(ws);
        QVERIFY(importFile(*w, ws.write("keep.csv", "k\n1\n")).isOk());
        const std::string before = test::snapshot(*w);
        std::string csv = "day,weather\n";
        for (int i = 0; i < bad; ++i) csv += std::to_string(i) + ",rain\n";  // the first rows: line 2 is bad
        for (int i = 0; i < good; ++i) csv += std::to_string(bad + i) + "," + std::to_string(i) + "\n";
        ImportOptions o;
        o.path = ws.write("weather.csv", csv);
        o.typeOverrides = {{"weather", ColumnType::Integer}};
        o.allowRejects = allow;
        ImportJob job(o);
        auto r = job.run(*w);
        QCOMPARE(r.isOk(), loads);
        QCOMPARE(job.refusedForRejects(), !loads);
        if (loads) {
            QCOMPARE(r->rows, std::int64_t(good));
            QCOMPARE(r->rejected, std::int64_t(bad));
            QCOMPARE(scalar(*w, "SELECT count(*) FROM weather__rejects"), std::int64_t(bad));
            return;
        }
        const std::string share = std::to_string((bad * 100 + (good + bad) / 2) / (good + bad)) + "%";
        const std::string expected = std::to_string(bad) + " of " + std::to_string(good + bad) + " rows (" +
                                     share + ") were rejected, more than the 10% allowed (first: line 2, ";
        QVERIFY2(r.message().rfind(expected, 0) == 0, r.message().c_str());
        QVERIFY2(r.message().find("weather") != std::string::npos, r.message().c_str());
        QVERIFY2(r.message().find("--allow-rejects") != std::string::npos, r.message().c_str());
        QVERIFY(r.message().find('\n') == std::string::npos);
        QCOMPARE(test::snapshot(*w), before);  // nothing committed, no rejects table
    }

    void realFilesFromTestData() {
        test::TempWorkspace ws;
        auto w = openDb(ws);
        auto weather = importFile(*w, test::dataFile("seattle-weather.csv"));
        QVERIFY(weather.isOk());
        QCOMPARE(weather->rows, std::int64_t(1461));
        QCOMPARE(int(weather->columns[0].type), int(ColumnType::Date));
        QCOMPARE(scalar(*w, "SELECT count(DISTINCT strftime('%Y', date)) FROM seattle_weather"),
                 std::int64_t(4));
        auto cars = importFile(*w, test::dataFile("cars.json"));
        QVERIFY(cars.isOk());
        QCOMPARE(cars->rows, std::int64_t(406));
        QCOMPARE(scalar(*w, "SELECT count(*) FROM cars WHERE miles_per_gallon IS NULL"), std::int64_t(8));
    }
};

QTEST_GUILESS_MAIN(ImportJobTest)
#include "import_job_test.moc"
