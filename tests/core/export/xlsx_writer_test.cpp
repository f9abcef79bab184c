// Excel workbooks from XlsxWriter, read back cell by cell with tests/support/xlsx_reader (minizip +
// QXmlStreamReader, not libxlsxwriter): typed cells, exact numbers, dates as dates, the bold frozen
// header, widths from the data, and what Excel cannot hold failing with a one-line reason.
#include "core/export/xlsx_writer.h"

#include <QtTest>
#include <cmath>
#include <filesystem>
#include <limits>

#include "tests/support/temp_workspace.h"
#include "tests/support/xlsx_reader.h"

using namespace deskbase;

namespace {

Column col(const char* name, ColumnType type) {
    return Column{name, type, name};
}

// Writes `rows` under `columns` and reads the sheet back; an error fails the test.
std::optional<test::XlsxSheet> roundTrip(const std::string& path, const std::vector<Column>& columns,
                                         const std::vector<Row>& rows, XlsxOptions options = {}) {
    auto w = XlsxWriter::create(path, columns, options);
    if (!w) {
        qWarning("create: %s", w.message().c_str());
        return std::nullopt;
    }
    if (Status s = (*w)->addRows(rows); !s) {
        qWarning("addRows: %s", s.message().c_str());
        return std::nullopt;
    }
    if (Status s = (*w)->close(); !s) {
        qWarning("close: %s", s.message().c_str());
        return std::nullopt;
    }
    QString error;
    auto sheet = test::readXlsx(QString::fromStdString(path), &error);
    if (!sheet) qWarning("read: %s", qPrintable(error));
    return sheet;
}

}  // namespace

class XlsxWriterTest : public QObject {
    Q_OBJECT
    test::TempWorkspace ws_;

private slots:
    void cellsKeepTheirTypes() {
        const std::vector<Column> cols = {col("id", ColumnType::Integer),  col("price", ColumnType::Real),
                                          col("ok", ColumnType::Boolean),  col("day", ColumnType::Date),
                                          col("at", ColumnType::DateTime), col("name", ColumnType::Text)};
        const std::vector<Row> rows = {
            {std::int64_t(42), 0.1, true, std::string("2020-01-31"), std::string("2020-01-31 13:45:30"),
             std::string("Zürich 東京")},
            {std::int64_t(-7), -2.5, false, Value{}, std::string("2024-02-29T06:00:00.5"), std::string("")},
        };
        auto sheet = roundTrip(ws_.file("typed.xlsx"), cols, rows);
        QVERIFY(sheet);
        QCOMPARE(sheet->rowCount, 3);
        QCOMPARE(sheet->cell("A2")->type, QStringLiteral("n"));
        QCOMPARE(sheet->cell("A2")->text, QStringLiteral("42"));
        QCOMPARE(sheet->cell("A3")->text, QStringLiteral("-7"));
        QCOMPARE(sheet->cell("B2")->type, QStringLiteral("n"));
        QCOMPARE(sheet->cell("B2")->text.toDouble(), 0.1);
        QCOMPARE(sheet->cell("C2")->type, QStringLiteral("b"));
        QCOMPARE(sheet->cell("C2")->text, QStringLiteral("1"));
        QCOMPARE(sheet->cell("C3")->text, QStringLiteral("0"));
        // Dates are numbers (Excel serials) with a date format.
        QCOMPARE(sheet->cell("D2")->type, QStringLiteral("n"));
        QCOMPARE(sheet->cell("D2")->text.toDouble(), test::excelSerial(2020, 1, 31));
        QCOMPARE(sheet->cell("D2")->numberFormat, QStringLiteral("yyyy-mm-dd"));
        QVERIFY(!sheet->cell("D3"));  // NULL: no cell at all
        QVERIFY(std::abs(sheet->cell("E2")->text.toDouble() - test::excelSerial(2020, 1, 31, 13, 45, 30)) <
                1e-9);
        QCOMPARE(sheet->cell("E2")->numberFormat, QStringLiteral("yyyy-mm-dd hh:mm:ss"));
        QVERIFY(std::abs(sheet->cell("E3")->text.toDouble() - test::excelSerial(2024, 2, 29, 6, 0, 0.5)) <
                1e-9);
        QVERIFY(sheet->cell("F2")->type != QLatin1String("n"));
        QCOMPARE(sheet->cell("F2")->text, QStringLiteral("Zürich 東京"));
        QVERIFY(!sheet->cell("F2")->bold);
    }

