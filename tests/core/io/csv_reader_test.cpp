// CSV reading per RFC 4180 and real-life files: one data row per case, plus generated files
// that cross the reader's buffer refills.
#include <QtTest>
#include <atomic>
#include <cstdint>

#include "core/ingest/file_schema.h"
#include "core/io/file_format.h"
#include "tests/core/io/read_all_records.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;
using deskbase::test::bytes;

namespace {

// A row of expected fields written as one string: fields split by '|' (none of the cases
// below has a '|' in its data).
QStringList fieldsOf(const char* spec) {
    return QString::fromUtf8(spec).split(QLatin1Char('|'));
}

// Deterministic generator for the large-file tests.
struct Lcg {
    std::uint64_t s = 0x9E3779B97F4A7C15ULL;
    std::uint32_t next() {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return std::uint32_t(s >> 33);
    }
};

struct GeneratedCsv {
    std::string bytes;
    std::vector<QStringList> records;  // expected fields
    std::vector<std::int64_t> lines;   // expected start line
};

// Records with quoted delimiters, doubled quotes and embedded line breaks, `eol` between them.
GeneratedCsv generateCsv(std::size_t targetBytes, const std::string& eol) {
    GeneratedCsv g;
    Lcg rng;
    g.bytes = "id,text,amount" + eol;
    std::int64_t line = 2;
    for (int id = 1; g.bytes.size() < targetBytes; ++id) {
        std::string text;
        const int len = int(rng.next() % 120);
        for (int k = 0; k < len; ++k) text += char('a' + rng.next() % 26);
        std::string encoded = text;
        std::int64_t breaks = 0;
        switch (rng.next() % 5) {
            case 0:
                break;  // plain
            case 1:
                text += ", with a comma";
                encoded = '"' + text + '"';
                break;
            case 2:
                text = "say \"" + text + "\"";
                encoded = "\"say \"\"" + encoded + "\"\"\"";
                break;
            case 3:
                text += eol + "second line";
                encoded = '"' + text + '"';
                breaks = 1;
                break;
            case 4:
                text.clear();
                encoded = "\"\"";
                break;
        }
        const std::string amount =
            std::to_string(rng.next() % 100000) + "." + std::to_string(rng.next() % 100);
        g.bytes += std::to_string(id) + "," + encoded + "," + amount + eol;
        g.records.push_back(
            {QString::number(id), QString::fromStdString(text), QString::fromStdString(amount)});
        g.lines.push_back(line);
        line += 1 + breaks;
    }
    return g;
}

}  // namespace

class CsvReaderTest : public QObject {
    Q_OBJECT

private slots:
    void edgeCases_data();
    void edgeCases();
    void veryLongField_data();
    void veryLongField();
    void recordsStraddlingReadBoundaries_data();
    void recordsStraddlingReadBoundaries();
    void blankLinesAreNotRecords_data();
    void blankLinesAreNotRecords();
    void splitByTheFirstRead_data();
    void splitByTheFirstRead();
};

