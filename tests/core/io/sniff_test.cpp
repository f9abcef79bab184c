// Format and dialect sniffing: delimiter, quote character, header detection, file-name hints,
// and clear errors for files that are no data.
#include <QtTest>

#include "core/io/file_format.h"
#include "tests/core/io/read_all_records.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;
using deskbase::test::bytes;

Q_DECLARE_METATYPE(deskbase::FileFormat)

namespace {
// Bytes of a literal with embedded NULs (without the terminating one).
template <std::size_t N>
QByteArray raw(const char (&s)[N]) {
    return QByteArray(s, qsizetype(N - 1));
}
}  // namespace

class SniffTest : public QObject {
    Q_OBJECT

private slots:
    void dialect_data();
    void dialect();
    void format_data();
    void format();
    void notData_data();
    void notData();
    void sizeIsReportedAndUnreadablePathsFail();
};

void SniffTest::dialect_data() {
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<char>("quote");
    QTest::addColumn<bool>("hasHeader");

    QTest::newRow("comma") << QStringLiteral("a.csv")
                           << QByteArray("name,age,city\nann,31,Oslo\nbob,42,Rome\n") << ',' << '"' << true;
    QTest::newRow("semicolon") << QStringLiteral("a.csv")
                               << QByteArray("name;age;city\nann;31;Oslo\nbob;42;Rome\n") << ';' << '"'
                               << true;
    QTest::newRow("tab") << QStringLiteral("a.txt")
                         << QByteArray("name\tage\tcity\nann\t31\tOslo\nbob\t42\tRome\n") << '\t' << '"'
                         << true;
    QTest::newRow("pipe") << QStringLiteral("a.txt")
                          << QByteArray("name|age|city\nann|31|Oslo\nbob|42|Rome\n") << '|' << '"' << true;
    QTest::newRow("semicolon with commas in quoted decimals")
        << QStringLiteral("a.csv")
        << QByteArray("item;price;qty\n\"apple\";\"1,50\";3\n\"pear\";\"2,25\";4\n\"fig\";\"13,05\";1\n")
        << ';' << '"' << true;
    QTest::newRow("semicolon with commas in unquoted decimals")
        << QStringLiteral("a.csv") << QByteArray("item;price\napple;1,50\npear;2,25\nfig;3,75\n") << ';'
        << '"' << true;
    QTest::newRow("comma with semicolons inside quotes")
        << QStringLiteral("a.csv") << QByteArray("a,b\n\"x;y;z\",1\n\"p;q\",2\n\"r;s;t;u\",3\n") << ',' << '"'
        << true;
    QTest::newRow("quoted newlines do not confuse counts")
        << QStringLiteral("a.csv") << QByteArray("a;b\n\"line1\nline2, x\";1\n\"k\";2\n") << ';' << '"'
        << true;
    QTest::newRow("single quote as quote character")
        << QStringLiteral("a.csv") << QByteArray("name,city\n'Smith, J','Paris'\n'Doe, A','Rome'\n") << ','
        << '\'' << true;
    QTest::newRow("apostrophe in text is not a quote")
        << QStringLiteral("a.csv") << QByteArray("name,note\nann,it's fine\nbob,don't\n") << ',' << '"'
        << true;
    QTest::newRow("one column") << QStringLiteral("a.csv") << QByteArray("name\nann\nbob\n") << ',' << '"'
                                << true;
    QTest::newRow("no header: numbers")
        << QStringLiteral("a.csv") << QByteArray("1,2,3\n4,5,6\n") << ',' << '"' << false;
    QTest::newRow("no header: a date first")
        << QStringLiteral("a.csv") << QByteArray("2020-01-01,ann\n2020-01-02,bob\n") << ',' << '"' << false;
    QTest::newRow("no header: a boolean first")
        << QStringLiteral("a.csv") << QByteArray("true,ann\nfalse,bob\n") << ',' << '"' << false;
    QTest::newRow("no header: repeated names")
        << QStringLiteral("a.csv") << QByteArray("x,x\ny,z\n") << ',' << '"' << false;
    QTest::newRow("no header: an empty first field and a number")
        << QStringLiteral("a.csv") << QByteArray(",5\nc,6\n") << ',' << '"' << false;
    QTest::newRow("no header: an empty field in the middle")
        << QStringLiteral("a.csv") << QByteArray("a,,b\nc,d,e\n") << ',' << '"' << false;
    QTest::newRow("header: pandas index column without a name")
        << QStringLiteral("a.csv") << QByteArray(",a,b\n0,1,2\n1,3,4\n") << ',' << '"' << true;
    QTest::newRow("header: trailing delimiter on every line")
        << QStringLiteral("a.csv") << QByteArray("name,age,\nann,31,\nbob,42,\n") << ',' << '"' << true;
    QTest::newRow("header over numeric rows")
        << QStringLiteral("a.csv") << QByteArray("x,y\n1,2\n3,4\n") << ',' << '"' << true;
    QTest::newRow("header: years as column names over reals")
        << QStringLiteral("a.csv") << QByteArray("Country,1960,1961\nAruba,1.5,2.25\nChad,3.5,\n") << ',' << '"' << true;
    QTest::newRow("header: years as column names over text")
        << QStringLiteral("a.csv") << QByteArray("name,2020\nann,yes please\nbob,no thanks\n") << ',' << '"' << true;
    QTest::newRow("no header: a text column then numbers")
        << QStringLiteral("a.csv") << QByteArray("a,1\nb,2\nc,3\n") << ',' << '"' << false;
    QTest::newRow("all text rows: header")
        << QStringLiteral("a.csv") << QByteArray("ann,oslo\nbob,rome\n") << ',' << '"' << true;
    // Tab and comma both split every line into 2 fields: the file name decides.
    QTest::newRow("ambiguous, .csv name -> comma")
        << QStringLiteral("a.csv") << QByteArray("a b,c\td e\nf,g\th\n") << ',' << '"' << true;
    QTest::newRow("ambiguous, .tsv name -> tab")
        << QStringLiteral("a.tsv") << QByteArray("a b,c\td e\nf,g\th\n") << '\t' << '"' << true;
    QTest::newRow("tab file named .tsv with commas in text")
        << QStringLiteral("a.tsv") << QByteArray("name\tnote\nann\ta, b, c\nbob\td, e\n") << '\t' << '"'
        << true;
    QTest::newRow("CRLF semicolon") << QStringLiteral("a.csv") << QByteArray("a;b\r\n1;2\r\n3;4\r\n") << ';'
                                    << '"' << true;
    QTest::newRow("UTF-8 BOM before the header")
        << QStringLiteral("a.csv") << QByteArray("\xEF\xBB\xBFname;n\nann;1\n") << ';' << '"' << true;
    QTest::newRow("ragged last line cut by the sample")
        << QStringLiteral("a.csv") << QByteArray() << ';' << '"' << true;
}

