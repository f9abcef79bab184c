// Ingestion through ImportJob, the same on every backend: native types, rejects, atomicity,
// append/replace, the ingestion log, and the command line.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/ingest/import_job.h"
#include "tests/core/warehouse/conformance/conformance_test.h"

namespace deskbase::test {

namespace {

Result<ImportResult> importFile(Warehouse& w, const std::string& path, ImportMode mode = ImportMode::Create,
                                const std::string& table = {}, bool force = false) {
    ImportOptions o;
    o.path = path;
    o.mode = mode;
    o.table = table;
    o.force = force;
    ImportJob job(o);
    return job.run(w);
}

std::string bigCsv(int rows) {
    std::string s = "id,when,amount,city\n";
    s.reserve(std::size_t(rows) * 40);
    for (int i = 0; i < rows; ++i)
        s += std::to_string(i) + ",2020-01-" + (i % 28 + 1 < 10 ? "0" : "") + std::to_string(i % 28 + 1) +
             "," + std::to_string(i % 1000) + "." + std::to_string(i % 10) + ",city" +
             std::to_string(i % 97) + "\n";
    return s;
}

std::int64_t intOf(const Result<Value>& v) {
    if (!v) return -1;
    if (auto* i = std::get_if<std::int64_t>(&*v)) return *i;
    return -2;
}

// An import on a connection of its own, in a thread. With `hold`, it stops inside its
// transaction (at its first Loading report: the duplicate check passed, its locks held) until
// release(). The test thread waits for what the import reports, never for a time.
class ImportThread {
public:
    ImportThread(std::string target, ImportOptions options, bool hold)
        : target_(std::move(target)), options_(std::move(options)), hold_(hold) {}
    ~ImportThread() {
        release();
        if (thread_.joinable()) thread_.join();
    }
    void start() {
        thread_ = std::thread([this] {
            Result<ImportResult> r = Error{"not run"};
            if (auto w = Warehouse::open(target_); !w) {
                r = Error{w.message()};
            } else {
                ImportJob job(options_);
                r = job.run(**w, [this](const ImportProgress& p) { onProgress(p); });
            }
            std::lock_guard lock(m_);
            result_ = std::move(r);
            done_ = true;
            cv_.notify_all();
        });
    }
    // Until it holds its transaction open (true), or it returned without getting there (false).
    bool waitUntilHeld() {
        std::unique_lock lock(m_);
        cv_.wait(lock, [&] { return held_ || done_; });
        return held_ && !done_;
    }
    // Until it waits for another import's turn (true), or it returned (false).
    bool waitUntilWaiting() {
        std::unique_lock lock(m_);
        cv_.wait(lock, [&] { return waiting_ || done_; });
        return waiting_;
    }
    void release() {
        std::lock_guard lock(m_);
        released_ = true;
        cv_.notify_all();
    }
    Result<ImportResult> join() {
        thread_.join();
        return std::move(result_);
    }

private:
    void onProgress(const ImportProgress& p) {
        std::unique_lock lock(m_);
        if (p.stage == ImportStage::Waiting) waiting_ = true;
        if (p.stage == ImportStage::Loading && hold_ && !held_) {
            held_ = true;
            cv_.notify_all();
            cv_.wait(lock, [&] { return released_; });
        }
        cv_.notify_all();
    }