void CsvReaderTest::edgeCases_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("hasHeader");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QList<QStringList>>("records");
    QTest::addColumn<QList<qint64>>("lines");
    QTest::addColumn<QStringList>("errors");  // per record: "" or a part of the expected error

    const QStringList ab{QStringLiteral("a"), QStringLiteral("b")};
    const QStringList ok2{QString(), QString()};

    QTest::newRow("LF line ends") << QByteArray("a,b\n1,2\n3,4\n") << true << ab
                                  << QList<QStringList>{fieldsOf("1|2"), fieldsOf("3|4")}
                                  << QList<qint64>{2, 3} << ok2;
    QTest::newRow("CRLF line ends") << QByteArray("a,b\r\n1,2\r\n3,4\r\n") << true << ab
                                    << QList<QStringList>{fieldsOf("1|2"), fieldsOf("3|4")}
                                    << QList<qint64>{2, 3} << ok2;
    QTest::newRow("lone CR line ends")
        << QByteArray("a,b\r1,2\r3,4\r") << true << ab << QList<QStringList>{fieldsOf("1|2"), fieldsOf("3|4")}
        << QList<qint64>{2, 3} << ok2;
    QTest::newRow("quoted field with delimiter")
        << QByteArray("a,b\n\"x,y\",2\n") << true << ab << QList<QStringList>{fieldsOf("x,y|2")}
        << QList<qint64>{2} << QStringList{QString()};
    QTest::newRow("doubled quotes") << QByteArray("a,b\n\"say \"\"hi\"\"\",2\n") << true << ab
                                    << QList<QStringList>{fieldsOf("say \"hi\"|2")} << QList<qint64>{2}
                                    << QStringList{QString()};
    QTest::newRow("doubled quotes in two fields")
        << QByteArray("a,b\n\"p\"\"q\",\"r\"\"s\"\n") << true << ab
        << QList<QStringList>{fieldsOf("p\"q|r\"s")} << QList<qint64>{2} << QStringList{QString()};
    QTest::newRow("LF inside quotes, next line counted")
        << QByteArray("a,b\n\"line1\nline2\",2\n3,4\n") << true << ab
        << QList<QStringList>{fieldsOf("line1\nline2|2"), fieldsOf("3|4")} << QList<qint64>{2, 4} << ok2;
    QTest::newRow("CRLF inside quotes, next line counted")
        << QByteArray("a,b\r\n\"l1\r\nl2\r\nl3\",2\r\n3,4\r\n") << true << ab
        << QList<QStringList>{fieldsOf("l1\r\nl2\r\nl3|2"), fieldsOf("3|4")} << QList<qint64>{2, 5} << ok2;
    QTest::newRow("lone CR inside quotes, next line counted")
        << QByteArray("a,b\r\"l1\rl2\",2\r3,4\r") << true << ab
        << QList<QStringList>{fieldsOf("l1\rl2|2"), fieldsOf("3|4")} << QList<qint64>{2, 4} << ok2;
    QTest::newRow("UTF-8 BOM not in the first header")
        << QByteArray(
               "\xEF\xBB\xBF"
               "a,b\n1,2\n")
        << true << ab << QList<QStringList>{fieldsOf("1|2")} << QList<qint64>{2} << QStringList{QString()};
    QTest::newRow("missing final newline")
        << QByteArray("a,b\n1,2\n3,4") << true << ab << QList<QStringList>{fieldsOf("1|2"), fieldsOf("3|4")}
        << QList<qint64>{2, 3} << ok2;
    QTest::newRow("missing final newline after quoted field")
        << QByteArray("a,b\n1,\"x\"") << true << ab << QList<QStringList>{fieldsOf("1|x")} << QList<qint64>{2}
        << QStringList{QString()};
    QTest::newRow("blank trailing lines")
        << QByteArray("a,b\n1,2\n3,4\n\n\n\r\n") << true << ab
        << QList<QStringList>{fieldsOf("1|2"), fieldsOf("3|4")} << QList<qint64>{2, 3} << ok2;
    QTest::newRow("blank line in the middle")
        << QByteArray("a,b\n1,2\n\n3,4\n") << true << ab
        << QList<QStringList>{fieldsOf("1|2"), fieldsOf("3|4")} << QList<qint64>{2, 4} << ok2;
    QTest::newRow("blank lines before the header")
        << QByteArray("\n\na,b\n1,2\n") << true << ab << QList<QStringList>{fieldsOf("1|2")}
        << QList<qint64>{4} << QStringList{QString()};
    QTest::newRow("empty fields") << QByteArray("a,b,c\n,,\n1,,3\n") << true
                                  << QStringList{QStringLiteral("a"), QStringLiteral("b"),
                                                 QStringLiteral("c")}
                                  << QList<QStringList>{fieldsOf("||"), fieldsOf("1||3")}
                                  << QList<qint64>{2, 3} << ok2;
    QTest::newRow("field that is only \"\"")
        << QByteArray("a,b\n\"\",x\ny,\"\"\n") << true << ab
        << QList<QStringList>{fieldsOf("|x"), fieldsOf("y|")} << QList<qint64>{2, 3} << ok2;
    QTest::newRow("spaces around fields are kept")
        << QByteArray("a,b\n x , y \n") << true << ab << QList<QStringList>{fieldsOf(" x | y ")}
        << QList<qint64>{2} << QStringList{QString()};
    QTest::newRow("wrong field counts are passed on")
        << QByteArray("a,b\n1\n1,2,3\n") << true << ab << QList<QStringList>{fieldsOf("1"), fieldsOf("1|2|3")}
        << QList<qint64>{2, 3} << ok2;
    // Issue 15: a quote that never closes is read again within its line (it is then text), so it
    // cannot swallow the rest of the file; the rows after it are rows (a wrong width is the
    // import's reject).
    QTest::newRow("unterminated quote at EOF is read within its line")
        << QByteArray("a,b\n1,2\n3,\"abc\ndef\n") << true << ab
        << QList<QStringList>{fieldsOf("1|2"), fieldsOf("3|\"abc"), fieldsOf("def")} << QList<qint64>{2, 3, 4}
        << QStringList{QString(), QString(), QString()};
    QTest::newRow("unterminated quote with doubled quotes is text")
        << QByteArray("a,b\n3,\"ab\"\"cd") << true << ab << QList<QStringList>{fieldsOf("3|\"ab\"\"cd")}
        << QList<qint64>{2} << QStringList{QString()};
    QTest::newRow("unterminated quote in a row of the wrong width is flagged")
        << QByteArray("a,b\n3,\"x,y\n4,5\n") << true << ab
        << QList<QStringList>{fieldsOf("3|\"x|y"), fieldsOf("4|5")} << QList<qint64>{2, 3}
        << QStringList{QStringLiteral("a quote that does not close on its line"), QString()};
    QTest::newRow("a stray quote over lines into the wrong width is read within its line")
        << QByteArray("a,b\n1,\"x\n2,y\"z,w\n3,4\n") << true << ab
        << QList<QStringList>{fieldsOf("1|\"x"), fieldsOf("2|y\"z|w"), fieldsOf("3|4")} << QList<qint64>{2, 3, 4}
        << QStringList{QString(), QString(), QString()};
    QTest::newRow("stray text after closing quote is kept")
        << QByteArray("a,b\n\"x\"y,2\n3,4\n") << true << ab
        << QList<QStringList>{fieldsOf("xy|2"), fieldsOf("3|4")} << QList<qint64>{2, 3}
        << QStringList{QString(), QString()};
    QTest::newRow("stray text after closing quote in a row of the wrong width is flagged")
        << QByteArray("a,b\n\"x\"y,2,3\n3,4\n") << true << ab
        << QList<QStringList>{fieldsOf("xy|2|3"), fieldsOf("3|4")} << QList<qint64>{2, 3}
        << QStringList{QStringLiteral("text after a closing quote"), QString()};
    QTest::newRow("comment lines are skipped, their lines counted")
        << QByteArray("#c\na,b\n# two\n1,2\n") << true << ab << QList<QStringList>{fieldsOf("1|2")}
        << QList<qint64>{4} << QStringList{QString()};
    QTest::newRow("no header: column_1..n")
        << QByteArray("1,2,3\n4,5,6\n") << false
        << QStringList{QStringLiteral("column_1"), QStringLiteral("column_2"), QStringLiteral("column_3")}
        << QList<QStringList>{fieldsOf("1|2|3"), fieldsOf("4|5|6")} << QList<qint64>{1, 2} << ok2;
    QTest::newRow("no header, first record quoted")
        << QByteArray("\"x,1\",\"y\"\"\"\n2,3\n") << false
        << QStringList{QStringLiteral("column_1"), QStringLiteral("column_2")}
        << QList<QStringList>{fieldsOf("x,1|y\""), fieldsOf("2|3")} << QList<qint64>{1, 2} << ok2;
    QTest::newRow("quote inside an unquoted field is literal")
        << QByteArray("a,b\nab\"c,d\n") << true << ab << QList<QStringList>{fieldsOf("ab\"c|d")}
        << QList<qint64>{2} << QStringList{QString()};
    QTest::newRow("doubled quote right before the closing quote at EOF")
        << QByteArray("a,b\n1,\"abc\"\"\"") << true << ab << QList<QStringList>{fieldsOf("1|abc\"")}
        << QList<qint64>{2} << QStringList{QString()};
    QTest::newRow("trailing delimiter makes an empty last field")
        << QByteArray("a,b\n1,\n") << true << ab << QList<QStringList>{fieldsOf("1|")} << QList<qint64>{2}
        << QStringList{QString()};
    QTest::newRow("header only") << QByteArray("a,b\n") << true << ab << QList<QStringList>{}
                                 << QList<qint64>{} << QStringList{};
    QTest::newRow("quoted header with newline")
        << QByteArray("\"a\nx\",b\n1,2\n") << true << QStringList{QStringLiteral("a\nx"), QStringLiteral("b")}
        << QList<QStringList>{fieldsOf("1|2")} << QList<qint64>{3} << QStringList{QString()};
}