void SniffTest::dialect() {
    QFETCH(QString, fileName);
    QFETCH(QByteArray, input);
    QFETCH(char, delimiter);
    QFETCH(char, quote);
    QFETCH(bool, hasHeader);
    if (input.isEmpty()) {
        // More than the 64 KiB sample: the sample ends inside a record.
        input = "id;name;note\n";
        for (int i = 0; input.size() < (100 << 10); ++i)
            input += QByteArray::number(i) + ";name " + QByteArray::number(i) + ";a, b, c\n";
    }
    deskbase::test::TempWorkspace ws;
    auto sniff = sniffFile(ws.write(fileName.toStdString(), bytes(input)));
    QVERIFY2(sniff, sniff ? "" : sniff.message().c_str());
    QCOMPARE(sniff->format, FileFormat::Csv);
    QCOMPARE(sniff->dialect.delimiter, delimiter);
    QCOMPARE(sniff->dialect.quote, quote);
    QCOMPARE(sniff->dialect.hasHeader, hasHeader);
}

void SniffTest::format_data() {
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<FileFormat>("format");

    QTest::newRow("JSON array") << QStringLiteral("a.json") << QByteArray("[{\"a\":1},{\"a\":2}]")
                                << FileFormat::Json;
    QTest::newRow("JSON array after white space")
        << QStringLiteral("a.json") << QByteArray("\n  [\n {\"a\":1}\n]") << FileFormat::Json;
    QTest::newRow("JSON array, any file name")
        << QStringLiteral("data.txt") << QByteArray("[{\"a\":1}]") << FileFormat::Json;
    QTest::newRow("NDJSON") << QStringLiteral("a.ndjson") << QByteArray("{\"a\":1}\n{\"a\":2}\n")
                            << FileFormat::Ndjson;
    QTest::newRow("NDJSON with BOM") << QStringLiteral("a.jsonl") << QByteArray("\xEF\xBB\xBF{\"a\":1}\n")
                                     << FileFormat::Ndjson;
    QTest::newRow("'[' in a .csv is CSV")
        << QStringLiteral("a.csv") << QByteArray("[a],b\n1,2\n") << FileFormat::Csv;
    QTest::newRow("CSV") << QStringLiteral("a.dat") << QByteArray("a,b\n1,2\n") << FileFormat::Csv;
}

