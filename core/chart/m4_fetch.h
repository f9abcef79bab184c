#pragma once
// Fetching a question's rows for its chart on one warehouse connection (the executor's work
// function, core/exec/query_executor.h): a result up to `threshold` rows comes back whole; a
// bigger one drawn as a line or area over a number or date x is reduced in the warehouse (M4,
// core/chart/m4_query.h) to at most 4 rows per pixel column and series; anything else keeps the
// first `cap` rows and says why it was not reduced.
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/chart/chart_data.h"
#include "core/chart/m4_query.h"
#include "core/chart/m4_stream.h"
#include "core/dashboard/visualization.h"
#include "core/exec/query_result.h"
#include "core/warehouse/warehouse.h"

namespace deskbase::chart {

// How a chart is reduced: the M4 query in the warehouse, or the rows streamed through M4Stream
// on the worker (SQLite, where one pass over the cursor beats the query's sort, and any question
// the rewrite cannot wrap: WITH, VALUES).
struct M4Plan {
    M4Request request;     // sql, columns by name, width
    bool stream = false;
    M4Columns columns;     // stream: the columns by index
};

struct ChartFetch {
    QueryResult result;           // the rows to draw (M4 rows when reduced)
    std::vector<Column> questionColumns;  // the question's own columns (the settings form's)
    bool reduced = false;         // M4 ran
    std::int64_t sourceRows = 0;  // reduced: rows of the question
    std::optional<M4Plan> m4;     // reduced: how (to re-run for a zoomed range)
    double xMin = 0, xMax = 0;    // reduced: the whole x range (chart units)
    dashboard::VisualizationSettings settings;  // reduced: type, x, y, series resolved by name
    std::string notReduced;       // more than `threshold` rows and not reduced: why
};

// The M4 plan for a chart of `sample` (the question's first rows) with `s`, or the one-line
// reason there is none: a line or area (Auto resolved as the chart view does) over a number or
// date x, no date grouping, not stacked. A plain SELECT on PostgreSQL runs the M4 query; anything
// else streams.
Result<M4Plan> m4PlanFor(const ChartData& sample, const dashboard::VisualizationSettings& s,
                               const std::string& sql, const Dialect& dialect, int width,
                               dashboard::VisualizationSettings* resolved = nullptr);

Result<ChartFetch> fetchForChart(Warehouse& connection, const std::string& sql, const std::vector<Value>& params,
                                 const dashboard::VisualizationSettings& s, int width, std::size_t threshold,
                                 std::size_t cap, const std::atomic<bool>& cancelled);

// The M4 rows for [lo, hi] (a zoom).
Result<QueryResult> fetchM4(Warehouse& connection, const M4Plan& plan, const std::vector<Value>& params,
                            double lo, double hi, const std::atomic<bool>& cancelled);

}  // namespace deskbase::chart
