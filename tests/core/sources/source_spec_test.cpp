// sources/*.json: every field read as written, defaults, and a one-line error naming the file and
// the field for each kind of mistake; a workspace's sources load beside broken ones.
#include "core/sources/source_spec.h"

#include <QtTest>

#include "tests/support/temp_workspace.h"

using namespace deskbase;

class SourceSpecTest : public QObject {
    Q_OBJECT
private slots:
    void everyField();
    void defaults();
    void pathKinds();
    void errors_data();
    void errors();
    void workspaceKeepsGoodSourcesBesideBrokenOnes();
};

void SourceSpecTest::everyField() {
    auto s = sourceSpecFromText(R"({"name": "orders_inbox", "path": "inbox/*.csv", "table": "Orders",
        "mode": "append", "unique_key": ["order_id", "line"], "types": {"order_id": "integer", "day": "date"},
        "delimiter": ";", "header": false, "encoding": "windows-1252", "on_failure": "refuse", "watch": true,
        "schedule": "daily 06:30", "after": "customers", "stable_seconds": 0.5, "move_processed": true,
        "move_failed": "bad", "description": "the shop's exports"})",
                                "sources/x.json");
    QVERIFY2(s, s.status().message().c_str());
    QCOMPARE(s->name, std::string("orders_inbox"));
    QCOMPARE(s->file, std::string("sources/x.json"));
    QCOMPARE(s->path, std::string("inbox/*.csv"));
    QCOMPARE(s->table, std::string("orders"));
    QVERIFY(s->mode == ImportMode::Append);
    QCOMPARE(s->uniqueKey, (std::vector<std::string>{"order_id", "line"}));
    QCOMPARE(s->types.size(), std::size_t(2));
    QCOMPARE(s->types[0].first, std::string("order_id"));
    QVERIFY(s->types[0].second == ColumnType::Integer);
    QVERIFY(s->types[1].second == ColumnType::Date);
    QCOMPARE(s->delimiter, std::optional<char>(';'));
    QCOMPARE(s->header, std::optional<bool>(false));
    QVERIFY(s->encoding == TextEncoding::Windows1252);
    QCOMPARE(s->refuseOnCheckFailure, std::optional<bool>(true));
    QVERIFY(s->watch);
    QVERIFY(s->schedule);
    QCOMPARE(s->schedule->text(), std::string("daily 06:30"));
    QCOMPARE(s->after, (std::vector<std::string>{"customers"}));
    QCOMPARE(s->stableSeconds, 0.5);
    QCOMPARE(s->moveProcessed, std::string("processed"));
    QCOMPARE(s->moveFailed, std::string("bad"));
}

void SourceSpecTest::defaults() {
    auto s = sourceSpecFromText(R"({"path": "exports/daily-sales.csv"})", "sources/daily-sales.json");
    QVERIFY2(s, s.status().message().c_str());
    QCOMPARE(s->name, std::string("daily-sales"));   // the file's stem
    QCOMPARE(s->table, std::string("daily_sales"));  // the name as a table name
    QVERIFY(s->mode == ImportMode::Append);
    QVERIFY(s->uniqueKey.empty());
    QVERIFY(!s->refuseOnCheckFailure);  // the check file decides
    QVERIFY(!s->watch);
    QVERIFY(!s->schedule);
    QCOMPARE(s->stableSeconds, 2.0);
    QVERIFY(s->moveProcessed.empty());
    QVERIFY(s->moveFailed.empty());
    QVERIFY(!s->delimiter && !s->header && !s->encoding);
    auto tab = sourceSpecFromText(R"({"path": "a.tsv", "delimiter": "tab", "mode": "replace",
                                      "move_processed": "done", "move_failed": false})",
                                  "sources/a.json");
    QVERIFY2(tab, tab.status().message().c_str());
    QCOMPARE(tab->delimiter, std::optional<char>('\t'));
    QVERIFY(tab->mode == ImportMode::Replace);
    QCOMPARE(tab->moveProcessed, std::string("done"));
    QVERIFY(tab->moveFailed.empty());
}

void SourceSpecTest::pathKinds() {
    test::TempWorkspace ws;
    QVERIFY(QDir(QString::fromStdString(ws.path())).mkpath(QStringLiteral("inbox")));
    auto kind = [&](const std::string& path) {
        SourceSpec s;
        s.path = path;
        return sourcePathKind(s, ws.path());
    };
    QVERIFY(kind("inbox/*.csv") == SourcePathKind::Glob);
    QVERIFY(kind("inbox/day-??.csv") == SourcePathKind::Glob);
    QVERIFY(kind("inbox") == SourcePathKind::Folder);    // exists as a folder
    QVERIFY(kind("outbox/") == SourcePathKind::Folder);  // a trailing slash says so, existing or not
    QVERIFY(kind("inbox/a.csv") == SourcePathKind::File);
    QVERIFY(kind(ws.path() + "/inbox") == SourcePathKind::Folder);  // absolute
}

void SourceSpecTest::errors_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("not json") << "{\"path\": "
                              << "sources/s.json: line 1: ";
    QTest::newRow("not an object")
        << "[1]"
        << "sources/s.json: a source file is a JSON object with \"path\" and \"table\"";
    QTest::newRow("no path") << "{\"table\": \"t\"}"
                             << "sources/s.json: missing field \"path\"";
    QTest::newRow("unknown field") << R"({"path": "a.csv", "folder": "x"})"
                                   << "sources/s.json: unknown field \"folder\"";
    QTest::newRow("path type") << R"({"path": 3})"
                               << "sources/s.json: \"path\" is a non-empty string";
    QTest::newRow("wildcard folder")
        << R"({"path": "in*/a.csv"})"
        << "sources/s.json: \"path\" \"in*/a.csv\": wildcards go in the file name only "
           "(inbox/*.csv)";
    QTest::newRow("mode") << R"({"path": "a.csv", "mode": "create"})"
                          << "sources/s.json: \"mode\" is \"append\" or \"replace\"";
    QTest::newRow("key with replace")
        << R"({"path": "a.csv", "mode": "replace", "unique_key": "id"})"
        << "sources/s.json: \"unique_key\" needs \"mode\": \"append\" (replace loads "
           "the whole table anew)";
    QTest::newRow("key type") << R"({"path": "a.csv", "unique_key": 5})"
                              << "sources/s.json: \"unique_key\" is a name or a list of names";
    QTest::newRow("key twice") << R"({"path": "a.csv", "unique_key": ["id", "id"]})"
                               << "sources/s.json: \"unique_key\" names id twice";
    QTest::newRow("type name")
        << R"({"path": "a.csv", "types": {"id": "money"}})"
        << "sources/s.json: \"types\": \"id\" is not a type (integer, real, boolean, date, "
           "datetime, text)";
    QTest::newRow("delimiter") << R"({"path": "a.csv", "delimiter": ";;"})"
                               << "sources/s.json: \"delimiter\" is one character, or \"tab\"";
    QTest::newRow("header") << R"({"path": "a.csv", "header": "yes"})"
                            << "sources/s.json: \"header\" is true or false";
    QTest::newRow("encoding") << R"({"path": "a.csv", "encoding": "latin1"})"
                              << "sources/s.json: \"encoding\" is utf-8, utf-8-bom, utf-16le, utf-16be or "
                                 "windows-1252";
    QTest::newRow("on_failure") << R"({"path": "a.csv", "on_failure": "stop"})"
                                << "sources/s.json: \"on_failure\" is \"warn\" or \"refuse\"";
    QTest::newRow("watch") << R"({"path": "a.csv", "watch": "yes"})"
                           << "sources/s.json: \"watch\" is true or false";
    QTest::newRow("schedule")
        << R"({"path": "a.csv", "schedule": "daily 6:3"})"
        << "sources/s.json: \"schedule\": \"6:3\" is not a time of day (HH:MM, 00:00 to 23:59)";
    QTest::newRow("schedule type") << R"({"path": "a.csv", "schedule": 5})"
                                   << "sources/s.json: \"schedule\" is a string (e.g. \"daily 06:30\")";
    QTest::newRow("after") << R"({"path": "a.csv", "after": []})"
                           << "sources/s.json: \"after\" is a name or a list of names";
    QTest::newRow("stable") << R"({"path": "a.csv", "stable_seconds": -1})"
                            << "sources/s.json: \"stable_seconds\" is a number of seconds from 0 to 86400";
    QTest::newRow("move") << R"({"path": "a.csv", "move_processed": 1})"
                          << "sources/s.json: \"move_processed\" is true, false or a folder name";
    QTest::newRow("table") << R"({"path": "a.csv", "table": "--"})"
                           << "sources/s.json: \"table\" has no letters or digits to name a table";
}

void SourceSpecTest::errors() {
    QFETCH(QString, json);
    QFETCH(QString, error);
    auto s = sourceSpecFromText(json.toStdString(), "sources/s.json");
    QVERIFY(!s);
    const std::string message = s.status().message();
    QVERIFY2(message.rfind(error.toStdString(), 0) == 0, message.c_str());
    QVERIFY2(message.find('\n') == std::string::npos, message.c_str());
}

void SourceSpecTest::workspaceKeepsGoodSourcesBesideBrokenOnes() {
    test::TempWorkspace ws;
    QVERIFY(QDir(QString::fromStdString(ws.path())).mkpath(QStringLiteral("sources")));
    ws.write("sources/b_orders.json", R"({"name": "orders", "path": "inbox/", "watch": true})");
    ws.write("sources/a_customers.json", R"({"path": "customers.csv", "after": "orders"})");
    ws.write("sources/c_broken.json", R"({"path": "x.csv", "schedule": "sometimes"})");
    ws.write("sources/d_again.json", R"({"name": "orders", "path": "other.csv"})");
    ws.write("sources/e_lost.json", R"({"path": "y.csv", "after": ["nobody"]})");
    ws.write("sources/notes.txt", "not a source");
    auto loaded = loadWorkspaceSources(ws.path());
    QCOMPARE(loaded.sources.size(), std::size_t(2));
    QCOMPARE(loaded.sources[0].name, std::string("a_customers"));
    QCOMPARE(loaded.sources[1].name, std::string("orders"));
    QVERIFY(loaded.find("orders"));
    QVERIFY(!loaded.find("c_broken"));
    QCOMPARE(loaded.problems.size(), std::size_t(3));
    QCOMPARE(loaded.problems[0].name, std::string("c_broken"));
    QVERIFY2(loaded.problems[0].message.rfind("sources/c_broken.json: \"schedule\": ", 0) == 0,
             loaded.problems[0].message.c_str());
    QCOMPARE(loaded.problems[1].message,
             std::string("sources/d_again.json: \"name\" orders is taken by sources/b_orders.json"));
    QCOMPARE(loaded.problems[2].message,
             std::string("sources/e_lost.json: \"after\": no source named nobody"));
}

QTEST_GUILESS_MAIN(SourceSpecTest)
#include "source_spec_test.moc"
