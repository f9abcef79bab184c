// checks/<table>.json: every kind parses into its fields; every bad file is one line naming the
// file and the check; save writes what load reads back; durations.
#include "tests/core/checks/check_file_test.h"

#include <QtTest>

#include "core/checks/check_file.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;

Q_DECLARE_METATYPE(std::string)

namespace {

Result<CheckFile> parse(const std::string& checksJson) {
    return checkFileFromText(R"({"table": "orders", "checks": [)" + checksJson + "]}", "checks/orders.json",
                             "orders");
}

}  // namespace

void CheckFileTest::designExampleLoads() {
    // The example of DESIGN.md "File shapes" (its sql check compares with current_date).
    const std::string text = R"({
      "table": "orders", "on_failure": "warn",
      "checks": [
        {"check": "not_null", "column": "order_id"},
        {"check": "unique", "columns": ["order_id"]},
        {"check": "accepted_values", "column": "status", "values": ["completed", "returned", "cancelled"]},
        {"check": "relationships", "column": "customer_id", "to": "customers", "field": "customer_id"},
        {"check": "between", "column": "total", "min": 0, "max": 10000, "mostly": 0.99, "severity": "warn"},
        {"check": "matches", "column": "email", "regex": "^[^@]+@[^@]+$"},
        {"check": "row_count", "min": 1},
        {"check": "freshness", "column": "order_date", "warn_after": "2d", "error_after": "7d"},
        {"check": "columns", "required": {"order_id": "integer", "status": "text"}},
        {"check": "sql", "name": "no future orders", "sql": "select * from orders where order_date > current_date"}
      ]})";
    auto f = checkFileFromText(text, "checks/orders.json", "x");
    QVERIFY2(f, f.status().message().c_str());
    QCOMPARE(f->table, std::string("orders"));
    QCOMPARE(f->checks.size(), std::size_t(10));
    QCOMPARE(int(f->onFailure), int(OnFailure::Warn));
    QCOMPARE(f->checks[0].name, std::string("not_null(order_id)"));
    QCOMPARE(f->checks[1].columns, std::vector<std::string>{"order_id"});
    QCOMPARE(f->checks[2].values.size(), std::size_t(3));
    QCOMPARE(f->checks[3].to, std::string("customers"));
    QCOMPARE(f->checks[3].field, std::string("customer_id"));
    QCOMPARE(int(f->checks[4].severity), int(Severity::Warn));
    QCOMPARE(*f->checks[4].mostly, 0.99);
    QCOMPARE(std::get<std::int64_t>(*f->checks[4].max), std::int64_t(10000));
    QCOMPARE(f->checks[5].regex, std::string("^[^@]+@[^@]+$"));
    QCOMPARE(std::get<std::int64_t>(*f->checks[6].min), std::int64_t(1));
    QCOMPARE(f->checks[7].warnAfter->seconds, std::int64_t(2 * 86400));
    QCOMPARE(f->checks[7].errorAfter->seconds, std::int64_t(7 * 86400));
    QCOMPARE(f->checks[8].required.size(), std::size_t(2));
    QCOMPARE(f->checks[8].required[1].first, std::string("status"));
    QCOMPARE(f->checks[9].name, std::string("no future orders"));
    for (const auto& c : f->checks)
        QCOMPARE(int(c.severity), int(&c == &f->checks[4] ? Severity::Warn : Severity::Error));
}

void CheckFileTest::tableDefaultsToFileName() {
    auto f = checkFileFromText(R"({"checks": []})", "checks/customers.json", "customers");
    QVERIFY2(f, f.status().message().c_str());
    QCOMPARE(f->table, std::string("customers"));
}

void CheckFileTest::repeatedDerivedNamesAreNumbered() {
    auto f = parse(R"({"check": "not_null", "column": "a"}, {"check": "not_null", "column": "a"})");
    QVERIFY2(f, f.status().message().c_str());
    QCOMPARE(f->checks[0].name, std::string("not_null(a)"));
    QCOMPARE(f->checks[1].name, std::string("not_null(a) #2"));
}

