// checkFromForm / formFromCheck: the editor's text fields -> the check the loader would read
// (its JSON written out by hand per row), the reasons a form is refused, and form -> check ->
// form giving the same fields back.
#include "core/checks/check_form.h"

#include <QtTest>
#include <nlohmann/json.hpp>

#include "core/checks/check_file.h"

using namespace deskbase;
using nlohmann::json;

namespace {

// The test's own shorthand for a form: a JSON object of its fields.
CheckForm formOf(const QString& text) {
    const json j = json::parse(text.toStdString());
    CheckForm f;
    auto str = [&](const char* key, std::string& out) {
        if (j.contains(key)) out = j[key].get<std::string>();
    };
    str("kind", f.kind);
    str("name", f.name);
    str("column", f.column);
    if (j.contains("columns")) f.columns = j["columns"].get<std::vector<std::string>>();
    str("values", f.values);
    if (j.contains("numeric")) f.numericValues = j["numeric"].get<bool>();
    str("to", f.to);
    str("field", f.field);
    str("min", f.min);
    str("max", f.max);
    if (j.contains("minInclusive")) f.minInclusive = j["minInclusive"].get<bool>();
    if (j.contains("maxInclusive")) f.maxInclusive = j["maxInclusive"].get<bool>();
    str("regex", f.regex);
    str("warnAfter", f.warnAfter);
    str("errorAfter", f.errorAfter);
    str("required", f.required);
    str("sql", f.sql);
    str("severity", f.severity);
    str("mostly", f.mostly);
    str("description", f.description);
    return f;
}

}  // namespace

