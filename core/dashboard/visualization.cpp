#include "core/dashboard/visualization.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include "core/util/enum_names.h"

namespace deskbase::dashboard {

using Json = nlohmann::ordered_json;

DESKBASE_ENUM_NAMES(kAggregationNames, Aggregation,
                    {{Aggregation::Sum, "sum"},
                     {Aggregation::Average, "average"},
                     {Aggregation::Min, "min"},
                     {Aggregation::Max, "max"},
                     {Aggregation::Count, "count"}})
DESKBASE_ENUM_NAMES(kTypeNames, ChartType,
                    {{ChartType::Auto, "auto"},
                     {ChartType::Number, "number"},
                     {ChartType::Table, "table"},
                     {ChartType::Bar, "bar"},
                     {ChartType::Row, "row"},
                     {ChartType::Line, "line"},
                     {ChartType::Area, "area"},
                     {ChartType::Combo, "combo"},
                     {ChartType::Pie, "pie"},
                     {ChartType::Scatter, "scatter"},
                     {ChartType::Histogram, "histogram"}})

std::string_view chartTypeName(ChartType t) { return enumName(kTypeNames, t); }

std::optional<ChartType> parseChartType(std::string_view s) {
    if (auto t = enumFromName(kTypeNames, s)) return t;
    constexpr std::pair<ChartType, std::string_view> kAliases[] = {{ChartType::Pie, "donut"},
                                                                   {ChartType::Scatter, "bubble"}};
    return enumFromName(kAliases, s);
}

std::string aggregationName(Aggregation a) { return std::string(enumName(kAggregationNames, a)); }

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
    // Sized to the number: 1e60 has 61 integer digits, and none of them may be cut off.
    decimals = std::clamp(decimals, 0, 20);
    std::string digits(std::size_t(std::snprintf(nullptr, 0, "%.*f", decimals, std::abs(shown))), '\0');
    std::snprintf(digits.data(), digits.size() + 1, "%.*f", decimals, std::abs(shown));
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
    if (auto it = j.find("aggregation"); it != j.end() && !it->is_null()) {
        const auto a = it->is_string() ? enumFromName(kAggregationNames, it->get<std::string>()) : std::nullopt;
        if (!a) return Error{"unknown aggregation " + it->dump() + " (sum, average, min, max, count)"};
        v.aggregation = *a;
    }
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
    if (v.aggregation != d.aggregation) j["aggregation"] = v.aggregation;
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

}  // namespace deskbase::dashboard
