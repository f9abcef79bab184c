#include "core/reports/alert.h"

#include <cmath>

namespace deskbase {

namespace {
std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}
// 1000000 rather than 1e+06: whole numbers in full, others as the shortest exact text.
std::string numberText(const Value& v) {
    if (const auto* d = std::get_if<double>(&v); d && std::abs(*d) < 1e15 && *d == std::floor(*d))
        return std::to_string(std::int64_t(*d));
    return valueToText(v);
}
}  // namespace

Result<AlertCheck> checkAlert(const std::string& name, const AlertSpec& alert, const QueryResult& result) {
    AlertCheck c;
    const std::size_t rows = result.rows.size();
    if (alert.when == AlertSpec::When::Rows) {
        c.fires = rows > 0;
        c.message = name + ": " + plural(rows, "row", "rows");
        return c;
    }
    std::size_t col = 0;
    if (!alert.column.empty()) {
        col = result.columns.size();
        for (std::size_t i = 0; i < result.columns.size(); ++i)
            if (result.columns[i].name == alert.column) col = i;
        if (col == result.columns.size())
            return Error{name + ": the question has no column \"" + alert.column + "\""};
    } else if (result.columns.empty()) {
        return Error{name + ": the question returns no columns"};
    }
    const std::string colName = result.columns[col].name;
    if (rows == 0) {
        c.message = name + ": no rows, nothing to compare with the goal";
        return c;
    }
    const Value& v = result.rows.front()[col];
    double x;
    if (const auto* i = std::get_if<std::int64_t>(&v))
        x = double(*i);
    else if (const auto* d = std::get_if<double>(&v))
        x = *d;
    else
        return Error{name + ": " + colName + " in the first row is " +
                     (isNull(v) ? "NULL" : "\"" + valueToText(v) + "\"") + ", not a number"};
    c.value = x;
    const bool above = alert.when == AlertSpec::When::Above;
    c.fires = above ? x > alert.goal : x < alert.goal;
    c.message = name + ": " + colName + " " + numberText(v) + " is " + (c.fires ? "" : "not ") +
                (above ? "above" : "below") + " the goal " + numberText(Value{alert.goal});
    return c;
}

}  // namespace deskbase