class CheckFormTest : public QObject {
    Q_OBJECT
private slots:
    void toCheck_data() {
        QTest::addColumn<QString>("form");
        QTest::addColumn<QString>(
            "json");  // checkSpecToJson of the result, or error: and a part of the reason
        QTest::addColumn<QString>("name");
        QTest::newRow("not_null") << R"({"kind": "not_null", "column": " id "})"
                                  << R"({"check":"not_null","column":"id"})"
                                  << "not_null(id)";
        QTest::newRow("unique on two columns")
            << R"({"kind": "unique", "columns": ["a", "b"], "column": "ignored"})"
            << R"({"check":"unique","columns":["a","b"]})"
            << "unique(a, b)";
        QTest::newRow("accepted text values")
            << R"({"kind": "accepted_values", "column": "status", "values": "paid\n\n  lost \n10"})"
            << R"({"check":"accepted_values","column":"status","values":["paid","lost","10"]})"
            << "accepted_values(status)";
        QTest::newRow("accepted numbers")
            << R"({"kind": "accepted_values", "column": "n", "values": "1\n2.5\n-3", "numeric": true})"
            << R"({"check":"accepted_values","column":"n","values":[1,2.5,-3]})"
            << "accepted_values(n)";
        QTest::newRow("a word among numbers")
            << R"({"kind": "accepted_values", "column": "n", "values": "1\ntwo", "numeric": true})"
            << R"(error: line 2 of values: "two" is not a number)"
            << "";
        QTest::newRow("no values") << R"({"kind": "accepted_values", "column": "n", "values": " \n"})"
                                   << R"(error: "values" is a non-empty list)"
                                   << "";
        QTest::newRow("relationships")
            << R"({"kind": "relationships", "column": "customer_id", "to": "customers", "field": "id"})"
            << R"({"check":"relationships","column":"customer_id","to":"customers","field":"id"})"
            << "relationships(customer_id -> customers.id)";
        QTest::newRow("relationships without field")
            << R"({"kind": "relationships", "column": "c", "to": "customers"})"
            << R"(error: missing field "field")"
            << "";
        QTest::newRow("between, exclusive max, warn, mostly")
            << R"({"kind": "between", "column": "total", "min": "0", "max": "10000.5", "maxInclusive": false,
                  "severity": "warn", "mostly": "0.99", "name": "sane totals", "description": "no refunds"})"
            << R"({"check":"between","name":"sane totals","column":"total","min":0,"max":10000.5,"max_inclusive":false,"severity":"warn","mostly":0.99,"description":"no refunds"})"
            << "sane totals";
        QTest::newRow("between dates") << R"({"kind": "between", "column": "d", "min": "2020-01-01"})"
                                       << R"({"check":"between","column":"d","min":"2020-01-01"})"
                                       << "between(d)";
        QTest::newRow("between without bounds") << R"({"kind": "between", "column": "d"})"
                                                << R"(error: between needs "min" or "max")"
                                                << "";
        QTest::newRow("regex compiles")
            << R"({"kind": "matches", "column": "email", "regex": "^[^@]+@[^@]+$"})"
            << R"({"check":"matches","column":"email","regex":"^[^@]+@[^@]+$"})"
            << "matches(email)";
        QTest::newRow("regex does not compile")
            << "{\"kind\": \"matches\", \"column\": \"email\", \"regex\": \"(a\"}"
            << "error: regex \"(a\" does not compile"
            << "";
        QTest::newRow("row_count") << R"({"kind": "row_count", "min": "1", "max": "500", "column": "x"})"
                                   << R"({"check":"row_count","min":1,"max":500})"
                                   << "row_count";
        QTest::newRow("row_count not whole") << R"({"kind": "row_count", "min": "1.5"})"
                                             << R"(error: "min" is a whole number of rows)"
                                             << "";
        QTest::newRow("freshness on a column")
            << R"({"kind": "freshness", "column": "order_date", "warnAfter": "2d", "errorAfter": "7d"})"
            << R"({"check":"freshness","column":"order_date","warn_after":"2d","error_after":"7d"})"
            << "freshness(order_date)";
        QTest::newRow("freshness bad duration") << R"({"kind": "freshness", "warnAfter": "soon"})"
                                                << R"(error: "warn_after" "soon" is not a duration)"
                                                << "";
        QTest::newRow("columns")
            << R"({"kind": "columns", "required": "id integer\n name \nstatus  text"})"
            << R"({"check":"columns","required":{"id":"integer","name":"","status":"text"}})"
            << "columns";
        QTest::newRow("sql")
            << "{\"kind\": \"sql\", \"name\": \"no future\", \"sql\": \"select * from t where d > "
               "date('now');\"}"
            << "{\"check\":\"sql\",\"name\":\"no future\",\"sql\":\"select * from t where d > date('now')\"}"
            << "no future";
        QTest::newRow("mostly out of range") << R"({"kind": "not_null", "column": "a", "mostly": "1.5"})"
                                             << R"(error: "mostly" is a number above 0 and at most 1)"
                                             << "";
        QTest::newRow("mostly not a number") << R"({"kind": "not_null", "column": "a", "mostly": "most"})"
                                             << R"(error: "mostly" is a number above 0 and at most 1)"
                                             << "";
        QTest::newRow("missing column") << R"({"kind": "not_null"})"
                                        << R"(error: missing field "column")"
                                        << "";
        QTest::newRow("unknown kind") << R"({"kind": "nope"})"
                                      << R"(error: unknown check kind "nope")"
                                      << "";
    }
    void toCheck() {
        QFETCH(QString, form);
        QFETCH(QString, json);
        QFETCH(QString, name);
        const auto spec = checkFromForm(formOf(form));
        if (json.startsWith(QStringLiteral("error: "))) {
            QVERIFY(!spec.isOk());
            QVERIFY2(QString::fromStdString(spec.message()).contains(json.mid(7)),
                     spec.status().message().c_str());
            return;
        }
        QVERIFY2(spec.isOk(), spec.status().message().c_str());
        QCOMPARE(QString::fromStdString(checkSpecToJson(*spec).dump()), json);
        QCOMPARE(QString::fromStdString(spec->name), name);
        // The form of the check gives the check back.
        const auto again = checkFromForm(formFromCheck(*spec));
        QVERIFY2(again.isOk(), again.status().message().c_str());
        QCOMPARE(QString::fromStdString(checkSpecToJson(*again).dump()), json);
    }

    void formsRoundTrip_data() {
        QTest::addColumn<QString>("form");
        QTest::newRow("accepted numbers")
            << R"({"kind": "accepted_values", "column": "n", "values": "1\n2.5", "numeric": true})";
        QTest::newRow("between")
            << R"({"kind": "between", "column": "t", "min": "-1", "max": "9", "minInclusive": false, "severity": "warn", "mostly": "0.5"})";
        QTest::newRow("columns") << R"({"kind": "columns", "required": "id integer\nname"})";
        QTest::newRow("freshness") << R"({"kind": "freshness", "errorAfter": "12h"})";
        QTest::newRow("unique") << R"({"kind": "unique", "columns": ["a", "b"], "name": "key"})";
    }
    void formsRoundTrip() {
        QFETCH(QString, form);
        const CheckForm f = formOf(form);
        const auto spec = checkFromForm(f);
        QVERIFY2(spec.isOk(), spec.status().message().c_str());
        QVERIFY(formFromCheck(*spec) == f);
    }
};

QTEST_GUILESS_MAIN(CheckFormTest)
#include "check_form_test.moc"
