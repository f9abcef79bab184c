// Text encodings: UTF-8 with and without BOM, UTF-16 LE/BE with BOM (surrogate pairs included),
// Windows-1252 found in the sniff sample or only later in the file. Everything comes out as UTF-8.
#include <QtTest>
#include <atomic>
#include <cstring>

#include "core/ingest/file_schema.h"
#include "core/ingest/import_job.h"
#include "core/io/byte_source.h"
#include "core/io/file_format.h"
#include "tests/core/io/read_all_records.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;
using deskbase::test::bytes;

Q_DECLARE_METATYPE(deskbase::TextEncoding)

namespace {

QByteArray utf16(const QString& text, bool littleEndian) {
    QByteArray out = littleEndian ? QByteArray("\xFF\xFE") : QByteArray("\xFE\xFF");
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const char lo = char(u & 0xFF), hi = char(u >> 8);
        out += littleEndian ? lo : hi;
        out += littleEndian ? hi : lo;
    }
    return out;
}

// One UTF-16 code unit in the byte order of the file.
QByteArray unit(char16_t u, bool littleEndian) {
    QByteArray out;
    out += littleEndian ? char(u & 0xFF) : char(u >> 8);
    out += littleEndian ? char(u >> 8) : char(u & 0xFF);
    return out;
}

const QString kUnicodeCsv = QStringLiteral(u"name,city\nZoë,Zürich 😀\nÉmile,€ 5 𝄞\n");

}  // namespace

class EncodingTest : public QObject {
    Q_OBJECT

private slots:
    void decodedToUtf8_data();
    void decodedToUtf8();
    void windows1252OnlyAfterTheSample_data();
    void windows1252OnlyAfterTheSample();
    void windows1252Bytes_data();
    void windows1252Bytes();
    void utf16ReadStaysWithinItsBuffer_data();
    void utf16ReadStaysWithinItsBuffer();
    void largeFilesAcrossReadBoundaries_data();
    void largeFilesAcrossReadBoundaries();
    void utf16OddLengthIsAnError();
    void jsonIsDecodedToo_data();
    void jsonIsDecodedToo();
};

void EncodingTest::decodedToUtf8_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<TextEncoding>("encoding");

    QTest::newRow("UTF-8 without BOM") << kUnicodeCsv.toUtf8() << TextEncoding::Utf8;
    QTest::newRow("UTF-8 with BOM") << QByteArray("\xEF\xBB\xBF") + kUnicodeCsv.toUtf8()
                                    << TextEncoding::Utf8Bom;
    QTest::newRow("UTF-16 LE with BOM") << utf16(kUnicodeCsv, true) << TextEncoding::Utf16LE;
    QTest::newRow("UTF-16 BE with BOM") << utf16(kUnicodeCsv, false) << TextEncoding::Utf16BE;
    // 0xEB ë, 0xFC ü, 0xC9 É, 0x80 € ; no 𝄞/😀 in Windows-1252, so those rows use '?'.
    QTest::newRow("Windows-1252 in the sample")
        << QByteArray("name,city\nZo\xEB,Z\xFCrich ?\n\xC9mile,\x80 5 ?\n") << TextEncoding::Windows1252;
}

void EncodingTest::decodedToUtf8() {
    QFETCH(QByteArray, input);
    QFETCH(TextEncoding, encoding);
    deskbase::test::TempWorkspace ws;
    auto read = deskbase::test::sniffAndRead(ws.write("enc.csv", bytes(input)));
    QVERIFY2(read.failure.empty(), read.failure.c_str());
    QCOMPARE(read.sniff.encoding, encoding);
    QCOMPARE(read.sniff.dialect.delimiter, ',');
    QCOMPARE(read.header, (QStringList{QStringLiteral("name"), QStringLiteral("city")}));
    QCOMPARE(read.records.size(), std::size_t(2));
    const bool nonBmp = encoding != TextEncoding::Windows1252;
    QCOMPARE(read.records[0].fields,
             (QStringList{QStringLiteral(u"Zoë"),
                          nonBmp ? QStringLiteral(u"Zürich 😀") : QStringLiteral(u"Zürich ?")}));
    QCOMPARE(read.records[1].fields,
             (QStringList{QStringLiteral(u"Émile"),
                          nonBmp ? QStringLiteral(u"€ 5 𝄞") : QStringLiteral(u"€ 5 ?")}));
    QCOMPARE(read.records[1].line, std::int64_t(3));
}

