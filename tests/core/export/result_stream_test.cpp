// A result written as it streams, in blocks of any size, is the text the whole result gives:
// CSV, JSON and NDJSON always; the table whenever its first kTableProbeRows rows are as wide as
// the rest. Expected texts come from the whole-result writers (core/export/result_format.h).
#include "core/export/result_stream.h"

#include <QtTest>
#include <sstream>

#include "core/export/result_format.h"

using namespace deskbase;

namespace {

QueryResult sample(std::size_t n) {
    QueryResult r;
    r.columns = {{"id", ColumnType::Integer, "id"},
                 {"name", ColumnType::Text, "name"},
                 {"score", ColumnType::Real, "score"},
                 {"id", ColumnType::Integer, "id"}};
    for (std::size_t i = 0; i < n; ++i)
        r.rows.push_back({Value(std::int64_t(i)),
                          i % 7 == 3 ? Value() : Value("n,\"" + std::to_string(i % 13) + "\"\n"),
                          Value(double(i) / 8.0), Value(std::int64_t(n - i))});
    r.fromCache = n % 2 == 1;
    r.elapsedMs = 12.5;
    return r;
}

std::string whole(StreamFormat f, const QueryResult& r) {
    std::ostringstream out;
    switch (f) {
        case StreamFormat::Csv:
            writeCsvHeader(out, r.columns);
            writeCsvRows(out, r.rows);
            break;
        case StreamFormat::Json:
            writeResultJson(out, r);
            break;
        case StreamFormat::Table:
            writeResultTable(out, r);
            break;
        case StreamFormat::Ndjson: {
            const auto keys = jsonObjectKeys(r.columns);
            for (const auto& row : r.rows) {
                writeJsonObject(out, keys, row);
                out << '\n';
            }
        } break;
    }
    return out.str();
}

std::string streamed(StreamFormat f, const QueryResult& r, std::size_t block, std::size_t* pieces = nullptr) {
    std::string text;
    std::size_t n = 0;
    ResultStreamWriter w(f, [&](std::string_view bytes) {
        text += bytes;
        ++n;
        return true;
    });
    for (std::size_t i = 0; i < r.rows.size(); i += block) {
        std::vector<Row> b(r.rows.begin() + std::ptrdiff_t(i),
                           r.rows.begin() + std::ptrdiff_t(std::min(i + block, r.rows.size())));
        if (!w.rows(r.columns, b)) return "refused";
    }
    if (!w.finish(r)) return "refused";
    if (pieces) *pieces = n;
    return text;
}

}  // namespace

class ResultStreamTest : public QObject {
    Q_OBJECT

private slots:
    void sameTextAsTheWholeResult_data() {
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("block");
        for (auto [f, name] :
             {std::pair{StreamFormat::Csv, "csv"}, std::pair{StreamFormat::Json, "json"},
              std::pair{StreamFormat::Ndjson, "ndjson"}, std::pair{StreamFormat::Table, "table"}})
            for (int rows : {0, 1, 999, 1001, 5000})
                for (int block : {1, 1024})
                    QTest::newRow((std::string(name) + ", " + std::to_string(rows) + " rows in blocks of " +
                                   std::to_string(block))
                                      .c_str())
                        << int(f) << rows << block;
    }
    void sameTextAsTheWholeResult() {
        QFETCH(int, format);
        QFETCH(int, rows);
        QFETCH(int, block);
        const QueryResult r = sample(std::size_t(rows));
        const auto f = StreamFormat(format);
        QCOMPARE(streamed(f, r, std::size_t(block)), whole(f, r));
    }

    // Past the probe, a wider value widens its own line and is never cut.
    void laterWiderValueIsNotCut() {
        QueryResult r;
        r.columns = {{"v", ColumnType::Text, "v"}, {"n", ColumnType::Integer, "n"}};
        for (std::size_t i = 0; i < ResultStreamWriter::kTableProbeRows + 200; ++i)
            r.rows.push_back({Value(std::string("ab")), Value(std::int64_t(i))});
        r.rows.push_back({Value(std::string("a much longer value")), Value(std::int64_t(7))});
        const std::string text = streamed(StreamFormat::Table, r, 100);
        QVERIFY(text.find("\na much longer value |    7\n") != std::string::npos);  // n keeps its width
        QVERIFY(text.find("\nab | 1004\n") != std::string::npos);
        QVERIFY(text.find("(1201 rows)\n") != std::string::npos);
    }

    // The sink gets pieces, not one string the size of the result.
    void bigResultGoesOutInPieces() {
        const QueryResult r = sample(20000);
        std::size_t pieces = 0;
        QCOMPARE(streamed(StreamFormat::Csv, r, 1024, &pieces), whole(StreamFormat::Csv, r));
        QVERIFY2(pieces > 5, std::to_string(pieces).c_str());
    }

    void refusingSinkStopsTheWriter() {
        int calls = 0;
        ResultStreamWriter w(StreamFormat::Csv, [&](std::string_view) {
            ++calls;
            return false;
        });
        const QueryResult r = sample(20000);
        QVERIFY(!w.rows(r.columns, r.rows));
        QVERIFY(!w.rows(r.columns, r.rows));
        QVERIFY(!w.finish(r));
        QCOMPARE(calls, 1);
    }

    void formatsByName_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("format");  // -1: unknown
        QTest::newRow("table") << QStringLiteral("table") << int(StreamFormat::Table);
        QTest::newRow("csv") << QStringLiteral("csv") << int(StreamFormat::Csv);
        QTest::newRow("json") << QStringLiteral("json") << int(StreamFormat::Json);
        QTest::newRow("ndjson") << QStringLiteral("ndjson") << int(StreamFormat::Ndjson);
        QTest::newRow("xml") << QStringLiteral("xml") << -1;
    }
    void formatsByName() {
        QFETCH(QString, name);
        QFETCH(int, format);
        const auto f = parseStreamFormat(name.toStdString());
        QCOMPARE(f ? int(*f) : -1, format);
    }
};

QTEST_MAIN(ResultStreamTest)
#include "result_stream_test.moc"
