#pragma once
// An Excel workbook (.xlsx) of one result, written through libxlsxwriter in constant-memory mode so
// that a million-row result streams with flat memory: one sheet, the header row bold and frozen,
// typed cells and column widths from the data.
//
// Cells: integers and reals are numbers, booleans TRUE/FALSE, NULL an empty cell, text a string;
// date and datetime columns are Excel dates with a yyyy-mm-dd (hh:mm:ss) format. Nothing is
// silently changed: an integer beyond 2^53 (which a double cannot hold) and a real that is not
// finite are written as text, and so is a date Excel cannot hold (before 1900) or one that does not
// parse. What Excel cannot hold at all is an error that fails the workbook: more rows than one
// sheet takes (1,048,575 below the header), text longer than a cell takes (32,767 characters).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/types/value.h"
#include "core/util/result.h"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace deskbase {

struct XlsxOptions {
    std::string sheetName = "Result";
    std::uint64_t maxRows = 1048575;  // data rows below the header: Excel's limit for a sheet
};

class XlsxWriter {
public:
    // Starts a workbook to be written at `path` by close(); a writer destroyed before close()
    // writes nothing. Write to a temporary path and rename it (as ResultExport does).
    static Result<std::unique_ptr<XlsxWriter>> create(const std::string& path,
                                                      const std::vector<Column>& columns,
                                                      XlsxOptions options = {});
    ~XlsxWriter();
    XlsxWriter(const XlsxWriter&) = delete;
    XlsxWriter& operator=(const XlsxWriter&) = delete;

    Status addRows(const std::vector<Row>& rows);
    Status close();  // sets the column widths and writes the file; once
    std::uint64_t rows() const { return rows_; }

private:
    XlsxWriter(std::string path, std::vector<Column> columns, XlsxOptions options);
    Status addCell(std::uint32_t row, std::uint16_t col, const Value& v);
    Status textCell(std::uint32_t row, std::uint16_t col, const std::string& text);
    void measure(std::uint16_t col, std::size_t chars);

    std::string path_;
    std::vector<Column> columns_;
    XlsxOptions options_;
    lxw_workbook* workbook_ = nullptr;
    lxw_worksheet* sheet_ = nullptr;
    lxw_format* bold_ = nullptr;
    lxw_format* date_ = nullptr;
    lxw_format* dateTime_ = nullptr;
    std::vector<std::size_t> widths_;  // the widest cell of each column, in characters
    std::uint64_t rows_ = 0;
};

}  // namespace deskbase
