// Numbers are never rounded by an import, on any backend: every edge value is imported from a
// CSV file and as a JSON number, read back, and must denote the same number as the text in the file (a text
// column gives the text back byte for byte).
#include <charconv>
#include <string_view>

#include "core/ingest/import_job.h"
#include "tests/core/warehouse/conformance/conformance_test.h"

Q_DECLARE_METATYPE(deskbase::ColumnType)

namespace deskbase::test {

namespace {

// The number a decimal text denotes, written one way: sign, significant digits, and the power of
// ten of the first digit ("-0.0250" and "-2.5e-2" are both "-25e-2"). Zero, signed or not, is
// "0". Independent of the import's own parsing; "?" when the text is no decimal number.
std::string exactDecimal(std::string_view t) {
    std::string sign;
    if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
        if (t[0] == '-') sign = "-";
        t.remove_prefix(1);
    }
    std::string digits;
    const auto mantissaEnd = t.find_first_of("eE");
    const std::string_view mantissa = t.substr(0, mantissaEnd);
    const auto point = mantissa.find('.');
    // The power of ten of the digit being read: the last digit before the point has power 0.
    long power = long(point == std::string_view::npos ? mantissa.size() : point) - 1;
    long firstPower = 0;
    for (char c : mantissa) {
        if (c == '.') continue;
        if (c < '0' || c > '9') return "?";
        if (digits.empty() && c == '0') {
            --power;
            continue;
        }
        if (digits.empty()) firstPower = power;
        digits += c;
        --power;
    }
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    if (digits.empty()) return "0";
    if (mantissaEnd != std::string_view::npos) {
        long exponent = 0;
        std::string_view e = t.substr(mantissaEnd + 1);
        if (!e.empty() && e[0] == '+') e.remove_prefix(1);
        if (std::from_chars(e.data(), e.data() + e.size(), exponent).ptr != e.data() + e.size()) return "?";
        firstPower += exponent;
    }
    return sign + digits + "e" + std::to_string(firstPower);
}

// The shortest text that reads back as exactly this double (what PostgreSQL prints, what a
// double "is" to a reader).
std::string shortest(double d) {
    char buf[32];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, d).ptr);
}

std::string numberRead(const Value& v) {
    if (auto* i = std::get_if<std::int64_t>(&v)) return exactDecimal(std::to_string(*i));
    if (auto* d = std::get_if<double>(&v)) return exactDecimal(shortest(*d));
    return "not a number: " + show(v);
}

}  // namespace

void ConformanceTest::importKeepsEveryNumberExact_data() {
    QTest::addColumn<QString>("value");      // the edge value, in row 1
    QTest::addColumn<QString>("companion");  // row 2 of the same column ("" leaves it alone)
    QTest::addColumn<ColumnType>("type");    // what the column must become
    QTest::addColumn<bool>("json");          // the file is JSON (numbers as JSON numbers), else CSV

    const auto I = ColumnType::Integer, R = ColumnType::Real, T = ColumnType::Text;
    // Every row as CSV, and as JSON where both values are JSON numbers (no leading +).
    auto row = [](const char* name, const char* value, const char* companion, ColumnType type) {
        QTest::addRow("%s, csv", name)
            << QString::fromUtf8(value) << QString::fromUtf8(companion) << type << false;
        if (value[0] != '+' && companion[0] != '+')
            QTest::addRow("%s, json", name)
                << QString::fromUtf8(value) << QString::fromUtf8(companion) << type << true;
    };
    row("17 digits beside a real (the rounding bug)", "12345678901234567", "1.5", T);
    row("2^53 + 1 beside a real", "9007199254740993", "1.5", T);
    row("2^53 beside a real", "9007199254740992", "1.5", R);
    row("2^53 - 1 beside a real", "9007199254740991", "1.5", R);
    row("-(2^53 + 1) beside a real", "-9007199254740993", "1.5", T);
    row("2^53 + 1 alone", "9007199254740993", "", I);
    row("int64 max alone", "9223372036854775807", "", I);
    row("int64 min alone", "-9223372036854775808", "", I);
    row("int64 max beside a real", "9223372036854775807", "1.5", T);
    row("int64 min (-2^63, a double holds it) beside a real", "-9223372036854775808", "0.5", R);
    row("2^53 + 2 (even: a double holds it) beside a real", "9007199254740994", "0.5", R);
    row("int64 max + 1", "9223372036854775808", "", T);
    row("int64 min - 1", "-9223372036854775809", "", T);
    row("20 digits", "99999999999999999999", "1", T);
    row("0.1 + 0.2 as a double prints it", "0.30000000000000004", "1.5", R);
    row("the exact binary value of 0.1", "0.1000000000000000055511151231257827", "1.5", T);
    row("22 significant digits", "3.141592653589793238462", "1.5", T);
    row("17 significant digits a double holds", "0.30000000000000004", "", R);
    row("trailing zeros are no digits", "1.50000000000000000000", "2", R);
    row("exponent", "1e300", "1.5", R);
    row("negative exponent, capital E", "-2.5E-300", "1.5", R);
    row("largest double", "1.7976931348623157e308", "1.5", R);
    row("beyond the largest double", "1e309", "1.5", T);
    row("many digits with an exponent", "1.00000000000000000001e5", "1.5", T);
    row("-0 beside a real", "-0", "1.5", R);
    row("-0 alone", "-0", "", I);
    row("leading + integer", "+5", "", I);
    row("leading + real", "+1.25", "1.5", R);
}

void ConformanceTest::importKeepsEveryNumberExact() {
    QFETCH(QString, value);
    QFETCH(QString, companion);
    QFETCH(ColumnType, type);
    QFETCH(bool, json);
    const std::string text = value.toStdString();
    TempWorkspace ws;
    ImportOptions o;
    if (json) {
        std::string doc = "[{\"id\":1,\"v\":" + text + "}";
        if (!companion.isEmpty()) doc += ",{\"id\":2,\"v\":" + companion.toStdString() + "}";
        o.path = ws.write("edge.json", doc + "]");
    } else {
        std::string csv = "id,v\n1," + text + "\n";
        if (!companion.isEmpty()) csv += "2," + companion.toStdString() + "\n";
        o.path = ws.write("edge.csv", csv);
    }
    ImportJob job(o);
    auto r = job.run(*w_);
    REQUIRE_OK(r);
    QCOMPARE(r->rejected, std::int64_t(0));
    auto info = w_->describeTable("edge");
    REQUIRE_OK(info);
    auto name = [](ColumnType t) {
        const auto n = columnTypeName(t);
        return QString::fromUtf8(n.data(), qsizetype(n.size()));
    };
    QCOMPARE(name(info->columns.at(1).type), name(type));

    auto back = scalar(*w_, "SELECT v FROM edge WHERE id = 1");
    REQUIRE_OK(back);
    if (type == ColumnType::Text) {
        QVERIFY2(*back == Value{text}, show(*back).c_str());  // byte for byte
    } else {
        QVERIFY(exactDecimal(text) != "?");
        QCOMPARE(numberRead(*back), exactDecimal(text));
    }
}

}  // namespace deskbase::test
