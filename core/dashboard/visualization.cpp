#include "core/dashboard/visualization.h"

#include <QDate>
#include <QString>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace deskbase::dashboard {

using Json = nlohmann::ordered_json;

namespace {
constexpr std::pair<ChartType, std::string_view> kTypeNames[] = {
    {ChartType::Auto, "auto"},
    {ChartType::Number, "number"},
    {ChartType::Table, "table"},
    {ChartType::Bar, "bar"},
    {ChartType::Row, "row"},
    {ChartType::Line, "line"},
    {ChartType::Area, "area"},
    {ChartType::Combo, "combo"},
    {ChartType::Pie, "pie"},
    {ChartType::Scatter, "scatter"},
    {ChartType::Histogram, "histogram"},
};

bool isNumber(ColumnType t) {
    return t == ColumnType::Integer || t == ColumnType::Real;
}
bool isTemporal(ColumnType t) {
    return t == ColumnType::Date || t == ColumnType::DateTime;
}
bool isCategory(ColumnType t) {
    return t == ColumnType::Text || t == ColumnType::Boolean;
}
}  // namespace

std::string_view chartTypeName(ChartType t) {
    for (const auto& [type, name] : kTypeNames)
        if (type == t) return name;
    return "auto";
}

std::optional<ChartType> parseChartType(std::string_view s) {
    for (const auto& [type, name] : kTypeNames)
        if (name == s) return type;
    if (s == "donut") return ChartType::Pie;
    if (s == "bubble") return ChartType::Scatter;
    return std::nullopt;
}

ChartType pickChartType(const std::vector<ColumnType>& c, std::size_t rowCount) {
    const auto count = [&](bool (*pred)(ColumnType)) { return std::count_if(c.begin(), c.end(), pred); };
    const auto numbers = count(isNumber), dates = count(isTemporal), cats = count(isCategory);
    if (c.empty() || rowCount == 0) return ChartType::Table;
    if (c.size() == 1 && numbers == 1 && rowCount == 1) return ChartType::Number;
    if (c.size() == 1 && numbers == 1) return ChartType::Histogram;
    if (c.size() == 2 && dates == 1 && numbers == 1) return ChartType::Line;
    if (c.size() == 2 && cats == 1 && numbers == 1) return ChartType::Bar;
    if (c.size() == 2 && numbers == 2) return ChartType::Scatter;
    if (c.size() == 3 && dates == 1 && cats == 1 && numbers == 1) return ChartType::Line;
    if (c.size() == 3 && cats == 2 && numbers == 1) return ChartType::Bar;
    if (c.size() == 3 && numbers == 3) return ChartType::Scatter;  // bubble
    if (c.size() >= 2 && dates == 1 && numbers == std::ptrdiff_t(c.size()) - 1) return ChartType::Line;
    if (c.size() >= 2 && cats == 1 && numbers == std::ptrdiff_t(c.size()) - 1) return ChartType::Bar;
    return ChartType::Table;
}

