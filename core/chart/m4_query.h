#pragma once
// M4 (Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation", VLDB 2014):
// the rows that decide every pixel of a line W pixels wide are, per pixel column and series,
// the ones holding the first x, the last x, the lowest y and the highest y — at most 4·W rows.
// This rewrites a question's plain SELECT into the SQL that finds them inside the warehouse
// (SQLite, PostgreSQL, any PostgreSQL-wire engine: plain SQL with window functions), so a chart
// of any size fetches a few thousand rows. First m4RangeSql() (row count and x range), then
// m4Sql() for the x range shown.
//
// The pixel column of a point is floor((x - lo) * scale) with scale = W / (hi - lo) computed
// here (the exact double the client-side reduction uses, core/chart/series_reduction.h), the
// last column closed on the right. x is a number, or a date/datetime as milliseconds since the
// epoch (SQLite: the ISO text through julianday(), rounded to the millisecond; PostgreSQL:
// extract(epoch)). Rows whose x or y is NULL (or, SQLite, x is text that is not a date) are
// left out, as the chart leaves them out. Ties: among the rows sharing a column's first x the
// lowest y is kept, among those sharing its last x the highest y — what a line through the rows
// sorted by x, then y draws; the result is ordered by series, x, y. A zoomed range also keeps,
// per series, the nearest point left of lo and right of hi, so the line runs to the plot edge.
#include <string>
#include <vector>

#include "core/sql/dialect.h"
#include "core/util/result.h"

namespace deskbase::chart {

enum class M4X { Number, Date };

struct M4Request {
    std::string sql;             // the question's SELECT, final SQL (no template syntax)
    std::string x;               // result column names
    M4X xKind = M4X::Number;
    std::vector<std::string> y;  // one measure per series; exactly one when `series` is set
    std::string series;          // the column that splits the measure into series ("" for none)
    int width = 1000;            // pixel columns
};

// The statement is one plain SELECT that reads only (not WITH, VALUES, a write, two statements);
// otherwise the one-line reason it cannot be rewritten.
Status m4Rewritable(const std::string& sql, const Dialect& dialect);

// SELECT count(*), min(x), max(x): all rows of the result, and the x range (chart units) of the
// rows with an x and at least one y. Columns: m4_rows, m4_xmin, m4_xmax.
Result<std::string> m4RangeSql(const M4Request& request, const Dialect& dialect);

// The M4 rows for x in [lo, hi]: columns x, [series], y... named as in the result (with several
// measures each row carries one of them, the others NULL), ordered by series, x, y.
Result<std::string> m4Sql(const M4Request& request, double lo, double hi, const Dialect& dialect);

// A double as SQL text that reads back as the same double (shortest round trip).
std::string sqlDouble(double v, const Dialect& dialect);

}  // namespace deskbase::chart