void CheckFileTest::badFile_data() {
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("expected");  // the whole message after "checks/orders.json: "
    const std::string h = R"({"table": "orders", "checks": [)";
    QTest::newRow("not json") << std::string("{\"table\": ") << std::string("");
    QTest::newRow("not an object") << std::string("[]")
                                   << std::string(
                                          "a check file is a JSON object with \"table\" and \"checks\"");
    QTest::newRow("unknown top field") << std::string(R"({"tabel": "x", "checks": []})")
                                       << std::string("unknown field \"tabel\" (table, on_failure, checks)");
    QTest::newRow("no checks") << std::string(R"({"table": "orders"})")
                               << std::string("missing field \"checks\"");
    QTest::newRow("bad on_failure") << std::string(R"({"on_failure": "stop", "checks": []})")
                                    << std::string("\"on_failure\" is \"warn\" or \"refuse\"");
    QTest::newRow("unknown kind") << h + R"({"check": "not_empty", "column": "a"}]})"
                                  << std::string(
                                         "check 1 (not_empty): unknown check kind \"not_empty\" (not_null, "
                                         "unique, accepted_values, relationships, between, matches, "
                                         "row_count, freshness, columns, sql)");
    QTest::newRow("no kind") << h + R"({"column": "a"}]})" << std::string("check 1: missing field \"check\"");
    QTest::newRow("missing column") << h + R"({"check": "not_null"}]})"
                                    << std::string("check 1 (not_null): missing field \"column\"");
    QTest::newRow("second check named")
        << h + R"({"check": "row_count", "min": 1}, {"check": "between", "name": "total ok", "column": "t"}]})"
        << std::string("check 2 (\"total ok\"): between needs \"min\" or \"max\"");
    QTest::newRow("field of another kind")
        << h + R"({"check": "not_null", "column": "a", "values": [1]}]})"
        << std::string("check 1 (not_null): unknown field \"values\" for not_null");
    QTest::newRow("regex does not compile")
        << h + R"({"check": "matches", "column": "e", "regex": "([a-z"}]})"
        << std::string(
               "check 1 (matches): regex \"([a-z\" does not compile: "
               "missing terminating ] for character class at offset 5");
    QTest::newRow("mostly above 1")
        << h + R"({"check": "not_null", "column": "a", "mostly": 1.5}]})"
        << std::string("check 1 (not_null): \"mostly\" is a number above 0 and at most 1");
    QTest::newRow("mostly on row_count")
        << h + R"({"check": "row_count", "min": 1, "mostly": 0.5}]})"
        << std::string("check 1 (row_count): \"mostly\" does not apply to row_count");
    QTest::newRow("bad severity") << h + R"({"check": "not_null", "column": "a", "severity": "fatal"}]})"
                                  << std::string("check 1 (not_null): \"severity\" is \"warn\" or \"error\"");
    QTest::newRow("unique column and columns")
        << h + R"({"check": "unique", "column": "a", "columns": ["b"]}]})"
        << std::string(
               "check 1 (unique): unique needs \"columns\" (a list) or "
               "\"column\", not both");
    QTest::newRow("unique twice") << h + R"({"check": "unique", "columns": ["a", "a"]}]})"
                                  << std::string("check 1 (unique): \"columns\" names a twice");
    QTest::newRow("empty values") << h + R"({"check": "accepted_values", "column": "a", "values": []}]})"
                                  << std::string("check 1 (accepted_values): \"values\" is a non-empty list");
    QTest::newRow("null accepted value")
        << h + R"({"check": "accepted_values", "column": "a", "values": [null]}]})"
        << std::string(
               "check 1 (accepted_values): \"values\" holds only strings, "
               "numbers and booleans (NULLs are never checked here; use "
               "not_null)");
    QTest::newRow("relationships without field")
        << h + R"({"check": "relationships", "column": "a", "to": "b"}]})"
        << std::string("check 1 (relationships): missing field \"field\"");
    QTest::newRow("negative row_count")
        << h + R"({"check": "row_count", "min": -1}]})"
        << std::string("check 1 (row_count): \"min\" is a whole number of rows");
    QTest::newRow("bad duration") << h + R"({"check": "freshness", "column": "d", "warn_after": "2 days"}]})"
                                  << std::string(
                                         "check 1 (freshness): \"warn_after\" \"2 days\" is not a duration "
                                         "(e.g. 12h, 2d)");
    QTest::newRow("freshness without limits") << h + R"({"check": "freshness", "column": "d"}]})"
                                              << std::string(
                                                     "check 1 (freshness): freshness needs \"warn_after\" or "
                                                     "\"error_after\"");
    QTest::newRow("required not a map") << h + R"({"check": "columns", "required": "a"}]})"
                                        << std::string(
                                               "check 1 (columns): \"required\" maps column names to types "
                                               "({\"id\": \"integer\"}) or lists names");
    QTest::newRow("empty sql") << h + R"({"check": "sql", "sql": " ; "}]})"
                               << std::string("check 1 (sql): \"sql\" is empty");
    QTest::newRow("same name twice")
        << h + R"({"check": "row_count", "name": "n", "min": 1}, {"check": "row_count", "name": "n", "max": 9}]})"
        << std::string("check 2 (\"n\"): another check has the name \"n\"");
    QTest::newRow("derived name taken")
        << h + R"({"check": "row_count", "name": "row_count", "min": 1}, {"check": "row_count", "max": 9}]})"
        << std::string("two checks are named \"row_count\"; give one another \"name\"");
}

void CheckFileTest::badFile() {
    QFETCH(std::string, text);
    QFETCH(std::string, expected);
    auto f = checkFileFromText(text, "checks/orders.json", "orders");
    QVERIFY(!f);
    QVERIFY2(f.message().find('\n') == std::string::npos, f.message().c_str());
    QVERIFY2(f.message().rfind("checks/orders.json", 0) == 0, f.message().c_str());
    if (!expected.empty())
        QCOMPARE(QString::fromStdString(f.message()),
                 QString::fromStdString("checks/orders.json: " + expected));
}

void CheckFileTest::saveThenLoadGivesTheSameFile() {
    test::TempWorkspace ws;
    const std::string text = R"({"table": "orders", "on_failure": "refuse", "checks": [
        {"check": "unique", "columns": ["a", "b"], "severity": "warn"},
        {"check": "accepted_values", "column": "s", "values": ["x", 2, true, 1.5], "mostly": 0.9},
        {"check": "between", "column": "d", "min": "2020-01-01", "max": 9, "max_inclusive": false},
        {"check": "freshness", "warn_after": "1d12h", "description": "loaded daily"},
        {"check": "columns", "required": ["a", "b"]},
        {"check": "sql", "name": "neg", "sql": "select * from orders where t < 0"}]})";
    auto f = checkFileFromText(text, "checks/orders.json", "orders");
    QVERIFY2(f, f.status().message().c_str());
    f->path = ws.file("checks/orders.json");
    QVERIFY(saveCheckFile(*f));
    auto back = loadCheckFile(f->path, "checks/orders.json");
    QVERIFY2(back, back.status().message().c_str());
    QCOMPARE(checkFileToJson(*back).dump(), checkFileToJson(*f).dump());
    QCOMPARE(int(back->onFailure), int(OnFailure::Refuse));
    QCOMPARE(back->checks[2].maxInclusive, false);
    QCOMPARE(back->checks[3].warnAfter->seconds, std::int64_t(36 * 3600));
    // Stable key order: the kind first, then its fields, then severity / mostly.
    QCOMPARE(
        checkSpecToJson(back->checks[1]).dump(),
        std::string(R"({"check":"accepted_values","column":"s","values":["x",2,true,1.5],"mostly":0.9})"));
}

