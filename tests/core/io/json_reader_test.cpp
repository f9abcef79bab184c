// JSON input: a top-level array of objects and NDJSON, flattened to columns; bad values become
// error records with the right line and the records after them are still read.
#include "core/io/json_reader.h"

#include <QtTest>
#include <atomic>

#include "core/infer/type_inference.h"
#include "core/ingest/file_schema.h"
#include "core/io/file_format.h"
#include "tests/core/io/read_all_records.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;
using deskbase::test::bytes;
using deskbase::test::kNullMarker;

namespace {

QStringList fieldsOf(const char* spec) {
    return QString::fromUtf8(spec).split(QLatin1Char('|'));
}
QStringList names(const char* spec) {
    return fieldsOf(spec);
}

// Pass one (inferFileSchema) finds every key; pass two reads with them, as the import does.
deskbase::test::ReadOutcome readLikeImport(const std::string& path) {
    auto sniff = sniffFile(path);
    if (!sniff) {
        deskbase::test::ReadOutcome out;
        out.failure = sniff.message();
        return out;
    }
    const std::atomic<bool> never{false};
    auto schema = inferFileSchema(path, *sniff, false, never, {});
    if (!schema) {
        deskbase::test::ReadOutcome out;
        out.failure = schema.message();
        return out;
    }
    return deskbase::test::readRecords(path, schema->sniff, schema->header);
}

}  // namespace

class JsonReaderTest : public QObject {
    Q_OBJECT

private slots:
    void records_data();
    void records();
    void laterKeysGrowTheHeader();
    void inferredTypes();
    void largeNdjsonAcrossReadBoundaries();
    void deepNestingStopsWithOneLine_data();
    void deepNestingStopsWithOneLine();
    void bareJsonValueIsRefused_data();
    void bareJsonValueIsRefused();
};

