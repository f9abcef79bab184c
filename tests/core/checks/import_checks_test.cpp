// Checks after an import, on SQLite and on PostgreSQL: results in the import's result, and
// "on_failure": "refuse" rolling back a create, a replace and an append (the warehouse as it was
// before), a check that cannot run inside the import's transaction, and a bad check file.
#include "tests/core/checks/import_checks_test.h"

#include <QDir>
#include <QtTest>

#include "core/checks/check_result.h"
#include "core/ingest/import_job.h"
#include "tests/support/warehouse_probe.h"

using namespace deskbase;

namespace {

// Four orders; order 2 twice (unique(order_id) fails on 2 rows), one status outside the list.
const std::string kBad = "order_id,status,total\n1,completed,10\n2,completed,20\n2,returned,30\n3,lost,5\n";
const std::string kGood = "order_id,status,total\n10,completed,1\n11,returned,2\n";

std::string status(const CheckResult& r) {
    return std::string(checkStatusName(r.status));
}

}  // namespace

void ImportChecksTest::initTestCase() {
    auto s = backend_.setUp();
    QVERIFY2(s, s.message().c_str());
}

void ImportChecksTest::init() {
    w_.reset();
    auto w = backend_.freshWarehouse();
    QVERIFY2(w, w.status().message().c_str());
    w_ = std::move(*w);
    ws_ = std::make_unique<test::TempWorkspace>();
    const QDir dir(QString::fromStdString(ws_->path()));
    for (const auto* sub : {"checks", "good", "bad"}) QVERIFY(dir.mkpath(QString::fromLatin1(sub)));
    ws_->write("good/orders.csv", kGood);
    ws_->write("bad/orders.csv", kBad);
}

std::string ImportChecksTest::writeChecks(const std::string& json) {
    ws_->write("checks/orders.json", json);
    return ws_->path();
}

void ImportChecksTest::passingChecksCommit() {
    ImportOptions o;
    o.path = ws_->file("good/orders.csv");
    o.checksDir =
        writeChecks(R"({"on_failure": "refuse", "checks": [{"check": "unique", "columns": ["order_id"]},
        {"check": "row_count", "min": 2, "max": 2}]})");
    ImportJob job(o);
    auto r = job.run(*w_);
    QVERIFY2(r, r.status().message().c_str());
    QCOMPARE(r->checks.size(), std::size_t(2));
    QCOMPARE(status(r->checks[0]), std::string("pass"));
    QCOMPARE(status(r->checks[1]), std::string("pass"));
    QCOMPARE(test::scalarInt(*w_, "SELECT COUNT(*) FROM orders"), std::int64_t(2));
}

void ImportChecksTest::failingChecksWithWarnCommit() {
    ImportOptions o;
    o.path = ws_->file("bad/orders.csv");
    o.checksDir = writeChecks(R"({"checks": [{"check": "unique", "columns": ["order_id"]}]})");
    ImportJob job(o);
    auto r = job.run(*w_);
    QVERIFY2(r, r.status().message().c_str());
    QCOMPARE(r->checks.size(), std::size_t(1));
    QCOMPARE(status(r->checks[0]), std::string("fail"));
    QCOMPARE(r->checks[0].failures, std::int64_t(2));
    QCOMPARE(test::scalarInt(*w_, "SELECT COUNT(*) FROM orders"), std::int64_t(4));
}

void ImportChecksTest::refuseRollsBackACreate() {
    ImportOptions o;
    o.path = ws_->file("bad/orders.csv");
    o.checksDir =
        writeChecks(R"({"on_failure": "refuse", "checks": [{"check": "unique", "columns": ["order_id"]},
        {"check": "accepted_values", "column": "status", "values": ["completed", "returned"], "severity": "warn"}]})");
    ImportJob job(o);
    auto r = job.run(*w_);
    QVERIFY(!r);
    QCOMPARE(r.message(),
             std::string("import into orders refused: 1 check failed (unique(order_id): 2 of 4 rows "
                         "share a key with another row)"));
    QCOMPARE(job.checkResults().size(), std::size_t(2));
    QCOMPARE(status(job.checkResults()[0]), std::string("fail"));
    QCOMPARE(status(job.checkResults()[1]), std::string("warn"));
    QCOMPARE(*w_->tableExists("orders"), false);
    // The log of imports went with the rest (the first import created it: it is gone, -1).
    QVERIFY(test::scalarInt(*w_, "SELECT COUNT(*) FROM deskbase_ingestions") <= 0);
}

