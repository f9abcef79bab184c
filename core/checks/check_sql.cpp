#include "core/checks/check_sql.h"

namespace deskbase {

namespace {

// The rows where `predicate` holds. An aggregate FILTER (SQLite >= 3.30, PostgreSQL >= 9.4) is
// about a third cheaper per row than SUM(CASE WHEN ...) on SQLite, and counts 0 (not NULL) on an
// empty table.
std::string caseCount(const std::string& predicate) {
    return "COUNT(*) FILTER (WHERE " + predicate + ")";
}

}  // namespace

std::string CheckSql::literal(const Value& v) const {
    if (isNull(v)) return "NULL";
    if (auto* b = std::get_if<bool>(&v)) return *b ? "TRUE" : "FALSE";
    if (auto* s = std::get_if<std::string>(&v)) {
        std::string out = "'";
        for (char c : *s) {
            if (c == '\'') out += '\'';
            out += c;
        }
        return out + "'";
    }
    return valueToText(v);  // integers; reals in shortest round-trip form (always a valid SQL number)
}

std::string CheckSql::keyList(const std::vector<std::string>& columns) const {
    std::string s;
    for (const auto& c : columns) s += (s.empty() ? "" : ", ") + quote(c);
    return s;
}

std::string CheckSql::nonNullKey(const std::vector<std::string>& columns) const {
    std::string s;
    for (const auto& c : columns) s += (s.empty() ? "" : " AND ") + quote(c) + " IS NOT NULL";
    return s;
}

std::string CheckSql::failingPredicate(const CheckSpec& c) const {
    const std::string col = quote(c.column);
    switch (c.kind) {
        case CheckKind::NotNull:
            return col + " IS NULL";
        case CheckKind::AcceptedValues: {
            std::string list;
            for (const auto& v : c.values) list += (list.empty() ? "" : ", ") + literal(v);
            return col + " IS NOT NULL AND " + col + " NOT IN (" + list + ")";
        }
        case CheckKind::Relationships: {
            // Qualified by the checked table, so a check of a table against itself reads right.
            const std::string child = table() + "." + col;
            const std::string parent = quote(c.to), field = quote(c.field);
            if (postgres())  // an anti-join; NOT IN over a subquery can fall back to a nested loop
                return child + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + parent +
                       " deskbase_p WHERE deskbase_p." + field + " = " + child + ")";
            // SQLite builds the subquery's values into one ephemeral index, once.
            return child + " IS NOT NULL AND " + child + " NOT IN (SELECT " + field + " FROM " + parent +
                   " WHERE " + field + " IS NOT NULL)";
        }
        case CheckKind::Between: {
            std::string p;
            if (c.min) p += col + (c.minInclusive ? " < " : " <= ") + literal(*c.min);
            if (c.max)
                p += (p.empty() ? "" : " OR ") + col + (c.maxInclusive ? " > " : " >= ") + literal(*c.max);
            return c.min && c.max ? "(" + p + ")" : p;  // a NULL value compares to NULL: never failing
        }
        case CheckKind::Matches: {
            const std::string re = literal(Value{c.regex});
            if (postgres()) return col + " IS NOT NULL AND NOT (CAST(" + col + " AS TEXT) ~ " + re + ")";
            return col + " IS NOT NULL AND NOT (" + col + " REGEXP " + re + ")";
        }
        default:
            return "FALSE";
    }
}

std::vector<std::string> CheckSql::aggregateParts(const CheckSpec& c) const {
    const std::string col = c.column.empty() ? std::string() : quote(c.column);
    switch (c.kind) {
        case CheckKind::NotNull:  // COUNT(col) skips NULLs without evaluating a predicate per row
            return {"COUNT(*) - COUNT(" + col + ")"};
        case CheckKind::Unique: {
            if (c.columns.size() == 1) {
                const std::string k = quote(c.columns[0]);
                return {"COUNT(" + k + ")", "COUNT(" + k + ") - COUNT(DISTINCT " + k + ")"};
            }
            const std::string nonNull = nonNullKey(c.columns);
            std::string key;
            if (postgres()) {
                key = "ROW(" + keyList(c.columns) + ")";
            } else {  // quote() renders each value as an unambiguous literal: joined, they are one key
                for (const auto& k : c.columns)
                    key += (key.empty() ? "" : " || ',' || ") + std::string("quote(") + quote(k) + ")";
            }
            const std::string checked = caseCount(nonNull);
            return {checked, checked + " - COUNT(DISTINCT CASE WHEN " + nonNull + " THEN " + key + " END)"};
        }
        case CheckKind::AcceptedValues:
        case CheckKind::Between:
        case CheckKind::Matches:
            return {caseCount(failingPredicate(c)), "COUNT(" + col + ")"};
        case CheckKind::Relationships:
            return {"COUNT(" + col + ")"};
        case CheckKind::Freshness:
            if (!c.column.empty()) return {"MAX(" + col + ")"};
            return {};
        default:
            return {};
    }
}

std::string CheckSql::failingRowsSql(const CheckSpec& c) const {
    switch (c.kind) {
        case CheckKind::Unique: {
            const std::string keys = keyList(c.columns);
            const std::string lhs = c.columns.size() == 1 ? keys : "(" + keys + ")";
            return "SELECT * FROM " + table() + " WHERE " + lhs + " IN (SELECT " + keys + " FROM " + table() +
                   " WHERE " + nonNullKey(c.columns) + " GROUP BY " + keys +
                   " HAVING COUNT(*) > 1) ORDER BY " + keys;
        }
        case CheckKind::Sql:
            return c.sql;
        case CheckKind::RowCount:
        case CheckKind::Freshness:
        case CheckKind::Columns:
            return {};
        default:
            return "SELECT * FROM " + table() + " WHERE " + failingPredicate(c);
    }
}

std::string CheckSql::sampleSql(const CheckSpec& c, int limit) const {
    const std::string lim = " LIMIT " + std::to_string(limit);
    if (c.kind == CheckKind::Unique) {
        const std::string keys = keyList(c.columns);
        return "SELECT " + keys +
               ", deskbase_n, CAST(SUM(deskbase_n) OVER () AS BIGINT), COUNT(*) OVER () FROM (SELECT " +
               keys + ", COUNT(*) AS deskbase_n FROM " + table() + " WHERE " + nonNullKey(c.columns) +
               " GROUP BY " + keys + " HAVING COUNT(*) > 1) deskbase_d ORDER BY deskbase_n DESC, " + keys +
               lim;
    }
    if (c.kind == CheckKind::Sql) return "SELECT *, COUNT(*) OVER () FROM (" + c.sql + ") deskbase_q" + lim;
    const std::string col = quote(c.column);
    return "SELECT " + col + ", COUNT(*) AS deskbase_n FROM " + table() + " WHERE " + failingPredicate(c) +
           " GROUP BY " + col + " ORDER BY deskbase_n DESC, " + col + lim;
}

std::string CheckSql::countSql(const CheckSpec& c) const {
    return "SELECT COUNT(*) FROM " + table() + " WHERE " + failingPredicate(c);
}

}  // namespace deskbase
