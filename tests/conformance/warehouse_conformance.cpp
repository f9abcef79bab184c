// Warehouse behaviour every backend must share: listing, binding, streaming, cancel, errors,
// bulk loading, transactions, cache-invalidation helpers.
#include <QElapsedTimer>
#include <chrono>
#include <cstdio>
#include <future>
#include <limits>
#include <thread>

#include "tests/conformance/conformance_test.h"

namespace deskbase::test {

namespace {

// Counts 1..n in SQL both backends run (a recursive CTE), optionally with a wide text column.
std::string seriesSql(std::int64_t n, bool wide) {
    return "WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < " + std::to_string(n) +
           ") SELECT x" +
           (wide ? std::string(", x || '-" + std::string(100, 'w') + "' AS label") : std::string()) + " FROM s";
}

std::string longQuerySql() { return "SELECT count(*) FROM (" + seriesSql(1000000000, false) + ") AS t"; }

std::int64_t residentBytes() {
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return std::int64_t(resident) * 4096;
}

Status createTable(Warehouse& w, const std::string& table, const std::vector<Column>& columns) {
    std::string sql = "CREATE TABLE " + w.quoteIdentifier(table) + " (";
    for (std::size_t i = 0; i < columns.size(); ++i)
        sql += (i ? ", " : "") + w.quoteIdentifier(columns[i].name) + " " + w.sqlType(columns[i].type);
    return w.execute(sql + ")");
}

Column col(std::string name, ColumnType type) { return Column{name, type, name}; }

std::vector<Column> everyTypeColumns() {
    return {col("n", ColumnType::Integer), col("i", ColumnType::Integer), col("r", ColumnType::Real),
            col("b", ColumnType::Boolean), col("d", ColumnType::Date),    col("dt", ColumnType::DateTime),
            col("s", ColumnType::Text)};
}

bool oneLine(const std::string& s) { return !s.empty() && s.find('\n') == std::string::npos; }

}  // namespace

std::string show(const Value& v) {
    static const char* kinds[] = {"null", "int", "double", "bool", "text"};
    return std::string(kinds[v.index()]) + "(" + valueToText(v) + ")";
}

Result<std::vector<Row>> allRows(Warehouse& w, const std::string& sql, const std::vector<Value>& params) {
    auto cursor = w.query(sql, params);
    if (!cursor) return Error{cursor.message()};
    std::vector<Row> rows;
    for (;;) {
        auto n = (*cursor)->fetch(rows, 1000);
        if (!n) return Error{n.message()};
        if (*n == 0) return rows;
    }
}

Result<Value> scalar(Warehouse& w, const std::string& sql, const std::vector<Value>& params) {
    auto rows = allRows(w, sql, params);
    if (!rows) return Error{rows.message()};
    if (rows->empty() || rows->front().empty()) return Error{"no value from " + sql};
    return rows->front().front();
}

void ConformanceTest::initTestCase() {
    const Status s = backend_.setUp();
    QVERIFY2(s, s.message().c_str());
    qInfo("conformance backend: %s", backend_.name().c_str());
}

void ConformanceTest::init() {
    auto w = backend_.freshWarehouse();
    REQUIRE_OK(w);
    w_ = std::move(*w);
}

void ConformanceTest::cleanup() { w_.reset(); }

void ConformanceTest::listsTablesWithTypesAndRowCounts() {
    REQUIRE_OK(createTable(*w_, "every_type", everyTypeColumns()));
    REQUIRE_OK(w_->execute("INSERT INTO every_type (n) VALUES (1), (2), (3)"));
    REQUIRE_OK(createTable(*w_, "deskbase_private", {col("x", ColumnType::Integer)}));

    auto tables = w_->listTables();
    REQUIRE_OK(tables);
    QCOMPARE(tables->size(), std::size_t(1));  // bookkeeping tables are not listed
    const TableInfo& t = tables->front();
    QCOMPARE(t.name, std::string("every_type"));
    QCOMPARE(t.approxRows, std::int64_t(3));
    const auto expected = everyTypeColumns();
    QCOMPARE(t.columns.size(), expected.size());
    QCOMPARE(t.nativeTypes.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(t.columns[i].name, expected[i].name);
        QVERIFY2(t.columns[i].type == expected[i].type, t.columns[i].name.c_str());
        QVERIFY(!t.nativeTypes[i].empty());
    }
    auto exists = w_->tableExists("every_type");
    REQUIRE_OK(exists);
    QVERIFY(*exists);
    auto missing = w_->tableExists("no_such_table");
    REQUIRE_OK(missing);
    QVERIFY(!*missing);
    QVERIFY(!w_->describeTable("no_such_table"));
}

void ConformanceTest::describesDisplayNamesFromBookkeeping() {
    REQUIRE_OK(createTable(*w_, "weather", {col("max_temp", ColumnType::Real), col("day", ColumnType::Date)}));
    // The layout the import writes (core/ingest).
    REQUIRE_OK(w_->execute("CREATE TABLE deskbase_columns (table_name TEXT, position BIGINT, name TEXT, "
                           "display_name TEXT, type TEXT)"));
    REQUIRE_OK(w_->execute("INSERT INTO deskbase_columns VALUES (" + w_->placeholder(1) + ", 0, 'max_temp', " +
                               w_->placeholder(2) + ", 'real')",
                           {Value{std::string("weather")}, Value{std::string("Max Temp (°C)")}}));
    auto info = w_->describeTable("weather");
    REQUIRE_OK(info);
    QCOMPARE(info->columns.at(0).displayName, std::string("Max Temp (°C)"));
    QCOMPARE(info->columns.at(1).displayName, std::string("day"));
    QVERIFY(info->columns.at(1).type == ColumnType::Date);
}

void ConformanceTest::listsTablesOfOtherSchemas() {
    if (!backend_.isPostgres()) QSKIP("a SQLite warehouse file has one schema");
    REQUIRE_OK(w_->execute("DROP SCHEMA IF EXISTS sales CASCADE; CREATE SCHEMA sales"));
    REQUIRE_OK(w_->execute("CREATE TABLE sales.orders (id bigint, total numeric(10,2), placed timestamptz)"));
    REQUIRE_OK(w_->execute("CREATE VIEW big_orders AS SELECT * FROM sales.orders WHERE total > 100"));
    auto tables = w_->listTables();
    REQUIRE_OK(tables);
    QCOMPARE(tables->size(), std::size_t(2));
    QCOMPARE(tables->at(0).schema + "." + tables->at(0).name, std::string("public.big_orders"));  // public first
    QCOMPARE(tables->at(0).approxRows, std::int64_t(-1));  // views are not counted
    QCOMPARE(tables->at(1).schema + "." + tables->at(1).name, std::string("sales.orders"));
    auto info = w_->describeTable("sales.orders");
    REQUIRE_OK(info);
    const std::vector<ColumnType> types = {ColumnType::Integer, ColumnType::Real, ColumnType::DateTime};
    const std::vector<std::string> native = {"bigint", "numeric(10,2)", "timestamp with time zone"};
    QCOMPARE(info->columns.size(), types.size());
    for (std::size_t i = 0; i < types.size(); ++i) {
        QVERIFY(info->columns[i].type == types[i]);
        QCOMPARE(info->nativeTypes[i], native[i]);
    }
    auto visible = w_->tableExists("orders");  // not on the search path
    REQUIRE_OK(visible);
    QVERIFY(!*visible);
    // Bulk loading into a schema-qualified table with types the binary format does not cover.
    REQUIRE_OK(w_->begin());
    auto writer = w_->bulkWriter("sales.orders", {col("id", ColumnType::Integer), col("total", ColumnType::Real),
                                                  col("placed", ColumnType::DateTime)});
    REQUIRE_OK(writer);
    RowBatch batch;
    batch.columnCount = 3;
    batch.cells = {Cell::integer(1), Cell::real(150.25), Cell::textView(batch.arena.store("2020-01-31 13:45:00"))};
    REQUIRE_OK((*writer)->write(batch));
    REQUIRE_OK((*writer)->finish());
    REQUIRE_OK(w_->commit());
    auto total = scalar(*w_, "SELECT total FROM big_orders");
    REQUIRE_OK(total);
    QVERIFY2(*total == Value{150.25}, show(*total).c_str());
}

void ConformanceTest::bindsEveryValueType_data() {
    QTest::addColumn<int>("type");
    QTest::addColumn<Value>("bound");
    QTest::addColumn<Value>("expected");
    auto add = [](const char* name, ColumnType t, Value bound, Value expected) {
        QTest::newRow(name) << int(t) << bound << expected;
    };
    add("integer", ColumnType::Integer, std::int64_t(42), std::int64_t(42));
    add("integer max", ColumnType::Integer, std::numeric_limits<std::int64_t>::max(),
        std::numeric_limits<std::int64_t>::max());
    add("integer min", ColumnType::Integer, std::numeric_limits<std::int64_t>::min(),
        std::numeric_limits<std::int64_t>::min());
    add("integer null", ColumnType::Integer, Value{}, Value{});
    add("real", ColumnType::Real, 0.1, 0.1);
    add("real huge", ColumnType::Real, -1.5e300, -1.5e300);
    add("boolean true", ColumnType::Boolean, true, true);
    add("boolean false", ColumnType::Boolean, false, false);
    add("date", ColumnType::Date, std::string("2020-01-31"), std::string("2020-01-31"));
    add("datetime", ColumnType::DateTime, std::string("2020-01-31 13:45:07"), std::string("2020-01-31 13:45:07"));
    add("text", ColumnType::Text, std::string("héllo 'q' \"dq\" \\ tab\there"),
        std::string("héllo 'q' \"dq\" \\ tab\there"));
    add("text empty", ColumnType::Text, std::string(), std::string());
    add("text null", ColumnType::Text, Value{}, Value{});
}

void ConformanceTest::bindsEveryValueType() {
    QFETCH(int, type);
    QFETCH(Value, bound);
    QFETCH(Value, expected);
    REQUIRE_OK(createTable(*w_, "t", {col("v", ColumnType(type))}));
    REQUIRE_OK(w_->execute("INSERT INTO t (v) VALUES (" + w_->placeholder(1) + ")", {bound}));
    auto back = scalar(*w_, "SELECT v FROM t");
    REQUIRE_OK(back);
    QVERIFY2(*back == expected, (show(*back) + " != " + show(expected)).c_str());
    // The same value bound in a filter finds the row.
    const std::string filter = isNull(bound) ? "v IS NULL" : "v = " + w_->placeholder(1);
    auto count = scalar(*w_, "SELECT count(*) FROM t WHERE " + filter, isNull(bound) ? Row{} : Row{bound});
    REQUIRE_OK(count);
    QVERIFY2(*count == Value{std::int64_t(1)}, show(*count).c_str());
}

void ConformanceTest::streamsLargeResultInBlocks() {
    constexpr std::int64_t kRows = 1000000;
    auto cursor = w_->query(seriesSql(kRows, /*wide=*/true));
    REQUIRE_OK(cursor);
    QCOMPARE((*cursor)->columns().size(), std::size_t(2));
    std::vector<Row> block;
    std::int64_t rows = 0, sum = 0;
    const std::int64_t before = residentBytes();
    std::int64_t peak = before;
    for (;;) {
        block.clear();
        auto n = (*cursor)->fetch(block, 10000);
        REQUIRE_OK(n);
        if (*n == 0) break;
        QVERIFY(*n <= 10000);
        for (const auto& r : block) {
            sum += std::get<std::int64_t>(r[0]);
            QCOMPARE(std::get<std::string>(r[1]).size(), std::to_string(std::get<std::int64_t>(r[0])).size() + 101);
        }
        rows += std::int64_t(*n);
        peak = std::max(peak, residentBytes());
    }
    QCOMPARE(rows, kRows);
    QCOMPARE(sum, kRows * (kRows + 1) / 2);
    // The whole result is ~110 MB of text; streaming keeps the client's growth far below that.
    const std::int64_t growth = peak - before;
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer keeps freed memory in quarantine, so resident size says nothing here.
    qInfo("resident memory grew by %lld MB (not checked under AddressSanitizer)", (long long)(growth >> 20));
#else
    QVERIFY2(growth < (48 << 20), ("resident memory grew by " + std::to_string(growth >> 20) + " MB").c_str());
#endif
}

void ConformanceTest::abandonedCursorFreesConnection() {
    {
        auto cursor = w_->query(seriesSql(5000000, false));
        REQUIRE_OK(cursor);
        std::vector<Row> some;
        REQUIRE_OK((*cursor)->fetch(some, 10));
        QCOMPARE(some.size(), std::size_t(10));
    }  // dropped mid-stream
    QElapsedTimer timer;
    timer.start();
    auto one = scalar(*w_, "SELECT 1");
    REQUIRE_OK(one);
    QVERIFY2(*one == Value{std::int64_t(1)}, show(*one).c_str());
    QVERIFY2(timer.elapsed() < 3000, std::to_string(timer.elapsed()).c_str());
}

void ConformanceTest::cancelStopsLongQueryPromptly_data() {
    QTest::addColumn<QString>("call");
    QTest::newRow("query") << QStringLiteral("query");
    QTest::newRow("execute") << QStringLiteral("execute");
    QTest::newRow("execute with values") << QStringLiteral("execute with values");
}

void ConformanceTest::cancelStopsLongQueryPromptly() {
    QFETCH(QString, call);
    REQUIRE_OK(createTable(*w_, "sink", {col("n", ColumnType::Integer)}));
    QElapsedTimer timer;
    timer.start();
    std::atomic<qint64> cancelledAt{-1};
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
        cancelledAt = timer.elapsed();
        w_->cancel();
    });
    std::string error;
    if (call == QStringLiteral("query")) {
        auto cursor = w_->query(longQuerySql());
        if (!cursor) {
            error = cursor.message();
        } else {  // a backend may start streaming before the count is done; the fetch then fails
            std::vector<Row> rows;
            auto fetched = (*cursor)->fetch(rows, 10);
            if (!fetched) error = fetched.message();
        }
    } else {
        const bool withValues = call == QStringLiteral("execute with values");
        auto s = w_->execute("INSERT INTO sink (n) " + longQuerySql() + (withValues ? " WHERE 1 = " + w_->placeholder(1) : ""),
                             withValues ? Row{Value{std::int64_t(1)}} : Row{});
        if (!s) error = s.message();
    }
    const qint64 returnedAt = timer.elapsed();
    canceller.join();
    QCOMPARE(error, std::string("cancelled"));
    QVERIFY2(cancelledAt >= 0 && returnedAt >= cancelledAt, "the statement returned before it was cancelled");
    QVERIFY2(returnedAt - cancelledAt < 1000,
             ("returned " + std::to_string(returnedAt - cancelledAt) + " ms after cancel").c_str());
    // The connection is usable afterwards, a new statement is not reported as cancelled, and the
    // cancelled INSERT wrote nothing.
    auto count = scalar(*w_, "SELECT count(*) FROM sink");
    REQUIRE_OK(count);
    QVERIFY2(*count == Value{std::int64_t(0)}, show(*count).c_str());
}