    void headerIsBoldAndFrozenAndWidthsFollowTheData() {
        const std::vector<Column> cols = {Column{"customer_name", ColumnType::Text, "Customer name"},
                                          col("n", ColumnType::Integer)};
        const std::string longName(30, 'x');
        auto sheet = roundTrip(ws_.file("header.xlsx"), cols,
                               {{std::string("ab"), std::int64_t(1)}, {longName, std::int64_t(2)}});
        QVERIFY(sheet);
        QCOMPARE(sheet->frozenRows, 1);
        QCOMPARE(sheet->cell("A1")->text, QStringLiteral("Customer name"));  // the display name
        QVERIFY(sheet->cell("A1")->bold);
        QVERIFY(sheet->cell("B1")->bold);
        // Stored as Excel stores widths: characters plus the cell padding (under one character).
        const double wide = sheet->widths.value(1), narrow = sheet->widths.value(2);
        QVERIFY2(wide >= 32 && wide < 33, qPrintable(QString::number(wide)));  // 30 characters + a margin
        QVERIFY2(narrow >= 6 && narrow < 7,
                 qPrintable(QString::number(narrow)));  // "n", one digit: the narrowest
    }

    // A double holds integers exactly only up to 2^53: past that the digits are kept as text.
    void numbersADoubleCannotHoldAreKeptAsText() {
        const std::int64_t exact = std::int64_t(1) << 53;
        const std::vector<Column> cols = {col("n", ColumnType::Integer), col("r", ColumnType::Real)};
        auto sheet =
            roundTrip(ws_.file("big.xlsx"), cols,
                      {{exact, std::numeric_limits<double>::quiet_NaN()},
                       {std::int64_t(9007199254740993), std::numeric_limits<double>::infinity()},
                       {std::numeric_limits<std::int64_t>::min(), -std::numeric_limits<double>::infinity()}});
        QVERIFY(sheet);
        QCOMPARE(sheet->cell("A2")->type, QStringLiteral("n"));
        QCOMPARE(sheet->cell("A2")->text.toDouble(), double(exact));
        QVERIFY(sheet->cell("A3")->type != QLatin1String("n"));
        QCOMPARE(sheet->cell("A3")->text, QStringLiteral("9007199254740993"));
        QCOMPARE(sheet->cell("A4")->text, QStringLiteral("-9223372036854775808"));
        QCOMPARE(sheet->cell("B2")->text, QStringLiteral("NaN"));
        QCOMPARE(sheet->cell("B3")->text, QStringLiteral("Infinity"));
        QCOMPARE(sheet->cell("B4")->text, QStringLiteral("-Infinity"));
    }

    // libxlsxwriter writes reals with %.16G (documented in docs/questions.md): 16 significant digits
    // are exact, a real that needs the 17th reads back one unit in the last place apart.
    void realsKeepSixteenSignificantDigits() {
        auto sheet = roundTrip(ws_.file("reals.xlsx"), {col("r", ColumnType::Real)},
                               {{1234.567890123456}, {0.1 + 0.2}, {-1e-300}});
        QVERIFY(sheet);
        QCOMPARE(sheet->cell("A2")->text.toDouble(), 1234.567890123456);
        QCOMPARE(sheet->cell("A3")->text, QStringLiteral("0.3"));
        QCOMPARE(sheet->cell("A4")->text.toDouble(), -1e-300);
    }

