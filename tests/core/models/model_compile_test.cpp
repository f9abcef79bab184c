// ModelCompiler: ref() to relations per dialect, ephemeral models inlined as CTEs (into an existing
// WITH list or a new one), vars from the project overridden by the caller. The compiled SQL is run
// on SQLite to check it means what it says.
#include "core/models/model_compile.h"

#include <QtTest>

#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;

Q_DECLARE_METATYPE(std::string)

namespace {

ModelProject projectOf(const std::vector<std::pair<std::string, std::string>>& files) {
    auto p = modelProjectFromTexts(files, Dialect::sqlite());
    if (!p) qFatal("%s", p.message().c_str());
    return std::move(*p);
}

}  // namespace

class ModelCompileTest : public QObject {
    Q_OBJECT

private slots:
    void refsBecomeQuotedRelations() {
        auto p =
            projectOf({{"models/a.sql", "select 1 as x"}, {"models/b.sql", "select x from {{ ref('a') }}"}});
        auto g = ModelGraph::build(p);
        QVERIFY(g.isOk());
        ModelCompiler c(p, *g, Dialect::postgres());
        QCOMPARE(*c.compile("b"), std::string("select x from \"a\""));
    }

    void ephemeralsAreInlined_data() {
        QTest::addColumn<std::string>("mart");
        QTest::addColumn<std::string>("sql");
        QTest::newRow("new WITH")
            << std::string("select sum(x) as s from {{ ref('e2') }}")
            << std::string(
                   "WITH \"__dbt__cte__e1\" AS (\nselect x from \"base\"\n), "
                   "\"__dbt__cte__e2\" AS (\nselect x * 2 as x from \"__dbt__cte__e1\"\n)\n"
                   "select sum(x) as s from \"__dbt__cte__e2\"");
        QTest::newRow("into the model's WITH")
            << std::string("with t as (select x from {{ ref('e2') }}) select sum(x) as s from t")
            << std::string(
                   "with \"__dbt__cte__e1\" AS (\nselect x from \"base\"\n), \"__dbt__cte__e2\" AS (\n"
                   "select x * 2 as x from \"__dbt__cte__e1\"\n),  t as (select x from \"__dbt__cte__e2\") "
                   "select sum(x) as s from t");
    }
    void ephemeralsAreInlined() {
        QFETCH(std::string, mart);
        QFETCH(std::string, sql);
        auto p = projectOf(
            {{"models/base.sql", "{{ config(materialized='table') }}select 1 as x union all select 2"},
             {"models/e1.sql", "{{ config(materialized='ephemeral') }}select x from {{ ref('base') }}"},
             {"models/e2.sql",
              "{{ config(materialized='ephemeral') }}select x * 2 as x from {{ ref('e1') }}"},
             {"models/mart.sql", mart}});
        auto g = ModelGraph::build(p);
        QVERIFY2(g.isOk(), g.isOk() ? "" : g.message().c_str());
        ModelCompiler c(p, *g, Dialect::sqlite());
        auto out = c.compile("mart");
        QVERIFY2(out.isOk(), out.isOk() ? "" : out.message().c_str());
        QCOMPARE(*out, sql);

        // The compiled SQL runs and sums (1 + 2) * 2.
        test::TempWorkspace ws;
        auto w = Warehouse::open(ws.sqlitePath());
        QVERIFY(w.isOk());
        QVERIFY((*w)->execute("CREATE TABLE base AS " + *c.compile("base")).isOk());
        auto cur = (*w)->query(*out);
        QVERIFY2(cur.isOk(), cur.isOk() ? "" : cur.message().c_str());
        std::vector<Row> rows;
        QVERIFY((*cur)->fetch(rows, 10).isOk());
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(std::get<std::int64_t>(rows[0][0]), std::int64_t(6));
    }

    void callerVarsOverrideProjectVars() {
        auto p = projectOf({{"models/a.sql", "select '{{ var(\"day\") }}' as d, {{ var('n') }} as n"}});
        p.vars = {{"day", "2024-01-01"}, {"n", "1"}};
        auto g = ModelGraph::build(p);
        QVERIFY(g.isOk());
        ModelCompiler c(p, *g, Dialect::sqlite(), {{"n", "2"}});
        QCOMPARE(*c.compile("a"), std::string("select '2024-01-01' as d, 2 as n"));
    }
};

QTEST_APPLESS_MAIN(ModelCompileTest)
#include "model_compile_test.moc"
