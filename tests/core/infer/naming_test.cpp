// Table and column names: lowercase snake_case identifiers, never empty, never starting with a
// digit, unique within a table.
#include "core/infer/naming.h"

#include <QtTest>

using namespace deskbase;

namespace {
QStringList toList(const std::vector<std::string>& v) {
    QStringList out;
    for (const auto& s : v) out << QString::fromStdString(s);
    return out;
}
std::vector<std::string> fromList(const QStringList& l) {
    std::vector<std::string> out;
    for (const auto& s : l) out.push_back(s.toStdString());
    return out;
}
}  // namespace

class NamingTest : public QObject {
    Q_OBJECT

private slots:
    void identifier_data();
    void identifier();
    void tableName_data();
    void tableName();
    void unique_data();
    void unique();
    void longNamesFitPostgres();
};

// PostgreSQL keeps 63 bytes of a name: longer ones would be cut by the server, differently
// from what Deskbase recorded, and a table's "__rejects" twin could collide with it.
void NamingTest::longNamesFitPostgres() {
    const std::string longAscii(100, 'a');
    QCOMPARE(toIdentifier(longAscii).size(), std::size_t(63));
    QCOMPARE(toTableName(longAscii).size(), std::size_t(54));
    QCOMPARE(tableNameForPath("/x/" + longAscii + ".csv").size(), std::size_t(54));
    // Multi-byte characters are never split: "é" is 2 bytes, so 63 bytes hold 31 of them after "a".
    std::string accents = "a";
    for (int i = 0; i < 40; ++i) accents += "\xC3\xA9";
    const std::string cut = toIdentifier(accents);
    QVERIFY(cut.size() <= 63);
    QCOMPARE(cut.size(), std::size_t(63));
    QVERIFY(QString::fromUtf8(cut.data(), qsizetype(cut.size())).toUtf8().toStdString() == cut);
    // A word break at the cut leaves no trailing underscore.
    QCOMPARE(toIdentifier(std::string(62, 'b') + " c"), std::string(62, 'b'));
    // Deduplication keeps the suffix inside the limit.
    auto names = uniqueIdentifiers({longAscii, longAscii});
    QCOMPARE(names[0].size(), std::size_t(63));
    QCOMPARE(names[1], std::string(61, 'a') + "_2");
}

void NamingTest::identifier_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("identifier");
    auto row = [](const char* text, const char* id) {
        QTest::newRow(text) << QString::fromUtf8(text) << QString::fromUtf8(id);
    };
    row("US Gross", "us_gross");
    row("already_snake", "already_snake");
    row("camelCase", "camel_case");
    row("totalAmountUSD", "total_amount_usd");
    row("userID", "user_id");
    row("ALLCAPS", "allcaps");
    row("2020 sales", "c_2020_sales");
    row("1st", "c_1st");
    row("", "column");
    row("   ", "column");
    row("(%)", "column");
    row("Price ($)", "price");
    row("a--b  c", "a_b_c");
    row("__x__", "x");
    row("Rotten Tomatoes Rating", "rotten_tomatoes_rating");
    row("Année", "année");
    row("Größe (cm)", "größe_cm");
    row("名前", "名前");
}

void NamingTest::identifier() {
    QFETCH(QString, text);
    QFETCH(QString, identifier);
    const std::string id = toIdentifier(text.toStdString());
    QCOMPARE(QString::fromStdString(id), identifier);
    QVERIFY(!id.empty());
    QVERIFY(!(id[0] >= '0' && id[0] <= '9'));
    QCOMPARE(toIdentifier(id), id);  // normalizing twice changes nothing
}

void NamingTest::tableName_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("table");
    auto row = [](const char* path, const char* table) {
        QTest::newRow(path) << QString::fromUtf8(path) << QString::fromUtf8(table);
    };
    row("seattle-weather.csv", "seattle_weather");
    row("/data/shared/seattle-weather.csv", "seattle_weather");
    row("C:\\data\\Sales Report.tsv", "sales_report");
    row("flights-3m.csv.gz", "flights_3m");
    row("events.ndjson", "events");
    row("events.jsonl", "events");
    row("movies.json", "movies");
    row("my.data.file.txt", "my_data_file");
    row("2019.csv", "c_2019");
    row("noext", "noext");
    row("SALES.CSV", "sales");
    row("Report.Json", "report");
}

void NamingTest::tableName() {
    QFETCH(QString, path);
    QFETCH(QString, table);
    QCOMPARE(QString::fromStdString(tableNameForPath(path.toStdString())), table);
}

void NamingTest::unique_data() {
    QTest::addColumn<QStringList>("headers");
    QTest::addColumn<QStringList>("names");
    auto l = [](std::initializer_list<const char*> v) {
        QStringList out;
        for (const char* s : v) out << QString::fromUtf8(s);
        return out;
    };
    QTest::newRow("duplicates a, a_2") << l({"a", "a"}) << l({"a", "a_2"});
    QTest::newRow("duplicates after normalizing")
        << l({"Total", "total", "TOTAL "}) << l({"total", "total_2", "total_3"});
    QTest::newRow("a generated name already taken") << l({"a", "a", "a_2"}) << l({"a", "a_2", "a_2_2"});
    QTest::newRow("taken name first") << l({"x_2", "x", "x"}) << l({"x_2", "x", "x_3"});
    QTest::newRow("empty headers") << l({"", "", "id"}) << l({"column", "column_2", "id"});
    QTest::newRow("distinct stay as they are")
        << l({"US Gross", "Release Date"}) << l({"us_gross", "release_date"});
}

void NamingTest::unique() {
    QFETCH(QStringList, headers);
    QFETCH(QStringList, names);
    const auto got = toList(uniqueIdentifiers(fromList(headers)));
    QCOMPARE(got, names);
    QCOMPARE(QSet<QString>(got.begin(), got.end()).size(), got.size());
}

QTEST_GUILESS_MAIN(NamingTest)
#include "naming_test.moc"