    void datesExcelCannotHoldStayText_data() {
        QTest::addColumn<QString>("value");
        QTest::newRow("before 1900") << "1850-06-01";
        QTest::newRow("month 13") << "2020-13-01";
        QTest::newRow("time zone") << "2020-01-31 13:45:00+02";
        QTest::newRow("not a date") << "soon";
    }
    void datesExcelCannotHoldStayText() {
        QFETCH(QString, value);
        auto sheet =
            roundTrip(ws_.file("dates.xlsx"), {col("d", ColumnType::DateTime)}, {{value.toStdString()}});
        QVERIFY(sheet);
        QVERIFY(sheet->cell("A2")->type != QLatin1String("n"));
        QCOMPARE(sheet->cell("A2")->text, value);
    }

    // Text that looks like OOXML's escape must not turn into another character when Excel reads it.
    void textLikeAnEscapeIsKept() {
        auto sheet = roundTrip(
            ws_.file("esc.xlsx"), {col("t", ColumnType::Text)},
            {{std::string("a_x0041_b")}, {std::string("_x")}, {std::string("_x005F_x0042__x0043_")}});
        QVERIFY(sheet);
        QCOMPARE(sheet->cell("A2")->text, QStringLiteral("a_x0041_b"));  // not "aAb"
        QCOMPARE(sheet->cell("A3")->text, QStringLiteral("_x"));
        QCOMPARE(sheet->cell("A4")->text, QStringLiteral("_x005F_x0042__x0043_"));
    }

    // A control character is not allowed in XML: the file must still open, with OOXML's escape
    // for it (_x0001_), which Excel reads back as the character.
    void controlCharactersKeepTheFileReadable() {
        auto sheet =
            roundTrip(ws_.file("ctrl.xlsx"), {col("t", ColumnType::Text)}, {{std::string("ctrl\x01")}});
        QVERIFY(sheet);
        QCOMPARE(sheet->cell("A2")->text, QStringLiteral("ctrl\x01"));
    }

    void textLongerThanACellIsAnError() {
        auto w = XlsxWriter::create(ws_.file("long.xlsx"), {col("t", ColumnType::Text)});
        QVERIFY(w);
        QVERIFY((*w)->addRows({{std::string(32767, 'a')}}));  // exactly the limit fits
        Status s = (*w)->addRows({{std::string("fine")}, {std::string(32768, 'a')}});
        QVERIFY(!s);
        QCOMPARE(
            QString::fromStdString(s.message()),
            QStringLiteral("Row 3, column “t”: 32768 characters, more than an Excel cell holds (32,767); "
                           "export CSV instead"));
    }

    void moreRowsThanASheetHoldsIsAnError() {
        XlsxOptions options;
        options.maxRows = 3;
        auto w = XlsxWriter::create(ws_.file("rows.xlsx"), {col("n", ColumnType::Integer)}, options);
        QVERIFY(w);
        QVERIFY((*w)->addRows({{std::int64_t(1)}, {std::int64_t(2)}, {std::int64_t(3)}}));
        Status s = (*w)->addRows({{std::int64_t(4)}});
        QVERIFY(!s);
        QCOMPARE(QString::fromStdString(s.message()),
                 QStringLiteral(
                     "The result has more than 3 rows, more than an Excel sheet holds; export CSV instead"));
    }

    void abandonedWriterWritesNothing() {
        const std::string path = ws_.file("abandoned.xlsx");
        {
            auto w = XlsxWriter::create(path, {col("n", ColumnType::Integer)});
            QVERIFY(w);
            QVERIFY((*w)->addRows({{std::int64_t(1)}}));
        }
        QVERIFY(!std::filesystem::exists(path));
    }
};

QTEST_GUILESS_MAIN(XlsxWriterTest)
#include "xlsx_writer_test.moc"