std::string formatNumber(double v, const NumberFormat& f) {
    if (std::isnan(v)) return "";
    if (std::isinf(v)) return v > 0 ? "∞" : "-∞";
    double shown = f.percent ? v * 100.0 : v;
    std::string unit;
    if (f.compact) {
        const double a = std::abs(shown);
        if (a >= 1e9) {
            shown /= 1e9;
            unit = "B";
        } else if (a >= 1e6) {
            shown /= 1e6;
            unit = "M";
        } else if (a >= 1e3) {
            shown /= 1e3;
            unit = "k";
        }
    }
    int decimals = f.decimals;
    if (decimals < 0) {
        if (!unit.empty())
            decimals = std::abs(shown) < 10 && std::abs(shown - std::round(shown)) >= 0.05 ? 1 : 0;
        else
            decimals = std::abs(shown - std::round(shown)) < 1e-9 ? 0 : (std::abs(shown) >= 100 ? 1 : 2);
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", std::clamp(decimals, 0, 12), std::abs(shown));
    std::string digits = buf;
    std::string intPart = digits.substr(0, digits.find('.'));
    std::string frac = digits.find('.') == std::string::npos ? "" : digits.substr(digits.find('.'));
    if (f.thousands && intPart.size() > 3) {
        std::string grouped;
        for (std::size_t i = 0; i < intPart.size(); ++i) {
            if (i != 0 && (intPart.size() - i) % 3 == 0) grouped += ',';
            grouped += intPart[i];
        }
        intPart = grouped;
    }
    const bool negative = shown < 0 && (intPart.find_first_not_of("0,") != std::string::npos ||
                                        frac.find_first_not_of(".0") != std::string::npos);
    return (negative ? "-" : "") + f.prefix + intPart + frac + unit + (f.percent ? "%" : "") + f.suffix;
}

namespace {
template <class T>
void read(const Json& j, const char* key, T& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    try {
        out = it->get<T>();
    } catch (const Json::exception&) {
    }
}
}  // namespace

Result<VisualizationSettings> parseVisualization(const std::string& jsonText) {
    VisualizationSettings v;
    if (jsonText.empty()) return v;
    Json j;
    try {
        j = Json::parse(jsonText);
    } catch (const Json::exception& e) {
        return Error{std::string("invalid visualization JSON: ") + e.what()};
    }
    if (j.is_null()) return v;
    if (!j.is_object()) return Error{"visualization settings must be a JSON object"};
    // {"type": ..., "options": {...}} and the flat form are both accepted.
    if (auto opts = j.find("options"); opts != j.end() && opts->is_object()) {
        Json flat = *opts;
        for (auto it = j.begin(); it != j.end(); ++it)
            if (it.key() != "options") flat[it.key()] = it.value();
        j = std::move(flat);
    }
    std::string type = "auto";
    read(j, "type", type);
    auto t = parseChartType(type);
    if (!t) return Error{"unknown chart type \"" + type + "\""};
    v.type = *t;
    if (type == "donut") v.donut = true;
    read(j, "x", v.x);
    if (auto it = j.find("y"); it != j.end()) {
        if (it->is_string())
            v.y = {it->get<std::string>()};
        else
            read(j, "y", v.y);
    }
    read(j, "series", v.series);
    read(j, "size", v.size);
    read(j, "line_column", v.lineColumn);
    read(j, "x_title", v.xTitle);
    read(j, "y_title", v.yTitle);
    std::string scale;
    read(j, "y_scale", scale);
    v.logScale = scale == "log";
    if (auto it = j.find("format"); it != j.end() && it->is_object()) {
        read(*it, "decimals", v.format.decimals);
        read(*it, "thousands", v.format.thousands);
        read(*it, "percent", v.format.percent);
        read(*it, "prefix", v.format.prefix);
        read(*it, "suffix", v.format.suffix);
        read(*it, "compact", v.format.compact);
    }
    read(j, "date_granularity", v.dateGranularity);
    read(j, "colors", v.colors);
    read(j, "legend", v.legend);
    read(j, "data_labels", v.dataLabels);
    read(j, "stacked", v.stacked);
    read(j, "donut", v.donut);
    if (auto it = j.find("goal"); it != j.end() && it->is_number()) v.goal = it->get<double>();
    read(j, "goal_label", v.goalLabel);
    read(j, "trend_line", v.trendLine);
    read(j, "bins", v.bins);
    read(j, "compare", v.compare);
    read(j, "compare_label", v.compareLabel);
    read(j, "limit", v.limit);
    return v;
}

std::string serializeVisualization(const VisualizationSettings& v) {
    const VisualizationSettings d;
    Json j = Json::object();
    j["type"] = std::string(chartTypeName(v.type));
    if (!v.x.empty()) j["x"] = v.x;
    if (!v.y.empty()) j["y"] = v.y;
    if (!v.series.empty()) j["series"] = v.series;
    if (!v.size.empty()) j["size"] = v.size;
    if (!v.lineColumn.empty()) j["line_column"] = v.lineColumn;
    if (!v.xTitle.empty()) j["x_title"] = v.xTitle;
    if (!v.yTitle.empty()) j["y_title"] = v.yTitle;
    if (v.logScale) j["y_scale"] = "log";
    if (!(v.format == d.format)) {
        Json f = Json::object();
        f["decimals"] = v.format.decimals;
        f["thousands"] = v.format.thousands;
        f["percent"] = v.format.percent;
        f["prefix"] = v.format.prefix;
        f["suffix"] = v.format.suffix;
        f["compact"] = v.format.compact;
        j["format"] = std::move(f);
    }
    if (!v.dateGranularity.empty()) j["date_granularity"] = v.dateGranularity;
    if (!v.colors.empty()) j["colors"] = v.colors;
    if (v.legend != d.legend) j["legend"] = v.legend;
    if (v.dataLabels) j["data_labels"] = true;
    if (v.stacked) j["stacked"] = true;
    if (v.donut) j["donut"] = true;
    if (v.goal) j["goal"] = *v.goal;
    if (!v.goalLabel.empty()) j["goal_label"] = v.goalLabel;
    if (v.trendLine) j["trend_line"] = true;
    if (v.bins) j["bins"] = v.bins;
    if (v.compare != d.compare) j["compare"] = v.compare;
    if (!v.compareLabel.empty()) j["compare_label"] = v.compareLabel;
    if (v.limit) j["limit"] = v.limit;
    return j.dump();
}

std::string mergeVisualization(const std::string& base, const std::string& override) {
    Json b, o;
    try {
        b = base.empty() ? Json::object() : Json::parse(base);
    } catch (const Json::exception&) {
        b = Json::object();
    }
    try {
        o = override.empty() ? Json::object() : Json::parse(override);
    } catch (const Json::exception&) {
        o = Json::object();
    }
    if (!b.is_object()) b = Json::object();
    if (o.is_object())
        for (auto it = o.begin(); it != o.end(); ++it) b[it.key()] = it.value();
    return b.dump();
}

std::string truncateDate(const std::string& iso, std::string_view g) {
    if (g.empty() || iso.size() < 10) return iso;
    QDate d = QDate::fromString(QString::fromStdString(iso.substr(0, 10)), Qt::ISODate);
    if (!d.isValid()) return iso;
    if (g == "day") {
    } else if (g == "week")
        d = d.addDays(1 - d.dayOfWeek());
    else if (g == "month")
        d = QDate(d.year(), d.month(), 1);
    else if (g == "quarter")
        d = QDate(d.year(), ((d.month() - 1) / 3) * 3 + 1, 1);
    else if (g == "year")
        d = QDate(d.year(), 1, 1);
    else
        return iso;
    return d.toString(Qt::ISODate).toStdString();
}

std::optional<LinearFit> leastSquares(const std::vector<double>& x, const std::vector<double>& y) {
    const std::size_t n = std::min(x.size(), y.size());
    if (n < 2) return std::nullopt;
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < n; ++i) {
        mx += x[i];
        my += y[i];
    }
    mx /= double(n);
    my /= double(n);
    double sxx = 0, sxy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sxx += (x[i] - mx) * (x[i] - mx);
        sxy += (x[i] - mx) * (y[i] - my);
    }
    if (sxx <= 0) return std::nullopt;
    LinearFit fit;
    fit.slope = sxy / sxx;
    fit.intercept = my - fit.slope * mx;
    return fit;
}

}  // namespace deskbase::dashboard
