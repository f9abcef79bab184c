// Dashboard files: load -> save round-trips byte-identical; filter wiring; --param parsing;
// the demo store generator is deterministic.
#include <QtTest>

#include "core/checks/check_file.h"
#include "core/dashboard/card_query.h"
#include "core/dashboard/dashboard.h"
#include "core/dashboard/demo_data.h"
#include "core/dashboard/demo_workspace.h"
#include "core/question/question.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;
using namespace deskbase::dashboard;

namespace {
QStringList strings(std::initializer_list<const char*> items) {
    QStringList out;
    for (const char* s : items) out << QString::fromUtf8(s);
    return out;
}

Dashboard everyFeature() {
    Dashboard d;
    d.name = "Ops – live";  // non-ASCII survives
    d.description = "Line one\nline two";
    d.gridColumns = 12;
    d.refreshSeconds = 30;
    Filter date{"date", "Date", FilterType::DateRange,  {"2024-01-01", ""}, {},
                "",     "",     {{"a", "start", "end"}}};
    Filter cat{"cat",
               "Category",
               FilterType::List,
               {"Books", "Toys"},
               {"Books", "Toys", "Home"},
               "categories.json",
               "category",
               {{"a", "category", ""}, {"b", "category", ""}}};
    Filter text{"who", "Customer", FilterType::Text, {}, {}, "", "", {{"b", "name", ""}}};
    Filter num{"min", "Minimum", FilterType::Number, {"10"}, {}, "", "", {{"c", "min_total", ""}}};
    d.filters = {date, cat, text, num};
    Card a{"a", "revenue.json", "", "", "", {0, 0, 6, 4}};
    Card b{"b", "orders.json", "", "Orders", R"({"type":"bar","stacked":true})", {6, 0, 6, 4}};
    Card c{"c", "totals.json", "", "", "", {0, 4, 12, 8}};
    Card t{"note", "", "## Notes\n\n*markdown* \"quoted\"", "", "", {0, 12, 4, 2}};
    d.cards = {a, b, c, t};
    return d;
}
}  // namespace

class DashboardJsonTest : public QObject {
    Q_OBJECT
private slots:
    void modelRoundTrips() {
        const Dashboard d = everyFeature();
        const std::string text = serializeDashboard(d);
        auto back = parseDashboard(text);
        QVERIFY2(back.isOk(), back.isOk() ? "" : back.message().c_str());
        QVERIFY(*back == d);
        QCOMPARE(serializeDashboard(*back), text);
        QVERIFY(text.back() == '\n');
        QVERIFY(text.find("\n  \"name\"") != std::string::npos);  // pretty-printed
    }

    void fileRoundTripsByteIdentical() {
        test::TempWorkspace ws;
        const std::string path = ws.file("dashboards/d.json");
        QVERIFY(saveDashboard(everyFeature(), path).isOk());
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray first = f.readAll();
        auto loaded = loadDashboard(path);
        QVERIFY(loaded.isOk());
        QVERIFY(saveDashboard(*loaded, path).isOk());
        QFile g(QString::fromStdString(path));
        QVERIFY(g.open(QIODevice::ReadOnly));
        QCOMPARE(g.readAll(), first);
    }

    void shippedFilesRoundTrip_data() {
        QTest::addColumn<QString>("file");
        for (const auto& f : demoWorkspaceFiles()) QTest::newRow(f.c_str()) << QString::fromStdString(f);
    }
    void shippedFilesRoundTrip() {
        QFETCH(QString, file);
        const std::string bytes = demoWorkspaceFile(file.toStdString());
        QVERIFY(!bytes.empty());
        if (file.startsWith(QStringLiteral("dashboards/"))) {
            auto d = parseDashboard(bytes);
            QVERIFY2(d.isOk(), d.isOk() ? "" : d.message().c_str());
            QCOMPARE(serializeDashboard(*d), bytes);
            for (const auto& c : d->cards)
                if (!c.isText())
                    QVERIFY2(!demoWorkspaceFile("questions/" + c.question).empty(), c.question.c_str());
        } else if (file.startsWith(
                       QStringLiteral("models/"))) {  // built by tests/core/models/demo_models_test
            QVERIFY(file.endsWith(QStringLiteral(".sql")));
        } else if (file.startsWith(QStringLiteral("checks/"))) {  // run by tests/core/models/demo_models_test
            auto c = checkFileFromText(bytes, file.toStdString(), "");
            QVERIFY2(c.isOk(), c.isOk() ? "" : c.message().c_str());
        } else {
            auto q = questionFromText(bytes, file.toStdString());
            QVERIFY2(q.isOk(), q.isOk() ? "" : q.message().c_str());
            QCOMPARE(questionToText(*q), bytes);
        }
    }

