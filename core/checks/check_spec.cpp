#include "core/checks/check_spec.h"

#include "core/util/enum_names.h"

namespace deskbase {

DESKBASE_ENUM_NAMES(kKinds, CheckKind,
                    {{CheckKind::NotNull, "not_null"},
                     {CheckKind::Unique, "unique"},
                     {CheckKind::AcceptedValues, "accepted_values"},
                     {CheckKind::Relationships, "relationships"},
                     {CheckKind::Between, "between"},
                     {CheckKind::Matches, "matches"},
                     {CheckKind::RowCount, "row_count"},
                     {CheckKind::Freshness, "freshness"},
                     {CheckKind::Columns, "columns"},
                     {CheckKind::Sql, "sql"}})
DESKBASE_ENUM_NAMES(kSeverities, Severity, {{Severity::Warn, "warn"}, {Severity::Error, "error"}})
DESKBASE_ENUM_NAMES(kOnFailures, OnFailure, {{OnFailure::Warn, "warn"}, {OnFailure::Refuse, "refuse"}})

namespace {

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

}  // namespace

std::string_view checkKindName(CheckKind k) { return enumName(kKinds, k); }

std::optional<CheckKind> parseCheckKind(std::string_view s) { return enumFromName(kKinds, s); }

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

std::string_view severityName(Severity s) { return enumName(kSeverities, s); }

std::string_view onFailureName(OnFailure f) { return enumName(kOnFailures, f); }

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
