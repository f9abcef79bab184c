#include "core/chart/m4_query.h"

#include <charconv>
#include <cmath>

#include "core/sql/result_sql.h"
#include "core/sql/statement_kind.h"
#include "core/sql/tokenizer.h"

namespace deskbase::chart {

namespace {

bool isPostgres(const Dialect& d) {
    return d.kind() == Dialect::Kind::PostgreSQL;
}

std::string real(const Dialect& d) {
    return isPostgres(d) ? "double precision" : "REAL";
}

// A result column of the wrapped query.
std::string column(const std::string& name, const Dialect& d) {
    return "deskbase_m4_q." + d.quoteIdentifier(name);
}

// x in chart units (a number; a date as epoch milliseconds), NULL when it has none.
std::string xNumber(const M4Request& r, const Dialect& d) {
    const std::string x = column(r.x, d);
    if (r.xKind == M4X::Number) return "CAST(" + x + " AS " + real(d) + ")";
    if (isPostgres(d))
        return "CAST(extract(epoch FROM CAST(" + x + " AS timestamp)) * 1000 AS double precision)";
    // julianday() of ISO text, NULL for other text; 2440587.5 is the julian day of 1970-01-01.
    return "round((julianday(" + x + ") - 2440587.5) * 86400000.0)";
}

std::string yNumber(const std::string& y, const Dialect& d) {
    return "CAST(" + column(y, d) + " AS " + real(d) + ")";
}

Status validate(const M4Request& r, const Dialect& d) {
    if (auto s = m4Rewritable(r.sql, d); !s.isOk()) return s;
    if (r.x.empty()) return Status::fail("an M4 chart needs an x column");
    if (r.y.empty()) return Status::fail("an M4 chart needs a y column");
    if (!r.series.empty() && r.y.size() != 1) return Status::fail("a series split shows one measure");
    if (r.width < 1) return Status::fail("an M4 chart needs a width of at least one pixel");
    return Status::ok();
}

std::string source(const M4Request& r, const Dialect& d) {
    return "(\n" + trimStatement(r.sql, d) + "\n) AS deskbase_m4_q";
}

}  // namespace

std::string sqlDouble(double v, const Dialect& d) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    std::string text(buf, end);
    if (!std::isfinite(v)) text = "0";
    return isPostgres(d) ? "CAST('" + text + "' AS double precision)" : "(" + text + ")";
}

Status m4Rewritable(const std::string& sql, const Dialect& dialect) {
    const auto tokens = significantTokens(tokenize(sql, dialect));
    if (tokens.empty() || keywordOf(tokens.front(), sql) != "SELECT")
        return Status::fail("not rewritable: only a plain SELECT can be reduced in the warehouse");
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (t.is(TokenKind::Punctuation) && sql[t.offset] == ';') {
            for (std::size_t k = i + 1; k < tokens.size(); ++k)
                if (!(tokens[k].is(TokenKind::Punctuation) && sql[tokens[k].offset] == ';'))
                    return Status::fail("not rewritable: more than one statement");
        }
        // The rewrite repeats the statement (once per measure): numbered and named parameters
        // bind the same value each time, a bare ? would shift.
        if (t.is(TokenKind::Placeholder) && t.length == 1)
            return Status::fail("not rewritable: a bare ? parameter (number it: ?1)");
    }
    const StatementKind kind = classifyStatement(sql, dialect);
    if (!kind.readOnly || kind.writesData) return Status::fail("not rewritable: the statement writes");
    return Status::ok();
}

Result<std::string> m4RangeSql(const M4Request& r, const Dialect& d) {
    if (auto s = validate(r, d); !s.isOk()) return s;
    std::string anyY;
    if (!r.series.empty()) {
        anyY = column(r.y.front(), d) + " IS NOT NULL";
    } else {
        for (const auto& y : r.y) anyY += (anyY.empty() ? "" : " OR ") + column(y, d) + " IS NOT NULL";
    }
    const std::string x = "CASE WHEN " + anyY + " THEN " + xNumber(r, d) + " END";
    return "SELECT count(*) AS m4_rows, min(" + x + ") AS m4_xmin, max(" + x + ") AS m4_xmax FROM " +
           source(r, d);
}