    std::string target_;
    ImportOptions options_;
    bool hold_;
    std::thread thread_;
    std::mutex m_;
    std::condition_variable cv_;
    bool held_ = false, waiting_ = false, released_ = false, done_ = false;
    Result<ImportResult> result_ = Error{"not run"};
};

ImportOptions appendOptions(const std::string& path, const std::string& table) {
    ImportOptions o;
    o.path = path;
    o.mode = ImportMode::Append;
    o.table = table;
    return o;
}

}  // namespace

std::string snapshot(Warehouse& w, BackendFixture::Kind kind) {
    const std::string listSql =
        kind == BackendFixture::Kind::SQLite
            ? "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name"
            : "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY "
              "1";
    auto tables = allRows(w, listSql);
    if (!tables) return "error: " + tables.message();
    std::string out;
    for (const auto& t : *tables) {
        const std::string name = valueToText(t[0]);
        out += "table " + name + " (";
        auto info = w.describeTable(name);
        if (!info) return "error: " + info.message();
        for (std::size_t i = 0; i < info->columns.size(); ++i)
            out += info->columns[i].name + " " + info->nativeTypes[i] + ", ";
        out += ")\n";
        auto rows = allRows(w, "SELECT * FROM " + w.quoteIdentifier(name));
        if (!rows) return "error: " + rows.message();
        std::vector<std::string> lines;
        for (const auto& r : *rows) {
            std::string line;
            for (const auto& v : r) line += show(v) + "|";
            lines.push_back(std::move(line));
        }
        std::sort(lines.begin(), lines.end());
        for (const auto& l : lines) out += "  " + l + "\n";
    }
    return out;
}

void ConformanceTest::importStoresNativeTypes() {
    TempWorkspace ws;
    const auto path = ws.write("Sales Report.csv",
                               "Order ID,Unit Price,Shipped,Order Date,Shipped At,City,Zip\n"
                               "1,9.5,yes,2021-01-02,2021-01-02 10:00:00,Paris,00501\n"
                               "2,10,no,Feb 3 2021,2021-02-03 11:30:00,Zürich,08123\n");
    auto r = importFile(*w_, path);
    REQUIRE_OK(r);
    QCOMPARE(r->table, std::string("sales_report"));
    QCOMPARE(r->rows, std::int64_t(2));
    QCOMPARE(r->rejected, std::int64_t(0));

    auto info = w_->describeTable("sales_report");
    REQUIRE_OK(info);
    const std::vector<ColumnType> types = {ColumnType::Integer, ColumnType::Real,     ColumnType::Boolean,
                                           ColumnType::Date,    ColumnType::DateTime, ColumnType::Text,
                                           ColumnType::Text};
    const std::vector<std::string> native =
        backend_.isPostgres()
            ? std::vector<std::string>{"bigint",
                                       "double precision",
                                       "boolean",
                                       "date",
                                       "timestamp without time zone",
                                       "text",
                                       "text"}
            : std::vector<std::string>{"INTEGER", "REAL", "BOOLEAN", "DATE", "DATETIME", "TEXT", "TEXT"};
    QCOMPARE(info->columns.size(), types.size());
    for (std::size_t i = 0; i < types.size(); ++i) {
        QVERIFY2(info->columns[i].type == types[i], info->columns[i].name.c_str());
        QCOMPARE(info->nativeTypes[i], native[i]);
    }
    QCOMPARE(info->columns[0].name, std::string("order_id"));
    QCOMPARE(info->columns[0].displayName, std::string("Order ID"));

    auto rows = allRows(*w_, "SELECT * FROM sales_report ORDER BY order_id");
    REQUIRE_OK(rows);
    const std::vector<Row> expected = {
        {std::int64_t(1), 9.5, true, std::string("2021-01-02"), std::string("2021-01-02 10:00:00"),
         std::string("Paris"), std::string("00501")},
        {std::int64_t(2), 10.0, false, std::string("2021-02-03"), std::string("2021-02-03 11:30:00"),
         std::string("Zürich"), std::string("08123")}};
    QCOMPARE(rows->size(), expected.size());
    for (std::size_t r2 = 0; r2 < expected.size(); ++r2)
        for (std::size_t c = 0; c < expected[r2].size(); ++c)
            QVERIFY2((*rows)[r2][c] == expected[r2][c],
                     ("row " + std::to_string(r2) + " col " + std::to_string(c) + ": " + show((*rows)[r2][c]))
                         .c_str());
    // Dates compare as dates (ISO order) with a bound value.
    auto later = scalar(*w_, "SELECT count(*) FROM sales_report WHERE order_date >= " + w_->placeholder(1),
                        {Value{std::string("2021-02-01")}});
    QCOMPARE(intOf(later), std::int64_t(1));
}

void ConformanceTest::importsJsonWithNativeTypes() {
    TempWorkspace ws;
    const auto path =
        ws.write("people.json",
                 R"([{"name":"a","address":{"city":"Oslo","zip":"0150"},"tags":["x","y"],"born":"1990-05-01"},
                                   {"name":"b","age":30,"vip":true,"score":2.5,"born":"1985-12-24"}])");
    auto r = importFile(*w_, path);
    REQUIRE_OK(r);
    QCOMPARE(r->rows, std::int64_t(2));
    auto rows = allRows(*w_,
                        "SELECT name, address_city, address_zip, tags, age, vip, score, born FROM people "
                        "ORDER BY name");
    REQUIRE_OK(rows);
    QCOMPARE(rows->size(), std::size_t(2));
    const std::vector<Row> expected = {
        {std::string("a"), std::string("Oslo"), std::string("0150"), std::string(R"(["x","y"])"), Value{},
         Value{}, Value{}, std::string("1990-05-01")},
        {std::string("b"), Value{}, Value{}, Value{}, std::int64_t(30), true, 2.5,
         std::string("1985-12-24")}};
    for (std::size_t r2 = 0; r2 < expected.size(); ++r2)
        for (std::size_t c = 0; c < expected[r2].size(); ++c)
            QVERIFY2((*rows)[r2][c] == expected[r2][c],
                     ("row " + std::to_string(r2) + " col " + std::to_string(c) + ": " + show((*rows)[r2][c]))
                         .c_str());
}

