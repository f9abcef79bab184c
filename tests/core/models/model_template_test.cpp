// parseModel()/render(): the dbt subset a model may use, what each construct renders to, and the
// one-line error (file and line) for everything else.
#include "core/models/model_template.h"

#include <QtTest>

using namespace deskbase;

namespace {

RenderContext context(bool incremental) {
    RenderContext c;
    c.isIncremental = incremental;
    c.ref = [](const std::string& m) { return "<" + m + ">"; };
    c.thisRelation = "<this>";
    c.vars = {{"since", "2024-01-01"}, {"limit", "10"}};
    return c;
}

}  // namespace

Q_DECLARE_METATYPE(std::string)

class ModelTemplateTest : public QObject {
    Q_OBJECT

private slots:
    void renders_data() {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<bool>("incremental");
        QTest::addColumn<std::string>("sql");
        QTest::newRow("plain") << std::string("select 1 as x") << false << std::string("select 1 as x");
        QTest::newRow("ref") << std::string("select * from {{ ref('orders') }}") << false
                             << std::string("select * from <orders>");
        QTest::newRow("ref double quotes, no spaces") << std::string("select * from {{ref(\"orders\")}}")
                                                      << false << std::string("select * from <orders>");
        QTest::newRow("source is the quoted table")
            << std::string("select * from {{ source('shop', 'raw orders') }}") << false
            << std::string("select * from \"raw orders\"");
        QTest::newRow("this") << std::string("select max(d) from {{ this }}") << false
                              << std::string("select max(d) from <this>");
        QTest::newRow("config renders nothing") << std::string("{{ config(materialized='table') }}\nselect 1")
                                                << false << std::string("\nselect 1");
        QTest::newRow("var inside a string literal")
            << std::string("select * from t where d > '{{ var(\"since\") }}'") << false
            << std::string("select * from t where d > '2024-01-01'");
        QTest::newRow("var default") << std::string("select {{ var('missing', 5) }}") << false
                                     << std::string("select 5");
        QTest::newRow("var set wins over default")
            << std::string("select {{ var('limit', 5) }}") << false << std::string("select 10");
        QTest::newRow("is_incremental false")
            << std::string("select * from s{% if is_incremental() %} where d > 1{% endif %}") << false
            << std::string("select * from s");
        QTest::newRow("is_incremental true")
            << std::string("select * from s{% if is_incremental() %} where d > 1{% endif %}") << true
            << std::string("select * from s where d > 1");
        QTest::newRow("else branch") << std::string("select {% if is_incremental() %}1{% else %}2{% endif %}")
                                     << false << std::string("select 2");
        QTest::newRow("not is_incremental")
            << std::string("select {% if not is_incremental() %}1{% else %}2{% endif %}") << false
            << std::string("select 1");
        QTest::newRow("nested if") << std::string(
                                          "select {% if is_incremental() %}a{% if not is_incremental() "
                                          "%}b{% endif %}c{% endif %}")
                                   << true << std::string("select ac");
        QTest::newRow("template comment")
            << std::string("select {# a note #}1") << false << std::string("select 1");
        QTest::newRow("whitespace control")
            << std::string("select 1\n  {%- if is_incremental() -%}\n  + 1\n{%- endif %}") << true
            << std::string("select 1+ 1");
        QTest::newRow("trailing semicolon dropped")
            << std::string("select 1;\n-- end") << false << std::string("select 1 \n-- end");
        QTest::newRow("with first") << std::string("with a as (select 1) select * from a") << false
                                    << std::string("with a as (select 1) select * from a");
        QTest::newRow("questions' [[ ]] is plain SQL here")
            << std::string("select x[[1]] from t") << false << std::string("select x[[1]] from t");
    }
    void renders() {
        QFETCH(std::string, text);
        QFETCH(bool, incremental);
        QFETCH(std::string, sql);
        auto m = parseModel("m", "models/m.sql", text, Dialect::sqlite());
        QVERIFY2(m.isOk(), m.isOk() ? "" : m.message().c_str());
        auto out = m->render(context(incremental), Dialect::sqlite());
        QVERIFY2(out.isOk(), out.isOk() ? "" : out.message().c_str());
        QCOMPARE(*out, sql);
    }

