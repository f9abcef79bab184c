#include "core/export/result_format.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>

namespace deskbase {

namespace {

// A text field as RFC 4180 has it, appended: quoted (quotes doubled) only when it holds the
// delimiter, a quote, CR or LF.
void appendCsvText(std::string& out, const std::string& s, char delimiter) {
    bool special = false;
    for (char c : s)
        if (c == delimiter || c == '"' || c == '\r' || c == '\n') {
            special = true;
            break;
        }
    if (!special) {
        out += s;
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

template <typename Number>
void appendNumber(std::string& out, Number n) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);  // as valueToText: shortest round-trip
    out.append(buf, r.ptr);
}

// One cell as valueToText writes it, CSV-quoted when it is text that needs it.
void appendCsvValue(std::string& out, const Value& v, char delimiter) {
    if (const auto* i = std::get_if<std::int64_t>(&v))
        appendNumber(out, *i);
    else if (const auto* d = std::get_if<double>(&v))
        appendNumber(out, *d);
    else if (const auto* s = std::get_if<std::string>(&v))
        appendCsvText(out, *s, delimiter);
    else if (const auto* b = std::get_if<bool>(&v))
        out += *b ? "true" : "false";
    // NULL: an empty field
}

// Display width in terminal columns: UTF-8 code points (good enough for a text table).
std::size_t displayWidth(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

bool isNumeric(const Value& v) {
    return std::holds_alternative<std::int64_t>(v) || std::holds_alternative<double>(v);
}

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
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
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
    std::string text;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i) text += delimiter;
        appendCsvText(text, columns[i].name, delimiter);
    }
    text += "\r\n";
    out.write(text.data(), std::streamsize(text.size()));
}

void appendCsvRows(std::string& out, const std::vector<Row>& rows, char delimiter) {
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) out += delimiter;
            appendCsvValue(out, row[i], delimiter);
        }
        out += "\r\n";
    }
}

void writeCsvRows(std::ostream& out, const std::vector<Row>& rows, char delimiter) {
    std::string text;
    appendCsvRows(text, rows, delimiter);
    out.write(text.data(), std::streamsize(text.size()));
}

void writeJsonHead(std::ostream& out, const std::vector<Column>& columns) {
    out << "{\"columns\":[";
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i) out << ',';
        out << "{\"name\":" << jsonQuoted(columns[i].name) << ",\"type\":\""
            << columnTypeName(columns[i].type) << "\"}";
    }
    out << "],\"rows\":[";
}

void writeJsonRowArrays(std::ostream& out, const std::vector<Row>& rows, bool first) {
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (r || !first) out << ',';
        out << '[';
        const Row& row = rows[r];
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) out << ',';
            out << jsonValue(row[i]);
        }
        out << ']';
    }
}

void writeJsonTail(std::ostream& out, bool cached, double elapsedMs) {
    char elapsed[32];
    std::snprintf(elapsed, sizeof elapsed, "%.3f", elapsedMs);
    out << "],\"cached\":" << (cached ? "true" : "false") << ",\"elapsed_ms\":" << elapsed << "}\n";
}

void writeResultJson(std::ostream& out, const QueryResult& result) {
    writeJsonHead(out, result.columns);
    writeJsonRowArrays(out, result.rows, true);
    writeJsonTail(out, result.fromCache, result.elapsedMs);
}

TableLayout tableLayout(const std::vector<Column>& columns, const std::vector<Row>& rows) {
    const std::size_t n = columns.size();
    TableLayout layout;
    layout.width.resize(n);
    layout.rightAlign.assign(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        layout.width[i] = displayWidth(columns[i].name);
        layout.rightAlign[i] = columns[i].type == ColumnType::Integer || columns[i].type == ColumnType::Real;
    }
    for (const auto& row : rows)
        for (std::size_t i = 0; i < n && i < row.size(); ++i) {
            if (isNull(row[i])) continue;
            layout.width[i] = std::max(layout.width[i], displayWidth(valueToText(row[i])));
            if (!isNumeric(row[i])) layout.rightAlign[i] = false;
        }
    return layout;
}

namespace {

void writeTableLine(std::ostream& out, const TableLayout& layout, const std::vector<std::string>& cells,
                    bool header) {
    const std::size_t n = layout.width.size();
    for (std::size_t i = 0; i < cells.size() && i < n; ++i) {
        if (i) out << " | ";
        const std::size_t w = displayWidth(cells[i]);
        const std::string spaces(layout.width[i] > w ? layout.width[i] - w : 0, ' ');
        if (!header && layout.rightAlign[i])
            out << spaces << cells[i];
        else
            out << cells[i] << (i + 1 < n ? spaces : std::string());
    }
    out << '\n';
}

}  // namespace

void writeTableHeader(std::ostream& out, const std::vector<Column>& columns, const TableLayout& layout) {
    std::vector<std::string> names;
    for (const auto& c : columns) names.push_back(c.name);
    writeTableLine(out, layout, names, true);
    for (std::size_t i = 0; i < layout.width.size(); ++i)
        out << (i ? "-+-" : "") << std::string(layout.width[i], '-');
    out << '\n';
}

void writeTableRows(std::ostream& out, const TableLayout& layout, const std::vector<Row>& rows) {
    std::vector<std::string> cells;
    for (const auto& row : rows) {
        cells.clear();
        for (std::size_t i = 0; i < layout.width.size() && i < row.size(); ++i)
            cells.push_back(isNull(row[i]) ? std::string() : valueToText(row[i]));
        writeTableLine(out, layout, cells, false);
    }
}

void writeTableFooter(std::ostream& out, std::size_t rows) {
    out << '(' << rows << (rows == 1 ? " row)" : " rows)") << '\n';
}

void writeResultTable(std::ostream& out, const QueryResult& result) {
    const TableLayout layout = tableLayout(result.columns, result.rows);
    writeTableHeader(out, result.columns, layout);
    writeTableRows(out, layout, result.rows);
    writeTableFooter(out, result.rows.size());
}

}  // namespace deskbase
