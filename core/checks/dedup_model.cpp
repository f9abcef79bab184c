#include "core/checks/dedup_model.h"

#include <algorithm>

namespace deskbase {

namespace {

// Quoted as both dialects quote a name.
std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// A Jinja string literal for ref()/source()/config().
std::string literal(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' || c == '\\' ? std::string("\\") + c : std::string(1, c);
    return out + "'";
}

std::string joined(const std::vector<std::string>& names, const std::string& prefix = {}) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + prefix + quoted(n);
    return out;
}

}  // namespace

Result<DedupModel> dedupModel(const CheckSpec& unique, const DedupInput& in) {
    if (unique.kind != CheckKind::Unique)
        return Error{"keep one per key needs a unique check, not " + std::string(checkKindName(unique.kind))};
    for (const auto& k : unique.columns)
        if (std::find(in.columns.begin(), in.columns.end(), k) == in.columns.end())
            return Error{"keep one per key: no column \"" + k + "\" in " + in.table};
    // The rank column must not clash with one of the table's.
    std::string rank = "deskbase_keep";
    while (std::find(in.columns.begin(), in.columns.end(), rank) != in.columns.end()) rank += "_";

    DedupModel m;
    m.name = in.table + "_dedup";
    m.file = "models/" + m.name + ".sql";
    std::string key;
    for (const auto& k : unique.columns) key += (key.empty() ? "" : ", ") + literal(k);
    if (unique.columns.size() > 1) key = "[" + key + "]";
    const std::string from = in.tableIsModel ? "{{ ref(" + literal(in.table) + ") }}"
                                             : "{{ source('warehouse', " + literal(in.table) + ") }}";
    m.sql = "{{ config(materialized='incremental', unique_key=" + key + ") }}\n" + "-- Keep one row per " +
            joined(unique.columns) + " of " + in.table + " (the rows the check " + unique.name +
            (in.checkFile.empty() ? "" : " in " + in.checkFile) +
            " finds share a key).\n"
            "-- The row kept is the first in the ORDER BY below: put a column there (say, a date DESC)\n"
            "-- to keep the newest. Each build merges on the key, so a key is never there twice.\n"
            "select " +
            joined(in.columns) + "\nfrom (\n    select t.*, row_number() over (partition by " +
            joined(unique.columns, "t.") + " order by " + joined(unique.columns, "t.") + ") as " +
            quoted(rank) + "\n    from " + from + " t\n) ranked\nwhere " + quoted(rank) + " = 1\n";
    return m;
}

}  // namespace deskbase
