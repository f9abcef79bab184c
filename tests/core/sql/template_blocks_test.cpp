// The Jinja blocks of a dbt-style model with their lines, and the ref()/source() calls found in
// them — read as dbt reads them (inside SQL literals and comments too).
#include "core/sql/template_blocks.h"

#include <QtTest>

using namespace deskbase;

namespace {

QStringList list(std::initializer_list<const char*> items) {
    QStringList out;
    for (const char* i : items) out << QString::fromUtf8(i);
    return out;
}
QString kindName(TokenKind k) {
    return k == TokenKind::Expression  ? QStringLiteral("expr")
           : k == TokenKind::Statement ? QStringLiteral("stmt")
                                       : QStringLiteral("comment");
}

// "line:kind:body" plus "<" / ">" for whitespace control on the left / right.
QStringList rendered(const std::vector<TemplateBlock>& blocks) {
    QStringList out;
    for (const auto& b : blocks)
        out << QStringLiteral("%1:%2:%3%4%5")
                   .arg(b.line)
                   .arg(kindName(b.kind), QString::fromStdString(b.body),
                        b.trimLeft ? QStringLiteral("<") : QString(),
                        b.trimRight ? QStringLiteral(">") : QString());
    return out;
}
}  // namespace

class TemplateBlocksTest : public QObject {
    Q_OBJECT
private slots:
    void findsBlocks_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("blocks");
        QTest::newRow("incremental model")
            << "{{ config(materialized='incremental', unique_key='id') }}\n"
               "select *\nfrom {{ ref('stg_orders') }}\n"
               "{%- if is_incremental() -%}\n"
               "where updated_at > (select max(updated_at) from {{ this }})\n"
               "{% endif %}"
            << list({"1:expr:config(materialized='incremental', unique_key='id')", "3:expr:ref('stg_orders')",
                     "4:stmt:if is_incremental()<>", "5:expr:this", "6:stmt:endif"});
        QTest::newRow("block inside a string literal, as in dbt")
            << "select * from t where d > '{{ var(\"since\") }}'" << list({"1:expr:var(\"since\")"});
        QTest::newRow("block inside a comment, as in dbt")
            << "-- {{ ref('old') }}\nselect 1" << list({"1:expr:ref('old')"});
        QTest::newRow("template comment") << "{# a\nnote #} select 1" << list({"1:comment:a\nnote"});
        QTest::newRow("quoted closer") << "{{ var('}}') }}" << list({"1:expr:var('}}')"});
        QTest::newRow("optional clauses are sql here") << "select [[x]]" << list({});
    }
    void findsBlocks() {
        QFETCH(QString, sql);
        QFETCH(QStringList, blocks);
        const auto got = templateBlocks(sql.toStdString(), Dialect::sqlite());
        QVERIFY2(got, got.isOk() ? "" : got.message().c_str());
        QCOMPARE(rendered(*got), blocks);
    }

    void statementKeyword() {
        const auto got = templateBlocks("{% if is_incremental() %}x{% endif %}", Dialect::postgres());
        QVERIFY(got);
        QCOMPARE(QString::fromStdString((*got)[0].keyword()), QStringLiteral("if"));
        QCOMPARE(QString::fromStdString((*got)[0].afterKeyword()), QStringLiteral("is_incremental()"));
        QCOMPARE(QString::fromStdString((*got)[1].keyword()), QStringLiteral("endif"));
        QCOMPARE(QString::fromStdString((*got)[1].afterKeyword()), QString());
        // The offsets cover the whole block, delimiters included.
        const std::string sql = "ab {{ x }} cd";
        const auto one = templateBlocks(sql, Dialect::sqlite());
        QVERIFY(one);
        QCOMPARE(QString::fromStdString(sql.substr((*one)[0].offset, (*one)[0].length)),
                 QStringLiteral("{{ x }}"));
    }

    void reportsUnclosed_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("error");
        QTest::newRow("expression") << "select 1\nfrom {{ ref('a')"
                                    << "line 2: unclosed {{";
        QTest::newRow("statement") << "select 1\n\n{% if x"
                                   << "line 3: unclosed {%";
        QTest::newRow("string") << "select 'a {{ x }}"
                                << "line 1: unterminated string literal";
    }
    void reportsUnclosed() {
        QFETCH(QString, sql);
        QFETCH(QString, error);
        const auto got = templateBlocks(sql.toStdString(), Dialect::postgres());
        QVERIFY(!got);
        QCOMPARE(QString::fromStdString(got.message()), error);
    }

    void extractsReferences() {
        const std::string sql =
            "with o as (select * from {{ ref('stg_orders') }}),\n"
            "c as (select * from {{ source('shop', 'customers') }})\n"
            "select * from o join c using (customer_id) -- {{ ref(\"audit\") }}\n"
            "where {{ var('x') }} and '{{ this }}' <> ''";
        const auto refs = templateReferences(sql, Dialect::postgres());
        QVERIFY2(refs, refs.isOk() ? "" : refs.message().c_str());
        QStringList got;
        for (const auto& r : *refs)
            got << QStringLiteral("%1:%2(%3)")
                       .arg(r.line)
                       .arg(QString::fromStdString(r.function),
                            QString::fromStdString(r.names.size() == 2 ? r.names[0] + "." + r.names[1]
                                                                       : r.names[0]));
        QCOMPARE(got, (list({"1:ref(stg_orders)", "2:source(shop.customers)", "3:ref(audit)"})));
    }

    void rejectsBadReferences_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("error");
        QTest::newRow("unquoted") << "select 1\nfrom {{ ref(orders) }}"
                                  << "line 2: ref() argument 1 must be a quoted string";
        QTest::newRow("source with one name") << "from {{ source('a') }}"
                                              << "line 1: source() takes two arguments, 1 given";
        QTest::newRow("ref with none") << "from {{ ref() }}"
                                       << "line 1: ref() takes one argument, 0 given";
        QTest::newRow("ref not called") << "from {{ ref }}"
                                        << "line 1: ref must be called: ref(...)";
    }
    void rejectsBadReferences() {
        QFETCH(QString, sql);
        QFETCH(QString, error);
        const auto got = templateReferences(sql.toStdString(), Dialect::sqlite());
        QVERIFY(!got);
        QCOMPARE(QString::fromStdString(got.message()), error);
    }
};

QTEST_GUILESS_MAIN(TemplateBlocksTest)
#include "template_blocks_test.moc"