void EncodingTest::windows1252OnlyAfterTheSample_data() {
    QTest::addColumn<int>("asciiBytes");  // plain ASCII rows before the first Windows-1252 byte
    QTest::addColumn<bool>("exact");      // the first non-ASCII byte lands exactly at offset asciiBytes
    QTest::addColumn<QByteArray>("lastName");
    QTest::addColumn<QString>("lastNameUtf8");
    QTest::newRow("just past 64 KiB")
        << (70 << 10) << false << QByteArray("caf\xE9 \x80") << QStringLiteral(u"café €");
    // A lead byte as the sample's last byte looks like a UTF-8 character cut by the sample.
    QTest::newRow("a lead byte as the sample's last byte")
        << (64 << 10) - 1 << true << QByteArray("\xE9t\xE9") << QStringLiteral(u"été");
    QTest::newRow("past the first 4 MiB read")
        << (4200 << 10) << false << QByteArray("\x93quoted\x94 \x9C") << QStringLiteral(u"“quoted” œ");
}

void EncodingTest::windows1252OnlyAfterTheSample() {
    QFETCH(int, asciiBytes);
    QFETCH(bool, exact);
    QFETCH(QByteArray, lastName);
    QFETCH(QString, lastNameUtf8);
    QByteArray input = "id,name\n";
    int rows = 0;
    while (input.size() + (exact ? 64 : 0) < asciiBytes)
        input += QByteArray::number(++rows) + ",plain ascii name\n";
    if (exact) {  // one padding row so the last row's first byte of lastName sits at asciiBytes
        const QByteArray padStart = QByteArray::number(rows + 1) + ",",
                         lastStart = QByteArray::number(rows + 2) + ",";
        const int pad = asciiBytes - int(input.size() + padStart.size() + 1 + lastStart.size());
        input += padStart + QByteArray(pad, 'p') + "\n";
        ++rows;
    }
    input += QByteArray::number(++rows) + "," + lastName + "\n";
    if (exact) QCOMPARE(input.indexOf(lastName), qsizetype(asciiBytes));
    deskbase::test::TempWorkspace ws;
    const auto path = ws.write("late.csv", bytes(input));

    auto sniff = sniffFile(path);
    QVERIFY2(sniff, sniff ? "" : sniff.message().c_str());
    QCOMPARE(sniff->encoding, TextEncoding::Utf8);  // the sample alone is valid UTF-8

    // The whole-file pass notices the bad bytes and starts over as Windows-1252.
    const std::atomic<bool> never{false};
    auto schema = inferFileSchema(path, *sniff, false, never, {});
    QVERIFY2(schema, schema ? "" : schema.message().c_str());
    QCOMPARE(schema->sniff.encoding, TextEncoding::Windows1252);
    QCOMPARE(schema->records, std::int64_t(rows));
    QVERIFY(schema->complete);

    // Read again with the corrected sniff (as the load pass does): the text is converted.
    auto read = deskbase::test::readRecords(path, schema->sniff);
    QVERIFY2(read.failure.empty(), read.failure.c_str());
    QCOMPARE(read.records.size(), std::size_t(rows));
    QCOMPARE(read.records.back().fields, (QStringList{QString::number(rows), lastNameUtf8}));
    QCOMPARE(read.records.back().line, std::int64_t(rows + 1));

    // The import preview reports the corrected encoding too.
    ImportOptions options;
    options.path = path;
    auto preview = previewImport(options, std::size_t(rows), std::size_t(rows) + 10);
    QVERIFY2(preview, preview ? "" : preview.message().c_str());
    QCOMPARE(preview->sniff.encoding, TextEncoding::Windows1252);
    QCOMPARE(preview->rows.size(), std::size_t(rows));
    QCOMPARE(QString::fromStdString(preview->rows.back()[1]), lastNameUtf8);
}

void EncodingTest::windows1252Bytes_data() {
    QTest::addColumn<QByteArray>("byte");
    QTest::addColumn<QString>("text");
    QTest::newRow("0x80 euro") << QByteArray("\x80") << QStringLiteral(u"€");
    QTest::newRow("0x8A S caron") << QByteArray("\x8A") << QStringLiteral(u"Š");
    QTest::newRow("0x92 right quote") << QByteArray("\x92") << QStringLiteral(u"’");
    QTest::newRow("0x96 en dash") << QByteArray("\x96") << QStringLiteral(u"–");
    QTest::newRow("0x99 trade mark") << QByteArray("\x99") << QStringLiteral(u"™");
    QTest::newRow("0x9F Y diaeresis") << QByteArray("\x9F") << QStringLiteral(u"Ÿ");
    QTest::newRow("0x81 unassigned") << QByteArray("\x81") << QStringLiteral(u"\uFFFD");
    QTest::newRow("0xA0 no-break space") << QByteArray("\xA0") << QStringLiteral(u"\u00A0");
    QTest::newRow("0xE9 e acute") << QByteArray("\xE9") << QStringLiteral(u"é");
    QTest::newRow("0xFF y diaeresis") << QByteArray("\xFF") << QStringLiteral(u"ÿ");
}

