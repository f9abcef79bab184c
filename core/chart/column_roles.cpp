#include "core/chart/column_roles.h"

#include <algorithm>

namespace deskbase::chart {

using dashboard::ChartType;

namespace {

bool isOneOf(ChartType t, std::initializer_list<ChartType> types) {
    return std::find(types.begin(), types.end(), t) != types.end();
}

int firstColumn(const ChartData& d, bool (*pred)(ColumnType), std::initializer_list<int> except) {
    for (std::size_t i = 0; i < d.columns.size(); ++i)
        if (pred(d.columns[i].type) && std::find(except.begin(), except.end(), int(i)) == except.end())
            return int(i);
    return -1;
}

bool notNumber(ColumnType t) {
    return !isNumberType(t);
}

}  // namespace

ColumnRoles resolveRoles(const ChartData& d, const dashboard::VisualizationSettings& s, ChartType type) {
    ColumnRoles r;
    r.x = s.x.empty() ? -1 : d.columnIndex(s.x);
    r.series = s.series.empty() ? -1 : d.columnIndex(s.series);
    r.size = s.size.empty() ? -1 : d.columnIndex(s.size);
    const bool dimensional =
        isOneOf(type, {ChartType::Line, ChartType::Area, ChartType::Bar, ChartType::Row});
    if (r.x < 0 && (dimensional || type == ChartType::Combo))
        r.x = firstColumn(d, isTemporalType, {r.series});
    if (r.x < 0) r.x = firstColumn(d, notNumber, {r.series});
    if (r.x < 0 &&
        isOneOf(type, {ChartType::Scatter, ChartType::Line, ChartType::Area, ChartType::Histogram,
                       ChartType::Bar, ChartType::Row}) &&
        d.columns.size() >= (type == ChartType::Histogram ? 1u : 2u))
        r.x = 0;
    for (const auto& name : s.y) {
        const int i = d.columnIndex(name);
        if (i >= 0) r.y.push_back(i);
    }
    if (r.y.empty())
        for (std::size_t i = 0; i < d.columns.size(); ++i)
            if (isNumberType(d.columns[i].type) && int(i) != r.x && int(i) != r.series && int(i) != r.size)
                r.y.push_back(int(i));
    // Three numbers on a scatter with neither `y` nor `size` named: a bubble chart, the third
    // number sizing the bubbles (docs/dashboards.md, the automatic chart).
    if (type == ChartType::Scatter && r.size < 0 && s.y.empty() && r.y.size() == 2 && d.columns.size() == 3) {
        r.size = r.y[1];
        r.y.resize(1);
    }
    if (r.series < 0 && dimensional && r.y.size() == 1) r.series = firstColumn(d, notNumber, {r.x, r.size});
    if (r.series >= 0 && r.y.size() > 1) r.y.resize(1);
    return r;
}

std::string columnTitle(const ChartData& d, int i) {
    if (i < 0 || std::size_t(i) >= d.columns.size()) return {};
    const auto& c = d.columns[std::size_t(i)];
    return c.displayName.empty() ? c.name : c.displayName;
}

}  // namespace deskbase::chart
