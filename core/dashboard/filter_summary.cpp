#include "core/dashboard/filter_summary.h"

namespace deskbase::dashboard {

namespace {

std::string valueText(const Filter& f, const std::vector<std::string>& v) {
    if (f.type == FilterType::DateRange) {
        const std::string from = v.size() > 0 ? v[0] : "", to = v.size() > 1 ? v[1] : "";
        if (from.empty() && to.empty()) return "all";
        return (from.empty() ? "…" : from) + " – " + (to.empty() ? "…" : to);
    }
    std::string out;
    for (const std::string& s : v) {
        if (s.empty()) continue;
        out += (out.empty() ? "" : ", ") + s;
    }
    return out.empty() ? "all" : out;
}

}  // namespace

std::string filterSummary(const Dashboard& d, const FilterValues& values) {
    std::string out;
    for (const Filter& f : d.filters) {
        const auto it = values.find(f.id);
        const std::string text = valueText(f, it == values.end() ? std::vector<std::string>{} : it->second);
        out += (out.empty() ? "" : " · ") + (f.label.empty() ? f.id : f.label) + ": " + text;
    }
    return out;
}

}  // namespace deskbase::dashboard