void JsonReaderTest::records_data() {
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QList<QStringList>>("records");  // fields are not compared for error records
    QTest::addColumn<QList<qint64>>("lines");
    QTest::addColumn<QStringList>("errors");  // per record: "" or a part of the error

    const QString json = QStringLiteral("data.json"), nd = QStringLiteral("data.ndjson");
    const QStringList ok1{QString()}, ok2{QString(), QString()}, ok3{QString(), QString(), QString()};
    const QString invalid = QStringLiteral("invalid JSON");

    QTest::newRow("array of objects")
        << json << QByteArray("[{\"a\":1,\"b\":\"x\"},{\"a\":2,\"b\":\"y\"}]") << names("a|b")
        << QList<QStringList>{fieldsOf("1|x"), fieldsOf("2|y")} << QList<qint64>{1, 1} << ok2;
    // A double would round these; the reader hands over the text as written (type inference
    // then keeps the column text). Numbers inside arrays stay part of the array's JSON text.
    QTest::newRow("numbers as written, not as a double prints them")
        << json
        << QByteArray(
               "[{\"big\":123456789012345678901234567890,\"pi\":3.141592653589793238462,"
               "\"e\":1.50E+3,\"list\":[1.5,2],\"huge\":1e999,\"tiny\":-1E-99999}]")
        << names("big|pi|e|list|huge|tiny")
        << QList<QStringList>{QStringList{QStringLiteral("123456789012345678901234567890"),
                                          QStringLiteral("3.141592653589793238462"),
                                          QStringLiteral("1.50E+3"), QStringLiteral("[1.5,2]"),
                                          QStringLiteral("1e999"), QStringLiteral("-1E-99999")}}
        << QList<qint64>{1} << ok1;
    QTest::newRow("pretty-printed array, lines")
        << json << QByteArray("[\n  {\"a\": 1},\n  {\"a\": 2}\n]\n") << names("a")
        << QList<QStringList>{fieldsOf("1"), fieldsOf("2")} << QList<qint64>{2, 3} << ok2;
    QTest::newRow("pretty-printed multi-line objects")
        << json << QByteArray("[\n {\n  \"a\": 1,\n  \"b\": {\"c\": 2}\n },\n {\n  \"a\": 3\n }\n]")
        << names("a|b_c")
        << QList<QStringList>{fieldsOf("1|2"), QStringList{QStringLiteral("3"), kNullMarker}}
        << QList<qint64>{2, 6} << ok2;
    QTest::newRow("pretty-printed objects one after another")
        << nd
        << QByteArray(
               "{\n \"a\": 1,\n \"b\": {\n  \"c\": [\n   {\"x\": 1}\n  ]\n }\n}\n{\n \"a\":\n {\"c\": "
               "2}\n}\n")
        << names("a|b_c|a_c")
        << QList<QStringList>{QStringList{QStringLiteral("1"), QStringLiteral("[{\"x\":1}]"), kNullMarker},
                              QStringList{kNullMarker, kNullMarker, QStringLiteral("2")}}
        << QList<qint64>{1, 9} << ok2;
    QTest::newRow("NDJSON") << nd << QByteArray("{\"a\":1}\n{\"a\":2}\n") << names("a")
                            << QList<QStringList>{fieldsOf("1"), fieldsOf("2")} << QList<qint64>{1, 2} << ok2;
    QTest::newRow("NDJSON CRLF with a blank line")
        << nd << QByteArray("{\"a\":1}\r\n\r\n{\"a\":2}\r\n") << names("a")
        << QList<QStringList>{fieldsOf("1"), fieldsOf("2")} << QList<qint64>{1, 3} << ok2;
    QTest::newRow("NDJSON without final newline")
        << nd << QByteArray("{\"a\":1}\n{\"a\":2}") << names("a")
        << QList<QStringList>{fieldsOf("1"), fieldsOf("2")} << QList<qint64>{1, 2} << ok2;
    QTest::newRow("nested objects flatten to parent_child in document order")
        << nd
        << QByteArray(
               "{\"id\":1,\"user\":{\"name\":\"ann\",\"address\":{\"city\":\"Oslo\",\"zip\":\"0150\"}},"
               "\"z\":true}\n")
        << names("id|user_name|user_address_city|user_address_zip|z")
        << QList<QStringList>{fieldsOf("1|ann|Oslo|0150|true")} << QList<qint64>{1} << ok1;
    QTest::newRow("nested keys keep document order, not alphabetical")
        << nd << QByteArray("{\"m\":{\"y\":1,\"x\":2},\"a\":3}\n") << names("m_y|m_x|a")
        << QList<QStringList>{fieldsOf("1|2|3")} << QList<qint64>{1} << ok1;
    QTest::newRow("arrays kept as JSON text")
        << nd << QByteArray("{\"tags\":[\"a\",\"b\"],\"n\":[1,2],\"o\":[{\"x\":1}],\"e\":[]}\n")
        << names("tags|n|o|e") << QList<QStringList>{fieldsOf("[\"a\",\"b\"]|[1,2]|[{\"x\":1}]|[]")}
        << QList<qint64>{1} << ok1;
    QTest::newRow("scalars as text")
        << nd
        << QByteArray(
               "{\"i\":12,\"r\":1.5,\"t\":true,\"f\":false,\"s\":\"x y\",\"u\":18446744073709551615,"
               "\"neg\":-3}\n")
        << names("i|r|t|f|s|u|neg")
        << QList<QStringList>{fieldsOf("12|1.5|true|false|x y|18446744073709551615|-3")} << QList<qint64>{1}
        << ok1;
    QTest::newRow("string escapes and braces inside strings")
        << nd
        << QByteArray("{\"s\":\"a}b\\\"c{[\\n\",\"u\":\"\\u00e9\\ud83d\\ude00\"}\n{\"s\":\"2\",\"u\":\"\"}\n")
        << names("s|u")
        << QList<QStringList>{QStringList{QStringLiteral("a}b\"c{[\n"), QStringLiteral(u"é😀")},
                              fieldsOf("2|")}
        << QList<qint64>{1, 2} << ok2;
    QTest::newRow("keys missing in some objects -> null")
        << nd << QByteArray("{\"a\":1,\"b\":2}\n{\"a\":3}\n{\"b\":4}\n") << names("a|b")
        << QList<QStringList>{fieldsOf("1|2"), QStringList{QStringLiteral("3"), kNullMarker},
                              QStringList{kNullMarker, QStringLiteral("4")}}
        << QList<qint64>{1, 2, 3} << ok3;
    QTest::newRow("explicit null") << nd << QByteArray("{\"a\":null,\"b\":1}\n") << names("a|b")
                                   << QList<QStringList>{QStringList{kNullMarker, QStringLiteral("1")}}
                                   << QList<qint64>{1} << ok1;
    QTest::newRow("key only in a later object: column added, earlier rows null")
        << nd << QByteArray("{\"a\":1}\n{\"a\":2,\"b\":\"x\"}\n") << names("a|b")
        << QList<QStringList>{QStringList{QStringLiteral("1"), kNullMarker}, fieldsOf("2|x")}
        << QList<qint64>{1, 2} << ok2;
    QTest::newRow("invalid object in NDJSON")
        << nd << QByteArray("{\"a\":1}\n{\"a\":tru}\n{\"a\":3}\n") << names("a")
        << QList<QStringList>{fieldsOf("1"), {}, fieldsOf("3")} << QList<qint64>{1, 2, 3}
        << QStringList{{}, invalid, {}};
    QTest::newRow("unclosed object in NDJSON")
        << nd << QByteArray("{\"a\":1}\n{\"a\":2\n{\"a\":3}\n{\"a\":4}\n") << names("a")
        << QList<QStringList>{fieldsOf("1"), {}, fieldsOf("3"), fieldsOf("4")} << QList<qint64>{1, 2, 3, 4}
        << QStringList{{}, invalid, {}, {}};
    QTest::newRow("truncated array at the end of the file")
        << json << QByteArray("[{\"a\":1},\n{\"a\":2") << names("a") << QList<QStringList>{fieldsOf("1"), {}}
        << QList<qint64>{1, 2} << QStringList{{}, QStringLiteral("cut off")};
    QTest::newRow("top-level scalar in an array")
        << json << QByteArray("[{\"a\":1}, 5, {\"a\":2}]") << names("a")
        << QList<QStringList>{fieldsOf("1"), {}, fieldsOf("2")} << QList<qint64>{1, 1, 1}
        << QStringList{{}, QStringLiteral("found number"), {}};
    QTest::newRow("top-level scalar last in an array")
        << json << QByteArray("[{\"a\":1},\n\"x\"\n]") << names("a") << QList<QStringList>{fieldsOf("1"), {}}
        << QList<qint64>{1, 2} << QStringList{{}, QStringLiteral("found string")};
    QTest::newRow("top-level scalar right before the closing bracket")
        << json << QByteArray("[{\"a\":1}, 5]") << names("a") << QList<QStringList>{fieldsOf("1"), {}}
        << QList<qint64>{1, 1} << QStringList{{}, QStringLiteral("found number")};
    QTest::newRow("stray closing brace in NDJSON")
        << nd << QByteArray("{\"a\":1}\n}\n{\"a\":2}\n") << names("a")
        << QList<QStringList>{fieldsOf("1"), {}, fieldsOf("2")} << QList<qint64>{1, 2, 3}
        << QStringList{{}, invalid, {}};
    QTest::newRow("arrays in an array")
        << json << QByteArray("[[1,2],\n[3]]") << QStringList{} << QList<QStringList>{{}, {}}
        << QList<qint64>{1, 2} << QStringList{QStringLiteral("found array"), QStringLiteral("found array")};
    QTest::newRow("scalar line in NDJSON, later lines right")
        << nd << QByteArray("{\"a\":1}\n42\n{\"a\":3}\n{\"a\":4}\n") << names("a")
        << QList<QStringList>{fieldsOf("1"), {}, fieldsOf("3"), fieldsOf("4")} << QList<qint64>{1, 2, 3, 4}
        << QStringList{{}, QStringLiteral("found number"), {}, {}};
    QTest::newRow("comma between NDJSON objects")
        << nd << QByteArray("{\"a\":1},{\"a\":2}\n{\"a\":3}\n") << names("a")
        << QList<QStringList>{fieldsOf("1"), fieldsOf("2"), fieldsOf("3")} << QList<qint64>{1, 1, 2} << ok3;
    QTest::newRow("two arrays one after the other")
        << json << QByteArray("[{\"a\":1}]\n[{\"a\":2},\n{\"a\":3}]\n") << names("a")
        << QList<QStringList>{fieldsOf("1"), fieldsOf("2"), fieldsOf("3")} << QList<qint64>{1, 2, 3} << ok3;
    QTest::newRow("text after the array is an error, not dropped")
        << json << QByteArray("[{\"a\":1}]\noops\n") << names("a") << QList<QStringList>{fieldsOf("1"), {}}
        << QList<qint64>{1, 2} << QStringList{{}, invalid};
    QTest::newRow("empty array") << json << QByteArray("[]") << QStringList{} << QList<QStringList>{}
                                 << QList<qint64>{} << QStringList{};
}

