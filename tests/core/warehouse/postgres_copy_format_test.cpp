// The PostgreSQL COPY encoders on their own (no server): ISO date/time conversion to
// PostgreSQL's binary values, text escaping, binary field layout and refusal of values that do
// not fit. The round trip through a real server is in the conformance suite.
#include "core/warehouse/postgres_copy_format.h"

#include <QtTest>

#include "core/warehouse/postgres_values.h"

using namespace deskbase;
using namespace deskbase::pg;

class PostgresCopyFormatTest : public QObject {
    Q_OBJECT

private slots:
    void isoDates_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("days");
        QTest::newRow("pg epoch") << QStringLiteral("2000-01-01") << true << 0;
        QTest::newRow("next day") << QStringLiteral("2000-01-02") << true << 1;
        QTest::newRow("day before") << QStringLiteral("1999-12-31") << true << -1;
        QTest::newRow("unix epoch") << QStringLiteral("1970-01-01") << true << -10957;
        QTest::newRow("leap day") << QStringLiteral("2024-02-29") << true << 8825;
        QTest::newRow("datetime keeps its day") << QStringLiteral("2000-01-02 23:59:59") << true << 1;
        QTest::newRow("datetime before epoch") << QStringLiteral("1999-12-31 12:00:00") << true << -1;
        QTest::newRow("not a leap year") << QStringLiteral("2023-02-29") << false << 0;
        QTest::newRow("month 13") << QStringLiteral("2020-13-01") << false << 0;
        QTest::newRow("short month") << QStringLiteral("2020-1-01") << false << 0;
        QTest::newRow("day 0") << QStringLiteral("2020-01-00") << false << 0;
        QTest::newRow("empty") << QString() << false << 0;
        QTest::newRow("words") << QStringLiteral("Jan 1 2000") << false << 0;
    }
    void isoDates() {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(int, days);
        std::int32_t got = 12345;
        QCOMPARE(isoToPgDate(text.toStdString(), &got), valid);
        if (valid) QCOMPARE(got, days);
    }

    void isoTimestamps_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("micros");
        QTest::newRow("epoch") << QStringLiteral("2000-01-01 00:00:00") << true << qint64(0);
        QTest::newRow("date only") << QStringLiteral("2000-01-02") << true << qint64(86400000000LL);
        QTest::newRow("fraction") << QStringLiteral("2000-01-01 00:00:01.5") << true << qint64(1500000);
        QTest::newRow("microsecond") << QStringLiteral("2000-01-01 00:00:00.000001") << true << qint64(1);
        QTest::newRow("T and no seconds")
            << QStringLiteral("2000-01-01T01:00") << true << qint64(3600000000LL);
        QTest::newRow("before epoch") << QStringLiteral("1999-12-31 23:59:59") << true << qint64(-1000000);
        QTest::newRow("hour 24") << QStringLiteral("2000-01-01 24:00:00") << false << qint64(0);
        QTest::newRow("zone suffix") << QStringLiteral("2000-01-01 10:00:00Z") << false << qint64(0);
        QTest::newRow("seven fraction digits")
            << QStringLiteral("2000-01-01 10:00:00.1234567") << false << qint64(0);
        QTest::newRow("dangling dot") << QStringLiteral("2000-01-01 10:00:00.") << false << qint64(0);
    }
    void isoTimestamps() {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, micros);
        std::int64_t got = 12345;
        QCOMPARE(isoToPgTimestamp(text.toStdString(), &got), valid);
        if (valid) QCOMPARE(qint64(got), micros);
    }

    void textRowEscapesSpecialCharacters() {
        const std::string s = "a\tb\nc\\d\re";
        const std::vector<Cell> cells = {Cell::integer(-7), Cell::null(), Cell::textView(s),
                                         Cell::boolean(true), Cell::real(0.5)};
        const std::vector<CopyColumn> cols = {{"i", ColumnType::Integer, oid::kInt8},
                                              {"n", ColumnType::Text, 25},
                                              {"s", ColumnType::Text, 25},
                                              {"b", ColumnType::Boolean, oid::kBool},
                                              {"r", ColumnType::Real, oid::kFloat8}};
        std::string buf(textRowBound(cells.data(), cells.size()), '\0');
        char* end = formatTextRow(buf.data(), cells.data(), cols);
        QCOMPARE(std::string(buf.data(), end), std::string("-7\t\\N\ta\\tb\\nc\\\\d\\re\tt\t0.5\n"));
    }

    void binaryRowLayout() {
        const std::vector<Cell> cells = {Cell::integer(258), Cell::null(), Cell::textView("hi"),
                                         Cell::boolean(true)};
        const std::vector<CopyColumn> cols = {{"i", ColumnType::Integer, oid::kInt8},
                                              {"n", ColumnType::Text, 25},
                                              {"s", ColumnType::Text, 25},
                                              {"b", ColumnType::Boolean, oid::kBool}};
        std::string buf(binaryRowBound(cells.data(), cells.size()), '\0');
        std::string error;
        char* end = formatBinaryRow(buf.data(), cells.data(), cols, &error);
        QVERIFY2(end, error.c_str());
        const std::string expected(
            "\0\4"                            // 4 fields
            "\0\0\0\x08\0\0\0\0\0\0\x01\x02"  // int8 258
            "\xff\xff\xff\xff"                // NULL
            "\0\0\0\x02hi"                    // text
            "\0\0\0\x01\x01",                 // bool true
            2 + 12 + 4 + 6 + 5);
        QCOMPARE(QByteArray::fromStdString(std::string(buf.data(), end)).toHex(),
                 QByteArray::fromStdString(expected).toHex());
        QCOMPARE(binaryCopyHeader().size(), std::size_t(19));
    }

    void binaryRefusesValuesThatDoNotFit_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("text");
        QTest::newRow("word in bigint") << int(oid::kInt8) << QStringLiteral("abc");
        QTest::newRow("word in date") << int(oid::kDate) << QStringLiteral("someday");
        QTest::newRow("bad timestamp") << int(oid::kTimestamp) << QStringLiteral("2020-02-30 10:00:00");
        QTest::newRow("word in boolean") << int(oid::kBool) << QStringLiteral("maybe");
        QTest::newRow("too big for int4") << int(oid::kInt4) << QStringLiteral("3000000000");
    }
    void binaryRefusesValuesThatDoNotFit() {
        QFETCH(int, type);
        QFETCH(QString, text);
        const std::string s = text.toStdString();
        const std::vector<Cell> cells = {Cell::textView(s)};
        const std::vector<CopyColumn> cols = {{"c", ColumnType::Text, Oid(type)}};
        std::string buf(binaryRowBound(cells.data(), 1), '\0');
        std::string error;
        QVERIFY(!formatBinaryRow(buf.data(), cells.data(), cols, &error));
        QVERIFY2(error.find("column c") != std::string::npos && error.find(s) != std::string::npos,
                 error.c_str());
    }
};

QTEST_GUILESS_MAIN(PostgresCopyFormatTest)
#include "postgres_copy_format_test.moc"