void CsvReaderTest::edgeCases() {
    QFETCH(QByteArray, input);
    QFETCH(bool, hasHeader);
    QFETCH(QStringList, header);
    QFETCH(QList<QStringList>, records);
    QFETCH(QList<qint64>, lines);
    QFETCH(QStringList, errors);

    deskbase::test::TempWorkspace ws;
    const auto path = ws.write("case.csv", bytes(input));
    // The dialect is fixed here so each row tests the reader alone (sniffing has its own suite).
    auto read = deskbase::test::sniffAndRead(path, [&](FileSniff& s) {
        s.format = FileFormat::Csv;
        s.dialect = CsvDialect{',', '"', hasHeader};
        if (input.startsWith('#')) s.dialect.comment = '#';  // (the comment-lines row)
    });
    QVERIFY2(read.failure.empty(), read.failure.c_str());
    QCOMPARE(read.header, header);
    QCOMPARE(qsizetype(read.records.size()), records.size());
    for (qsizetype i = 0; i < records.size(); ++i) {
        const auto& r = read.records[std::size_t(i)];
        QCOMPARE(r.fields, records[i]);
        QCOMPARE(r.line, lines[i]);
        if (errors[i].isEmpty()) {
            QVERIFY2(r.error.empty(), r.error.c_str());
        } else {
            QVERIFY2(QString::fromStdString(r.error).contains(errors[i]), r.error.c_str());
            // Nothing is lost: the raw text of a bad record runs from its start to where the next begins.
            QVERIFY(!r.raw.empty());
            QVERIFY(input.contains(QByteArray::fromStdString(r.raw)));
        }
    }
}

