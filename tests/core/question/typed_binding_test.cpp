// A parameter's declared type decides what is bound: a number parameter binds a number, so
// `price > {{min_price}}` with 100 returns the rows over 100, on SQLite and on PostgreSQL (a
// throwaway server started here; the test fails, never skips, without one). The same values bound
// as text give other answers, which is why the type is saved with the question.
#include <QtTest>

#include "core/question/question_request.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/pg_server.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;

namespace {

Question question(const std::string& sql, const std::string& name, Parameter::Type type) {
    Question q;
    q.name = "typed";
    q.sql = sql;
    Parameter p;
    p.name = name;
    p.type = type;
    q.parameters = {p};
    return q;
}

// The first column of every row, as text; an error as "error: ...".
QStringList names(const std::string& target, const Question& q, const ParameterValues& values) {
    auto request = makeQuestionRequest(q, values, nullptr, target);
    if (!request) return {QStringLiteral("error: ") + QString::fromStdString(request.message())};
    auto w = Warehouse::open(target);
    if (!w) return {QStringLiteral("error: ") + QString::fromStdString(w.message())};
    auto cursor = (*w)->query(request->sql, request->params);
    if (!cursor) return {QStringLiteral("error: ") + QString::fromStdString(cursor.message())};
    std::vector<Row> rows;
    if (auto n = (*cursor)->fetch(rows, 1000); !n)
        return {QStringLiteral("error: ") + QString::fromStdString(n.message())};
    QStringList out;
    for (const Row& r : rows) out << QString::fromStdString(valueToText(r[0]));
    return out;
}

Status makeProducts(const std::string& target) {
    auto w = Warehouse::open(target);
    if (!w) return Status::fail(w.message());
    for (const char* sql :
         {"DROP TABLE IF EXISTS products",
          "CREATE TABLE products (name TEXT, price DOUBLE PRECISION, qty INTEGER)",
          "INSERT INTO products VALUES ('a', 50, 1), ('b', 100, 2), ('c', 150, 3), ('d', 1000, 4)"})
        if (auto s = (*w)->execute(sql); !s) return s;
    return Status::ok();
}

}  // namespace

class TypedBindingTest : public QObject {
    Q_OBJECT
    std::unique_ptr<test::PgServer> server_;
    test::TempWorkspace dir_;

    std::string target(const QString& backend) const {
        return backend == QStringLiteral("postgres") ? server_->uri() : dir_.file("warehouse.db");
    }

private slots:
    void initTestCase() {
        auto server = test::PgServer::start();
        if (!server) QFAIL(server.message().c_str());
        server_ = std::move(*server);
    }

    void backends_data() {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }

    void numberParameterBindsANumber_data() { backends_data(); }
    void numberParameterBindsANumber() {
        QFETCH(QString, backend);
        const std::string t = target(backend);
        QVERIFY(makeProducts(t));
        const Question q = question("SELECT name FROM products WHERE price > {{min_price}} ORDER BY name",
                                    "min_price", Parameter::Type::Number);
        auto request = makeQuestionRequest(q, {{"min_price", {"100"}}}, nullptr, t);
        QVERIFY(request);
        QCOMPARE(request->params.size(), std::size_t(1));
        QVERIFY(std::holds_alternative<std::int64_t>(request->params[0]));  // bound as 100, not "100"
        QCOMPARE(names(t, q, {{"min_price", {"100"}}}),
                 (QStringList{QStringLiteral("c"), QStringLiteral("d")}));
        QCOMPARE(names(t, q, {{"min_price", {"99.5"}}}),
                 (QStringList{QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}));
    }

    // Over an aggregate (no column affinity in SQLite) text compares as text: every number sorts
    // before any text in SQLite, so `total > '100'` is never true; the number parameter is right.
    void numberParameterComparesAnAggregate_data() { backends_data(); }
    void numberParameterComparesAnAggregate() {
        QFETCH(QString, backend);
        const std::string t = target(backend);
        QVERIFY(makeProducts(t));
        const std::string sql =
            "SELECT name FROM (SELECT name, sum(price) AS total FROM products GROUP BY name) AS s "
            "WHERE total > {{min_total}} ORDER BY name";
        const QStringList over100{QStringLiteral("c"), QStringLiteral("d")};
        QCOMPARE(names(t, question(sql, "min_total", Parameter::Type::Number), {{"min_total", {"100"}}}),
                 over100);
        if (backend == QStringLiteral("sqlite"))
            QCOMPARE(names(t, question(sql, "min_total", Parameter::Type::Text), {{"min_total", {"100"}}}),
                     QStringList{});
    }

    // A fractional bound on an integer column: PostgreSQL cannot read "2.5" as an integer when it
    // comes untyped; as a number it compares.
    void numberParameterWithAFraction_data() { backends_data(); }
    void numberParameterWithAFraction() {
        QFETCH(QString, backend);
        const std::string t = target(backend);
        QVERIFY(makeProducts(t));
        const std::string sql = "SELECT name FROM products WHERE qty > {{min_qty}} ORDER BY name";
        QCOMPARE(names(t, question(sql, "min_qty", Parameter::Type::Number), {{"min_qty", {"2.5"}}}),
                 (QStringList{QStringLiteral("c"), QStringLiteral("d")}));
        if (backend == QStringLiteral("postgres")) {
            const QStringList asText =
                names(t, question(sql, "min_qty", Parameter::Type::Text), {{"min_qty", {"2.5"}}});
            QVERIFY2(asText.size() == 1 && asText[0].startsWith(QStringLiteral("error: ")),
                     qPrintable(asText.join(QLatin1Char(','))));
        }
    }

    void booleanAndDateParametersBind_data() { backends_data(); }
    void booleanAndDateParametersBind() {
        QFETCH(QString, backend);
        const std::string t = target(backend);
        const Question flag =
            question("SELECT CASE WHEN {{flag}} THEN 'yes' ELSE 'no' END", "flag", Parameter::Type::Boolean);
        QCOMPARE(names(t, flag, {{"flag", {"true"}}}), QStringList{QStringLiteral("yes")});
        QCOMPARE(names(t, flag, {{"flag", {"0"}}}), QStringList{QStringLiteral("no")});
        const Question day =
            question("SELECT CASE WHEN {{day}} > '2024-01-31' THEN 'later' ELSE 'sooner' END", "day",
                     Parameter::Type::Date);
        QCOMPARE(names(t, day, {{"day", {"2024-02-29"}}}), QStringList{QStringLiteral("later")});
        // A value that does not fit the type is refused before anything runs.
        const QStringList bad = names(t, day, {{"day", {"yesterday"}}});
        QVERIFY2(bad.size() == 1 && bad[0].contains(QStringLiteral("is not an ISO date")),
                 qPrintable(bad.join(QLatin1Char(','))));
    }
};

QTEST_GUILESS_MAIN(TypedBindingTest)
#include "typed_binding_test.moc"