void EncodingTest::windows1252Bytes() {
    QFETCH(QByteArray, byte);
    QFETCH(QString, text);
    deskbase::test::TempWorkspace ws;
    const auto path = ws.write("b.csv", "v\nx" + bytes(byte) + "y\n");
    auto read = deskbase::test::sniffAndRead(path);
    QVERIFY2(read.failure.empty(), read.failure.c_str());
    QCOMPARE(read.sniff.encoding, TextEncoding::Windows1252);
    QCOMPARE(read.records.size(), std::size_t(1));
    QCOMPARE(read.records[0].fields, QStringList{QLatin1Char('x') + text + QLatin1Char('y')});
}

void EncodingTest::utf16ReadStaysWithinItsBuffer_data() {
    QTest::addColumn<bool>("littleEndian");
    QTest::addColumn<QByteArray>("body");  // UTF-16 code units after the BOM
    QTest::addColumn<QString>("expected");

    for (bool le : {true, false}) {
        const char* order = le ? "LE" : "BE";
        // Three-byte characters fill the output fastest; a pair or a broken pair in between
        // leaves a carried unit at a chunk end.
        QByteArray pairs, broken, cjk;
        QString pairsText, brokenText, cjkText;
        for (int i = 0; i < 40; ++i) {
            for (int k = 0; k < i % 7; ++k) {
                pairs += unit(u'中', le);
                pairsText += QStringLiteral(u"中");
            }
            pairs += unit(0xD83D, le) + unit(0xDE00, le);  // 😀
            pairsText += QStringLiteral(u"😀");
            broken += unit(0xD83D, le) + unit(u'中', le) + unit(u'€', le);  // a high surrogate alone
            brokenText += QStringLiteral(u"\uFFFD中€");
            cjk += unit(u'中', le);
            cjkText += QStringLiteral(u"中");
        }
        QTest::addRow("%s pairs among 3-byte characters", order) << le << pairs << pairsText;
        QTest::addRow("%s lone high surrogates", order) << le << broken << brokenText;
        QTest::addRow("%s 3-byte characters only", order) << le << cjk << cjkText;
    }
}

void EncodingTest::utf16ReadStaysWithinItsBuffer() {
    QFETCH(bool, littleEndian);
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    deskbase::test::TempWorkspace ws;
    const auto path =
        ws.write("u16.txt", bytes((littleEndian ? QByteArray("\xFF\xFE") : QByteArray("\xFE\xFF")) + body));
    constexpr std::size_t kGuard = 16;
    // Every buffer size from the smallest that makes progress: each read must respect it.
    for (std::size_t max = 6; max <= 64; ++max) {
        auto source = ByteSource::open(path, littleEndian ? TextEncoding::Utf16LE : TextEncoding::Utf16BE);
        QVERIFY2(source, source ? "" : source.message().c_str());
        std::string text;
        std::vector<char> buffer(max + kGuard);
        for (int reads = 0;; ++reads) {
            QVERIFY(reads < 100000);
            std::memset(buffer.data(), 0x5A, buffer.size());
            auto n = (*source)->read(buffer.data(), max);
            QVERIFY2(n, n ? "" : n.message().c_str());
            QVERIFY2(*n <= max, qPrintable(QStringLiteral("read %1 bytes into %2").arg(*n).arg(max)));
            for (std::size_t g = max; g < buffer.size(); ++g)
                QVERIFY2(buffer[g] == 0x5A,
                         qPrintable(QStringLiteral("wrote past the buffer of %1").arg(max)));
            if (*n == 0) break;
            text.append(buffer.data(), *n);
        }
        QCOMPARE(QString::fromStdString(text), expected);
    }
}

void EncodingTest::largeFilesAcrossReadBoundaries_data() {
    QTest::addColumn<TextEncoding>("encoding");
    QTest::newRow("UTF-8") << TextEncoding::Utf8;
    QTest::newRow("UTF-16 LE") << TextEncoding::Utf16LE;
    QTest::newRow("UTF-16 BE") << TextEncoding::Utf16BE;
}

