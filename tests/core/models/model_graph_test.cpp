// ModelGraph: build order from ref(), the missing-ref and cycle errors, dbt selection syntax.
#include "core/models/model_graph.h"

#include <QtTest>

using namespace deskbase;

Q_DECLARE_METATYPE(std::string)

namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

// "a: b c" lines: model a refs b and c.
Files project(const QStringList& lines) {
    Files files;
    for (const auto& line : lines) {
        const auto parts = line.split(QLatin1Char(':'));
        std::string sql = "select 1 as x";
        for (const auto& r : parts.value(1).split(QLatin1Char(' '), Qt::SkipEmptyParts))
            sql += "\nunion all select x from {{ ref('" + r.toStdString() + "') }}";
        files.emplace_back("models/" + parts[0].trimmed().toStdString() + ".sql", sql);
    }
    return files;
}

Result<ModelGraph> graphOf(const QStringList& lines, ModelProject& keep) {
    auto p = modelProjectFromTexts(project(lines), Dialect::sqlite());
    if (!p) return Error{p.message()};
    keep = std::move(*p);
    return ModelGraph::build(keep);
}

QString joined(const std::vector<std::string>& v) {
    QStringList out;
    for (const auto& s : v) out << QString::fromStdString(s);
    return out.join(QLatin1Char(' '));
}

}  // namespace

class ModelGraphTest : public QObject {
    Q_OBJECT

private slots:
    void orders_data() {
        QTest::addColumn<QStringList>("models");
        QTest::addColumn<QString>("order");
        QTest::newRow("chain, written backwards")
            << QStringList{QStringLiteral("c: b"), QStringLiteral("b: a"), QStringLiteral("a:")}
            << QStringLiteral("a b c");
        QTest::newRow("diamond") << QStringList{QStringLiteral("mart: left right"),
                                                QStringLiteral("left: stg"), QStringLiteral("right: stg"),
                                                QStringLiteral("stg:")}
                                 << QStringLiteral("stg left right mart");
        QTest::newRow("independent by name")
            << QStringList{QStringLiteral("z:"), QStringLiteral("y:"), QStringLiteral("x: z")}
            << QStringLiteral("y z x");
        QTest::newRow("ref twice counts once")
            << QStringList{QStringLiteral("b: a a"), QStringLiteral("a:")} << QStringLiteral("a b");
    }
    void orders() {
        QFETCH(QStringList, models);
        QFETCH(QString, order);
        ModelProject p;
        auto g = graphOf(models, p);
        QVERIFY2(g.isOk(), g.isOk() ? "" : g.message().c_str());
        QCOMPARE(joined(g->order()), order);
    }

    void rejects_data() {
        QTest::addColumn<QStringList>("models");
        QTest::addColumn<std::string>("error");
        QTest::newRow("missing ref") << QStringList{QStringLiteral("a:"), QStringLiteral("b: a nope")}
                                     << std::string("models/b.sql: line 3: ref('nope'): no model named nope");
        QTest::newRow("self ref") << QStringList{QStringLiteral("a: a")}
                                  << std::string("models form a cycle (each refs the next): a -> a");
        QTest::newRow("three-model cycle")
            << QStringList{QStringLiteral("a: c"), QStringLiteral("b: a"), QStringLiteral("c: b"),
                           QStringLiteral("d: a")}
            << std::string("models form a cycle (each refs the next): a -> c -> b -> a");
    }
    void rejects() {
        QFETCH(QStringList, models);
        QFETCH(std::string, error);
        ModelProject p;
        auto g = graphOf(models, p);
        QVERIFY(!g.isOk());
        QCOMPARE(g.message(), error);
    }

    void selects_data() {
        QTest::addColumn<QStringList>("selectors");
        QTest::addColumn<QString>("selected");
        // stg -> int -> mart, stg -> other; lonely alone
        QTest::newRow("everything") << QStringList{} << QStringLiteral("int lonely mart other stg");
        QTest::newRow("one") << QStringList{QStringLiteral("int")} << QStringLiteral("int");
        QTest::newRow("downstream") << QStringList{QStringLiteral("stg+")}
                                    << QStringLiteral("int mart other stg");
        QTest::newRow("upstream") << QStringList{QStringLiteral("+mart")} << QStringLiteral("int mart stg");
        QTest::newRow("both ways") << QStringList{QStringLiteral("+int+")} << QStringLiteral("int mart stg");
        QTest::newRow("union") << QStringList{QStringLiteral("lonely"), QStringLiteral("int+")}
                               << QStringLiteral("int lonely mart");
    }
    void selects() {
        QFETCH(QStringList, selectors);
        QFETCH(QString, selected);
        ModelProject p;
        auto g = graphOf({QStringLiteral("stg:"), QStringLiteral("int: stg"), QStringLiteral("mart: int"),
                          QStringLiteral("other: stg"), QStringLiteral("lonely:")},
                         p);
        QVERIFY2(g.isOk(), g.isOk() ? "" : g.message().c_str());
        std::vector<std::string> sel;
        for (const auto& s : selectors) sel.push_back(s.toStdString());
        auto out = g->select(sel);
        QVERIFY2(out.isOk(), out.isOk() ? "" : out.message().c_str());
        QCOMPARE(joined({out->begin(), out->end()}), selected);
    }

    void unknownSelectorIsAnError() {
        ModelProject p;
        auto g = graphOf({QStringLiteral("a:")}, p);
        QVERIFY(g.isOk());
        auto out = g->select({"b+"});
        QVERIFY(!out.isOk());
        QCOMPARE(out.message(), std::string("--select b+: no model named b"));
    }

    void duplicateModelNameIsAnError() {
        auto p = modelProjectFromTexts({{"models/a.sql", "select 1"}, {"other/a.sql", "select 2"}},
                                       Dialect::sqlite());
        QVERIFY(!p.isOk());
        QVERIFY2(p.message().find("a model named a already exists") != std::string::npos,
                 p.message().c_str());
    }
};

QTEST_APPLESS_MAIN(ModelGraphTest)
#include "model_graph_test.moc"
