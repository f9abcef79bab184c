// Editing dashboard filters as the window does: ids from labels, one target per card, the
// parameters a card offers, wiring suggested by name, what the window says about a filter, and
// the question listing a column's distinct values (run on a real SQLite file).
#include "core/dashboard/filter_editing.h"

#include <QtTest>

#include "core/sql/sql_template.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;
using namespace deskbase::dashboard;

namespace {
QStringList strings(std::initializer_list<const char*> items) {
    QStringList out;
    for (const char* s : items) out << QString::fromUtf8(s);
    return out;
}

std::vector<WireableParameter> params(const QString& spec) {
    // "start:date end:date category:text"
    std::vector<WireableParameter> out;
    for (const QString& item : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QStringList parts = item.split(QLatin1Char(':'));
        WireableParameter p;
        p.name = p.label = parts.value(0).toStdString();
        p.type = parseParameterType(parts.value(1, QStringLiteral("text")).toStdString())
                     .value_or(Parameter::Type::Text);
        out.push_back(p);
    }
    return out;
}

QString describe(const std::optional<FilterTarget>& t) {
    if (!t) return QStringLiteral("none");
    return QString::fromStdString(t->parameter + (t->parameterEnd.empty() ? "" : ".." + t->parameterEnd));
}

Filter filter(const std::string& id, const std::string& label, FilterType type,
              const std::string& column = {}) {
    Filter f;
    f.id = id;
    f.label = label;
    f.type = type;
    f.column = column;
    return f;
}
}  // namespace

class FilterEditingTest : public QObject {
    Q_OBJECT
private slots:
    void newIdsComeFromLabels() {
        Dashboard d;
        QCOMPARE(QString::fromStdString(newFilterId(d, "Order date")), QStringLiteral("order_date"));
        d.filters.push_back(filter("order_date", "Order date", FilterType::DateRange));
        QCOMPARE(QString::fromStdString(newFilterId(d, "Order  Date")), QStringLiteral("order_date_2"));
        QCOMPARE(QString::fromStdString(newFilterId(d, "")), QStringLiteral("filter"));
        QCOMPARE(QString::fromStdString(newFilterId(d, "--")), QStringLiteral("filter"));
    }

    void oneTargetPerCard() {
        Filter f = filter("cat", "Category", FilterType::List);
        setTarget(f, "a", "category");
        setTarget(f, "b", "cat");
        setTarget(f, "a", "category_name");  // replaces a's, keeps its place
        QCOMPARE(f.targets.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(f.targets[0].card), QStringLiteral("a"));
        QCOMPARE(QString::fromStdString(f.targets[0].parameter), QStringLiteral("category_name"));
        QVERIFY(f.targets[0].parameterEnd.empty());  // only date ranges have an end
        QCOMPARE(QString::fromStdString(targetOn(f, "b")->parameter), QStringLiteral("cat"));
        setTarget(f, "a", "");
        QVERIFY(!targetOn(f, "a"));
        QCOMPARE(f.targets.size(), std::size_t(1));
        // A hand-written file may wire a card twice: setting it leaves one.
        f.targets.push_back({"b", "other", ""});
        setTarget(f, "b", "cat");
        QCOMPARE(f.targets.size(), std::size_t(1));
        Filter range = filter("date", "Date", FilterType::DateRange);
        setTarget(range, "a", "", "end");  // only the end bound
        QCOMPARE(QString::fromStdString(targetOn(range, "a")->parameterEnd), QStringLiteral("end"));
    }

