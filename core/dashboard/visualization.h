#pragma once
// Chart settings as saved in a question's "visualization" JSON object, and the number format
// they name. GUI-free. Shaping data for a chart (the automatic type, pivots, date periods,
// bins, reduction) lives in core/chart/.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.h"

namespace deskbase::dashboard {

enum class ChartType { Auto, Number, Table, Bar, Row, Line, Area, Combo, Pie, Scatter, Histogram };
std::string_view chartTypeName(ChartType t);  // "auto", "number", "table", "bar", "row", "line", ...
std::optional<ChartType> parseChartType(std::string_view s);

struct NumberFormat {
    int decimals = -1;      // -1: as many as needed (up to 2 for non-integers)
    bool thousands = true;  // thousands separators
    bool percent = false;   // value 0.25 shows as 25%
    std::string prefix;     // currency, e.g. "$"
    std::string suffix;
    bool compact = false;  // 1.2k, 3.4M
    bool operator==(const NumberFormat&) const = default;
};
std::string formatNumber(double v, const NumberFormat& f);

// How the rows that land on one point combine: one category, or one date period when
// `date_granularity` groups dates. Saved as "sum", "average", "min", "max", "count".
enum class Aggregation { Sum, Average, Min, Max, Count };
std::string aggregationName(Aggregation a);  // the saved name: "sum", "average", ...

struct VisualizationSettings {
    ChartType type = ChartType::Auto;
    std::string x;               // x / category / dimension column; empty: the first non-number column
    std::vector<std::string> y;  // measure columns; empty: every number column not used as x/series
    std::string series;          // a column whose values split the measure into series
    std::string size;            // bubble size column (scatter)
    std::string lineColumn;      // combo: which y column is drawn as a line (default: the last)
    std::string xTitle;
    std::string yTitle;
    bool logScale = false;  // y axis
    NumberFormat format;
    std::string dateGranularity;  // "", "day", "week", "month", "quarter", "year"
    Aggregation aggregation = Aggregation::Sum;
    std::vector<std::string> colors;  // "#rrggbb", used in order
    bool legend = true;
    bool dataLabels = false;
    bool stacked = false;        // bar/area
    bool donut = false;          // pie
    std::optional<double> goal;  // horizontal goal line
    std::string goalLabel;
    bool trendLine = false;    // least-squares line over the first series
    int bins = 0;              // histogram: 0 picks by Sturges' rule
    bool compare = true;       // number: change vs the previous row (previous period)
    std::string compareLabel;  // e.g. "vs previous month"
    int limit = 0;             // bar/row/pie: keep the top N categories (0: all)
    bool operator==(const VisualizationSettings&) const = default;
};

// Unknown keys are ignored; a missing object gives the defaults.
Result<VisualizationSettings> parseVisualization(const std::string& jsonText);
std::string serializeVisualization(const VisualizationSettings& v);  // compact JSON object, fixed key order
// `override` keys replace those in `base` (both JSON object texts).
std::string mergeVisualization(const std::string& base, const std::string& override);

}  // namespace deskbase::dashboard