void ConformanceTest::cancelStopsStreamingFetch() {
    auto cursor = w_->query(seriesSql(50000000, false));
    REQUIRE_OK(cursor);
    std::vector<Row> rows;
    REQUIRE_OK((*cursor)->fetch(rows, 1000));
    w_->cancel();
    QElapsedTimer timer;
    timer.start();
    Result<std::size_t> n = std::size_t(1);
    while (n && *n > 0 && timer.elapsed() < 5000) {
        rows.clear();
        n = (*cursor)->fetch(rows, 10000);
    }
    QVERIFY2(!n, "fetching went on after cancel");
    QCOMPARE(n.message(), std::string("cancelled"));
    QVERIFY2(timer.elapsed() < 1000, std::to_string(timer.elapsed()).c_str());
    cursor = Error{"reset"};
    REQUIRE_OK(scalar(*w_, "SELECT 1"));
}

void ConformanceTest::errorsAreOneLine_data() {
    QTest::addColumn<QString>("sql");
    QTest::newRow("syntax") << QStringLiteral("SELEC 1 FROM nowhere");
    QTest::newRow("missing table") << QStringLiteral("SELECT * FROM no_such_table");
    QTest::newRow("missing column") << QStringLiteral("SELECT no_such_column FROM t");
    QTest::newRow("constraint") << QStringLiteral("INSERT INTO t (id) VALUES (1)");
}

