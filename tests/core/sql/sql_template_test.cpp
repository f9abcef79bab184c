// Template expansion: {{name}} -> bound placeholders, [[ ]] optional clauses, multi-value lists,
// missing/typed values, and values that are never pasted into SQL.
#include "core/sql/sql_template.h"

#include <QtTest>

#include "core/sql/error_position.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;

Q_DECLARE_METATYPE(std::string)

namespace {

std::vector<Parameter> declaredParameters() {
    auto param = [](const char* name, Parameter::Type t, bool required = false, bool multi = false,
                    nlohmann::json def = nullptr) {
        Parameter p;
        p.name = name;
        p.type = t;
        p.required = required;
        p.multiValue = multi;
        p.defaultValue = std::move(def);
        return p;
    };
    return {param("origin", Parameter::Type::Text),
            param("min_delay", Parameter::Type::Number),
            param("since", Parameter::Type::Date),
            param("cancelled", Parameter::Type::Boolean),
            param("airports", Parameter::Type::Text, false, true),
            param("carrier", Parameter::Type::Text, true),
            param("limit", Parameter::Type::Number, false, false, 10)};
}

std::string valueText(const Value& v) {
    if (isNull(v)) return "NULL";
    if (std::holds_alternative<std::int64_t>(v)) return "i:" + valueToText(v);
    if (std::holds_alternative<double>(v)) return "d:" + valueToText(v);
    if (std::holds_alternative<bool>(v)) return "b:" + valueToText(v);
    return "s:" + valueToText(v);
}

// "origin=JFK&airports=A,B" -> values (multi-value entries separated by commas)
ParameterValues parseValues(const QString& spec) {
    ParameterValues out;
    for (const QString& part : spec.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const auto eq = part.indexOf(QLatin1Char('='));
        auto& list = out[part.left(eq).toStdString()];
        for (const QString& v : part.mid(eq + 1).split(QLatin1Char(','))) list.push_back(v.toStdString());
    }
    return out;
}

}  // namespace

class SqlTemplateTest : public QObject {
    Q_OBJECT
private slots:
    void expands_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("values");
        QTest::addColumn<QString>("expectedSql");
        QTest::addColumn<QString>("expectedParams");  // "|"-separated valueText()
        QTest::addColumn<QString>("expectedError");   // substring; empty = success

