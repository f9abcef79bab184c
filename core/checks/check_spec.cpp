#include "core/checks/check_spec.h"

#include <array>

namespace deskbase {

namespace {

constexpr std::array<std::pair<CheckKind, std::string_view>, 10> kKinds = {{
    {CheckKind::NotNull, "not_null"},
    {CheckKind::Unique, "unique"},
    {CheckKind::AcceptedValues, "accepted_values"},
    {CheckKind::Relationships, "relationships"},
    {CheckKind::Between, "between"},
    {CheckKind::Matches, "matches"},
    {CheckKind::RowCount, "row_count"},
    {CheckKind::Freshness, "freshness"},
    {CheckKind::Columns, "columns"},
    {CheckKind::Sql, "sql"},
}};

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

}  // namespace

std::string_view checkKindName(CheckKind k) {
    for (const auto& [kind, name] : kKinds)
        if (kind == k) return name;
    return "not_null";
}

std::optional<CheckKind> parseCheckKind(std::string_view s) {
    for (const auto& [kind, name] : kKinds)
        if (name == s) return kind;
    return std::nullopt;
}

const std::vector<CheckKind>& allCheckKinds() {
    static const std::vector<CheckKind> kinds = [] {
        std::vector<CheckKind> v;
        for (const auto& entry : kKinds) v.push_back(entry.first);
        return v;
    }();
    return kinds;
}

bool isRowCheck(CheckKind k) {
    return k != CheckKind::RowCount && k != CheckKind::Freshness && k != CheckKind::Columns;
}

std::string_view severityName(Severity s) {
    return s == Severity::Warn ? "warn" : "error";
}

std::string_view onFailureName(OnFailure f) {
    return f == OnFailure::Refuse ? "refuse" : "warn";
}

std::vector<std::string> CheckSpec::columnsRead() const {
    std::vector<std::string> out;
    switch (kind) {
        case CheckKind::Unique:
            return columns;
        case CheckKind::NotNull:
        case CheckKind::AcceptedValues:
        case CheckKind::Relationships:
        case CheckKind::Between:
        case CheckKind::Matches:
        case CheckKind::Freshness:
            if (!column.empty()) out.push_back(column);
            return out;
        case CheckKind::RowCount:
        case CheckKind::Columns:
        case CheckKind::Sql:
            return out;
    }
    return out;
}

std::string defaultCheckName(const CheckSpec& c) {
    const std::string kind(checkKindName(c.kind));
    switch (c.kind) {
        case CheckKind::Unique:
            return kind + "(" + joined(c.columns) + ")";
        case CheckKind::Freshness:
            return kind + "(" + (c.column.empty() ? std::string("last import") : c.column) + ")";
        case CheckKind::RowCount:
        case CheckKind::Columns:
        case CheckKind::Sql:
            return kind;
        case CheckKind::Relationships:
            return kind + "(" + c.column + " -> " + c.to + "." + c.field + ")";
        default:
            return kind + "(" + c.column + ")";
    }
}

}  // namespace deskbase