void ConformanceTest::errorsAreOneLine() {
    QFETCH(QString, sql);
    REQUIRE_OK(w_->execute("CREATE TABLE t (id BIGINT PRIMARY KEY)"));
    REQUIRE_OK(w_->execute("INSERT INTO t (id) VALUES (1)"));
    const std::string text = sql.toStdString();
    auto cursor = w_->query(text);
    QVERIFY(!cursor);
    QVERIFY2(oneLine(cursor.message()), cursor.message().c_str());
    auto status = w_->execute(text);
    QVERIFY(!status);
    QVERIFY2(oneLine(status.message()), status.message().c_str());
    // The connection still works after the error.
    REQUIRE_OK(scalar(*w_, "SELECT count(*) FROM t"));
}

void ConformanceTest::unreachableTargetFailsFast() {
    QElapsedTimer timer;
    timer.start();
    auto w = Warehouse::open(backend_.unreachableTarget());
    QVERIFY(!w);
    QVERIFY2(oneLine(w.message()), w.message().c_str());
    QVERIFY2(timer.elapsed() < 5000, std::to_string(timer.elapsed()).c_str());
    if (backend_.isPostgres())
        QVERIFY2(w.message().find("connect") != std::string::npos, w.message().c_str());
}

void ConformanceTest::passwordsAndConnectionOptionsComeFromLibpq() {
    if (!backend_.isPostgres()) QSKIP("an embedded SQLite file has no login");
    PgServer& server = *backend_.server();
    REQUIRE_OK(w_->execute("DROP ROLE IF EXISTS secret_user"));
    REQUIRE_OK(w_->execute("CREATE ROLE secret_user LOGIN PASSWORD 'right-pass'"));
    REQUIRE_OK(server.prependHbaRule("host all secret_user 127.0.0.1/32 scram-sha-256"));
    REQUIRE_OK(w_->execute("SELECT pg_reload_conf()"));
    const std::string hostPort = "127.0.0.1:" + std::to_string(server.port());
    // The reload is asynchronous: wait until the server asks for the password.
    QElapsedTimer timer;
    timer.start();
    std::string noPassword;
    while (timer.elapsed() < 5000) {
        auto w = Warehouse::open("postgresql://secret_user@" + hostPort + "/postgres");
        if (!w && w.message().find("password") != std::string::npos) {
            noPassword = w.message();
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    QVERIFY2(oneLine(noPassword), noPassword.c_str());

    auto wrong = Warehouse::open("postgresql://secret_user:wrong-pass@" + hostPort + "/postgres");
    QVERIFY(!wrong);
    QVERIFY2(oneLine(wrong.message()), wrong.message().c_str());
    QVERIFY2(wrong.message().find("password authentication failed") != std::string::npos, wrong.message().c_str());
    QVERIFY2(wrong.message().find("wrong-pass") == std::string::npos, wrong.message().c_str());

    // PGPASSWORD (libpq's own mechanism) with a keyword connection string.
    qputenv("PGPASSWORD", "right-pass");
    auto right = Warehouse::open("host=127.0.0.1 port=" + std::to_string(server.port()) +
                                 " user=secret_user dbname=postgres");
    qunsetenv("PGPASSWORD");
    REQUIRE_OK(right);
    QVERIFY2((*right)->identity().find("right-pass") == std::string::npos, (*right)->identity().c_str());
    QVERIFY2((*right)->identity().find("secret_user@127.0.0.1") != std::string::npos, (*right)->identity().c_str());

    // TLS options pass through to libpq (this test server has no TLS).
    auto tls = Warehouse::open(server.uri() + "?sslmode=require");
    QVERIFY(!tls);
    QVERIFY2(oneLine(tls.message()) && tls.message().find("SSL") != std::string::npos, tls.message().c_str());
}

void ConformanceTest::serverStoppedMidQueryAndCopyGivesErrors() {
    if (!backend_.isPostgres()) QSKIP("an embedded SQLite file has no server that can go away");
    // A server of its own: this test kills it.
    auto server = PgServer::start();
    REQUIRE_OK(server);
    auto querying = Warehouse::open((*server)->uri());
    REQUIRE_OK(querying);
    auto loading = Warehouse::open((*server)->uri());
    REQUIRE_OK(loading);
    Warehouse& l = **loading;
    REQUIRE_OK(createTable(l, "load", {col("x", ColumnType::Integer), col("s", ColumnType::Text)}));
    REQUIRE_OK(l.begin());
    auto writer = l.bulkWriter("load", {col("x", ColumnType::Integer), col("s", ColumnType::Text)});
    REQUIRE_OK(writer);
    RowBatch batch;
    batch.columnCount = 2;
    for (int i = 0; i < 20000; ++i) {
        batch.cells.push_back(Cell::integer(i));
        batch.cells.push_back(Cell::textView(batch.arena.store("some text to load")));
    }
    REQUIRE_OK((*writer)->write(batch));

    std::thread stopper([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        (*server)->stop();
    });
    QElapsedTimer timer;
    timer.start();
    auto cursor = (*querying)->query(longQuerySql());
    stopper.join();
    QVERIFY(!cursor);
    QVERIFY2(oneLine(cursor.message()), cursor.message().c_str());
    QVERIFY2(timer.elapsed() < 10000, std::to_string(timer.elapsed()).c_str());
    qInfo("query error: %s", cursor.message().c_str());
    // Later statements on the dead connection fail too, without hanging.
    auto again = (*querying)->execute("SELECT 1");
    QVERIFY(!again);
    QVERIFY2(oneLine(again.message()), again.message().c_str());

    // The COPY in flight reports the loss on a later write or at finish.
    Status copy = Status::ok();
    for (int i = 0; i < 200 && copy; ++i) copy = (*writer)->write(batch);
    if (copy) copy = (*writer)->finish();
    QVERIFY(!copy);
    QVERIFY2(oneLine(copy.message()), copy.message().c_str());
    qInfo("copy error: %s", copy.message().c_str());
    writer = Error{"reset"};
    QVERIFY(!l.commit());  // the transaction died with the server: no silent new session

    // Once the server is back, the same Warehouse objects reconnect, and nothing was half-written.
    REQUIRE_OK((*server)->restart());
    REQUIRE_OK(scalar(**querying, "SELECT 1"));
    auto loaded = scalar(l, "SELECT count(*) FROM load");
    REQUIRE_OK(loaded);
    QVERIFY2(*loaded == Value{std::int64_t(0)}, show(*loaded).c_str());
}

void ConformanceTest::bulkWriterLoadsEveryCellKind() {
    const auto columns = everyTypeColumns();
    REQUIRE_OK(createTable(*w_, "loaded", columns));
    REQUIRE_OK(w_->begin());
    auto writer = w_->bulkWriter("loaded", columns);
    REQUIRE_OK(writer);
    RowBatch batch;
    batch.columnCount = columns.size();
    auto text = [&](std::string_view s) { return Cell::textView(batch.arena.store(s)); };
    batch.cells = {Cell::integer(1), Cell::integer(42), Cell::real(2.5), Cell::boolean(true), text("2021-02-03"),
                   text("2021-02-03 04:05:06"), text("plain"),
                   Cell::integer(2), Cell::null(), Cell::null(), Cell::null(), Cell::null(), Cell::null(), Cell::null(),
                   Cell::integer(3), Cell::integer(std::numeric_limits<std::int64_t>::min()), Cell::real(-0.125),
                   Cell::boolean(false), text("1999-12-31"), text("1999-12-31 23:59:59"), text("tab\there \\N")};
    REQUIRE_OK((*writer)->write(batch));
    REQUIRE_OK((*writer)->finish());
    REQUIRE_OK(w_->commit());

    auto rows = allRows(*w_, "SELECT n, i, r, b, d, dt, s FROM loaded ORDER BY n");
    REQUIRE_OK(rows);
    const std::vector<Row> expected = {
        {std::int64_t(1), std::int64_t(42), 2.5, true, std::string("2021-02-03"), std::string("2021-02-03 04:05:06"),
         std::string("plain")},
        {std::int64_t(2), Value{}, Value{}, Value{}, Value{}, Value{}, Value{}},
        {std::int64_t(3), std::numeric_limits<std::int64_t>::min(), -0.125, false, std::string("1999-12-31"),
         std::string("1999-12-31 23:59:59"), std::string("tab\there \\N")}};
    QCOMPARE(rows->size(), expected.size());
    for (std::size_t r = 0; r < expected.size(); ++r)
        for (std::size_t c = 0; c < expected[r].size(); ++c)
            QVERIFY2((*rows)[r][c] == expected[r][c],
                     ("row " + std::to_string(r) + " col " + std::to_string(c) + ": " + show((*rows)[r][c]) +
                      " != " + show(expected[r][c]))
                         .c_str());
}

void ConformanceTest::bulkWriterEscapesText_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("tab") << QStringLiteral("a\tb");
    QTest::newRow("newline") << QStringLiteral("line1\nline2");
    QTest::newRow("carriage return") << QStringLiteral("a\r\nb");
    QTest::newRow("backslash") << QStringLiteral("C:\\path\\to");
    QTest::newRow("null marker text") << QStringLiteral("\\N");
    QTest::newRow("dot line") << QStringLiteral("\\.");
    QTest::newRow("empty") << QString();
    QTest::newRow("unicode") << QStringLiteral("Zürich – 東京 🚀");
    QTest::newRow("quotes") << QStringLiteral("\"a\",'b'");
}

void ConformanceTest::bulkWriterEscapesText() {
    QFETCH(QString, text);
    const std::string bytes = text.toStdString();
    REQUIRE_OK(createTable(*w_, "texts", {col("s", ColumnType::Text)}));
    REQUIRE_OK(w_->begin());
    auto writer = w_->bulkWriter("texts", {col("s", ColumnType::Text)});
    REQUIRE_OK(writer);
    RowBatch batch;
    batch.columnCount = 1;
    batch.cells.push_back(Cell::textView(batch.arena.store(bytes)));
    REQUIRE_OK((*writer)->write(batch));
    REQUIRE_OK((*writer)->finish());
    REQUIRE_OK(w_->commit());
    auto back = scalar(*w_, "SELECT s FROM texts");
    REQUIRE_OK(back);
    QVERIFY2(*back == Value{bytes}, show(*back).c_str());
}

void ConformanceTest::bulkWriterRoundTripsDatesAndTimes_data() {
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("text");
    auto add = [](const char* name, ColumnType t, const char* text) {
        QTest::newRow(name) << int(t) << QString::fromUtf8(text);
    };
    add("leap day", ColumnType::Date, "2024-02-29");
    add("before 1970", ColumnType::Date, "1969-07-20");
    add("1900", ColumnType::Date, "1900-03-01");
    add("epoch 2000", ColumnType::Date, "2000-01-01");
    add("far future", ColumnType::Date, "2999-12-31");
    add("end of 1999", ColumnType::DateTime, "1999-12-31 23:59:59");
    add("fraction", ColumnType::DateTime, "2020-01-31 13:45:07.25");
    add("microseconds", ColumnType::DateTime, "2020-01-31 13:45:07.000001");
    add("before 1970 time", ColumnType::DateTime, "1960-06-15 08:30:00");
    add("midnight", ColumnType::DateTime, "2001-01-01 00:00:00");
}

void ConformanceTest::bulkWriterRoundTripsDatesAndTimes() {
    QFETCH(int, type);
    QFETCH(QString, text);
    const std::string bytes = text.toStdString();
    const std::vector<Column> columns = {col("v", ColumnType(type))};
    REQUIRE_OK(createTable(*w_, "times", columns));
    REQUIRE_OK(w_->begin());
    auto writer = w_->bulkWriter("times", columns);
    REQUIRE_OK(writer);
    RowBatch batch;
    batch.columnCount = 1;
    batch.cells.push_back(Cell::textView(batch.arena.store(bytes)));
    REQUIRE_OK((*writer)->write(batch));
    REQUIRE_OK((*writer)->finish());
    REQUIRE_OK(w_->commit());
    auto back = scalar(*w_, "SELECT v FROM times");
    REQUIRE_OK(back);
    QVERIFY2(*back == Value{bytes}, show(*back).c_str());
    // Comparable as a date/time, not only as text.
    auto count = scalar(*w_, "SELECT count(*) FROM times WHERE v = " + w_->placeholder(1), {Value{bytes}});
    REQUIRE_OK(count);
    QVERIFY2(*count == Value{std::int64_t(1)}, show(*count).c_str());
}

void ConformanceTest::bulkWriterIntoDeclaredTypes() {
    // Tables made by hand with SQL types other than the ones Deskbase creates.
    REQUIRE_OK(w_->execute("CREATE TABLE declared (a INTEGER, b SMALLINT, c NUMERIC, d REAL, e VARCHAR(20), "
                           "f TIMESTAMP, g BOOLEAN)"));
    const std::vector<Column> columns = {col("a", ColumnType::Integer), col("b", ColumnType::Integer),
                                         col("c", ColumnType::Real),    col("d", ColumnType::Real),
                                         col("e", ColumnType::Text),    col("f", ColumnType::DateTime),
                                         col("g", ColumnType::Boolean)};
    REQUIRE_OK(w_->begin());
    auto writer = w_->bulkWriter("declared", columns);
    REQUIRE_OK(writer);
    RowBatch batch;
    batch.columnCount = columns.size();
    batch.cells = {Cell::integer(2000000000), Cell::integer(-300), Cell::real(12.5), Cell::real(0.5),
                   Cell::textView(batch.arena.store("short\ttext")),
                   Cell::textView(batch.arena.store("2010-05-06 07:08:09")), Cell::boolean(true)};
    REQUIRE_OK((*writer)->write(batch));
    REQUIRE_OK((*writer)->finish());
    REQUIRE_OK(w_->commit());
    auto rows = allRows(*w_, "SELECT a, b, c, d, e, f, g FROM declared");
    REQUIRE_OK(rows);
    QCOMPARE(rows->size(), std::size_t(1));
    const Row expected = {std::int64_t(2000000000), std::int64_t(-300), 12.5, 0.5, std::string("short\ttext"),
                          std::string("2010-05-06 07:08:09"), true};
    for (std::size_t c = 0; c < expected.size(); ++c)
        QVERIFY2(rows->front()[c] == expected[c],
                 ("col " + std::to_string(c) + ": " + show(rows->front()[c]) + " != " + show(expected[c])).c_str());
}

void ConformanceTest::abandonedBulkWriterLeavesNothing() {
    REQUIRE_OK(createTable(*w_, "t", {col("x", ColumnType::Integer)}));
    REQUIRE_OK(w_->begin());
    {
        auto writer = w_->bulkWriter("t", {col("x", ColumnType::Integer)});
        REQUIRE_OK(writer);
        RowBatch batch;
        batch.columnCount = 1;
        for (int i = 0; i < 1000; ++i) batch.cells.push_back(Cell::integer(i));
        REQUIRE_OK((*writer)->write(batch));
    }  // dropped without finish(), as an import does when it is cancelled
    REQUIRE_OK(w_->rollback());
    auto count = scalar(*w_, "SELECT count(*) FROM t");
    REQUIRE_OK(count);
    QVERIFY2(*count == Value{std::int64_t(0)}, show(*count).c_str());
}

void ConformanceTest::rollbackLeavesNothing() {
    REQUIRE_OK(createTable(*w_, "kept", {col("x", ColumnType::Integer)}));
    REQUIRE_OK(w_->execute("INSERT INTO kept (x) VALUES (1)"));
    REQUIRE_OK(w_->begin());
    REQUIRE_OK(w_->execute("INSERT INTO kept (x) VALUES (2)"));
    REQUIRE_OK(createTable(*w_, "made_in_transaction", {col("x", ColumnType::Integer)}));
    auto writer = w_->bulkWriter("made_in_transaction", {col("x", ColumnType::Integer)});
    REQUIRE_OK(writer);
    RowBatch batch;
    batch.columnCount = 1;
    batch.cells = {Cell::integer(7), Cell::integer(8)};
    REQUIRE_OK((*writer)->write(batch));
    REQUIRE_OK((*writer)->finish());
    REQUIRE_OK(w_->bumpDataVersion("kept"));
    REQUIRE_OK(w_->rollback());

    auto exists = w_->tableExists("made_in_transaction");
    REQUIRE_OK(exists);
    QVERIFY(!*exists);
    auto count = scalar(*w_, "SELECT count(*) FROM kept");
    REQUIRE_OK(count);
    QVERIFY2(*count == Value{std::int64_t(1)}, show(*count).c_str());
    auto version = w_->dataVersion("kept");
    REQUIRE_OK(version);
    QCOMPARE(*version, std::int64_t(0));
}

void ConformanceTest::tablesReadByNamesBaseTables() {
    REQUIRE_OK(createTable(*w_, "orders", {col("id", ColumnType::Integer), col("customer", ColumnType::Integer)}));
    REQUIRE_OK(createTable(*w_, "customers", {col("id", ColumnType::Integer), col("name", ColumnType::Text)}));
    REQUIRE_OK(createTable(*w_, "unrelated", {col("id", ColumnType::Integer)}));
    const std::string sql = "SELECT c.name, count(*) FROM orders o JOIN customers c ON c.id = o.customer WHERE o.id > " +
                            w_->placeholder(1) + " GROUP BY c.name";
    const std::vector<std::string> expected = {"customers", "orders"};
    auto bound = w_->tablesReadBy(sql, {Value{std::int64_t(5)}});
    REQUIRE_OK(bound);
    QCOMPARE(*bound, expected);
    auto unbound = w_->tablesReadBy(sql);  // values not known yet
    REQUIRE_OK(unbound);
    QCOMPARE(*unbound, expected);
    QVERIFY(!w_->tablesReadBy("SELECT * FROM no_such_table"));
}

void ConformanceTest::dataVersionCountsBumps() {
    auto v = w_->dataVersion("sales");
    REQUIRE_OK(v);
    QCOMPARE(*v, std::int64_t(0));
    REQUIRE_OK(w_->bumpDataVersion("sales"));
    REQUIRE_OK(w_->bumpDataVersion("sales"));
    REQUIRE_OK(w_->begin());
    REQUIRE_OK(w_->bumpDataVersion("sales"));
    REQUIRE_OK(w_->commit());
    v = w_->dataVersion("sales");
    REQUIRE_OK(v);
    QCOMPARE(*v, std::int64_t(3));
    auto other = w_->dataVersion("other");
    REQUIRE_OK(other);
    QCOMPARE(*other, std::int64_t(0));
    auto tables = w_->listTables();
    REQUIRE_OK(tables);
    QVERIFY(tables->empty());  // deskbase_table_versions is bookkeeping
}

}  // namespace deskbase::test