        QTest::newRow("plain") << "SELECT 1"
                               << "carrier=AA"
                               << "SELECT 1"
                               << ""
                               << "";
        QTest::newRow("one placeholder") << "SELECT * FROM f WHERE origin = {{origin}}"
                                         << "carrier=AA&origin=JFK"
                                         << "SELECT * FROM f WHERE origin = ?1"
                                         << "s:JFK"
                                         << "";
        QTest::newRow("spaces in braces") << "SELECT {{ origin }}"
                                          << "carrier=AA&origin=x"
                                          << "SELECT ?1"
                                          << "s:x"
                                          << "";
        QTest::newRow("number int") << "SELECT {{min_delay}}"
                                    << "carrier=AA&min_delay=15"
                                    << "SELECT ?1"
                                    << "i:15"
                                    << "";
        QTest::newRow("number real") << "SELECT {{min_delay}}"
                                     << "carrier=AA&min_delay=2.5"
                                     << "SELECT ?1"
                                     << "d:2.5"
                                     << "";
        QTest::newRow("number bad") << "SELECT {{min_delay}}"
                                    << "carrier=AA&min_delay=abc"
                                    << ""
                                    << ""
                                    << "parameter min_delay: \"abc\" is not a number";
        QTest::newRow("boolean") << "SELECT {{cancelled}}"
                                 << "carrier=AA&cancelled=yes"
                                 << "SELECT ?1"
                                 << "b:true"
                                 << "";
        QTest::newRow("boolean bad") << "SELECT {{cancelled}}"
                                     << "carrier=AA&cancelled=maybe"
                                     << ""
                                     << ""
                                     << "is not a boolean";
        QTest::newRow("date") << "SELECT {{since}}"
                              << "carrier=AA&since=2020-02-29"
                              << "SELECT ?1"
                              << "s:2020-02-29"
                              << "";
        QTest::newRow("datetime") << "SELECT {{since}}"
                                  << "carrier=AA&since=2020-02-29T10:30:00"
                                  << "SELECT ?1"
                                  << "s:2020-02-29T10:30:00"
                                  << "";
        QTest::newRow("date invalid day") << "SELECT {{since}}"
                                          << "carrier=AA&since=2021-02-29"
                                          << ""
                                          << ""
                                          << "is not an ISO date";
        QTest::newRow("date not iso") << "SELECT {{since}}"
                                      << "carrier=AA&since=01/31/2020"
                                      << ""
                                      << ""
                                      << "is not an ISO date";
        QTest::newRow("optional kept") << "SELECT * FROM f WHERE 1=1 [[AND origin = {{origin}}]]"
                                       << "carrier=AA&origin=SEA"
                                       << "SELECT * FROM f WHERE 1=1 AND origin = ?1"
                                       << "s:SEA"
                                       << "";
        QTest::newRow("optional dropped") << "SELECT * FROM f WHERE 1=1 [[AND origin = {{origin}}]]"
                                          << "carrier=AA"
                                          << "SELECT * FROM f WHERE 1=1 "
                                          << ""
                                          << "";
        QTest::newRow("two optionals numbering")
            << "WHERE 1=1 [[AND a = {{origin}}]] [[AND b > {{min_delay}}]] AND c = {{carrier}}"
            << "carrier=AA&min_delay=5"
            << "WHERE 1=1  AND b > ?1 AND c = ?2"
            << "i:5|s:AA"
            << "";
        QTest::newRow("optional with two params, one unset") << "x [[AND a = {{origin}} AND b = {{since}}]]"
                                                             << "carrier=AA&origin=JFK"
                                                             << "x "
                                                             << ""
                                                             << "";
        QTest::newRow("nested optional") << "x [[AND a = {{origin}} [[AND b = {{since}}]]]]"
                                         << "carrier=AA&origin=JFK"
                                         << "x AND a = ?1 "
                                         << "s:JFK"
                                         << "";
        QTest::newRow("multi value") << "WHERE origin IN ({{airports}})"
                                     << "carrier=AA&airports=JFK,SEA,LAX"
                                     << "WHERE origin IN (?1, ?2, ?3)"
                                     << "s:JFK|s:SEA|s:LAX"
                                     << "";
        QTest::newRow("multi value in optional unset") << "WHERE 1=1 [[AND origin IN ({{airports}})]]"
                                                       << "carrier=AA"
                                                       << "WHERE 1=1 "
                                                       << ""
                                                       << "";
        QTest::newRow("single value param given two") << "SELECT {{origin}}"
                                                      << "carrier=AA&origin=A,B"
                                                      << ""
                                                      << ""
                                                      << "parameter origin takes one value";
        QTest::newRow("default used") << "SELECT * FROM f LIMIT {{limit}}"
                                      << "carrier=AA"
                                      << "SELECT * FROM f LIMIT ?1"
                                      << "i:10"
                                      << "";
        QTest::newRow("default overridden") << "LIMIT {{limit}}"
                                            << "carrier=AA&limit=3"
                                            << "LIMIT ?1"
                                            << "i:3"
                                            << "";
        QTest::newRow("missing required") << "SELECT 1"
                                          << ""
                                          << ""
                                          << ""
                                          << "missing value for required parameter carrier";
        QTest::newRow("missing required inside optional") << "SELECT 1 [[WHERE c = {{carrier}}]]"
                                                          << ""
                                                          << ""
                                                          << ""
                                                          << "missing value for required parameter carrier";
        QTest::newRow("unset outside optional") << "SELECT {{origin}}"
                                                << "carrier=AA"
                                                << ""
                                                << ""
                                                << "missing value for parameter origin";
        QTest::newRow("undeclared param is text") << "SELECT {{other}}"
                                                  << "carrier=AA&other=5"
                                                  << "SELECT ?1"
                                                  << "s:5"
                                                  << "";
        QTest::newRow("braces in string literal") << "SELECT '{{origin}} [[x]]' || {{origin}}"
                                                  << "carrier=AA&origin=o"
                                                  << "SELECT '{{origin}} [[x]]' || ?1"
                                                  << "s:o"
                                                  << "";
        QTest::newRow("escaped quote in literal") << "SELECT 'it''s {{x}}', {{origin}}"
                                                  << "carrier=AA&origin=o"
                                                  << "SELECT 'it''s {{x}}', ?1"
                                                  << "s:o"
                                                  << "";
        QTest::newRow("line comment") << "SELECT 1 -- {{origin}}\n, {{carrier}}"
                                      << "carrier=AA"
                                      << "SELECT 1 -- {{origin}}\n, ?1"
                                      << "s:AA"
                                      << "";
        QTest::newRow("block comment") << "SELECT /* [[ {{origin}} */ {{carrier}}"
                                       << "carrier=AA"
                                       << "SELECT /* [[ {{origin}} */ ?1"
                                       << "s:AA"
                                       << "";
        QTest::newRow("injection stays a value") << "SELECT {{origin}}"
                                                 << "carrier=AA&origin='; DROP TABLE x; --"
                                                 << "SELECT ?1"
                                                 << "s:'; DROP TABLE x; --"
                                                 << "";
        QTest::newRow("unclosed braces") << "SELECT {{origin"
                                         << "carrier=AA"
                                         << ""
                                         << ""
                                         << "unclosed {{";
        QTest::newRow("unclosed optional") << "SELECT 1 [[AND {{origin}}"
                                           << "carrier=AA"
                                           << ""
                                           << ""
                                           << "unclosed [[";
        QTest::newRow("bad name") << "SELECT {{a b}}"
                                  << "carrier=AA"
                                  << ""
                                  << ""
                                  << "bad parameter name";
        QTest::newRow("unclosed braces names the line") << "SELECT 1,\n{{origin"
                                                        << "carrier=AA"
                                                        << ""
                                                        << ""
                                                        << "line 2: unclosed {{";
        QTest::newRow("unclosed optional names its line") << "SELECT 1\nWHERE 1=1 [[AND {{origin}}"
                                                          << "carrier=AA"
                                                          << ""
                                                          << ""
                                                          << "line 2: unclosed [[";
        QTest::newRow("unterminated literal hides no parameter") << "SELECT 'abc {{origin}}"
                                                                 << "carrier=AA&origin=o"
                                                                 << ""
                                                                 << ""
                                                                 << "line 1: unterminated string literal";
        QTest::newRow("template comment dropped") << "SELECT {# note #}{{carrier}}"
                                                  << "carrier=AA"
                                                  << "SELECT ?1"
                                                  << "s:AA"
                                                  << "";
        QTest::newRow("statement block refused") << "SELECT 1 {% if x %}"
                                                 << "carrier=AA"
                                                 << ""
                                                 << ""
                                                 << "line 1: {% ... %} blocks belong in models";
        QTest::newRow("]] without [[ is sql") << "SELECT a[1]] = {{carrier}}"
                                              << "carrier=AA"
                                              << "SELECT a[1]] = ?1"
                                              << "s:AA"
                                              << "";
    }

    void expands() {
        QFETCH(QString, sql);
        QFETCH(QString, values);
        QFETCH(QString, expectedSql);
        QFETCH(QString, expectedParams);
        QFETCH(QString, expectedError);
        auto r = expandSqlTemplate(sql.toStdString(), declaredParameters(), parseValues(values),
                                   Dialect::sqlite());
        if (!expectedError.isEmpty()) {
            QVERIFY2(!r, "expected an error");
            QVERIFY2(QString::fromStdString(r.message()).contains(expectedError), r.message().c_str());
            return;
        }
        QVERIFY2(r, r.isOk() ? "" : r.message().c_str());
        QCOMPARE(QString::fromStdString(r->sql), expectedSql);
        QStringList got;
        for (const auto& v : r->params) got << QString::fromStdString(valueText(v));
        QCOMPARE(got.join(QLatin1Char('|')), expectedParams);
    }

    void postgresPlaceholders() {
        auto r = expandSqlTemplate("a IN ({{x}}) AND b = {{y}}", {}, {{"x", {"1", "2"}}, {"y", {"z"}}},
                                   Dialect::postgres());
        QVERIFY(!r);  // x is not declared multi-value
        Parameter x;
        x.name = "x";
        x.multiValue = true;
        r = expandSqlTemplate("a IN ({{x}}) AND b = {{y}}", {x}, {{"x", {"1", "2"}}, {"y", {"z"}}},
                              Dialect::postgres());
        QVERIFY(r);
        QCOMPARE(QString::fromStdString(r->sql), QStringLiteral("a IN ($1, $2) AND b = $3"));
    }

    // PostgreSQL: a dollar-quoted body and an E'' string are literals, braces and all.
    void postgresLiteralsAreCopied() {
        auto r = expandSqlTemplate("SELECT $q$ {{x}} [[ $q$, E'\\' {{x}}', {{y}}", {}, {{"y", {"v"}}},
                                   Dialect::postgres());
        QVERIFY2(r, r.isOk() ? "" : r.message().c_str());
        QCOMPARE(QString::fromStdString(r->sql), QStringLiteral("SELECT $q$ {{x}} [[ $q$, E'\\' {{x}}', $1"));
        QCOMPARE(int(r->params.size()), 1);
        auto names = templateParameterNames("SELECT $$ {{x}} $$, {{y}}", Dialect::postgres());
        QVERIFY(names);
        QCOMPARE(int(names->size()), 1);
        QCOMPARE(QString::fromStdString(names->front()), QStringLiteral("y"));
    }

    // Issue 10: the error line must be the one the database reported, in the template the user
    // wrote: {{min}} became ?1 and the unset [[ ]] clause was dropped, so offsets differ.
    void errorPositionMovesOntoTheTemplate() {
        const std::string tpl = "SELECT a FROM t [[WHERE b = {{unset}}]]\nWHERE a > {{min}} AND AND";
        auto r = expandSqlTemplate(tpl, {}, {{"min", {"5"}}}, Dialect::sqlite());
        QVERIFY2(r, r.isOk() ? "" : r.message().c_str());
        const std::size_t inSql = r->sql.rfind("AND");
        QVERIFY(inSql != tpl.rfind("AND"));
        const std::string message =
            withErrorPosition("near \"AND\": syntax error", characterIndexOfByte(r->sql, inSql));
        const auto moved = errorPosition(errorInTemplate(*r, tpl, message));
        QVERIFY(moved);
        QCOMPARE(*moved, tpl.rfind("AND"));
        // A position inside a placeholder points at its {{.
        const std::size_t placeholder = r->sql.find("?1");
        const auto atParam = errorPosition(
            errorInTemplate(*r, tpl, withErrorPosition("x", characterIndexOfByte(r->sql, placeholder + 1))));
        QVERIFY(atParam);
        QCOMPARE(*atParam, tpl.find("{{min}}"));
    }

    void parameterNames() {
        auto names = templateParameterNames("SELECT {{a}}, '{{quoted}}' [[AND {{b}} [[ {{a}} {{c}} ]]]]",
                                            Dialect::sqlite());
        QVERIFY(names);
        QCOMPARE(int(names->size()), 3);
        QCOMPARE(QString::fromStdString((*names)[0] + (*names)[1] + (*names)[2]), QStringLiteral("abc"));
    }

    // The injection string is bound as a value on a real warehouse: the table survives.
    void injectionIsBoundAndTableSurvives() {
        test::TempWorkspace ws;
        auto w = Warehouse::open(ws.sqlitePath());
        QVERIFY(w);
        QVERIFY((*w)->execute("CREATE TABLE x (name TEXT)"));
        QVERIFY((*w)->execute("INSERT INTO x VALUES ('a'), ('''; DROP TABLE x; --')"));
        Question q;
        q.sql = "SELECT count(*) FROM x WHERE name = {{name}}";
        const std::string evil = "'; DROP TABLE x; --";
        auto e = expandQuestion(q, {{"name", {evil}}}, **w);
        QVERIFY(e);
        QVERIFY(e->sql.find("DROP") == std::string::npos);
        auto cursor = (*w)->query(e->sql, e->params);
        QVERIFY2(cursor, cursor.isOk() ? "" : cursor.message().c_str());
        std::vector<Row> rows;
        QVERIFY((*cursor)->fetch(rows, 10));
        QCOMPARE(std::get<std::int64_t>(rows.at(0).at(0)), std::int64_t(1));  // matched as a plain string
        cursor = {Error{"closed"}};
        auto exists = (*w)->tableExists("x");
        QVERIFY(exists && *exists);
    }
};

QTEST_GUILESS_MAIN(SqlTemplateTest)
#include "sql_template_test.moc"