void ConformanceTest::importKeepsRejectsWithLineNumbers() {
    TempWorkspace ws;
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
    auto r = job.run(*w_);
    REQUIRE_OK(r);
    QCOMPARE(r->rows, std::int64_t(3));
    QCOMPARE(r->rejected, std::int64_t(2));
    QCOMPARE(r->rejectsTable, std::string("r__rejects"));
    auto rej = allRows(*w_, "SELECT line, reason, raw FROM r__rejects ORDER BY line");
    REQUIRE_OK(rej);
    QCOMPARE(rej->size(), std::size_t(2));
    QVERIFY2((*rej)[0][0] == Value{std::int64_t(5)}, show((*rej)[0][0]).c_str());
    QVERIFY2(valueToText((*rej)[0][1]).find("expected 3 fields, found 2") != std::string::npos,
             valueToText((*rej)[0][1]).c_str());
    QCOMPARE(valueToText((*rej)[0][2]), std::string("3,short"));
    QVERIFY2((*rej)[1][0] == Value{std::int64_t(6)}, show((*rej)[1][0]).c_str());
    QVERIFY2(valueToText((*rej)[1][1]).find("score") != std::string::npos, valueToText((*rej)[1][1]).c_str());
    auto multi = scalar(*w_, "SELECT name FROM r WHERE id = 1");
    REQUIRE_OK(multi);
    QVERIFY2(*multi == Value{std::string("multi\nline")}, show(*multi).c_str());
    QCOMPARE(intOf(scalar(*w_, "SELECT rows_rejected FROM deskbase_ingestions")), std::int64_t(2));
}

void ConformanceTest::cancelledImportLeavesWarehouseUnchanged() {
    TempWorkspace ws;
    REQUIRE_OK(importFile(*w_, ws.write("keep.csv", "x\n1\n")));
    REQUIRE_OK(importFile(*w_, ws.write("big.csv", "id\n7\n")));  // replaced below, then cancelled
    const std::string before = snapshot(*w_, backend_.kind());
    QVERIFY2(before.find("error") == std::string::npos, before.c_str());

    ImportOptions o;
    o.path = ws.write("big.csv", bigCsv(600000));
    o.mode = ImportMode::Replace;
    ImportJob job(o);
    std::atomic<double> lastFraction{0};
    std::thread canceller([&] {  // cancel from another thread once loading is under way
        while (lastFraction.load() < 0.4) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        job.cancel();
    });
    auto r = job.run(*w_, [&](const ImportProgress& p) { lastFraction.store(p.fraction); });
    lastFraction.store(1.0);
    canceller.join();
    QVERIFY(!r);
    QCOMPARE(r.message(), std::string("cancelled"));
    QCOMPARE(snapshot(*w_, backend_.kind()), before);
    auto version = w_->dataVersion("big");
    REQUIRE_OK(version);
    QCOMPARE(*version, std::int64_t(1));
}

