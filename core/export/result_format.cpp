#include "core/export/result_format.h"

#include <cmath>
#include <cstdio>
#include <set>

namespace deskbase {

namespace {

void writeCsvField(std::ostream& out, const std::string& s, char delimiter) {
    const char special[] = {delimiter, '"', '\r', '\n'};
    if (s.find_first_of(special, 0, sizeof special) == std::string::npos) {
        out << s;
        return;
    }
    out << '"';
    for (char c : s) {
        if (c == '"') out << '"';
        out << c;
    }
    out << '"';
}

// Display width in terminal columns: UTF-8 code points (good enough for a text table).
std::size_t displayWidth(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

bool isNumeric(const Value& v) { return std::holds_alternative<std::int64_t>(v) || std::holds_alternative<double>(v); }

}  // namespace

std::string jsonValue(const Value& v) {
    if (isNull(v)) return "null";
    if (const auto* d = std::get_if<double>(&v); d && !std::isfinite(*d)) return "null";
    if (std::holds_alternative<std::string>(v)) return jsonQuoted(std::get<std::string>(v));
    return valueToText(v);  // integers, reals (shortest round-trip), true/false
}

std::vector<std::string> jsonObjectKeys(const std::vector<Column>& columns) {
    std::vector<std::string> keys;
    std::set<std::string> used;
    for (const auto& c : columns) {
        std::string name = c.name;
        for (int k = 2; used.count(name); ++k) name = c.name + "_" + std::to_string(k);
        used.insert(name);
        keys.push_back(jsonQuoted(name));
    }
    return keys;
}

void writeJsonObject(std::ostream& out, const std::vector<std::string>& keys, const Row& row) {
    out << '{';
    for (std::size_t i = 0; i < row.size() && i < keys.size(); ++i) {
        if (i) out << ',';
        out << keys[i] << ':' << jsonValue(row[i]);
    }
    out << '}';
}

std::string jsonQuoted(const std::string& s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += char(c);
                }
        }
    }
    out += '"';
    return out;
}

void writeCsvHeader(std::ostream& out, const std::vector<Column>& columns, char delimiter) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i) out << delimiter;
        writeCsvField(out, columns[i].name, delimiter);
    }
    out << "\r\n";
}

void writeCsvRows(std::ostream& out, const std::vector<Row>& rows, char delimiter) {
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) out << delimiter;
            writeCsvField(out, valueToText(row[i]), delimiter);
        }
        out << "\r\n";
    }
}

void writeResultJson(std::ostream& out, const QueryResult& result) {
    out << "{\"columns\":[";
    for (std::size_t i = 0; i < result.columns.size(); ++i) {
        if (i) out << ',';
        out << "{\"name\":" << jsonQuoted(result.columns[i].name) << ",\"type\":\""
            << columnTypeName(result.columns[i].type) << "\"}";
    }
    out << "],\"rows\":[";
    for (std::size_t r = 0; r < result.rows.size(); ++r) {
        if (r) out << ',';
        out << '[';
        const Row& row = result.rows[r];
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) out << ',';
            out << jsonValue(row[i]);
        }
        out << ']';
    }
    char elapsed[32];
    std::snprintf(elapsed, sizeof elapsed, "%.3f", result.elapsedMs);
    out << "],\"cached\":" << (result.fromCache ? "true" : "false") << ",\"elapsed_ms\":" << elapsed << "}\n";
}

void writeResultTable(std::ostream& out, const QueryResult& result) {
    const std::size_t n = result.columns.size();
    std::vector<std::size_t> width(n);
    std::vector<bool> rightAlign(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        width[i] = displayWidth(result.columns[i].name);
        rightAlign[i] = result.columns[i].type == ColumnType::Integer || result.columns[i].type == ColumnType::Real;
    }
    std::vector<std::vector<std::string>> cells;
    cells.reserve(result.rows.size());
    for (const auto& row : result.rows) {
        std::vector<std::string> line;
        for (std::size_t i = 0; i < n && i < row.size(); ++i) {
            line.push_back(isNull(row[i]) ? std::string() : valueToText(row[i]));
            width[i] = std::max(width[i], displayWidth(line.back()));
            if (!isNull(row[i]) && !isNumeric(row[i])) rightAlign[i] = false;
        }
        cells.push_back(std::move(line));
    }
    auto pad = [&](const std::string& s, std::size_t i, bool right) {
        const std::string spaces(width[i] - displayWidth(s), ' ');
        out << (right ? spaces + s : s + (i + 1 < n ? spaces : std::string()));
    };
    for (std::size_t i = 0; i < n; ++i) {
        if (i) out << " | ";
        pad(result.columns[i].name, i, false);
    }
    out << '\n';
    for (std::size_t i = 0; i < n; ++i) out << (i ? "-+-" : "") << std::string(width[i], '-');
    out << '\n';
    for (const auto& line : cells) {
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (i) out << " | ";
            pad(line[i], i, rightAlign[i]);
        }
        out << '\n';
    }
    out << '(' << result.rows.size() << (result.rows.size() == 1 ? " row)" : " rows)") << '\n';
}

}  // namespace deskbase
