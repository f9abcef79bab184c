#include "core/chart/m4_fetch.h"

#include "core/chart/chart_pick.h"
#include "core/chart/column_roles.h"

#include <array>

namespace deskbase::chart {

using dashboard::ChartType;

namespace {

// Appends rows from `cursor` until it ends or `out` holds `limit` rows; true when it ended.
Result<bool> fetchUpTo(QueryCursor& cursor, std::vector<Row>& out, std::size_t limit,
                       const std::atomic<bool>& cancelled) {
    while (out.size() < limit) {
        if (cancelled) return Error{"cancelled"};
        auto n = cursor.fetch(out, std::min<std::size_t>(limit - out.size(), 8192));
        if (!n) return Error{n.message()};
        if (*n == 0) return true;
    }
    return false;
}

Result<QueryResult> fetchAll(Warehouse& w, const std::string& sql, const std::vector<Value>& params,
                             const std::atomic<bool>& cancelled) {
    auto cursor = w.query(sql, params);
    if (!cursor) return Error{cursor.message()};
    QueryResult out;
    out.columns = (*cursor)->columns();
    auto ended = fetchUpTo(**cursor, out.rows, std::size_t(-1), cancelled);
    if (!ended) return Error{ended.message()};
    return out;
}

}  // namespace

Result<M4Plan> m4PlanFor(const ChartData& sample, const dashboard::VisualizationSettings& s,
                               const std::string& sql, const Dialect& dialect, int width,
                               dashboard::VisualizationSettings* resolved) {
    ChartType type = s.type;
    if (type == ChartType::Auto) type = pickChartType(columnTypes(sample), sample.rows.size());
    if (type != ChartType::Line && type != ChartType::Area)
        return Error{"only line and area charts are reduced in the warehouse"};
    if (!s.dateGranularity.empty()) return Error{"dates grouped by period are not reduced in the warehouse"};
    if (type == ChartType::Area && s.stacked) return Error{"stacked areas are not reduced in the warehouse"};
    const ColumnRoles r = resolveRoles(sample, s, type);
    if (r.x < 0 || r.y.empty()) return Error{"the chart has no x or y column"};
    const ColumnType xType = sample.columns[std::size_t(r.x)].type;
    if (!isNumberType(xType) && !isTemporalType(xType))
        return Error{"only a number or date x is reduced in the warehouse"};
    M4Plan plan;
    plan.stream = dialect.kind() == Dialect::Kind::SQLite || !m4Rewritable(sql, dialect).isOk();
    plan.columns.x = r.x;
    plan.columns.date = isTemporalType(xType);
    plan.columns.series = r.series;
    plan.columns.y = r.series >= 0 ? std::vector<int>{r.y.front()} : r.y;
    M4Request& m4 = plan.request;
    m4.sql = sql;
    m4.x = sample.columns[std::size_t(r.x)].name;
    m4.xKind = isTemporalType(xType) ? M4X::Date : M4X::Number;
    if (r.series >= 0) {
        m4.series = sample.columns[std::size_t(r.series)].name;
        m4.y.push_back(sample.columns[std::size_t(r.y.front())].name);
    } else {
        for (int y : r.y) m4.y.push_back(sample.columns[std::size_t(y)].name);
    }
    m4.width = std::max(width, 16);
    if (resolved) {
        *resolved = s;
        resolved->type = type;
        resolved->x = m4.x;
        resolved->y = m4.y;
        resolved->series = m4.series;
    }
    return plan;
}

namespace {

// Every row of the cursor through `each`, a block at a time, until the end or a cancel.
template <typename Each>
Status forEachRow(QueryCursor& cursor, const std::atomic<bool>& cancelled, Each&& each) {
    std::vector<Row> block;
    for (;;) {
        if (cancelled) return Status::fail("cancelled");
        block.clear();
        auto n = cursor.fetch(block, 8192);
        if (!n) return Status::fail(n.message());
        if (*n == 0) return Status::ok();
        for (const Row& row : block) each(row);
    }
}

// Streams the question through M4Stream for [lo, hi]; the result has the question's columns.
Result<QueryResult> streamM4(Warehouse& w, const M4Plan& plan, const std::vector<Value>& params, double lo,
                             double hi, const std::atomic<bool>& cancelled) {
    auto cursor = w.query(plan.request.sql, params);
    if (!cursor) return Error{cursor.message()};
    M4Stream stream(plan.columns, lo, hi, plan.request.width);
    if (auto s = forEachRow(**cursor, cancelled, [&](const Row& row) { stream.add(row); }); !s)
        return Error{s.message()};
    QueryResult out;
    out.columns = (*cursor)->columns();
    out.rows = stream.rows();
    return out;
}

// Rows, and the x range of rows with an x and a y, read by streaming (a question the range
// query cannot wrap).
Result<std::array<double, 3>> streamRange(Warehouse& w, const M4Plan& plan, const std::vector<Value>& params,
                                          const std::atomic<bool>& cancelled) {
    auto cursor = w.query(plan.request.sql, params);
    if (!cursor) return Error{cursor.message()};
    M4Stream reader(plan.columns, 0, 1, 1);
    std::array<double, 3> out{0, 0, 0};
    bool any = false;
    auto s = forEachRow(**cursor, cancelled, [&](const Row& row) {
        out[0] += 1;
        const auto x = reader.xOf(row);
        if (!x) return;
        bool hasY = false;
        for (int y : plan.columns.y) hasY = hasY || reader.yOf(row, y).has_value();
        if (!hasY) return;
        out[1] = any ? std::min(out[1], *x) : *x;
        out[2] = any ? std::max(out[2], *x) : *x;
        any = true;
    });
    if (!s) return Error{s.message()};
    if (!any) return Error{"no row has an x and a y"};
    return out;
}

}  // namespace

Result<QueryResult> fetchM4(Warehouse& w, const M4Plan& plan, const std::vector<Value>& params, double lo,
                            double hi, const std::atomic<bool>& cancelled) {
    if (plan.stream) return streamM4(w, plan, params, lo, hi, cancelled);
    auto sql = m4Sql(plan.request, lo, hi, w.dialect());
    if (!sql) return Error{sql.message()};
    return fetchAll(w, *sql, params, cancelled);
}

Result<ChartFetch> fetchForChart(Warehouse& w, const std::string& sql, const std::vector<Value>& params,
                                 const dashboard::VisualizationSettings& s, int width, std::size_t threshold,
                                 std::size_t cap, const std::atomic<bool>& cancelled) {
    ChartFetch out;
    {
        auto cursor = w.query(sql, params);
        if (!cursor) return Error{cursor.message()};
        out.result.columns = (*cursor)->columns();
        out.questionColumns = out.result.columns;
        auto ended = fetchUpTo(**cursor, out.result.rows, threshold + 1, cancelled);
        if (!ended) return Error{ended.message()};
        if (*ended) return out;  // small enough: every row
        ChartData sample{out.result.columns, {}};
        sample.rows.assign(out.result.rows.begin(), out.result.rows.begin() + std::ptrdiff_t(std::min<std::size_t>(out.result.rows.size(), 200)));
        refineTemporalColumns(sample);
        out.questionColumns = sample.columns;
        auto m4 = m4PlanFor(sample, s, sql, w.dialect(), width, &out.settings);
        if (!m4) {
            out.notReduced = m4.message();
            auto more = fetchUpTo(**cursor, out.result.rows, cap + 1, cancelled);
            if (!more) return Error{more.message()};
            if (!*more) {
                out.result.rows.resize(cap);
                out.result.truncated = true;
            }
            return out;
        }
        out.m4 = *m4;
    }  // the first cursor is closed before the next statement runs on this connection
    std::optional<double> lo, hi;
    if (out.m4->stream && !m4Rewritable(sql, w.dialect()).isOk()) {
        auto range = streamRange(w, *out.m4, params, cancelled);
        if (!range && range.message() == "cancelled") return Error{range.message()};
        if (range) {
            out.sourceRows = std::int64_t((*range)[0]);
            lo = (*range)[1];
            hi = (*range)[2];
        }
    } else {
        auto rangeSql = m4RangeSql(out.m4->request, w.dialect());
        if (!rangeSql) return Error{rangeSql.message()};
        auto range = fetchAll(w, *rangeSql, params, cancelled);
        if (!range) return Error{range.message()};
        if (range->rows.size() != 1 || range->rows[0].size() != 3) return Error{"the M4 range query returned no row"};
        out.sourceRows = std::int64_t(cellNumber(range->rows[0][0]).value_or(0));
        lo = cellNumber(range->rows[0][1]);
        hi = cellNumber(range->rows[0][2]);
    }
    if (!lo || !hi) {  // no row has both an x and a y: nothing to draw
        out.result.rows.clear();
        out.reduced = true;
        return out;
    }
    out.xMin = *lo;
    out.xMax = *hi;
    auto rows = fetchM4(w, *out.m4, params, *lo, *hi, cancelled);
    if (!rows) return Error{rows.message()};
    out.result = std::move(*rows);
    out.reduced = true;
    return out;
}

}  // namespace deskbase::chart