void ConformanceTest::lateTypeChangeRedoesTheLoad() {
    // The load starts with types guessed from the first rows; a real far down the file makes
    // the import reload the staging table with the whole file's types.
    TempWorkspace ws;
    std::string csv = "n,when\n";
    for (int i = 0; i < 60000; ++i) csv += std::to_string(i) + ",2020-01-02 03:04:05\n";
    csv += "0.5,2020-01-02 03:04:05\n";
    auto r = importFile(*w_, ws.write("late.csv", csv));
    REQUIRE_OK(r);
    QCOMPARE(r->rows, std::int64_t(60001));
    QCOMPARE(r->rejected, std::int64_t(0));
    auto info = w_->describeTable("late");
    REQUIRE_OK(info);
    QVERIFY(info->columns.at(0).type == ColumnType::Real);
    QVERIFY(info->columns.at(1).type == ColumnType::DateTime);
    auto sum = scalar(*w_, "SELECT sum(n) FROM late");
    REQUIRE_OK(sum);
    QVERIFY2(*sum == Value{59999.0 * 60000.0 / 2 + 0.5}, show(*sum).c_str());
    auto tables = w_->listTables();
    REQUIRE_OK(tables);
    QCOMPARE(tables->size(), std::size_t(1));
}

void ConformanceTest::appendAndReplace() {
    TempWorkspace ws;
    const auto first = ws.write("t.csv", "id,label\n1,a\n2,b\n");
    REQUIRE_OK(importFile(*w_, first));
    const auto second = ws.write("t2.csv", "label,id\nc,3\nd,4\n");  // columns matched by name
    REQUIRE_OK(importFile(*w_, second, ImportMode::Append, "t"));
    QCOMPARE(intOf(scalar(*w_, "SELECT count(*) FROM t")), std::int64_t(4));
    QCOMPARE(intOf(scalar(*w_, "SELECT CAST(sum(id) AS BIGINT) FROM t")), std::int64_t(10));

    auto again = importFile(*w_, second, ImportMode::Append, "t");
    QVERIFY(!again);
    QVERIFY2(again.message().find("already loaded") != std::string::npos, again.message().c_str());
    REQUIRE_OK(importFile(*w_, second, ImportMode::Append, "t", /*force=*/true));
    QCOMPARE(intOf(scalar(*w_, "SELECT count(*) FROM t")), std::int64_t(6));

    auto create = importFile(*w_, first);
    QVERIFY(!create);
    QVERIFY2(create.message().find("already exists") != std::string::npos, create.message().c_str());

    const auto replacement = ws.write("t.csv", "id,label,extra\n9,z,true\n");
    auto replaced = importFile(*w_, replacement, ImportMode::Replace);
    REQUIRE_OK(replaced);
    auto info = w_->describeTable("t");
    REQUIRE_OK(info);
    QCOMPARE(info->columns.size(), std::size_t(3));
    QVERIFY(info->columns[2].type == ColumnType::Boolean);
    QCOMPARE(intOf(scalar(*w_, "SELECT count(*) FROM t")), std::int64_t(1));
    auto tables = w_->listTables();
    REQUIRE_OK(tables);
    QCOMPARE(tables->size(), std::size_t(1));  // no staging table left behind
}

void ConformanceTest::longTableNamesWork() {
    // PostgreSQL keeps 63 bytes of an identifier; the name Deskbase reports must still work.
    TempWorkspace ws;
    const std::string name = "t_" + std::string(70, 'x');
    const auto path = ws.write("long.csv", "a,b\n1,2\n");
    auto r = importFile(*w_, path, ImportMode::Create, name);
    REQUIRE_OK(r);
    auto exists = w_->tableExists(r->table);
    REQUIRE_OK(exists);
    QVERIFY(*exists);
    REQUIRE_OK(w_->describeTable(r->table));
    REQUIRE_OK(importFile(*w_, path, ImportMode::Append, r->table, /*force=*/true));
    auto count = scalar(*w_, "SELECT count(*) FROM " + w_->quoteIdentifier(r->table));
    QCOMPARE(intOf(count), std::int64_t(2));
}

void ConformanceTest::failedImportChangesNothing() {
    TempWorkspace ws;
    REQUIRE_OK(importFile(*w_, ws.write("t.csv", "id,label\n1,a\n")));
    const std::string before = snapshot(*w_, backend_.kind());
    auto mismatch = importFile(*w_, ws.write("other.csv", "id,colour\n2,red\n"), ImportMode::Append, "t");
    QVERIFY(!mismatch);
    QVERIFY2(mismatch.message().find("columns differ") != std::string::npos, mismatch.message().c_str());
    auto missing = importFile(*w_, ws.file("does-not-exist.csv"));
    QVERIFY(!missing);
    auto binary = importFile(*w_, ws.write("nul.csv", std::string("a\n\0\n", 4)));  // (empty files load since issue 15)
    QVERIFY(!binary);
    QCOMPARE(snapshot(*w_, backend_.kind()), before);
}

