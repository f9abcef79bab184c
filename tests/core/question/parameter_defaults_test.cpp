// A parameter's default from typed text: the JSON stored follows the declared type, a value that
// does not fit is refused with the parameter's message, and a multi-value field splits on commas.
#include "core/question/parameter_defaults.h"

#include <QtTest>

using namespace deskbase;

namespace {
Parameter param(Parameter::Type type, bool multi = false) {
    Parameter p;
    p.name = "p";
    p.type = type;
    p.multiValue = multi;
    return p;
}
}  // namespace

class ParameterDefaultsTest : public QObject {
    Q_OBJECT
private slots:
    void defaultFollowsTheType_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<bool>("multi");
        QTest::addColumn<QByteArrayList>("texts");
        QTest::addColumn<QByteArray>("json");  // the expected default, as JSON text; "" = refused
        using T = Parameter::Type;
        QTest::newRow("number integer")
            << int(T::Number) << false << QByteArrayList{"100"} << QByteArray("100");
        QTest::newRow("number real") << int(T::Number) << false << QByteArrayList{" 2.5 "}
                                     << QByteArray("2.5");
        QTest::newRow("number negative")
            << int(T::Number) << false << QByteArrayList{"-7"} << QByteArray("-7");
        QTest::newRow("number refused") << int(T::Number) << false << QByteArrayList{"abc"} << QByteArray("");
        QTest::newRow("text stays text")
            << int(T::Text) << false << QByteArrayList{"100"} << QByteArray("\"100\"");
        QTest::newRow("boolean yes") << int(T::Boolean) << false << QByteArrayList{"yes"}
                                     << QByteArray("true");
        QTest::newRow("boolean 0") << int(T::Boolean) << false << QByteArrayList{"0"} << QByteArray("false");
        QTest::newRow("boolean refused")
            << int(T::Boolean) << false << QByteArrayList{"maybe"} << QByteArray("");
        QTest::newRow("date") << int(T::Date) << false << QByteArrayList{"2024-02-29"}
                              << QByteArray("\"2024-02-29\"");
        QTest::newRow("date refused")
            << int(T::Date) << false << QByteArrayList{"29/02/2024"} << QByteArray("");
        QTest::newRow("nothing is no default")
            << int(T::Number) << false << QByteArrayList{} << QByteArray("null");
        QTest::newRow("blank is no default")
            << int(T::Text) << false << QByteArrayList{"  "} << QByteArray("null");
        QTest::newRow("single takes the first")
            << int(T::Number) << false << QByteArrayList{"1", "2"} << QByteArray("1");
        QTest::newRow("multi numbers")
            << int(T::Number) << true << QByteArrayList{"1", "2.5"} << QByteArray("[1,2.5]");
        QTest::newRow("multi text") << int(T::Text) << true << QByteArrayList{"a", "b"}
                                    << QByteArray("[\"a\",\"b\"]");
        QTest::newRow("multi refused")
            << int(T::Number) << true << QByteArrayList{"1", "x"} << QByteArray("");
    }
    void defaultFollowsTheType() {
        QFETCH(int, type);
        QFETCH(bool, multi);
        QFETCH(QByteArrayList, texts);
        QFETCH(QByteArray, json);
        std::vector<std::string> values;
        for (const QByteArray& t : texts) values.push_back(t.toStdString());
        auto d = defaultFromTexts(param(Parameter::Type(type), multi), values);
        if (json.isEmpty()) {
            QVERIFY(!d);
            QVERIFY2(QString::fromStdString(d.message()).startsWith(QStringLiteral("parameter p: ")),
                     d.message().c_str());
            return;
        }
        QVERIFY2(d, d.isOk() ? "" : d.message().c_str());
        QCOMPARE(QByteArray::fromStdString(d->dump()), json);
    }

    // What the bar's field holds becomes values: commas split only a multi-value field.
    void fieldTextSplitsOnlyForSeveralValues_data() {
        QTest::addColumn<bool>("multi");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArrayList>("values");
        QTest::newRow("single keeps commas") << false << QByteArray(" a, b ") << QByteArrayList{"a, b"};
        QTest::newRow("multi splits") << true << QByteArray("a, b ,c") << QByteArrayList{"a", "b", "c"};
        QTest::newRow("multi drops empties") << true << QByteArray(",a,,b,") << QByteArrayList{"a", "b"};
        QTest::newRow("empty is unset") << false << QByteArray("   ") << QByteArrayList{};
    }
    void fieldTextSplitsOnlyForSeveralValues() {
        QFETCH(bool, multi);
        QFETCH(QByteArray, text);
        QFETCH(QByteArrayList, values);
        QByteArrayList got;
        for (const auto& v : parameterTexts(param(Parameter::Type::Text, multi), text.toStdString()))
            got << QByteArray::fromStdString(v);
        QCOMPARE(got, values);
    }

    void valuesBecomeDefaultsOnlyWhereSet() {
        Parameter min = param(Parameter::Type::Number);
        min.name = "min_price";
        min.defaultValue = 5;
        Parameter region = param(Parameter::Type::Text);
        region.name = "region";
        region.defaultValue = "north";
        auto out = withValuesAsDefaults({min, region}, {{"min_price", {"100"}}});
        QVERIFY(out);
        QCOMPARE(QString::fromStdString((*out)[0].defaultValue.dump()), QStringLiteral("100"));
        QCOMPARE(QString::fromStdString((*out)[1].defaultValue.dump()), QStringLiteral("\"north\""));
        QVERIFY(!withValuesAsDefaults({min}, {{"min_price", {"lots"}}}));
    }
};

QTEST_GUILESS_MAIN(ParameterDefaultsTest)
#include "parameter_defaults_test.moc"