void CheckFileTest::saveRefusesAnInvalidCheck() {
    test::TempWorkspace ws;
    CheckFile f;
    f.table = "orders";
    f.path = ws.file("checks/orders.json");
    f.displayName = "checks/orders.json";
    CheckSpec c;
    c.kind = CheckKind::Between;
    c.column = "t";  // neither min nor max
    c.name = defaultCheckName(c);
    f.checks.push_back(c);
    QCOMPARE(validateCheck(c), std::string("between needs \"min\" or \"max\""));
    auto s = saveCheckFile(f);
    QVERIFY(!s);
    QCOMPARE(s.message(),
             std::string("checks/orders.json: check 1 (between): between needs \"min\" or \"max\""));
    QVERIFY(!QFile::exists(QString::fromStdString(f.path)));
}

void CheckFileTest::workspaceLoadsEveryFileAndNamesTheBadOne() {
    test::TempWorkspace ws;
    QVERIFY(QDir(QString::fromStdString(ws.path())).mkpath(QStringLiteral("checks")));
    ws.write("checks/a.json", R"({"checks": [{"check": "row_count", "min": 1}]})");
    ws.write("checks/b.json", R"({"table": "a", "checks": [{"check": "not_null", "column": "x"}]})");
    auto all = loadWorkspaceChecks(ws.path());
    QVERIFY2(all, all.status().message().c_str());
    QCOMPARE(all->size(), std::size_t(2));
    auto forA = loadChecksForTable(ws.path(), "a");
    QVERIFY2(forA, forA.status().message().c_str());
    QCOMPARE(forA->size(), std::size_t(2));
    ws.write("checks/c.json", R"({"checks": [{"check": "unique"}]})");
    all = loadWorkspaceChecks(ws.path());
    QVERIFY(!all);
    QCOMPARE(all.message(),
             std::string("checks/c.json: check 1 (unique): unique needs \"columns\" (a list) or "
                         "\"column\", not both"));
    // Checking table a does not depend on c.json; checking c does.
    QVERIFY(loadChecksForTable(ws.path(), "a"));
    QVERIFY(!loadChecksForTable(ws.path(), "c"));
}