void ConformanceTest::ingestionLogRecordsEachImport() {
    TempWorkspace ws;
    REQUIRE_OK(importFile(*w_, ws.write("log.csv", "a,b\n1,x\n2,y\n3,z\n")));
    REQUIRE_OK(importFile(*w_, ws.write("log.csv", "a,b\n4,w\n"), ImportMode::Append));
    auto log = allRows(*w_,
                       "SELECT id, table_name, mode, rows_loaded, rows_rejected, content_hash, format "
                       "FROM deskbase_ingestions ORDER BY id");
    REQUIRE_OK(log);
    QCOMPARE(log->size(), std::size_t(2));
    QVERIFY((*log)[0][0] == Value{std::int64_t(1)});
    QVERIFY((*log)[1][0] == Value{std::int64_t(2)});
    QCOMPARE(valueToText((*log)[0][1]), std::string("log"));
    QCOMPARE(valueToText((*log)[0][2]), std::string("create"));
    QCOMPARE(valueToText((*log)[1][2]), std::string("append"));
    QVERIFY((*log)[0][3] == Value{std::int64_t(3)});
    QVERIFY((*log)[1][3] == Value{std::int64_t(1)});
    QVERIFY((*log)[0][4] == Value{std::int64_t(0)});
    QVERIFY(!valueToText((*log)[0][5]).empty());
    QCOMPARE(valueToText((*log)[0][6]), std::string("csv"));
    auto version = w_->dataVersion("log");
    REQUIRE_OK(version);
    QCOMPARE(*version, std::int64_t(2));
}

void ConformanceTest::commandLineImportAndTables() {
    TempWorkspace ws;
    const auto path =
        ws.write("cities.csv", "City,Population,Founded\nLyon,522000,1843-05-01\nNantes,320000,1000-01-01\n");
    auto imported = runDeskbase({"import", path, "--db", backend_.target(), "--report", "json"});
    QVERIFY2(imported.exitCode == 0, imported.err.c_str());
    auto report = nlohmann::json::parse(imported.out, nullptr, false);
    QVERIFY2(!report.is_discarded(), imported.out.c_str());
    QCOMPARE(report.value("table", std::string()), std::string("cities"));
    QCOMPARE(report.value("rows", 0), 2);
    QCOMPARE(report.value("rejected", -1), 0);
    QCOMPARE(report["columns"].size(), std::size_t(3));
    QCOMPARE(report["columns"][1].value("type", std::string()), std::string("integer"));

    auto tables = runDeskbase({"tables", "--db", backend_.target()});
    QVERIFY2(tables.exitCode == 0, tables.err.c_str());
    QVERIFY2(tables.out.find("cities\t2\tcity text, population integer, founded date") != std::string::npos,
             tables.out.c_str());

    auto bad = runDeskbase({"tables", "--db", backend_.unreachableTarget()}, 20000);
    QVERIFY(bad.exitCode != 0);
    QVERIFY2(!bad.err.empty() && bad.err.find('\n') == bad.err.size() - 1, bad.err.c_str());
}

// Regression: two `--mode append` imports of one file at the same time both loaded it on
// PostgreSQL (each checked for the file before the other logged it). The first is held inside its
// transaction, past its duplicate check; the second must wait for it and then be refused.
void ConformanceTest::concurrentAppendsOfOneFileLoadItOnce() {
    TempWorkspace ws;
    REQUIRE_OK(importFile(*w_, ws.write("t.csv", "id,label\n1,a\n")));
    const auto file = ws.write("more.csv", "id,label\n2,b\n3,c\n");
    ImportThread first(backend_.target(), appendOptions(file, "t"), /*hold=*/true);
    first.start();
    QVERIFY(first.waitUntilHeld());
    ImportThread second(backend_.target(), appendOptions(file, "t"), /*hold=*/false);
    second.start();
    const bool waited = second.waitUntilWaiting();  // today's fix; before it, the second loaded at once
    first.release();
    auto a = first.join();
    auto b = second.join();
    REQUIRE_OK(a);
    QVERIFY2(!b, "the second import loaded the file too");
    QVERIFY2(b.message().find("already loaded into t") != std::string::npos, b.message().c_str());
    QVERIFY(waited);
    QCOMPARE(intOf(scalar(*w_, "SELECT count(*) FROM t")), std::int64_t(3));
    QCOMPARE(intOf(scalar(*w_, "SELECT count(*) FROM deskbase_ingestions WHERE mode = 'append'")),
             std::int64_t(1));
}

