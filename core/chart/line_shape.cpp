#include "core/chart/line_shape.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "core/chart/aggregation.h"
#include "core/chart/labels.h"

namespace deskbase::chart {

using dashboard::ChartType;

namespace {

// x ascending (stable: rows with the same x keep their order); with grouped dates the points
// of one period combine into one by the aggregation.
void sortAndCombine(XYData& xy, bool combine, dashboard::Aggregation aggregation) {
    std::vector<std::size_t> order(xy.x.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    if (!std::is_sorted(xy.x.begin(), xy.x.end()))
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return xy.x[a] < xy.x[b]; });
    XYData out;
    out.x.reserve(order.size());
    out.y.reserve(order.size());
    Accumulator acc;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::size_t i = order[k];
        if (!combine) {
            out.x.push_back(xy.x[i]);
            out.y.push_back(xy.y[i]);
            continue;
        }
        acc.add(xy.y[i]);
        if (k + 1 == order.size() || xy.x[order[k + 1]] != xy.x[i]) {
            out.x.push_back(xy.x[i]);
            out.y.push_back(acc.result(aggregation));
            acc = Accumulator();
        }
    }
    xy = std::move(out);
}

// Every layer on the union of all x (0 where a layer has no point), tops cumulative.
void stack(std::vector<LineSeries>& layers) {
    std::vector<double> xs;
    for (const auto& l : layers) xs.insert(xs.end(), l.xy->x.begin(), l.xy->x.end());
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    std::vector<double> running(xs.size(), 0.0);
    for (auto& l : layers) {
        std::vector<double> own(xs.size(), 0.0);
        for (std::size_t i = 0; i < l.xy->x.size(); ++i) {
            const auto at = std::size_t(std::lower_bound(xs.begin(), xs.end(), l.xy->x[i]) - xs.begin());
            own[at] += l.xy->y[i];
        }
        for (std::size_t i = 0; i < xs.size(); ++i) running[i] += own[i];
        l.own = std::move(own);
        l.xy->x = xs;
        l.xy->y = running;
    }
}

}  // namespace

LineShape shapeLines(const ChartData& d, const ColumnRoles& r, const dashboard::VisualizationSettings& s,
                     ChartType type, const std::string& today) {
    LineShape out;
    const ColumnType xType = r.x >= 0 ? d.columns[std::size_t(r.x)].type : ColumnType::Integer;
    out.xKind = isTemporalType(xType) ? LineX::Date : isNumberType(xType) ? LineX::Number : LineX::Category;
    const bool grouped = out.xKind == LineX::Date && !s.dateGranularity.empty();
    std::map<std::string, double> categoryIndex;
    std::map<std::string, std::size_t> seriesIndex;
    std::vector<double> rawDates;
    auto seriesFor = [&](const std::string& name) -> LineSeries& {
        auto [it, inserted] = seriesIndex.emplace(name, out.series.size());
        if (inserted) out.series.push_back(LineSeries{name, std::make_shared<XYData>(), {}});
        return out.series[it->second];
    };
    if (r.series < 0)
        for (int y : r.y) seriesFor(columnTitle(d, y));
    for (std::size_t row = 0; row < d.rows.size(); ++row) {
        const auto& cells = d.rows[row];
        double x = double(row);
        if (r.x >= 0) {
            const Value& xv = cells[std::size_t(r.x)];
            std::optional<double> at;
            if (out.xKind == LineX::Date) {
                at = cellEpochMs(xv);
                if (at && grouped) {
                    rawDates.push_back(*at);
                    at = cellEpochMs(Value{truncateDate(valueToText(xv), s.dateGranularity)});
                }
            } else if (out.xKind == LineX::Category) {
                const std::string label = categoryLabel(xv, xType, s.dateGranularity);
                auto [it, inserted] = categoryIndex.emplace(label, double(out.categories.size()));
                if (inserted) out.categories.push_back(label);
                at = it->second;
            } else {
                at = cellNumber(xv);
            }
            if (!at) continue;
            x = *at;
        }
        auto addPoint = [&](LineSeries& l, int column) {
            if (auto y = cellNumber(cells[std::size_t(column)])) {
                l.xy->x.push_back(x);
                l.xy->y.push_back(*y);
            }
        };
        if (r.series >= 0) {
            if (!r.y.empty()) addPoint(seriesFor(valueToText(cells[std::size_t(r.series)])), r.y.front());
        } else {
            for (std::size_t k = 0; k < r.y.size(); ++k) addPoint(out.series[k], r.y[k]);
        }
    }
    for (auto& l : out.series) sortAndCombine(*l.xy, grouped, s.aggregation);
    out.series.erase(std::remove_if(out.series.begin(), out.series.end(),
                                    [](const LineSeries& l) { return l.xy->x.empty(); }),
                     out.series.end());
    out.stacked = s.stacked && type == ChartType::Area && out.series.size() > 1;
    if (out.stacked) stack(out.series);
    bool first = true;
    for (const auto& l : out.series) {
        out.xMin = first ? l.xy->x.front() : std::min(out.xMin, l.xy->x.front());
        out.xMax = first ? l.xy->x.back() : std::max(out.xMax, l.xy->x.back());
        const auto [lo, hi] = std::minmax_element(l.xy->y.begin(), l.xy->y.end());
        out.yMin = first ? *lo : std::min(out.yMin, *lo);
        out.yMax = first ? *hi : std::max(out.yMax, *hi);
        first = false;
    }
    if (grouped) {
        out.lastPeriod = lastPeriodCoverage(rawDates, s.dateGranularity, today);
        if (out.lastPeriod.partial) out.partialX = cellEpochMs(Value{out.lastPeriod.period});
    }
    if (s.trendLine && !out.series.empty()) {
        const LineSeries& l = out.series.front();
        out.trend = leastSquares(l.xy->x, l.xy->y);  // a first stacked layer's top is its own value
    }
    return out;
}

}  // namespace deskbase::chart