void CsvReaderTest::veryLongField_data() {
    QTest::addColumn<bool>("quoted");
    QTest::addColumn<int>("mebibytes");
    QTest::newRow("unquoted 5 MiB") << false << 5;
    QTest::newRow("quoted 5 MiB with doubled quotes and newlines") << true << 5;
    QTest::newRow("quoted 9 MiB (buffer grows twice)") << true << 9;
}

void CsvReaderTest::veryLongField() {
    QFETCH(bool, quoted);
    QFETCH(int, mebibytes);
    // The long value, with a doubled quote and a line break every ~1 MiB when quoted.
    std::string value, encoded;
    std::int64_t breaks = 0;
    const std::size_t size = std::size_t(mebibytes) << 20;
    value.reserve(size + 64);
    while (value.size() < size) {
        value.append(1000, char('a' + value.size() % 26));
        if (quoted && value.size() % (1 << 20) < 1000) {
            value += "\"\n";
            ++breaks;
        }
    }
    if (quoted) {
        encoded = "\"";
        for (char c : value) {
            encoded += c;
            if (c == '"') encoded += '"';
        }
        encoded += '"';
    } else {
        encoded = value;
    }
    deskbase::test::TempWorkspace ws;
    const auto path = ws.write("long.csv", "id,text,after\n1," + encoded + ",end\n2,short,x\n");
    auto read = deskbase::test::sniffAndRead(path);
    QVERIFY2(read.failure.empty(), read.failure.c_str());
    QCOMPARE(read.records.size(), std::size_t(2));
    const auto& big = read.records[0];
    QCOMPARE(big.fields.size(), qsizetype(3));
    QCOMPARE(big.fields[1].size(), qsizetype(value.size()));
    QVERIFY(big.fields[1] == QString::fromStdString(value));
    QCOMPARE(big.fields[2], QStringLiteral("end"));
    QCOMPARE(read.records[1].fields, fieldsOf("2|short|x"));
    QCOMPARE(read.records[1].line, 3 + breaks);
}