    void brokenJsonNamesTheLine() {
        auto d = parseDashboard("{\n  \"name\": \"x\",\n  \"cards\": [\n    {\"id\": }\n  ]\n}\n");
        QVERIFY(!d.isOk());
        QVERIFY2(d.message().find("line 4") != std::string::npos, d.message().c_str());
        QVERIFY(!parseDashboard(R"({"cards":[{"id":"a"},{"id":"a"}]})").isOk());
        QVERIFY(!parseDashboard(R"({"filters":[{"id":"f","type":"slider"}]})").isOk());
    }

    void filtersWireToCardParameters() {
        const Dashboard d = everyFeature();
        FilterValues v = defaultFilterValues(d);
        auto a = cardParameters(d, v, "a");
        QCOMPARE(a.size(), std::size_t(2));
        QCOMPARE(a["start"], std::vector<std::string>{"2024-01-01"});
        QVERIFY(!a.count("end"));  // open end stays unset
        QCOMPARE(a["category"], (std::vector<std::string>{"Books", "Toys"}));
        auto b = cardParameters(d, v, "b");
        QVERIFY(!b.count("name"));  // unset text filter
        v["who"] = {"Ava"};
        QCOMPARE(cardParameters(d, v, "b")["name"], std::vector<std::string>{"Ava"});
        QCOMPARE(cardsWiredTo(d, "cat"), (std::vector<std::string>{"a", "b"}));
        QCOMPARE(cardsWiredTo(d, "min"), std::vector<std::string>{"c"});
        QVERIFY(cardsWiredTo(d, "nope").empty());
    }

    void parsesFilterArguments_data() {
        QTest::addColumn<QString>("arg");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QStringList>("values");
        QTest::newRow("date range") << "date=2024-01-01..2024-03-31"
                                    << "date" << strings({"2024-01-01", "2024-03-31"});
        QTest::newRow("open start") << "date=..2024-03-31"
                                    << "date" << strings({"", "2024-03-31"});
        QTest::newRow("list") << "cat=Books,Home"
                              << "cat" << strings({"Books", "Home"});
        QTest::newRow("text keeps commas") << "who=Doe, Jane"
                                           << "who" << strings({"Doe, Jane"});
    }
    void parsesFilterArguments() {
        QFETCH(QString, arg);
        QFETCH(QString, filter);
        QFETCH(QStringList, values);
        const Dashboard d = everyFeature();
        FilterValues v;
        QVERIFY(applyFilterArgument(d, v, arg.toStdString()).isOk());
        QStringList got;
        for (const auto& s : v[filter.toStdString()]) got << QString::fromStdString(s);
        QCOMPARE(got, values);
        QVERIFY(!applyFilterArgument(d, v, "unknown=1").isOk());
        QVERIFY(!applyFilterArgument(d, v, "novalue").isOk());
    }

    // A heading card and a dashboard cache policy are written in a fixed place and read back.
    void headingAndCachePolicyRoundTrip() {
        Dashboard d;
        d.name = "Wall";
        CachePolicy fixed;
        fixed.kind = CachePolicy::Kind::Fixed;
        fixed.ttlSeconds = 120;
        d.cache = fixed;
        Card heading{"h", "", "Sales", "", "", {0, 0, 24, 1}};
        heading.heading = true;
        d.cards = {heading, Card{"t", "", "*body*", "", "", {0, 1, 8, 4}}};
        const std::string text = serializeDashboard(d);
        QVERIFY2(text.find("\"cache\": {\n    \"policy\": \"fixed\",\n    \"ttl_seconds\": 120\n  }") !=
                     std::string::npos,
                 text.c_str());
        QVERIFY(text.find("\"id\": \"h\",\n      \"kind\": \"heading\"") != std::string::npos);
        QVERIFY(text.find("\"kind\"") == text.rfind("\"kind\""));  // a plain text card has none
        auto back = parseDashboard(text);
        QVERIFY2(back.isOk(), back.isOk() ? "" : back.message().c_str());
        QVERIFY(*back == d);
        QCOMPARE(serializeDashboard(*back), text);
        QVERIFY(!parseDashboard(R"({"cards":[{"id":"a","kind":"video"}]})").isOk());
        QVERIFY(!parseDashboard(R"({"cache":{"policy":"forever"}})").isOk());
    }

