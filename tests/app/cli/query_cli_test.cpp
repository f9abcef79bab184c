// `deskbase query` end to end: formats, parameters, questions, the workspace cache, error exits.
#include <QtTest>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/export/result_format.h"
#include "core/question/question.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;

namespace {

int lineCount(const std::string& s) {
    return int(std::count(s.begin(), s.end(), '\n'));
}

// The whole result, read straight from the warehouse (not through `deskbase query`).
QueryResult wholeResult(const std::string& db, const std::string& sql) {
    QueryResult r;
    auto w = Warehouse::open(db);
    if (!w) qFatal("%s", w.message().c_str());
    auto c = (*w)->query(sql);
    if (!c) qFatal("%s", c.message().c_str());
    r.columns = (*c)->columns();
    while (true) {
        auto n = (*c)->fetch(r.rows, 10000);
        if (!n) qFatal("%s", n.message().c_str());
        if (*n == 0) break;
    }
    return r;
}

// 3,000 rows: more than the table's probe and several blocks of the executor.
const char* const kManyRows =
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000) "
    "SELECT x, 'r' || x AS label, x / 7.0 AS ratio, CASE WHEN x % 5 = 0 THEN NULL ELSE x END AS maybe FROM c";

std::string readFile(const std::string& path) {
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) return "<missing>";
    return f.readAll().toStdString();
}

}  // namespace

class QueryCliTest : public QObject {
    Q_OBJECT
private:
    test::TempWorkspace ws_;
    std::string db_;

