#include "core/export/xlsx_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <utility>

namespace deskbase {

namespace {

constexpr std::int64_t kExactInDouble = std::int64_t(1) << 53;
constexpr std::size_t kMaxCellChars = 32767;
constexpr double kMinWidth = 6, kMaxWidth = 80;

std::size_t utf8Chars(const std::string& s) {
    return std::size_t(std::count_if(s.begin(), s.end(),
                                     [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool digits(const std::string& s, std::size_t at, std::size_t n, int& out) {
    if (at + n > s.size()) return false;
    out = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

// "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS[.fff]" or with a 'T'; nothing after. Excel holds 1900-9999.
bool parseIsoDate(const std::string& s, lxw_datetime& out) {
    int y, mo, d;
    if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
        !digits(s, 8, 2, d))
        return false;
    if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > 31) return false;
    out = lxw_datetime{y, mo, d, 0, 0, 0.0};
    if (s.size() == 10) return true;
    int h, mi, sec;
    if (s.size() < 19 || (s[10] != ' ' && s[10] != 'T') || !digits(s, 11, 2, h) || s[13] != ':' ||
        !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, sec))
        return false;
    if (h > 23 || mi > 59 || sec > 60) return false;
    double fraction = 0;
    if (s.size() > 19) {
        if (s[19] != '.' || s.size() == 20) return false;
        double scale = 0.1;
        for (std::size_t i = 20; i < s.size(); ++i, scale /= 10) {
            if (s[i] < '0' || s[i] > '9') return false;
            fraction += (s[i] - '0') * scale;
        }
    }
    out.hour = h;
    out.min = mi;
    out.sec = sec + fraction;
    return true;
}

bool isHex4(const std::string& s, std::size_t at) {
    if (at + 4 > s.size()) return false;
    for (std::size_t i = at; i < at + 4; ++i)
        if (!std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

// Excel reads _xHHHH_ in a string as the character U+HHHH (ECMA-376 22.4.2.4); text that holds
// such a sequence literally gets its underscore escaped (_x005F_), as Excel itself writes it.
std::string escapeLiteralEscapes(const std::string& s) {
    std::string out;
    std::size_t from = 0;
    bool escaped = false;
    for (std::size_t at = s.find("_x"); at != std::string::npos; at = s.find("_x", at + 1)) {
        if (!isHex4(s, at + 2) || at + 6 >= s.size() || s[at + 6] != '_') continue;
        out.append(s, from, at - from).append("_x005F");
        from = at;
        escaped = true;
    }
    return escaped ? out.append(s, from, std::string::npos) : s;
}

std::string realText(double v) {
    if (std::isnan(v)) return "NaN";
    return v > 0 ? "Infinity" : "-Infinity";
}

Status lxwStatus(lxw_error e, const std::string& what) {
    if (e == LXW_NO_ERROR) return Status::ok();
    return Status::fail(what + ": " + lxw_strerror(e));
}

}  // namespace

XlsxWriter::XlsxWriter(std::string path, std::vector<Column> columns, XlsxOptions options)
    : path_(std::move(path)),
      columns_(std::move(columns)),
      options_(std::move(options)),
      widths_(columns_.size(), 0) {}

XlsxWriter::~XlsxWriter() {
    if (workbook_) lxw_workbook_free(workbook_);  // abandoned: nothing more is written
}

Result<std::unique_ptr<XlsxWriter>> XlsxWriter::create(const std::string& path,
                                                       const std::vector<Column>& columns,
                                                       XlsxOptions options) {
    if (columns.size() > LXW_COL_MAX)
        return Error{"The result has " + std::to_string(columns.size()) +
                     " columns; an Excel sheet holds at most 16,384"};
    std::unique_ptr<XlsxWriter> w(new XlsxWriter(path, columns, std::move(options)));
    lxw_workbook_options wbOptions{};
    wbOptions.constant_memory = LXW_TRUE;
    wbOptions.use_zip64 = LXW_TRUE;  // a result over 4 GB uncompressed still makes a valid file
    w->workbook_ = workbook_new_opt(path.c_str(), &wbOptions);
    if (!w->workbook_) return Error{"Cannot start the workbook " + path};
    w->sheet_ = workbook_add_worksheet(w->workbook_, w->options_.sheetName.c_str());
    if (!w->sheet_) return Error{"Cannot add the sheet “" + w->options_.sheetName + "”"};
    w->bold_ = workbook_add_format(w->workbook_);
    format_set_bold(w->bold_);
    w->date_ = workbook_add_format(w->workbook_);
    format_set_num_format(w->date_, "yyyy-mm-dd");
    w->dateTime_ = workbook_add_format(w->workbook_);
    format_set_num_format(w->dateTime_, "yyyy-mm-dd hh:mm:ss");
    worksheet_freeze_panes(w->sheet_, 1, 0);
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const Column& col = columns[c];
        const std::string& title = col.displayName.empty() ? col.name : col.displayName;
        if (title.size() > kMaxCellChars)
            return Error{"Column " + std::to_string(c + 1) +
                         "'s name is longer than Excel's 32,767-character cell limit"};
        if (Status s = lxwStatus(worksheet_write_string(w->sheet_, 0, lxw_col_t(c),
                                                        escapeLiteralEscapes(title).c_str(), w->bold_),
                                 "Cannot write the header");
            !s)
            return Error{s.message()};
        w->measure(std::uint16_t(c), utf8Chars(title) + 1);  // bold is a little wider
    }
    return w;
}

void XlsxWriter::measure(std::uint16_t col, std::size_t chars) {
    widths_[col] = std::max(widths_[col], chars);
}

Status XlsxWriter::textCell(std::uint32_t row, std::uint16_t col, const std::string& text) {
    const std::size_t chars = utf8Chars(text);
    if (chars > kMaxCellChars)
        return Status::fail("Row " + std::to_string(row) + ", column “" + columns_[col].name +
                            "”: " + std::to_string(chars) +
                            " characters, more than an Excel cell holds (32,767); export CSV instead");
    measure(col, chars);
    const std::string stored = escapeLiteralEscapes(text);
    return lxwStatus(worksheet_write_string(sheet_, row, col, stored.c_str(), nullptr),
                     "Row " + std::to_string(row) + ", column “" + columns_[col].name + "”");
}

Status XlsxWriter::addCell(std::uint32_t row, std::uint16_t col, const Value& v) {
    const ColumnType type = columns_[col].type;
    if (isNull(v)) return Status::ok();  // an empty cell
    if (const auto* i = std::get_if<std::int64_t>(&v)) {
        if (*i > kExactInDouble || *i < -kExactInDouble) return textCell(row, col, std::to_string(*i));
        measure(col, std::to_string(*i).size());
        return lxwStatus(worksheet_write_number(sheet_, row, col, double(*i), nullptr),
                         "Cannot write a number");
    }
    if (const auto* d = std::get_if<double>(&v)) {
        if (!std::isfinite(*d)) return textCell(row, col, realText(*d));
        measure(col, std::min<std::size_t>(valueToText(v).size(), 17));
        return lxwStatus(worksheet_write_number(sheet_, row, col, *d, nullptr), "Cannot write a number");
    }
    if (const auto* b = std::get_if<bool>(&v)) {
        measure(col, 5);
        return lxwStatus(worksheet_write_boolean(sheet_, row, col, *b ? 1 : 0, nullptr),
                         "Cannot write a boolean");
    }
    const std::string& text = std::get<std::string>(v);
    if (type == ColumnType::Date || type == ColumnType::DateTime) {
        lxw_datetime dt{};
        if (parseIsoDate(text, dt)) {
            const bool withTime = text.size() > 10;
            measure(col, withTime ? 19 : 10);
            return lxwStatus(worksheet_write_datetime(sheet_, row, col, &dt, withTime ? dateTime_ : date_),
                             "Cannot write a date");
        }
    }
    return textCell(row, col, text);
}

Status XlsxWriter::addRows(const std::vector<Row>& rows) {
    if (!workbook_) return Status::fail("The workbook is closed");
    if (rows_ + rows.size() > options_.maxRows)
        return Status::fail("The result has more than " + std::to_string(options_.maxRows) +
                            " rows, more than an Excel sheet holds; export CSV instead");
    for (const Row& r : rows) {
        const auto excelRow = std::uint32_t(++rows_);
        for (std::size_t c = 0; c < r.size() && c < columns_.size(); ++c)
            if (Status s = addCell(excelRow, std::uint16_t(c), r[c]); !s) return s;
    }
    return Status::ok();
}

Status XlsxWriter::close() {
    if (!workbook_) return Status::fail("The workbook is closed");
    for (std::size_t c = 0; c < widths_.size(); ++c)
        worksheet_set_column(sheet_, lxw_col_t(c), lxw_col_t(c),
                             std::clamp(double(widths_[c]) + 2, kMinWidth, kMaxWidth), nullptr);
    lxw_workbook* wb = std::exchange(workbook_, nullptr);
    return lxwStatus(workbook_close(wb), "Cannot write " + path_);
}

}  // namespace deskbase