void JsonReaderTest::records() {
    QFETCH(QString, fileName);
    QFETCH(QByteArray, input);
    QFETCH(QStringList, header);
    QFETCH(QList<QStringList>, records);
    QFETCH(QList<qint64>, lines);
    QFETCH(QStringList, errors);

    deskbase::test::TempWorkspace ws;
    auto read = readLikeImport(ws.write(fileName.toStdString(), bytes(input)));
    QVERIFY2(read.failure.empty(), read.failure.c_str());
    QCOMPARE(read.header, header);
    QCOMPARE(qsizetype(read.records.size()), records.size());
    for (qsizetype i = 0; i < records.size(); ++i) {
        const auto& r = read.records[std::size_t(i)];
        QCOMPARE(r.line, lines[i]);
        if (errors[i].isEmpty()) {
            QVERIFY2(r.error.empty(), r.error.c_str());
            QCOMPARE(r.fields, records[i]);
        } else {
            QVERIFY2(QString::fromStdString(r.error).contains(errors[i]), r.error.c_str());
            QVERIFY(!r.raw.empty());
            QVERIFY(input.contains(QByteArray::fromStdString(r.raw)));
            QCOMPARE(r.fields.size(), header.size());  // all null, one per column
        }
    }
}

void JsonReaderTest::laterKeysGrowTheHeader() {
    // Without the keys of a first pass, the reader adds a column when a new key shows up.
    deskbase::test::TempWorkspace ws;
    auto read =
        deskbase::test::sniffAndRead(ws.write("grow.ndjson", "{\"a\":1}\n{\"a\":2,\"b\":{\"c\":\"x\"}}\n"));
    QVERIFY2(read.failure.empty(), read.failure.c_str());
    QCOMPARE(read.header, names("a|b_c"));
    QCOMPARE(read.records.size(), std::size_t(2));
    QCOMPARE(read.records[0].fields, fieldsOf("1"));
    QCOMPARE(read.records[1].fields, fieldsOf("2|x"));
}