    // A card's question without a policy of its own uses the dashboard's; its own one wins.
    void dashboardCachePolicyAppliesToCardsWithoutTheirOwn() {
        test::TempWorkspace dir;
        QVERIFY(QDir().mkpath(QString::fromStdString(dir.file("questions"))));
        dir.write("questions/plain.json", "{\"name\": \"Plain\", \"sql\": \"SELECT 1\"}\n");
        dir.write("questions/own.json",
                  "{\"name\": \"Own\", \"sql\": \"SELECT 2\", \"cache\": {\"policy\": \"never\"}}\n");
        auto ws = Workspace::open(dir.path());
        QVERIFY(ws.isOk());
        Dashboard d;
        d.cards = {Card{"p", "plain.json", "", "", "", {0, 0, 6, 4}},
                   Card{"o", "own.json", "", "", "", {6, 0, 6, 4}}};
        auto workspaceDefault = prepareCard(*ws, d, {}, d.cards[0]);
        QVERIFY(workspaceDefault.isOk());
        QVERIFY(workspaceDefault->request.cachePolicy == ws->settings().cachePolicy);
        CachePolicy fixed;
        fixed.kind = CachePolicy::Kind::Fixed;
        fixed.ttlSeconds = 60;
        d.cache = fixed;
        auto plain = prepareCard(*ws, d, {}, d.cards[0]);
        auto own = prepareCard(*ws, d, {}, d.cards[1]);
        QVERIFY(plain.isOk() && own.isOk());
        QVERIFY(plain->request.cachePolicy == fixed);
        QVERIFY(own->request.cachePolicy.kind == CachePolicy::Kind::Never);
    }

    // New dashboards get a file named after them and never replace an existing one.
    void newDashboardFilesNeverClobber() {
        test::TempWorkspace dir;
        const std::string folder = dir.file("dashboards");
        auto first = createDashboard(folder, "  Sales overview ");
        QVERIFY2(first.isOk(), first.isOk() ? "" : first.message().c_str());
        QCOMPARE(QString::fromStdString(*first), QString::fromStdString(folder + "/sales_overview.json"));
        auto loaded = loadDashboard(*first);
        QVERIFY(loaded.isOk());
        QCOMPARE(QString::fromStdString(loaded->name), QStringLiteral("Sales overview"));
        QVERIFY(loaded->cards.empty() && loaded->filters.empty());
        auto second = createDashboard(folder, "Sales Overview");
        QVERIFY(second.isOk());
        QCOMPARE(QString::fromStdString(*second), QString::fromStdString(folder + "/sales_overview_2.json"));
        QCOMPARE(QString::fromStdString(loadDashboard(*first)->name), QStringLiteral("Sales overview"));
        QCOMPARE(QString::fromStdString(freeDashboardPath(folder, "?!")),
                 QString::fromStdString(folder + "/dashboard.json"));
        QVERIFY(!createDashboard(folder, "   ").isOk());
    }

    void demoDataIsDeterministic() {
        test::TempWorkspace a, b;
        DemoSizes sizes;
        sizes.customers = 150;
        sizes.orders = 900;
        auto pa = writeDemoCsv(a.path(), sizes);
        auto pb = writeDemoCsv(b.path(), sizes);
        QVERIFY(pa.isOk() && pb.isOk());
        QCOMPARE(pa->size(), std::size_t(4));
        for (std::size_t i = 0; i < pa->size(); ++i) {
            QFile fa(QString::fromStdString((*pa)[i])), fb(QString::fromStdString((*pb)[i]));
            QVERIFY(fa.open(QIODevice::ReadOnly) && fb.open(QIODevice::ReadOnly));
            const QByteArray bytes = fa.readAll();
            QCOMPARE(bytes, fb.readAll());
            QVERIFY(bytes.count('\n') > 1);
        }
        QFile orders(QString::fromStdString((*pa)[2]));
        QVERIFY(orders.open(QIODevice::ReadOnly));
        QCOMPARE(orders.readAll().count('\n'), 901);  // header + one line per order
    }
};

QTEST_GUILESS_MAIN(DashboardJsonTest)
#include "dashboard_json_test.moc"
