#include "core/chart/category_grid.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "core/chart/aggregation.h"
#include "core/chart/labels.h"

namespace deskbase::chart {

namespace {

// The category key of an x cell: its period's first day when dates are grouped, else its text.
Value categoryOf(const Value& x, bool temporal, const std::string& granularity) {
    if (!temporal || granularity.empty() || isNull(x)) return x;
    return Value{truncateDate(valueToText(x), granularity)};
}

// Reorders categories (and every set's cells) by `order`.
void reorder(CategoryGrid& g, const std::vector<std::size_t>& order,
             std::vector<std::vector<Accumulator>>& acc) {
    auto permute = [&](auto& v) {
        std::remove_reference_t<decltype(v)> out;
        out.reserve(order.size());
        for (std::size_t i : order) out.push_back(std::move(v[i]));
        v = std::move(out);
    };
    permute(g.categories);
    permute(g.labels);
    for (auto& set : acc) permute(set);
}

}  // namespace

CategoryGrid pivot(const ChartData& d, const ColumnRoles& r, const dashboard::VisualizationSettings& s,
                   const std::string& today) {
    CategoryGrid g;
    const ColumnType xType = r.x >= 0 ? d.columns[std::size_t(r.x)].type : ColumnType::Text;
    g.temporal = isTemporalType(xType);
    std::map<std::string, std::size_t> catIndex, setIndex;
    std::vector<std::vector<Accumulator>> acc;  // [set][category]
    std::vector<double> rawDates;
    auto setOf = [&](const std::string& name) {
        auto [it, inserted] = setIndex.emplace(name, g.setNames.size());
        if (inserted) {
            g.setNames.push_back(name);
            acc.emplace_back(g.categories.size());
        }
        return it->second;
    };
    if (r.series < 0)
        for (int y : r.y) setOf(columnTitle(d, y));
    for (const auto& row : d.rows) {
        const Value xv = r.x >= 0 ? row[std::size_t(r.x)] : Value{};
        if (g.temporal && !s.dateGranularity.empty())
            if (auto ms = cellEpochMs(xv)) rawDates.push_back(*ms);
        const Value key = categoryOf(xv, g.temporal, s.dateGranularity);
        const std::string keyText = isNull(key) ? std::string("\x01null") : valueToText(key);
        auto [it, inserted] = catIndex.emplace(keyText, g.categories.size());
        if (inserted) {
            g.categories.push_back(key);
            g.labels.push_back(categoryLabel(key, xType, s.dateGranularity));
            for (auto& set : acc) set.emplace_back();
        }
        const std::size_t ci = it->second;
        auto addCell = [&](std::size_t set, int column) {
            if (column < 0) return;
            if (auto v = cellNumber(row[std::size_t(column)])) acc[set][ci].add(*v);
        };
        if (r.series >= 0) {
            const std::size_t si = setOf(valueToText(row[std::size_t(r.series)]));
            acc[si].resize(g.categories.size());
            addCell(si, r.y.empty() ? -1 : r.y.front());
        } else {
            for (std::size_t k = 0; k < r.y.size(); ++k) addCell(k, r.y[k]);
        }
    }
    for (auto& set : acc) set.resize(g.categories.size());
    if (g.temporal) {  // dates in time order, empty dates last
        std::vector<std::size_t> order(g.categories.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            const auto ma = cellEpochMs(g.categories[a]), mb = cellEpochMs(g.categories[b]);
            if (ma && mb) return *ma < *mb;
            return ma.has_value() && !mb.has_value();
        });
        reorder(g, order, acc);
        g.lastPeriod = lastPeriodCoverage(rawDates, s.dateGranularity, today);
    }
    if (s.limit > 0 && int(g.categories.size()) > s.limit) {
        g.categories.resize(std::size_t(s.limit));
        g.labels.resize(std::size_t(s.limit));
        for (auto& set : acc) set.resize(std::size_t(s.limit));
    }
    if (g.lastPeriod.partial)
        for (std::size_t i = 0; i < g.categories.size(); ++i)
            if (!isNull(g.categories[i]) && valueToText(g.categories[i]) == g.lastPeriod.period)
                g.partialCategory = int(i);
    for (const auto& set : acc) {
        g.values.emplace_back();
        g.counts.emplace_back();
        for (const Accumulator& a : set) {
            g.values.back().push_back(a.result(s.aggregation));
            g.counts.back().push_back(a.count());
        }
    }
    return g;
}

}  // namespace deskbase::chart