void ImportChecksTest::refuseLeavesTheReplacedTableAsItWas() {
    ImportOptions first;
    first.path = ws_->file("good/orders.csv");
    QVERIFY(ImportJob(first).run(*w_));
    const auto version = *w_->dataVersion("orders");
    ImportOptions o;
    o.path = ws_->file("bad/orders.csv");
    o.mode = ImportMode::Replace;
    o.checksDir =
        writeChecks(R"({"on_failure": "refuse", "checks": [{"check": "unique", "columns": ["order_id"]}]})");
    auto r = ImportJob(o).run(*w_);
    QVERIFY(!r);
    QCOMPARE(test::scalarInt(*w_, "SELECT COUNT(*) FROM orders"), std::int64_t(2));
    QCOMPARE(test::scalarInt(*w_, "SELECT CAST(SUM(order_id) AS BIGINT) FROM orders"), std::int64_t(21));
    QCOMPARE(*w_->dataVersion("orders"), version);
    QCOMPARE(test::scalarInt(*w_, "SELECT COUNT(*) FROM deskbase_ingestions"), std::int64_t(1));
}

void ImportChecksTest::refuseLeavesAnAppendedTableAsItWas() {
    ImportOptions first;
    first.path = ws_->file("good/orders.csv");
    QVERIFY(ImportJob(first).run(*w_));
    ImportOptions o;
    o.path = ws_->file("bad/orders.csv");
    o.mode = ImportMode::Append;
    o.checksDir = writeChecks(
        R"({"on_failure": "refuse", "checks": [{"check": "between", "column": "total", "max": 10}]})");
    auto r = ImportJob(o).run(*w_);
    QVERIFY(!r);
    QVERIFY2(r.message().find("between(total): 2 of 6 values out of range") != std::string::npos,
             r.message().c_str());
    QCOMPARE(test::scalarInt(*w_, "SELECT COUNT(*) FROM orders"), std::int64_t(2));
}

void ImportChecksTest::warnSeverityNeverRefuses() {
    ImportOptions o;
    o.path = ws_->file("bad/orders.csv");
    o.checksDir = writeChecks(
        R"({"on_failure": "refuse", "checks": [{"check": "unique", "columns": ["order_id"], "severity": "warn"}]})");
    auto r = ImportJob(o).run(*w_);
    QVERIFY2(r, r.status().message().c_str());
    QCOMPARE(status(r->checks.at(0)), std::string("warn"));
    QCOMPARE(test::scalarInt(*w_, "SELECT COUNT(*) FROM orders"), std::int64_t(4));
}

void ImportChecksTest::aCheckThatCannotRunRefusesOrIsReported() {
    // With refuse, a check that cannot run blocks like a failure.
    ImportOptions o;
    o.path = ws_->file("bad/orders.csv");
    o.checksDir = writeChecks(
        R"({"on_failure": "refuse", "checks": [{"check": "sql", "name": "broken", "sql": "select * from nowhere"}]})");
    auto r = ImportJob(o).run(*w_);
    QVERIFY(!r);
    QVERIFY2(
        r.message().rfind("import into orders refused: 1 check failed (checks/orders.json: broken: ", 0) == 0,
        r.message().c_str());
    QCOMPARE(*w_->tableExists("orders"), false);
    // Without it the import commits and says so; on PostgreSQL the failed statement must not
    // have aborted the import's transaction.
    o.checksDir =
        writeChecks(R"({"checks": [{"check": "sql", "name": "broken", "sql": "select * from nowhere"},
        {"check": "not_null", "column": "order_id"}]})");
    ImportJob job(o);
    auto ok = job.run(*w_);
    QVERIFY2(ok, ok.status().message().c_str());
    QCOMPARE(status(ok->checks.at(0)), std::string("error"));
    QCOMPARE(status(ok->checks.at(1)), std::string("pass"));
    QCOMPARE(test::scalarInt(*w_, "SELECT COUNT(*) FROM orders"), std::int64_t(4));
}

void ImportChecksTest::theImportCountsAsTheLastImport() {
    ImportOptions o;
    o.path = ws_->file("good/orders.csv");
    o.checksDir =
        writeChecks(R"({"on_failure": "refuse", "checks": [{"check": "freshness", "error_after": "1h"}]})");
    auto r = ImportJob(o).run(*w_);
    QVERIFY2(r, r.status().message().c_str());
    QCOMPARE(status(r->checks.at(0)), std::string("pass"));
    QVERIFY2(r->checks[0].message.rfind("last import ", 0) == 0, r->checks[0].message.c_str());
}

void ImportChecksTest::importOptionRefusesToo() {
    ImportOptions o;
    o.path = ws_->file("bad/orders.csv");
    o.checksDir = writeChecks(R"({"checks": [{"check": "unique", "columns": ["order_id"]}]})");
    o.refuseOnCheckFailure = true;
    auto r = ImportJob(o).run(*w_);
    QVERIFY(!r);
    QCOMPARE(*w_->tableExists("orders"), false);
}

void ImportChecksTest::badCheckFileStopsTheImportFirst() {
    ImportOptions o;
    o.path = ws_->file("good/orders.csv");
    o.checksDir = writeChecks(R"({"checks": [{"check": "not_null"}]})");
    auto r = ImportJob(o).run(*w_);
    QVERIFY(!r);
    QCOMPARE(r.message(), std::string("checks/orders.json: check 1 (not_null): missing field \"column\""));
    QCOMPARE(*w_->tableExists("orders"), false);
}

QTEST_GUILESS_MAIN(ImportChecksTest)