void EncodingTest::largeFilesAcrossReadBoundaries() {
    QFETCH(TextEncoding, encoding);
    // ~5 MiB of records with 2-, 3- and 4-byte characters, so read boundaries fall inside
    // multi-byte sequences and surrogate pairs. Valid UTF-8 must stay UTF-8 (no false retry).
    QString text = QStringLiteral("id,word\n");
    QStringList words;
    const QString pieces[] = {QStringLiteral(u"é"), QStringLiteral(u"中"), QStringLiteral(u"😀"),
                              QStringLiteral("a")};
    for (int i = 0; i < 170000; ++i) {
        QString w;
        for (int k = 0; k < 7 + i % 5; ++k) w += pieces[(i + k * 3) % 4];
        words << w;
        text += QString::number(i) + QLatin1Char(',') + w + QLatin1Char('\n');
    }
    QByteArray input =
        encoding == TextEncoding::Utf8 ? text.toUtf8() : utf16(text, encoding == TextEncoding::Utf16LE);
    QVERIFY(input.size() > (4 << 20));
    deskbase::test::TempWorkspace ws;
    const auto path = ws.write("big.csv", bytes(input));
    auto sniff = sniffFile(path);
    QVERIFY2(sniff, sniff ? "" : sniff.message().c_str());
    QCOMPARE(sniff->encoding, encoding);
    const std::atomic<bool> never{false};
    auto schema = inferFileSchema(path, *sniff, false, never, {});
    QVERIFY2(schema, schema ? "" : schema.message().c_str());
    QCOMPARE(schema->sniff.encoding, encoding);
    QCOMPARE(schema->records, std::int64_t(words.size()));

    auto read = deskbase::test::readRecords(path, schema->sniff);
    QVERIFY2(read.failure.empty(), read.failure.c_str());
    QCOMPARE(read.records.size(), std::size_t(words.size()));
    for (qsizetype i = 0; i < words.size(); ++i) {
        const auto& r = read.records[std::size_t(i)];
        if (r.fields.size() != 2 || r.fields[1] != words[i] || r.line != i + 2)
            QFAIL(qPrintable(
                QStringLiteral("record %1 differs: %2").arg(i).arg(r.fields.join(QLatin1Char('|')))));
    }
}

void EncodingTest::utf16OddLengthIsAnError() {
    deskbase::test::TempWorkspace ws;
    const auto path = ws.write("odd.csv", bytes(utf16(QStringLiteral("a,b\n1,2\n"), true) + QByteArray("x")));
    auto read = deskbase::test::sniffAndRead(path);
    QVERIFY(!read.failure.empty());
    QVERIFY2(QString::fromStdString(read.failure).contains(QStringLiteral("UTF-16")), read.failure.c_str());
}

void EncodingTest::jsonIsDecodedToo_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<TextEncoding>("encoding");
    const QString ndjson =
        QStringLiteral(u"{\"name\":\"Zoë\",\"note\":\"€ 😀\"}\n{\"name\":\"Émile\",\"note\":\"x\"}\n");
    const QString array =
        QStringLiteral(u"[{\"name\":\"Zoë\",\"note\":\"€ 😀\"},\n{\"name\":\"Émile\",\"note\":\"x\"}]");
    QTest::newRow("NDJSON UTF-8 BOM")
        << QByteArray("\xEF\xBB\xBF") + ndjson.toUtf8() << TextEncoding::Utf8Bom;
    QTest::newRow("NDJSON UTF-16 LE") << utf16(ndjson, true) << TextEncoding::Utf16LE;
    QTest::newRow("JSON array UTF-16 BE") << utf16(array, false) << TextEncoding::Utf16BE;
    QTest::newRow("NDJSON Windows-1252")
        << QByteArray(
               "{\"name\":\"Zo\xEB\",\"note\":\"\x80 "
               "\xF0\x9F\x98\x80\"}\n{\"name\":\"\xC9mile\",\"note\":\"x\"}\n")
        << TextEncoding::Windows1252;
}

void EncodingTest::jsonIsDecodedToo() {
    QFETCH(QByteArray, input);
    QFETCH(TextEncoding, encoding);
    deskbase::test::TempWorkspace ws;
    auto read = deskbase::test::sniffAndRead(ws.write("people.json", bytes(input)));
    QVERIFY2(read.failure.empty(), read.failure.c_str());
    QCOMPARE(read.sniff.encoding, encoding);
    QCOMPARE(read.header, (QStringList{QStringLiteral("name"), QStringLiteral("note")}));
    QCOMPARE(read.records.size(), std::size_t(2));
    QCOMPARE(read.records[0].fields[0], QStringLiteral(u"Zoë"));
    // Windows-1252 has no emoji: its four UTF-8 bytes read as four 1252 characters.
    QCOMPARE(read.records[0].fields[1],
             encoding == TextEncoding::Windows1252 ? QStringLiteral(u"€ ðŸ˜€") : QStringLiteral(u"€ 😀"));
    QCOMPARE(read.records[1].fields[0], QStringLiteral(u"Émile"));
    QCOMPARE(read.records[1].line, std::int64_t(2));
}

QTEST_GUILESS_MAIN(EncodingTest)
#include "encoding_test.moc"