void CsvReaderTest::recordsStraddlingReadBoundaries_data() {
    QTest::addColumn<QByteArray>("eol");
    QTest::newRow("LF") << QByteArray("\n");
    QTest::newRow("CRLF") << QByteArray("\r\n");
    QTest::newRow("CR") << QByteArray("\r");
}

void CsvReaderTest::recordsStraddlingReadBoundaries() {
    QFETCH(QByteArray, eol);
    // ~6 MiB: past the first 4 MiB buffer fill and several 1 MiB refills, so records (and
    // CR LF pairs, doubled quotes, quoted line breaks) get cut by the read boundaries.
    const auto g = generateCsv(6u << 20, bytes(eol));
    deskbase::test::TempWorkspace ws;
    const auto path = ws.write("big.csv", g.bytes);
    auto read = deskbase::test::sniffAndRead(path);
    QVERIFY2(read.failure.empty(), read.failure.c_str());
    QCOMPARE(read.sniff.dialect.delimiter, ',');
    QCOMPARE(read.header,
             (QStringList{QStringLiteral("id"), QStringLiteral("text"), QStringLiteral("amount")}));
    QCOMPARE(read.records.size(), g.records.size());
    for (std::size_t i = 0; i < g.records.size(); ++i) {
        const auto& r = read.records[i];
        if (r.fields != g.records[i] || r.line != g.lines[i] || !r.error.empty())
            QFAIL(qPrintable(QStringLiteral("record %1 (line %2) differs: got line %3 fields [%4] error '%5'")
                                 .arg(i + 1)
                                 .arg(g.lines[i])
                                 .arg(r.line)
                                 .arg(r.fields.join(QLatin1Char('|')).left(200))
                                 .arg(QString::fromStdString(r.error))));
    }
}

void CsvReaderTest::blankLinesAreNotRecords_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qint64>("records");
    QTest::newRow("two columns, trailing blank lines") << QByteArray("a,b\n1,2\n3,4\n\n\n") << qint64(2);
    QTest::newRow("two columns, blank line in the middle") << QByteArray("a,b\n1,2\n\n3,4\n") << qint64(2);
    QTest::newRow("two columns, CRLF blank trailing lines")
        << QByteArray("a,b\r\n1,2\r\n\r\n\r\n") << qint64(1);
    QTest::newRow("one column, trailing blank lines") << QByteArray("a\n1\n2\n\n\n") << qint64(2);
}

