// Dashboard files: load -> save round-trips byte-identical; filter wiring; --param parsing;
// the demo store generator is deterministic.
#include <QtTest>

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
        } else if (file.startsWith(QStringLiteral("models/"))) {  // built by tests/core/models/demo_models_test
            QVERIFY(file.endsWith(QStringLiteral(".sql")));
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
