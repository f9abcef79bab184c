// Bulk loading (BulkWriter over RowBatch) and transactions, the same on every backend.
#include <chrono>
#include <cstdio>
#include <limits>
#include <thread>

#include "tests/core/warehouse/conformance/conformance_test.h"

namespace deskbase::test {

void ConformanceTest::bulkWriterLoadsEveryCellKind() {
    const auto columns = everyTypeColumns();
    REQUIRE_OK(createTable(*w_, "loaded", columns));
    REQUIRE_OK(w_->begin());
    auto writer = w_->bulkWriter("loaded", columns);
    REQUIRE_OK(writer);
    RowBatch batch;
    batch.columnCount = columns.size();
    auto text = [&](std::string_view s) { return Cell::textView(batch.arena.store(s)); };
    batch.cells = {Cell::integer(1),     Cell::integer(42),
                   Cell::real(2.5),      Cell::boolean(true),
                   text("2021-02-03"),   text("2021-02-03 04:05:06"),
                   text("plain"),        Cell::integer(2),
                   Cell::null(),         Cell::null(),
                   Cell::null(),         Cell::null(),
                   Cell::null(),         Cell::null(),
                   Cell::integer(3),     Cell::integer(std::numeric_limits<std::int64_t>::min()),
                   Cell::real(-0.125),   Cell::boolean(false),
                   text("1999-12-31"),   text("1999-12-31 23:59:59"),
                   text("tab\there \\N")};
    REQUIRE_OK((*writer)->write(batch));
    REQUIRE_OK((*writer)->finish());
    REQUIRE_OK(w_->commit());

    auto rows = allRows(*w_, "SELECT n, i, r, b, d, dt, s FROM loaded ORDER BY n");
    REQUIRE_OK(rows);
    const std::vector<Row> expected = {
        {std::int64_t(1), std::int64_t(42), 2.5, true, std::string("2021-02-03"),
         std::string("2021-02-03 04:05:06"), std::string("plain")},
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
    REQUIRE_OK(
        w_->execute("CREATE TABLE declared (a INTEGER, b SMALLINT, c NUMERIC, d REAL, e VARCHAR(20), "
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
    batch.cells = {Cell::integer(2000000000),
                   Cell::integer(-300),
                   Cell::real(12.5),
                   Cell::real(0.5),
                   Cell::textView(batch.arena.store("short\ttext")),
                   Cell::textView(batch.arena.store("2010-05-06 07:08:09")),
                   Cell::boolean(true)};
    REQUIRE_OK((*writer)->write(batch));
    REQUIRE_OK((*writer)->finish());
    REQUIRE_OK(w_->commit());
    auto rows = allRows(*w_, "SELECT a, b, c, d, e, f, g FROM declared");
    REQUIRE_OK(rows);
    QCOMPARE(rows->size(), std::size_t(1));
    const Row expected = {std::int64_t(2000000000),
                          std::int64_t(-300),
                          12.5,
                          0.5,
                          std::string("short\ttext"),
                          std::string("2010-05-06 07:08:09"),
                          true};
    for (std::size_t c = 0; c < expected.size(); ++c)
        QVERIFY2(rows->front()[c] == expected[c],
                 ("col " + std::to_string(c) + ": " + show(rows->front()[c]) + " != " + show(expected[c]))
                     .c_str());
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

}  // namespace deskbase::test