void JsonReaderTest::inferredTypes() {
    deskbase::test::TempWorkspace ws;
    const auto path =
        ws.write("types.json",
                 "[{\"n\":1,\"r\":2,\"d\":\"2000-01-31\",\"b\":true,\"x\":null,\"t\":\"00501\"},"
                 " {\"n\":2,\"r\":2.5,\"d\":\"2000-02-01\",\"b\":false,\"x\":null,\"t\":\"08123\"},"
                 " {\"n\":null,\"later\":\"2000-01-31T10:00:00Z\"}]");
    auto sniff = sniffFile(path);
    QVERIFY(sniff);
    QCOMPARE(sniff->format, FileFormat::Json);
    const std::atomic<bool> never{false};
    auto schema = inferFileSchema(path, *sniff, false, never, {});
    QVERIFY2(schema, schema ? "" : schema.message().c_str());
    QCOMPARE(schema->records, std::int64_t(3));
    std::vector<std::string> expectedHeader{"n", "r", "d", "b", "x", "t", "later"};
    QCOMPARE(schema->header, expectedHeader);
    const std::vector<ColumnType> types{ColumnType::Integer, ColumnType::Real, ColumnType::Date,
                                        ColumnType::Boolean, ColumnType::Text, ColumnType::Text,
                                        ColumnType::DateTime};
    for (std::size_t i = 0; i < types.size(); ++i)
        QVERIFY2(schema->inference[i].type() == types[i], schema->header[i].c_str());
}