// Regression: a SQLite import that was the only connection switched the file to a rollback
// journal, and every connection opened meanwhile failed with "database is locked" (readers,
// `deskbase tables`, a second import). With an import held inside its transaction: a new
// connection reads the last committed state, `deskbase tables` works, and a second import
// into another table waits its turn (SQLite, one writer) or runs (PostgreSQL); both load.
void ConformanceTest::readersAndASecondImportWorkDuringAnImport() {
    TempWorkspace ws;
    REQUIRE_OK(importFile(*w_, ws.write("keep.csv", "k\n1\n2\n")));
    w_.reset();  // the held import is the only connection when it starts
    ImportOptions big;
    big.path = ws.write("big.csv", bigCsv(2000));
    ImportThread first(backend_.target(), big, /*hold=*/true);
    first.start();
    QVERIFY(first.waitUntilHeld());

    auto reader = Warehouse::open(backend_.target());
    REQUIRE_OK(reader);
    auto kept = scalar(**reader, "SELECT count(*) FROM keep");
    REQUIRE_OK(kept);
    QCOMPARE(intOf(kept), std::int64_t(2));
    auto tables = runDeskbase({"tables", "--db", backend_.target()});
    QVERIFY2(tables.exitCode == 0, tables.err.c_str());
    QVERIFY2(tables.out.find("keep\t2\t") != std::string::npos, tables.out.c_str());
    QVERIFY2(tables.out.find("big") == std::string::npos, tables.out.c_str());  // not committed yet

    ImportOptions other;
    other.path = ws.write("other.csv", "x,y\n1,2\n");
    ImportThread second(backend_.target(), other, /*hold=*/false);
    second.start();
    if (!backend_.isPostgres()) QVERIFY(second.waitUntilWaiting());
    first.release();
    auto a = first.join();
    auto b = second.join();
    REQUIRE_OK(a);
    REQUIRE_OK(b);
    QCOMPARE(intOf(scalar(**reader, "SELECT count(*) FROM big")), std::int64_t(2000));
    QCOMPARE(intOf(scalar(**reader, "SELECT count(*) FROM other")), std::int64_t(1));
    QCOMPARE(intOf(scalar(**reader, "SELECT count(DISTINCT id) FROM deskbase_ingestions")), std::int64_t(3));
    w_ = std::move(*reader);
}

// Regression: after a replace, appending a file that had been loaded before the replace was
// refused as "already loaded", though its rows were gone. The guard follows the table's content.
void ConformanceTest::appendAfterReplaceFollowsTheTablesContent() {
    TempWorkspace ws;
    const auto one = ws.write("one.csv", "id\n1\n");
    const auto two = ws.write("two.csv", "id\n2\n");
    const auto three = ws.write("three.csv", "id\n3\n");
    REQUIRE_OK(importFile(*w_, one, ImportMode::Create, "t"));
    REQUIRE_OK(importFile(*w_, two, ImportMode::Append, "t"));
    REQUIRE_OK(importFile(*w_, three, ImportMode::Replace, "t"));
    REQUIRE_OK(importFile(*w_, one, ImportMode::Append, "t"));  // its rows went with the replace
    REQUIRE_OK(importFile(*w_, two, ImportMode::Append, "t"));
    QCOMPARE(intOf(scalar(*w_, "SELECT CAST(sum(id) AS BIGINT) FROM t")), std::int64_t(6));
    for (const auto& inTable : {one, two, three}) {  // each is in the table now: refused again
        auto again = importFile(*w_, inTable, ImportMode::Append, "t");
        QVERIFY(!again);
        QVERIFY2(again.message().find("already loaded") != std::string::npos, again.message().c_str());
    }
    QCOMPARE(intOf(scalar(*w_, "SELECT count(*) FROM deskbase_ingestions")),
             std::int64_t(5));  // the log keeps all
}

}  // namespace deskbase::test