void SniffTest::format() {
    QFETCH(QString, fileName);
    QFETCH(QByteArray, input);
    QFETCH(FileFormat, format);
    deskbase::test::TempWorkspace ws;
    auto sniff = sniffFile(ws.write(fileName.toStdString(), bytes(input)));
    QVERIFY2(sniff, sniff ? "" : sniff.message().c_str());
    QCOMPARE(sniff->format, format);
}

void SniffTest::notData_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("reason");  // part of the one-line error

    // (Empty files and blank space are empty tables now: sniff_regression_test.)
    QTest::newRow("PNG header") << raw("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0")
                                << QStringLiteral("binary");
    QTest::newRow("gzip header") << raw("\x1F\x8B\x08\0\0\0\0\0\0\x03\xCB\x48\xCD\xC9\xC9\x07\0")
                                 << QStringLiteral("binary");
    QTest::newRow("control bytes without NUL")
        << QByteArray("\x01\x02\x03\x04\x05\x06\x07\x08\x0E\x0F,a\n") << QStringLiteral("binary");
    QTest::newRow("UTF-16 with a NUL character") << raw("\xFF\xFE"
                                                        "a\0,\0\0\0b\0")
                                                 << QStringLiteral("binary");
}

void SniffTest::notData() {
    QFETCH(QByteArray, input);
    QFETCH(QString, reason);
    deskbase::test::TempWorkspace ws;
    const auto path = ws.write("input.csv", bytes(input));
    auto sniff = sniffFile(path);
    QVERIFY(!sniff);
    const QString message = QString::fromStdString(sniff.message());
    QVERIFY2(message.contains(reason), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1Char('\n')), "the reason is one line");
    QVERIFY2(message.contains(QString::fromStdString(path)), "the reason names the file");
}

void SniffTest::sizeIsReportedAndUnreadablePathsFail() {
    deskbase::test::TempWorkspace ws;
    auto sniff = sniffFile(ws.write("s.csv", "a,b\n1,2\n"));
    QVERIFY(sniff);
    QCOMPARE(sniff->sizeBytes, std::int64_t(8));
    auto missing = sniffFile(ws.file("does-not-exist.csv"));
    QVERIFY(!missing);
    QVERIFY2(QString::fromStdString(missing.message()).contains(QStringLiteral("cannot open")),
             missing.message().c_str());
    auto directory = sniffFile(ws.path());
    QVERIFY(!directory);
    QVERIFY2(!QString::fromStdString(directory.message()).contains(QStringLiteral("empty")),
             directory.message().c_str());
    QVERIFY2(QString::fromStdString(directory.message()).contains(QStringLiteral("directory")),
             directory.message().c_str());
}

QTEST_GUILESS_MAIN(SniffTest)
#include "sniff_test.moc"