void JsonReaderTest::largeNdjsonAcrossReadBoundaries() {
    // ~5 MiB: objects get cut by the reader's 2 MiB buffer fills and 1 MiB refills.
    std::string input;
    int rows = 0;
    while (input.size() < (5u << 20)) {
        ++rows;
        input += "{\"id\":" + std::to_string(rows) + ",\"s\":\"x" + std::string(std::size_t(rows % 97), 'y') +
                 "}{\\\"\",\"o\":{\"k\":[" + std::to_string(rows % 7) + "]}}\n";
    }
    deskbase::test::TempWorkspace ws;
    auto read = readLikeImport(ws.write("big.ndjson", input));
    QVERIFY2(read.failure.empty(), read.failure.c_str());
    QCOMPARE(read.header, names("id|s|o_k"));
    QCOMPARE(read.records.size(), std::size_t(rows));
    for (int i = 0; i < rows; ++i) {
        const auto& r = read.records[std::size_t(i)];
        const int id = i + 1;
        const QStringList want{
            QString::number(id),
            QStringLiteral("x") + QString(id % 97, QLatin1Char('y')) + QStringLiteral("}{\""),
            QStringLiteral("[%1]").arg(id % 7)};
        if (r.fields != want || r.line != id || !r.error.empty())
            QFAIL(qPrintable(QStringLiteral("record %1 differs: line %2 [%3] %4")
                                 .arg(id)
                                 .arg(r.line)
                                 .arg(r.fields.join(QLatin1Char('|')))
                                 .arg(QString::fromStdString(r.error))));
    }
}

// Issue 15: an object nested 30,000 levels inside a record, or arrays nested 50,000 levels in a
// value or on an NDJSON line, crashed the importer (SIGSEGV); 25,000 levels of objects took 1.6 GB.
// The files are made here: `levels` counts the record itself, like JsonReader::kMaxDepth.
void JsonReaderTest::deepNestingStopsWithOneLine_data() {
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("kind");  // "object": {"k":{"k":...}}, "array": {"v":[[...]]}, "bare": [[...]]
    QTest::addColumn<int>("levels");
    QTest::addColumn<int>("recordsBefore");  // plain records on lines before the deep one
    const int limit = JsonReader::kMaxDepth;
    for (const char* file : {"deep.json", "deep.ndjson"}) {
        const QString f = QString::fromUtf8(file);
        QTest::newRow((std::string(file) + " objects 30000").c_str())
            << f << QStringLiteral("object") << 30000 << 2;
        QTest::newRow((std::string(file) + " arrays 50000").c_str())
            << f << QStringLiteral("array") << 50000 << 1;
        QTest::newRow((std::string(file) + " objects at the limit").c_str())
            << f << QStringLiteral("object") << limit << 2;
        QTest::newRow((std::string(file) + " objects one past the limit").c_str())
            << f << QStringLiteral("object") << limit + 1 << 0;
        QTest::newRow((std::string(file) + " arrays at the limit").c_str())
            << f << QStringLiteral("array") << limit << 3;
        QTest::newRow((std::string(file) + " arrays one past the limit").c_str())
            << f << QStringLiteral("array") << limit + 1 << 3;
    }
    QTest::newRow("ndjson bare arrays 50000")
        << QStringLiteral("deep.ndjson") << QStringLiteral("bare") << 50000 << 1;
    QTest::newRow("ndjson bare arrays one past the limit")
        << QStringLiteral("deep.ndjson") << QStringLiteral("bare") << limit + 1 << 2;
}