    void readsConfig_data() {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<QString>("materialized");
        QTest::addColumn<QStringList>("uniqueKey");
        QTest::newRow("default is a view")
            << std::string("select 1") << QStringLiteral("view") << QStringList{};
        QTest::newRow("table") << std::string("{{ config(materialized='table') }} select 1")
                               << QStringLiteral("table") << QStringList{};
        QTest::newRow("ephemeral") << std::string("{{ config(materialized = \"ephemeral\") }} select 1")
                                   << QStringLiteral("ephemeral") << QStringList{};
        QTest::newRow("incremental, one key")
            << std::string("{{ config(materialized='incremental', unique_key='id') }} select 1")
            << QStringLiteral("incremental") << QStringList{QStringLiteral("id")};
        QTest::newRow("incremental, key list")
            << std::string(
                   "{{\n  config(\n    materialized='incremental',\n    unique_key=['day', 'shop']\n  )\n}}\n"
                   "select 1")
            << QStringLiteral("incremental") << QStringList{QStringLiteral("day"), QStringLiteral("shop")};
    }
    void readsConfig() {
        QFETCH(std::string, text);
        QFETCH(QString, materialized);
        QFETCH(QStringList, uniqueKey);
        auto m = parseModel("m", "models/m.sql", text, Dialect::sqlite());
        QVERIFY2(m.isOk(), m.isOk() ? "" : m.message().c_str());
        QCOMPARE(QString::fromUtf8(materializationName(m->materialized())), materialized);
        QStringList keys;
        for (const auto& k : m->uniqueKey()) keys << QString::fromStdString(k);
        QCOMPARE(keys, uniqueKey);
    }

    void listsRefsAndSourcesWithLines() {
        auto m = parseModel("m", "models/m.sql",
                            "select *\nfrom {{ ref('a') }}\njoin {{ source('shop', 'orders') }} using (id)\n"
                            "join {{ ref('b') }} using (id)",
                            Dialect::sqlite());
        QVERIFY2(m.isOk(), m.isOk() ? "" : m.message().c_str());
        QCOMPARE(m->refs().size(), std::size_t(2));
        QCOMPARE(m->refs()[0].model, std::string("a"));
        QCOMPARE(m->refs()[0].line, 2);
        QCOMPARE(m->refs()[1].model, std::string("b"));
        QCOMPARE(m->refs()[1].line, 4);
        QCOMPARE(m->sources().size(), std::size_t(1));
        QCOMPARE(m->sources()[0].source, std::string("shop"));
        QCOMPARE(m->sources()[0].table, std::string("orders"));
        QCOMPARE(m->sources()[0].line, 3);
    }

    void postgresDollarStringsAreOneLiteral() {
        // In PostgreSQL a ';' inside $$...$$ is text, not a second statement.
        const std::string text = "select $$a;b$$ as s from {{ ref('x') }}";
        auto m = parseModel("m", "models/m.sql", text, Dialect::postgres());
        QVERIFY2(m.isOk(), m.isOk() ? "" : m.message().c_str());
        QCOMPARE(*m->render(context(false), Dialect::postgres()),
                 std::string("select $$a;b$$ as s from <x>"));
    }