void CheckFileTest::noChecksFolderIsNoChecks() {
    test::TempWorkspace ws;
    auto all = loadWorkspaceChecks(ws.path());
    QVERIFY(all);
    QVERIFY(all->empty());
}

void CheckFileTest::duration_data() {
    QTest::addColumn<std::string>("text");
    QTest::addColumn<qint64>("seconds");  // -1: not a duration
    QTest::newRow("seconds") << std::string("45s") << qint64(45);
    QTest::newRow("minutes") << std::string("30m") << qint64(1800);
    QTest::newRow("hours") << std::string("12h") << qint64(43200);
    QTest::newRow("days") << std::string("2d") << qint64(172800);
    QTest::newRow("week") << std::string("1w") << qint64(604800);
    QTest::newRow("combined") << std::string("1d12h") << qint64(129600);
    QTest::newRow("empty") << std::string("") << qint64(-1);
    QTest::newRow("no unit") << std::string("12") << qint64(-1);
    QTest::newRow("no number") << std::string("h") << qint64(-1);
    QTest::newRow("zero") << std::string("0d") << qint64(-1);
    QTest::newRow("unknown unit") << std::string("3y") << qint64(-1);
    QTest::newRow("space") << std::string("2 d") << qint64(-1);
}

void CheckFileTest::duration() {
    QFETCH(std::string, text);
    QFETCH(qint64, seconds);
    const auto got = parseDuration(text);
    QCOMPARE(got ? qint64(*got) : qint64(-1), seconds);
}

QTEST_GUILESS_MAIN(CheckFileTest)