    void suggestsParametersByName_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("parameters");
        QTest::addColumn<QString>("expected");
        QTest::newRow("same name as the id") << "category"
                                             << "Category"
                                             << "list"
                                             << ""
                                             << "start:date category:text"
                                             << "category";
        QTest::newRow("label's identifier") << "f1"
                                            << "Min total"
                                            << "number"
                                            << ""
                                            << "min_total:number"
                                            << "min_total";
        QTest::newRow("the cross-filter column") << "f1"
                                                 << "Kind"
                                                 << "list"
                                                 << "channel"
                                                 << "channel:text"
                                                 << "channel";
        QTest::newRow("nothing alike") << "category"
                                       << "Category"
                                       << "list"
                                       << ""
                                       << "start:date end:date"
                                       << "none";
        QTest::newRow("range start/end") << "date"
                                         << "Order date"
                                         << "date_range"
                                         << ""
                                         << "channel:text start:date end:date"
                                         << "start..end";
        QTest::newRow("range from/to") << "date"
                                       << "Date"
                                       << "date_range"
                                       << ""
                                       << "from:date to:date"
                                       << "from..to";
        QTest::newRow("range by id prefix") << "shipped"
                                            << "Shipped"
                                            << "date_range"
                                            << ""
                                            << "ordered_start:date ordered_end:date shipped_start:date "
                                               "shipped_end:date"
                                            << "shipped_start..shipped_end";
        QTest::newRow("range: the only two dates") << "date"
                                                   << "Date"
                                                   << "date_range"
                                                   << ""
                                                   << "lo:date hi:date n:number"
                                                   << "lo..hi";
        QTest::newRow("range: three dates, no names") << "date"
                                                      << "Date"
                                                      << "date_range"
                                                      << ""
                                                      << "a:date b:date c:date"
                                                      << "none";
    }
    void suggestsParametersByName() {
        QFETCH(QString, id);
        QFETCH(QString, label);
        QFETCH(QString, type);
        QFETCH(QString, column);
        QFETCH(QString, parameters);
        QFETCH(QString, expected);
        const Filter f = filter(id.toStdString(), label.toStdString(), *parseFilterType(type.toStdString()),
                                column.toStdString());
        const auto got = suggestTarget(f, "card", params(parameters));
        QCOMPARE(describe(got), expected);
        if (got) QCOMPARE(QString::fromStdString(got->card), QStringLiteral("card"));
    }

    // Declared parameters first, then the ones the SQL uses without declaring them.
    void cardsOfferTheirQuestionsParameters() {
        test::TempWorkspace dir;
        QVERIFY(QDir().mkpath(QString::fromStdString(dir.file("questions"))));
        dir.write("questions/q.json",
                  R"({"name": "Q", "sql": "SELECT 1 WHERE {{start}} < {{undeclared}} [[AND {{n}} > 0]]",
                      "parameters": [{"name": "n", "type": "number", "label": "Minimum"},
                                     {"name": "start", "type": "date"}]})");
        auto ws = Workspace::open(dir.path());
        QVERIFY(ws.isOk());
        Card c{"c", "q.json", "", "", "", {0, 0, 4, 4}};
        const auto got = wireableParameters(*ws, c);
        QCOMPARE(got.size(), std::size_t(3));
        QCOMPARE(QString::fromStdString(got[0].name), QStringLiteral("n"));
        QCOMPARE(QString::fromStdString(got[0].label), QStringLiteral("Minimum"));
        QVERIFY(got[0].type == Parameter::Type::Number);
        QCOMPARE(QString::fromStdString(got[1].name), QStringLiteral("start"));
        QVERIFY(got[1].type == Parameter::Type::Date);
        QCOMPARE(QString::fromStdString(got[2].name), QStringLiteral("undeclared"));
        QVERIFY(got[2].type == Parameter::Type::Text);
        QVERIFY(wireableParameters(*ws, Card{"t", "", "text", "", "", {}}).empty());
        QVERIFY(wireableParameters(*ws, Card{"m", "missing.json", "", "", "", {}}).empty());
    }

    void saysWhatIsWrongWithAFilter_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QStringList>("defaults");
        QTest::addColumn<QString>("card");
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<QString>("expected");  // the problems joined by " | "
        QTest::newRow("fine") << "number" << strings({"10"}) << "c"
                              << "n"
                              << "";
        QTest::newRow("wired to nothing") << "text" << QStringList{} << ""
                                          << ""
                                          << "This filter is not wired to any card, so it changes nothing.";
        QTest::newRow("a card that is gone") << "text" << QStringList{} << "gone"
                                             << "n"
                                             << "Wired to a card that is not on the dashboard (\"gone\").";
        QTest::newRow("a parameter that is gone") << "text" << QStringList{} << "c"
                                                  << "zz"
                                                  << "Card \"c\" has no parameter \"zz\".";
        QTest::newRow("number default") << "number" << strings({"ten"}) << "c"
                                        << "n"
                                        << "The default \"ten\" is not a number.";
        QTest::newRow("date default") << "date_range" << strings({"2024-13-01", ""}) << "c"
                                      << "n"
                                      << "The default \"2024-13-01\" is not a date (YYYY-MM-DD).";
        QTest::newRow("list without choices") << "list" << QStringList{} << "c"
                                              << "n"
                                              << "This list has no choices: pick a column or type them.";
    }
    void saysWhatIsWrongWithAFilter() {
        QFETCH(QString, type);
        QFETCH(QStringList, defaults);
        QFETCH(QString, card);
        QFETCH(QString, parameter);
        QFETCH(QString, expected);
        test::TempWorkspace dir;
        QVERIFY(QDir().mkpath(QString::fromStdString(dir.file("questions"))));
        dir.write("questions/q.json", R"({"name": "Q", "sql": "SELECT {{n}} AS n"})");
        auto ws = Workspace::open(dir.path());
        QVERIFY(ws.isOk());
        Dashboard d;
        d.cards = {Card{"c", "q.json", "", "", "", {0, 0, 4, 4}}};
        Filter f = filter("f", "F", *parseFilterType(type.toStdString()));
        for (const QString& v : defaults) f.defaultValue.push_back(v.toStdString());
        if (!card.isEmpty()) f.targets.push_back({card.toStdString(), parameter.toStdString(), ""});
        QStringList got;
        for (const auto& p : filterProblems(*ws, d, f)) got << QString::fromStdString(p);
        QCOMPARE(got.join(QStringLiteral(" | ")), expected);
    }

    void removedCardsLoseTheirTargets() {
        Dashboard d;
        d.cards = {Card{"a", "q.json", "", "", "", {}}};
        Filter f = filter("f", "F", FilterType::Text);
        f.targets = {{"a", "x", ""}, {"b", "x", ""}};
        d.filters = {f};
        dropTargetsOfMissingCards(d);
        QCOMPARE(d.filters[0].targets.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(d.filters[0].targets[0].card), QStringLiteral("a"));
    }

    // The values question really lists the distinct values, sorted, without NULL; odd names work.
    void distinctValuesQuestionListsAColumn() {
        test::TempWorkspace dir;
        auto wh = Warehouse::open(dir.sqlitePath());
        QVERIFY2(wh.isOk(), wh.isOk() ? "" : wh.message().c_str());
        QVERIFY((*wh)->execute("CREATE TABLE \"odd \"\"t\"\"\" (\"my col\" TEXT)").isOk());
        QVERIFY(
            (*wh)->execute("INSERT INTO \"odd \"\"t\"\"\" VALUES ('b'), ('a'), (NULL), ('b'), ('c')").isOk());
        const Question q = distinctValuesQuestion("odd \"t\"", "my col");
        auto expanded = expandQuestion(q, {}, **wh);
        QVERIFY(expanded.isOk());
        auto cursor = (*wh)->query(expanded->sql, expanded->params);
        QVERIFY2(cursor.isOk(), cursor.isOk() ? "" : cursor.message().c_str());
        std::vector<Row> rows;
        while (true) {
            auto n = (*cursor)->fetch(rows, 100);
            QVERIFY(n.isOk());
            if (*n == 0) break;
        }
        QStringList values;
        for (const auto& row : rows) values << QString::fromStdString(valueToText(row[0]));
        QCOMPARE(values, (strings({"a", "b", "c"})));
        QCOMPARE(QString::fromStdString(distinctValuesFileName("Products", "category")),
                 QStringLiteral("values_products_category.json"));
    }
};

QTEST_GUILESS_MAIN(FilterEditingTest)
#include "filter_editing_test.moc"