    void rejects_data() {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::string>("error");
        QTest::newRow("unknown function") << std::string("select\n{{ dbt_utils.star('x') }}")
                                          << std::string("models/m.sql: line 2: {{ dbt_utils");
        QTest::newRow("filter") << std::string("select '{{ var(\"x\") | upper }}'")
                                << std::string(
                                       "models/m.sql: line 1: {{ var(\"x\") | upper }} is not supported");
        QTest::newRow("for loop") << std::string("select 1\n\n{% for x in y %}{% endfor %}")
                                  << std::string("models/m.sql: line 3: {% for x in y %} is not supported");
        QTest::newRow("set") << std::string("{% set x = 1 %}select 1")
                             << std::string("models/m.sql: line 1: {% set x = 1 %} is not supported");
        QTest::newRow("if on something else")
            << std::string("select 1 {% if target.name == 'prod' %}{% endif %}")
            << std::string("models/m.sql: line 1: {% if target.name == 'prod' %} is not supported");
        QTest::newRow("unclosed if") << std::string("select 1\n{% if is_incremental() %} where x")
                                     << std::string(
                                            "models/m.sql: line 2: {% if %} is not closed by {% endif %}");
        QTest::newRow("stray endif") << std::string("select 1 {% endif %}")
                                     << std::string("models/m.sql: line 1: {% endif %} without {% if %}");
        QTest::newRow("unclosed block")
            << std::string("select 1\nfrom {{ ref('a') ") << std::string("models/m.sql: line 2: ");
        QTest::newRow("unterminated string")
            << std::string("select 'abc\nfrom t") << std::string("models/m.sql: line 1: ");
        QTest::newRow("two statements") << std::string("select 1;\nselect 2")
                                        << std::string("models/m.sql: line 2: a model is one SELECT");
        QTest::newRow("not a select")
            << std::string("\ndelete from t")
            << std::string("models/m.sql: line 2: a model is one SELECT, not delete");
        QTest::newRow("empty") << std::string("-- nothing\n")
                               << std::string("models/m.sql: the model is empty");
        QTest::newRow("unknown materialization")
            << std::string("{{ config(materialized='snapshot') }} select 1")
            << std::string("models/m.sql: line 1: materialized='snapshot' is not supported");
        QTest::newRow("unknown config key")
            << std::string("{{ config(tags=['a']) }} select 1")
            << std::string("models/m.sql: line 1: config key tags is not supported");
        QTest::newRow("unique_key without incremental")
            << std::string("{{ config(unique_key='id') }} select 1")
            << std::string("models/m.sql: unique_key needs materialized='incremental'");
        QTest::newRow("ref of a package") << std::string("select * from {{ ref('pkg', 'a') }}")
                                          << std::string("models/m.sql: line 1: ref() takes one model name");
        QTest::newRow("ref not a string")
            << std::string("select * from {{ ref(a) }}") << std::string("models/m.sql: line 1: ref(): ");
        QTest::newRow("source with one name")
            << std::string("select * from {{ source('orders') }}")
            << std::string("models/m.sql: line 1: source() takes two names");
        QTest::newRow("is_incremental in an expression")
            << std::string("select {{ is_incremental() }}")
            << std::string("models/m.sql: line 1: {{ is_incremental() }} is not supported");
    }
    void rejects() {
        QFETCH(std::string, text);
        QFETCH(std::string, error);
        auto m = parseModel("m", "models/m.sql", text, Dialect::sqlite());
        QVERIFY(!m.isOk());
        QVERIFY2(m.message().rfind(error, 0) == 0, m.message().c_str());
        QVERIFY(m.message().find('\n') == std::string::npos);
    }

    void varWithoutValueIsAnErrorWithItsLine() {
        auto m = parseModel("m", "models/m.sql", "select *\nfrom t\nwhere d > '{{ var(\"cutoff\") }}'",
                            Dialect::sqlite());
        QVERIFY2(m.isOk(), m.isOk() ? "" : m.message().c_str());
        auto out = m->render(context(false), Dialect::sqlite());
        QVERIFY(!out.isOk());
        QVERIFY2(out.message().rfind("models/m.sql: line 3: var('cutoff') has no value", 0) == 0,
                 out.message().c_str());
    }
};

QTEST_APPLESS_MAIN(ModelTemplateTest)
#include "model_template_test.moc"