void CsvReaderTest::blankLinesAreNotRecords() {
    QFETCH(QByteArray, input);
    QFETCH(qint64, records);
    deskbase::test::TempWorkspace ws;
    const auto path = ws.write("blank.csv", bytes(input));
    auto sniff = sniffFile(path);
    QVERIFY2(sniff, sniff ? "" : sniff.message().c_str());
    const std::atomic<bool> never{false};
    auto schema = inferFileSchema(path, *sniff, false, never, {});
    QVERIFY2(schema, schema ? "" : schema.message().c_str());
    QCOMPARE(schema->records, records);
    QCOMPARE(schema->inference[0].type(), ColumnType::Integer);
}

void CsvReaderTest::splitByTheFirstRead_data() {
    QTest::addColumn<QByteArray>("record");  // the record that straddles the first 4 MiB read
    QTest::addColumn<int>("splitAt");        // how many of its bytes fall in the first read
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("between CR and LF") << QByteArray("2,z\r\n") << 4 << fieldsOf("2|z");
    QTest::newRow("between two quotes of a doubled quote")
        << QByteArray("2,\"a\"\"b\"\n") << 5 << fieldsOf("2|a\"b");
    QTest::newRow("between a closing quote and the delimiter")
        << QByteArray("\"q\",3\n") << 3 << fieldsOf("q|3");
    QTest::newRow("between a closing quote and the line end")
        << QByteArray("3,\"q\"\n") << 5 << fieldsOf("3|q");
    QTest::newRow("inside a quoted line break") << QByteArray("4,\"x\r\ny\"\n") << 4 << fieldsOf("4|x\r\ny");
    QTest::newRow("inside a UTF-8 character")
        << QByteArray("5,caf\xC3\xA9\n") << 6 << QStringList{QStringLiteral("5"), QStringLiteral(u"café")};
    QTest::newRow("right after the delimiter") << QByteArray("6,\"w\"\n") << 2 << fieldsOf("6|w");
}

void CsvReaderTest::splitByTheFirstRead() {
    QFETCH(QByteArray, record);
    QFETCH(int, splitAt);
    QFETCH(QStringList, fields);
    constexpr std::size_t kFirstRead = 4u << 20;  // the reader's initial buffer
    std::string input = "a,b\n";
    std::int64_t rows = 0;
    const std::size_t recordStart = kFirstRead - std::size_t(splitAt);
    while (input.size() + 64 < recordStart) {
        input += "1,filler\n";
        ++rows;
    }
    input += "1," + std::string(recordStart - input.size() - 3, 'p') + "\n";  // pads to the exact spot
    ++rows;
    QCOMPARE(input.size(), recordStart);
    input += bytes(record) + "9,end\n";
    deskbase::test::TempWorkspace ws;
    const auto path = ws.write("split.csv", input);
    auto sniff = sniffFile(path);
    QVERIFY(sniff);
    QCOMPARE(sniff->encoding, TextEncoding::Utf8);
    auto read = deskbase::test::readRecords(path, *sniff);
    QVERIFY2(read.failure.empty(), read.failure.c_str());
    QCOMPARE(read.records.size(), std::size_t(rows + 2));
    const auto& r = read.records[std::size_t(rows)];
    QVERIFY2(r.error.empty(), r.error.c_str());
    QCOMPARE(r.fields, fields);
    QCOMPARE(r.line, rows + 2);
    QCOMPARE(read.records.back().fields, fieldsOf("9|end"));
    QCOMPARE(read.records.back().line, rows + 3 + std::int64_t(record.count('\n') - 1));
    const std::atomic<bool> never{false};
    auto schema = inferFileSchema(path, *sniff, false, never, {});
    QVERIFY2(schema, schema ? "" : schema.message().c_str());
    QCOMPARE(schema->sniff.encoding, TextEncoding::Utf8);  // a split character is no invalid UTF-8
    QCOMPARE(schema->records, rows + 2);
}

QTEST_GUILESS_MAIN(CsvReaderTest)
#include "csv_reader_test.moc"