    nlohmann::json runJson(std::vector<std::string> args) {
        args.insert(args.begin(), "query");
        args.push_back("--format");
        args.push_back("json");
        auto r = test::runDeskbase(args);
        if (r.exitCode != 0) qWarning("stderr: %s", r.err.c_str());
        if (r.exitCode != 0) return nullptr;
        return nlohmann::json::parse(r.out);
    }

private slots:
    void initTestCase() {
        db_ = ws_.sqlitePath();
        auto w = Warehouse::open(db_);
        QVERIFY(w);
        QVERIFY((*w)->execute(
            "CREATE TABLE flights (day DATE, origin TEXT, delay INTEGER, distance REAL, cancelled BOOLEAN)"));
        QVERIFY((*w)->execute(
            "INSERT INTO flights VALUES ('2024-01-01','JFK',10,1000.5,0),('2024-01-02','SEA',-3,500,1),"
            "('2024-01-03','JFK',25,1000.5,0),('2024-01-04','LAX',NULL,2500.25,0)"));
        QVERIFY(QDir().mkpath(QString::fromStdString(ws_.file("questions"))));
        ws_.write("questions/by_origin.json", R"({
  "name": "Delay by origin",
  "sql": "SELECT origin, count(*) AS n, sum(delay) AS total FROM flights WHERE 1=1 [[AND origin IN ({{airports}})]] [[AND delay >= {{min_delay}}]] GROUP BY origin ORDER BY origin",
  "parameters": [
    {"name": "airports", "type": "text", "multi_value": true},
    {"name": "min_delay", "type": "number"}
  ],
  "visualization": {"type": "bar"},
  "cache": {"policy": "fixed", "ttl_seconds": 3600}
}
)");
    }

    void jsonFormat() {
        auto j = runJson({"--db", db_, "--sql",
                          "SELECT day, origin, delay, distance, cancelled FROM flights ORDER BY day"});
        QVERIFY(!j.is_null());
        QCOMPARE(int(j["columns"].size()), 5);
        QCOMPARE(j["columns"][0]["name"].get<std::string>(), std::string("day"));
        QCOMPARE(j["columns"][0]["type"].get<std::string>(), std::string("date"));
        QCOMPARE(j["columns"][2]["type"].get<std::string>(), std::string("integer"));
        QCOMPARE(j["columns"][4]["type"].get<std::string>(), std::string("boolean"));
        QCOMPARE(int(j["rows"].size()), 4);
        QVERIFY(j["rows"][0][2].is_number_integer());
        QCOMPARE(j["rows"][0][2].get<int>(), 10);
        QVERIFY(j["rows"][0][3].is_number_float());
        QCOMPARE(j["rows"][0][3].get<double>(), 1000.5);
        QVERIFY(j["rows"][1][4].is_boolean() && j["rows"][1][4].get<bool>());
        QVERIFY(j["rows"][3][2].is_null());
        QVERIFY(j["cached"].is_boolean());
        QVERIFY(j["elapsed_ms"].is_number());
    }

    void csvFormat() {
        ws_.write("weird.db", "");
        auto w = Warehouse::open(ws_.file("weird.db"));
        QVERIFY(w);
        QVERIFY((*w)->execute("CREATE TABLE t (a TEXT, b INTEGER)"));
        QVERIFY((*w)->execute("INSERT INTO t VALUES ('x,y', 1), ('say \"hi\"', NULL), ('two\nlines', 3)"));
        auto r = test::runDeskbase(
            {"query", "--db", ws_.file("weird.db"), "--sql", "SELECT a, b FROM t", "--format", "csv"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromStdString(r.out),
                 QStringLiteral("a,b\r\n\"x,y\",1\r\n\"say \"\"hi\"\"\",\r\n\"two\nlines\",3\r\n"));
    }

    void tableFormat() {
        auto r = test::runDeskbase({"query", "--db", db_, "--sql",
                                    "SELECT origin, delay FROM flights WHERE delay > 0 ORDER BY delay"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.find("origin | delay") == 0, r.out.c_str());
        QVERIFY(r.out.find("JFK    |    25") != std::string::npos);
        QVERIFY(r.out.find("(2 rows)") != std::string::npos);
    }

    void parametersAreBound() {
        auto j = runJson({"--db", db_, "--sql",
                          "SELECT count(*) AS n FROM flights WHERE origin = {{o}} AND delay > {{d}}",
                          "--param", "o=JFK", "--param", "d=15"});
        QVERIFY(!j.is_null());
        QCOMPARE(j["rows"][0][0].get<int>(), 1);
        // An injection attempt is just a string; the table survives.
        j = runJson({"--db", db_, "--sql", "SELECT count(*) FROM flights WHERE origin = {{o}}", "--param",
                     "o='; DROP TABLE flights; --"});
        QVERIFY(!j.is_null());
        QCOMPARE(j["rows"][0][0].get<int>(), 0);
        auto w = Warehouse::open(db_);
        QVERIFY(w && (*w)->tableExists("flights").value());
    }

    void questionWithMultiValueAndOptionalClauses() {
        const std::string q = ws_.file("questions/by_origin.json");
        auto all = runJson({"--db", db_, "--question", q, "--no-cache"});
        QVERIFY(!all.is_null());
        QCOMPARE(int(all["rows"].size()), 3);
        auto some = runJson({"--db", db_, "--question", q, "--param", "airports=JFK", "--param",
                             "airports=LAX", "--param", "min_delay=0", "--no-cache"});
        QVERIFY(!some.is_null());
        QCOMPARE(int(some["rows"].size()), 1);
        QCOMPARE(some["rows"][0][0].get<std::string>(), std::string("JFK"));
        QCOMPARE(some["rows"][0][2].get<int>(), 35);
    }

    void workspaceCacheServesSecondRunAndSeesDataChanges() {
        const std::vector<std::string> base = {"--workspace", ws_.path(), "--question", "by_origin"};
        auto first = runJson(base);
        QVERIFY(!first.is_null());
        QCOMPARE(first["cached"].get<bool>(), false);
        auto second = runJson(base);
        QVERIFY(!second.is_null());
        QCOMPARE(second["cached"].get<bool>(), true);
        QCOMPARE(second["rows"], first["rows"]);
        QVERIFY(QFileInfo::exists(QString::fromStdString(ws_.file(".deskbase/cache"))));
        auto bypass = base;
        bypass.push_back("--no-cache");
        QCOMPARE(runJson(bypass)["cached"].get<bool>(), false);

        // Data changes through Deskbase (an import bumps the version): never served stale.
        {
            auto w = Warehouse::open(db_);
            QVERIFY(w);
            QVERIFY((*w)->begin());
            QVERIFY((*w)->execute("INSERT INTO flights VALUES ('2024-01-05','SEA',7,500,0)"));
            QVERIFY((*w)->bumpDataVersion("flights"));
            QVERIFY((*w)->commit());
        }
        auto after = runJson(base);
        QVERIFY(!after.is_null());
        QCOMPARE(after["cached"].get<bool>(), false);
        QCOMPARE(after["rows"][2][1].get<int>(), 2);  // SEA now has two flights
        QCOMPARE(runJson(base)["cached"].get<bool>(), true);
    }

    // docs/questions.md: "with only --db FILE.db the cache sits next to the SQLite file".
    void cacheSitsBesideTheFileWithOnlyDb() {
        test::TempWorkspace elsewhere;  // no workspace: just a folder holding the file
        const std::string db = elsewhere.file("data/only.db");
        QVERIFY(QDir().mkpath(QString::fromStdString(elsewhere.file("data"))));
        {
            auto w = Warehouse::open(db);
            QVERIFY(w);
            QVERIFY((*w)->execute("CREATE TABLE t (n INTEGER)"));
            QVERIFY((*w)->execute("INSERT INTO t VALUES (1), (2)"));
        }
        const std::string q =
            elsewhere.write("count.json", R"({"name": "Count", "sql": "SELECT count(*) FROM t",
  "cache": {"policy": "fixed", "ttl_seconds": 3600}})");
        const std::vector<std::string> args = {"--db", db, "--question", q};
        const auto first = runJson(args), second = runJson(args);
        QVERIFY(!first.is_null() && !second.is_null());
        QCOMPARE(first["cached"].get<bool>(), false);
        QCOMPARE(second["cached"].get<bool>(), true);
        QDir cache(QString::fromStdString(elsewhere.file("data/.deskbase/cache")));
        QCOMPARE(cache.entryList({QStringLiteral("*.dbrc")}, QDir::Files).size(), 1);
    }

    // Streamed from the cursor, the output is what the whole result gives (core/export/result_format.h).
    void streamedOutputEqualsTheWholeResult_data() {
        QTest::addColumn<std::string>("format");
        for (const char* f : {"csv", "json", "ndjson", "table"}) QTest::newRow(f) << std::string(f);
    }
    void streamedOutputEqualsTheWholeResult() {
        QFETCH(std::string, format);
        auto r =
            test::runDeskbase({"query", "--db", db_, "--sql", kManyRows, "--format", format, "--no-cache"});
        QCOMPARE(r.exitCode, 0);
        QueryResult whole = wholeResult(db_, kManyRows);
        std::ostringstream expected;
        if (format == "csv") {
            writeCsvHeader(expected, whole.columns);
            writeCsvRows(expected, whole.rows);
        } else if (format == "ndjson") {
            const auto keys = jsonObjectKeys(whole.columns);
            for (const auto& row : whole.rows) {
                writeJsonObject(expected, keys, row);
                expected << '\n';
            }
        } else if (format == "json") {
            auto j = nlohmann::json::parse(r.out);  // elapsed_ms is the run's own
            whole.elapsedMs = j["elapsed_ms"].get<double>();
            writeResultJson(expected, whole);
            QCOMPARE(nlohmann::json::parse(expected.str()), j);
            return;
        } else {
            writeResultTable(expected, whole);
        }
        QVERIFY(r.out == expected.str());
        QCOMPARE(lineCount(r.out), format == "csv" ? 3001 : format == "table" ? 3003 : 3000);
    }

    // --output FILE: the file holds what stdout would; a failed query leaves no file, and an
    // existing one as it was, with no temporary file beside it.
    void outputFileIsWholeOrNothing() {
        test::TempWorkspace out;
        const std::string file = out.file("result.csv");
        auto ok = test::runDeskbase(
            {"query", "--db", db_, "--sql", kManyRows, "--format", "csv", "--output", file});
        QCOMPARE(ok.exitCode, 0);
        QVERIFY(ok.out.empty());
        auto stdoutRun = test::runDeskbase({"query", "--db", db_, "--sql", kManyRows, "--format", "csv"});
        QVERIFY(readFile(file) == stdoutRun.out);

        const std::string fresh = out.file("never.csv");
        auto bad =
            test::runDeskbase({"query", "--db", db_, "--sql", "SELECT nope FROM flights", "--output", fresh});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.find("nope") != std::string::npos, bad.err.c_str());
        QVERIFY(!QFileInfo::exists(QString::fromStdString(fresh)));

        // Fails after rows went out: abs() of the smallest integer errors at row 4,000.
        const std::string before = readFile(file);
        auto late = test::runDeskbase(
            {"query", "--db", db_, "--format", "csv", "--output", file, "--sql",
             "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5000) "
             "SELECT x, abs(x - 4000 - 9223372036854775807 - 1) FROM c"});
        QCOMPARE(late.exitCode, 1);
        QVERIFY(readFile(file) == before);
        QCOMPARE(QDir(QString::fromStdString(out.path())).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    // A result bigger than the cache's limit streams through, is not stored, and stderr says so;
    // a small one is stored as before.
    void bigResultIsNotCachedAndSaysSo() {
        test::TempWorkspace elsewhere;
        const std::string db = elsewhere.file("big.db");
        {
            auto w = Warehouse::open(db);
            QVERIFY(w);
            QVERIFY((*w)->execute("CREATE TABLE t (n INTEGER)"));
            QVERIFY((*w)->execute("INSERT INTO t VALUES (1)"));
        }
        // Questions whose policy always caches: only the size keeps the big one out.
        auto question = [&](const std::string& file, const std::string& sql) {
            return elsewhere.write(file,
                                   "{\"name\": \"Q\", \"sql\": \"" + sql +
                                       "\", \"cache\": {\"policy\": \"fixed\", \"ttl_seconds\": 3600}}");
        };
        const std::string big =
            question("big.json",
                     "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000) "
                     "SELECT x, x * 2, 'some text long enough to be counted' FROM c, t");
        auto first = test::runDeskbase({"query", "--db", db, "--question", big, "--format", "ndjson"});
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(lineCount(first.out), 200000);
        QVERIFY2(first.err.find("not cached: the result is larger than the cache's") != std::string::npos,
                 first.err.c_str());
        auto second = test::runDeskbase({"query", "--db", db, "--question", big, "--format", "ndjson"});
        QVERIFY(second.err.find("not cached") != std::string::npos);
        QVERIFY(second.out == first.out);
        auto entries = [&] {
            return QDir(QString::fromStdString(elsewhere.file(".deskbase/cache")))
                .entryList({QStringLiteral("*.dbrc")}, QDir::Files)
                .size();
        };
        QCOMPARE(entries(), 0);

        const std::vector<std::string> small = {"--db", db, "--question",
                                                question("small.json", "SELECT n FROM t")};
        QCOMPARE(runJson(small)["cached"].get<bool>(), false);
        QCOMPARE(runJson(small)["cached"].get<bool>(), true);
        QCOMPARE(entries(), 1);
    }

    void errorsExitNonZeroWithOneLine_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString db = QString::fromStdString(db_);
        QTest::newRow("bad sql") << QStringList{QStringLiteral("--db"), db, QStringLiteral("--sql"),
                                                QStringLiteral("SELEC 1")}
                                 << 1 << QStringLiteral("syntax error");
        QTest::newRow("unknown table") << QStringList{QStringLiteral("--db"), db, QStringLiteral("--sql"),
                                                      QStringLiteral("SELECT * FROM nope")}
                                       << 1 << QStringLiteral("nope");
        QTest::newRow("missing parameter") << QStringList{QStringLiteral("--db"), db, QStringLiteral("--sql"),
                                                          QStringLiteral("SELECT {{x}}")}
                                           << 1 << QStringLiteral("missing value for parameter x");
        QTest::newRow("bad number")
            << QStringList{QStringLiteral("--db"),
                           db,
                           QStringLiteral("--question"),
                           QString::fromStdString(ws_.file("questions/by_origin.json")),
                           QStringLiteral("--param"),
                           QStringLiteral("min_delay=lots")}
            << 1 << QStringLiteral("is not a number");
        QTest::newRow("unknown question")
            << QStringList{QStringLiteral("--db"), db, QStringLiteral("--question"),
                           QStringLiteral("/no/such.json")}
            << 1 << QStringLiteral("no question file /no/such.json");
        QTest::newRow("no warehouse")
            << QStringList{QStringLiteral("--db"), QString::fromStdString(ws_.file("absent.db")),
                           QStringLiteral("--sql"), QStringLiteral("SELECT 1")}
            << 1 << QStringLiteral("no SQLite warehouse");
        QTest::newRow("both sql and question")
            << QStringList{QStringLiteral("--sql"), QStringLiteral("SELECT 1"), QStringLiteral("--question"),
                           QStringLiteral("x")}
            << 2 << QStringLiteral("exactly one");
        QTest::newRow("bad format") << QStringList{QStringLiteral("--db"),     db,
                                                   QStringLiteral("--sql"),    QStringLiteral("SELECT 1"),
                                                   QStringLiteral("--format"), QStringLiteral("xml")}
                                    << 2 << QStringLiteral("unknown --format");
        QTest::newRow("bad param") << QStringList{QStringLiteral("--db"),    db,
                                                  QStringLiteral("--sql"),   QStringLiteral("SELECT 1"),
                                                  QStringLiteral("--param"), QStringLiteral("novalue")}
                                   << 2 << QStringLiteral("NAME=VALUE");
    }

    void errorsExitNonZeroWithOneLine() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        std::vector<std::string> argv{"query"};
        for (const auto& a : args) argv.push_back(a.toStdString());
        auto r = test::runDeskbase(argv);
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(lineCount(r.err), 1);
        QVERIFY2(QString::fromStdString(r.err).contains(message), r.err.c_str());
        QVERIFY(r.out.empty());
    }
};

QTEST_GUILESS_MAIN(QueryCliTest)
#include "query_cli_test.moc"