Result<std::string> m4Sql(const M4Request& r, double lo, double hi, const Dialect& d) {
    if (auto s = validate(r, d); !s.isOk()) return s;
    if (!(hi >= lo)) return Error{"the x range is empty"};
    const double span = hi > lo ? hi - lo : 1.0;
    const double scale = double(r.width) / span;  // the client reduction's rule: columns / span
    const std::string W = std::to_string(r.width);
    const std::string loS = sqlDouble(lo, d), hiS = sqlDouble(hi, d), scaleS = sqlDouble(scale, d);
    const std::string xv = xNumber(r, d);

    // One row per point: the x as the result has it, x and y as numbers, the series.
    std::string src;
    if (!r.series.empty()) {
        src = "SELECT " + column(r.x, d) + " AS m4_xv, " + xv + " AS m4_x, " + yNumber(r.y.front(), d) +
              " AS m4_y, " + column(r.series, d) + " AS m4_s FROM " + source(r, d) + " WHERE " + xv +
              " IS NOT NULL AND " + column(r.y.front(), d) + " IS NOT NULL";
    } else {
        for (std::size_t i = 0; i < r.y.size(); ++i) {
            if (i) src += "\n  UNION ALL\n  ";
            src += "SELECT " + column(r.x, d) + " AS m4_xv, " + xv + " AS m4_x, " + yNumber(r.y[i], d) +
                   " AS m4_y, " + std::to_string(i) + " AS m4_s FROM " + source(r, d) + " WHERE " + xv +
                   " IS NOT NULL AND " + column(r.y[i], d) + " IS NOT NULL";
        }
    }
    // Pixel column; -1 left of the range and W right of it (only their nearest point is kept).
    const std::string inside = isPostgres(d)
                                   ? "LEAST(" + W + " - 1, CAST(floor((m4_x - " + loS + ") * " + scaleS +
                                         ") AS bigint))"
                                   : "min(" + W + " - 1, CAST((m4_x - " + loS + ") * " + scaleS +
                                         " AS INTEGER))";  // m4_x >= lo: truncation is floor
    const std::string bucket = "CASE WHEN m4_x < " + loS + " THEN -1 WHEN m4_x > " + hiS + " THEN " + W +
                               " ELSE " + inside + " END";
    const std::string part = "PARTITION BY m4_s, m4_k";
    std::string sql =
        "WITH deskbase_m4_src AS (\n  " + src + "\n),\n"
        "deskbase_m4_b AS (SELECT m4_xv, m4_x, m4_y, m4_s, " + bucket + " AS m4_k FROM deskbase_m4_src),\n"
        "deskbase_m4_w AS (SELECT m4_xv, m4_x, m4_y, m4_s, m4_k, min(m4_x) OVER m4_p AS m4_x0, "
        "max(m4_x) OVER m4_p AS m4_x1, min(m4_y) OVER m4_p AS m4_y0, max(m4_y) OVER m4_p AS m4_y1 "
        "FROM deskbase_m4_b WINDOW m4_p AS (" + part + ")),\n"
        "deskbase_m4_c AS (SELECT * FROM deskbase_m4_w WHERE m4_x = m4_x0 OR m4_x = m4_x1 OR "
        "m4_y = m4_y0 OR m4_y = m4_y1),\n"
        "deskbase_m4_r AS (SELECT m4_xv, m4_x, m4_y, m4_s, m4_k, "
        "row_number() OVER (" + part + " ORDER BY m4_x, m4_y) AS m4_first, "
        "row_number() OVER (" + part + " ORDER BY m4_x DESC, m4_y DESC) AS m4_last, "
        "row_number() OVER (" + part + " ORDER BY m4_y, m4_x) AS m4_low, "
        "row_number() OVER (" + part + " ORDER BY m4_y DESC, m4_x DESC) AS m4_high FROM deskbase_m4_c)\n"
        "SELECT m4_xv AS " + d.quoteIdentifier(r.x);
    if (!r.series.empty()) {
        sql += ", m4_s AS " + d.quoteIdentifier(r.series) + ", m4_y AS " + d.quoteIdentifier(r.y.front());
    } else {
        for (std::size_t i = 0; i < r.y.size(); ++i)
            sql += ", CASE WHEN m4_s = " + std::to_string(i) + " THEN m4_y END AS " + d.quoteIdentifier(r.y[i]);
    }
    sql += " FROM deskbase_m4_r WHERE (m4_k >= 0 AND m4_k < " + W +
           " AND (m4_first = 1 OR m4_last = 1 OR m4_low = 1 OR m4_high = 1)) OR (m4_k < 0 AND m4_last = 1) "
           "OR (m4_k >= " + W + " AND m4_first = 1)\nORDER BY m4_s, m4_x, m4_y";
    return sql;
}

}  // namespace deskbase::chart
