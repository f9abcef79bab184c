// The call syntax inside a Jinja block: names, string / number / boolean / none / name / list
// arguments, keyword arguments, and a one-line error for anything else.
#include "core/sql/template_call.h"

#include <QtTest>

using namespace deskbase;

namespace {

QString rendered(const TemplateValue& v) {
    switch (v.kind) {
        case TemplateValue::Kind::String:
            return QStringLiteral("s:") + QString::fromStdString(v.text);
        case TemplateValue::Kind::Number:
            return QStringLiteral("n:") + QString::number(v.number);
        case TemplateValue::Kind::Boolean:
            return v.boolean ? QStringLiteral("b:true") : QStringLiteral("b:false");
        case TemplateValue::Kind::None:
            return QStringLiteral("none");
        case TemplateValue::Kind::Name:
            return QStringLiteral("name:") + QString::fromStdString(v.text);
        case TemplateValue::Kind::List: {
            QStringList items;
            for (const auto& i : v.items) items << rendered(i);
            return QLatin1Char('[') + items.join(QLatin1Char(',')) + QLatin1Char(']');
        }
    }
    return {};
}

// ref(s:orders) / this / config(materialized=s:table)
QString rendered(const TemplateCall& c) {
    QString out = QString::fromStdString(c.name);
    if (!c.called) return out;
    QStringList args;
    for (const auto& a : c.arguments)
        args << (a.keyword.empty() ? QString() : QString::fromStdString(a.keyword) + QLatin1Char('=')) +
                    rendered(a.value);
    return out + QLatin1Char('(') + args.join(QLatin1Char(',')) + QLatin1Char(')');
}

}  // namespace

class TemplateCallTest : public QObject {
    Q_OBJECT
private slots:
    void parses_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("call");   // the parsed call, or empty for an error
        QTest::addColumn<QString>("error");  // a part of the error message
        QTest::newRow("ref") << "ref('orders')"
                             << "ref(s:orders)"
                             << "";
        QTest::newRow("source, double quotes, spaces") << "  source( 'shop' , \"orders\" )  "
                                                       << "source(s:shop,s:orders)"
                                                       << "";
        QTest::newRow("bare name") << "this"
                                   << "this"
                                   << "";
        QTest::newRow("no arguments") << "is_incremental()"
                                      << "is_incremental()"
                                      << "";
        QTest::newRow("config")
            << "config(materialized='incremental', unique_key=['id', 'day'], enabled=True, n=-1.5e2, x=none)"
            << "config(materialized=s:incremental,unique_key=[s:id,s:day],enabled=b:true,n=n:-150,x=none)"
            << "";
        QTest::newRow("escaped quote") << "var('it\\'s')"
                                       << "var(s:it's)"
                                       << "";
        QTest::newRow("name argument") << "f(a, false, [])"
                                       << "f(name:a,b:false,[])"
                                       << "";
        QTest::newRow("filter") << "ref('a') | upper"
                                << ""
                                << "unexpected '|'";
        QTest::newRow("unclosed call") << "ref('a'"
                                       << ""
                                       << "expected ',' or ')'";
        QTest::newRow("positional after keyword") << "f(a=1, 'b')"
                                                  << ""
                                                  << "positional argument after a keyword";
        QTest::newRow("empty") << "  "
                               << ""
                               << "expected a name";
        QTest::newRow("unterminated string") << "ref('a)"
                                             << ""
                                             << "unterminated string";
        QTest::newRow("starts with a digit") << "1abc"
                                             << ""
                                             << "expected a name";
        QTest::newRow("comparison is not a keyword argument") << "f(a == 1)"
                                                              << ""
                                                              << "expected ',' or ')'";
        QTest::newRow("bad number") << "f(1x)"
                                    << ""
                                    << "bad number 1x";
        QTest::newRow("attribute access") << "adapter.quote('x')"
                                          << ""
                                          << "unexpected '.'";
    }
    void parses() {
        QFETCH(QString, text);
        QFETCH(QString, call);
        QFETCH(QString, error);
        const auto r = parseTemplateCall(text.toStdString());
        if (!error.isEmpty()) {
            QVERIFY2(!r, "expected an error");
            QVERIFY2(QString::fromStdString(r.message()).contains(error), r.message().c_str());
            QVERIFY(!QString::fromStdString(r.message()).contains(QLatin1Char('\n')));
            return;
        }
        QVERIFY2(r, r.isOk() ? "" : r.message().c_str());
        QCOMPARE(rendered(*r), call);
    }

    void readsStringArgumentsAndKeywords() {
        auto source = parseTemplateCall("source('shop', 'orders')");
        QVERIFY(source);
        auto names = source->stringArguments();
        QVERIFY(names);
        QCOMPARE(int(names->size()), 2);
        QCOMPARE(QString::fromStdString((*names)[0] + "." + (*names)[1]), QStringLiteral("shop.orders"));

        auto bad = parseTemplateCall("ref(orders)");
        QVERIFY(bad);
        QVERIFY(!bad->stringArguments());
        QVERIFY(
            QString::fromStdString(bad->stringArguments().message()).contains(QStringLiteral("argument 1")));

        auto config = parseTemplateCall("config(materialized='table')");
        QVERIFY(config);
        const TemplateValue* m = config->keywordArgument("materialized");
        QVERIFY(m);
        QCOMPARE(QString::fromStdString(m->text), QStringLiteral("table"));
        QVERIFY(!config->keywordArgument("unique_key"));
        QVERIFY(!config->stringArguments());  // a keyword argument is not positional
    }
};

QTEST_GUILESS_MAIN(TemplateCallTest)
#include "template_call_test.moc"
