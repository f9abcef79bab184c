// Writing sources/*.json: a source written and read back is the same source, field by field; the
// written file has DESIGN.md's shape (defaults left out); a bad name is refused and writes nothing.
#include "core/sources/source_file.h"

#include <QtTest>

#include "tests/support/temp_workspace.h"

using namespace deskbase;

Q_DECLARE_METATYPE(std::string)

namespace {

// Every field of SourceSpec, as text, so two specs compare in one QCOMPARE.
std::string fields(const SourceSpec& s) {
    std::string out = s.name + "|" + s.description + "|" + s.path + "|" + s.table + "|" +
                      std::string(importModeName(s.mode)) + "|";
    for (const auto& k : s.uniqueKey) out += k + ",";
    out += "|";
    for (const auto& [c, t] : s.types) out += c + ":" + std::string(columnTypeName(t)) + ",";
    out += "|" + (s.delimiter ? std::string(1, *s.delimiter) : "-") + "|" +
           (s.header ? (*s.header ? "h" : "nh") : "-") + "|" +
           (s.encoding ? std::string(textEncodingName(*s.encoding)) : "-") + "|" +
           (s.refuseOnCheckFailure ? (*s.refuseOnCheckFailure ? "refuse" : "warn") : "-") + "|" +
           (s.watch ? "watch" : "") + "|" + (s.schedule ? s.schedule->text() : "-") + "|";
    for (const auto& a : s.after) out += a + ",";
    out += "|" + std::to_string(s.stableSeconds) + "|" + s.moveProcessed + "|" + s.moveFailed;
    return out;
}

}  // namespace

class SourceFileTest : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void designShape();
    void savesAtomicallyAndRefusesBadNames();
};

void SourceFileTest::roundTrip_data() {
    QTest::addColumn<std::string>("text");
    QTest::newRow("minimal") << std::string(R"({"path": "exports/sales.csv"})");
    QTest::newRow("every field") << std::string(
        R"({"name": "orders_inbox", "description": "the shop", "path": "inbox/*.csv", "table": "orders",
            "mode": "append", "unique_key": ["order_id", "line"], "types": {"order_id": "integer", "day": "date"},
            "delimiter": ";", "header": false, "encoding": "windows-1252", "on_failure": "refuse",
            "watch": true, "schedule": "weekly mon 08:00", "after": ["customers"], "stable_seconds": 0.5,
            "move_processed": true, "move_failed": "bad"})");
    QTest::newRow("tab, replace, cron, warn") << std::string(
        R"({"path": "in/", "mode": "replace", "delimiter": "tab", "header": true, "on_failure": "warn",
            "schedule": "30 6 * * 1-5", "move_processed": "done", "move_failed": true, "stable_seconds": 0})");
    QTest::newRow("every N minutes") << std::string(R"({"path": "a.csv", "schedule": "every 15 minutes"})");
}

void SourceFileTest::roundTrip() {
    QFETCH(std::string, text);
    auto first = sourceSpecFromText(text, "sources/s.json");
    QVERIFY2(first, first.status().message().c_str());
    const std::string written = sourceSpecToJson(*first).dump(2);
    auto again = sourceSpecFromText(written, "sources/other_stem.json");  // the name is in the file
    QVERIFY2(again, again.status().message().c_str());
    QCOMPARE(fields(*again), fields(*first));
}

void SourceFileTest::designShape() {
    SourceSpec s;
    s.name = "orders_inbox";
    s.path = "inbox/*.csv";
    s.table = "orders";
    s.uniqueKey = {"order_id"};
    s.watch = true;
    s.refuseOnCheckFailure = true;
    // docs/sources.md's example, with its fields in the table's order; defaults left out.
    QCOMPARE(sourceSpecToJson(s).dump(),
             std::string(R"({"name":"orders_inbox","path":"inbox/*.csv","table":"orders","mode":"append",)"
                         R"("unique_key":["order_id"],"on_failure":"refuse","watch":true})"));
}

void SourceFileTest::savesAtomicallyAndRefusesBadNames() {
    test::TempWorkspace ws;
    SourceSpec s;
    s.name = "daily";
    s.path = "in/";
    s.table = "daily";
    QVERIFY(saveSourceFile(ws.path(), s).isOk());  // sources/ is made
    auto back = loadSourceFile(ws.file("sources/daily.json"), "sources/daily.json");
    QVERIFY2(back, back.status().message().c_str());
    QCOMPARE(back->path, std::string("in/"));
    s.name = "../escape";
    const Status bad = saveSourceFile(ws.path(), s);
    QVERIFY(!bad.isOk());
    QCOMPARE(bad.message(),
             std::string("the source name \"../escape\" cannot be a file name (no slash, no leading dot)"));
    QVERIFY(!QFileInfo::exists(QString::fromStdString(ws.file("escape.json"))));
}

QTEST_GUILESS_MAIN(SourceFileTest)
#include "source_file_test.moc"