void JsonReaderTest::deepNestingStopsWithOneLine() {
    QFETCH(QString, fileName);
    QFETCH(QString, kind);
    QFETCH(int, levels);
    QFETCH(int, recordsBefore);
    const std::size_t inner = std::size_t(levels - 1);
    std::string deep;
    if (kind == QLatin1String("object")) {
        for (std::size_t i = 0; i < inner; ++i) deep += "{\"k\":";
        deep += "{\"end\":1}" + std::string(inner, '}');
    } else if (kind == QLatin1String("array")) {
        deep = "{\"v\":" + std::string(inner, '[') + std::string(inner, ']') + "}";
    } else {
        deep = std::string(std::size_t(levels), '[') + std::string(std::size_t(levels), ']');
    }
    const bool array = fileName.endsWith(QLatin1String(".json"));
    std::string input = array ? "[\n" : "";
    for (int i = 0; i < recordsBefore; ++i)
        input += "{\"id\":" + std::to_string(i) + (array ? "},\n" : "}\n");
    const auto deepLine = std::count(input.begin(), input.end(), '\n') + 1;
    input += deep + (array ? "\n]\n" : "\n");

    deskbase::test::TempWorkspace ws;
    auto read = readLikeImport(ws.write(fileName.toStdString(), input));
    if (levels > JsonReader::kMaxDepth) {
        const std::string want = "nested deeper than " + std::to_string(JsonReader::kMaxDepth) +
                                 " levels at line " + std::to_string(deepLine);
        QVERIFY2(read.failure.find(want) != std::string::npos, read.failure.c_str());
        QVERIFY2(read.failure.find('\n') == std::string::npos, read.failure.c_str());
        return;
    }
    QVERIFY2(read.failure.empty(), read.failure.c_str());
    QCOMPARE(read.records.size(), std::size_t(recordsBefore + 1));
    const auto& last = read.records.back();
    QCOMPARE(last.line, std::int64_t(deepLine));
    QVERIFY2(last.error.empty(), last.error.c_str());
    QString column = QStringLiteral("v"), value = QString::fromStdString(deep.substr(5, deep.size() - 6));
    if (kind == QLatin1String("object")) {
        column.clear();
        for (std::size_t i = 0; i < inner; ++i) column += QStringLiteral("k_");
        column += QStringLiteral("end");
        value = QStringLiteral("1");
    }
    const auto at = read.header.indexOf(column);
    QVERIFY2(at >= 0, qPrintable(read.header.join(QLatin1Char('|')).left(200)));
    QCOMPARE(last.fields[at], value);
}

// Issue 15: a bare JSON value was read as a CSV with one header. Named as delimited text, it is one.
void JsonReaderTest::bareJsonValueIsRefused_data() {
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("found");  // "": read as CSV
    QTest::newRow("number") << QStringLiteral("v.json") << QByteArray("42\n") << QStringLiteral("number");
    QTest::newRow("string") << QStringLiteral("v.json") << QByteArray("\"hello\"")
                            << QStringLiteral("string");
    QTest::newRow("true, no extension")
        << QStringLiteral("v") << QByteArray("  true\n") << QStringLiteral("boolean");
    QTest::newRow("null in .ndjson") << QStringLiteral("v.ndjson") << QByteArray("null")
                                     << QStringLiteral("null");
    QTest::newRow("number in .txt") << QStringLiteral("v.txt") << QByteArray("-1.5e3\r\n")
                                    << QStringLiteral("number");
    QTest::newRow("two numbers are text")
        << QStringLiteral("v.json") << QByteArray("42\n43\n") << QStringLiteral("");
    QTest::newRow("a .csv stays CSV")
        << QStringLiteral("v.csv") << QByteArray("\"hello\"\n") << QStringLiteral("");
}

void JsonReaderTest::bareJsonValueIsRefused() {
    QFETCH(QString, fileName);
    QFETCH(QByteArray, input);
    QFETCH(QString, found);
    deskbase::test::TempWorkspace ws;
    const std::string path = ws.write(fileName.toStdString(), bytes(input));
    auto sniff = sniffFile(path);
    if (found.isEmpty()) {
        QVERIFY2(sniff, sniff ? "" : sniff.message().c_str());
        QCOMPARE(sniff->format, FileFormat::Csv);
        return;
    }
    QVERIFY(!sniff);
    QCOMPARE(QString::fromStdString(sniff.message()),
             QString::fromStdString(path) +
                 QStringLiteral(": expected a JSON array or objects, found a bare JSON ") + found);
}

QTEST_GUILESS_MAIN(JsonReaderTest)
#include "json_reader_test.moc"
