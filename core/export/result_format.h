#pragma once
// Text forms of a query result, shared by `deskbase query` and export: CSV (RFC 4180),
// the CLI's JSON object, and an aligned plain-text table.
#include <ostream>
#include <string>
#include <vector>

#include "core/exec/query_result.h"

namespace deskbase {

// RFC 4180: CRLF line ends, fields with , " CR or LF quoted, quotes doubled; NULL = empty field.
// Another delimiter (a tab for TSV) follows the same rules, quoting fields that contain it.
void writeCsvHeader(std::ostream& out, const std::vector<Column>& columns, char delimiter = ',');
void writeCsvRows(std::ostream& out, const std::vector<Row>& rows, char delimiter = ',');
// The same rows appended to `out` (the streaming writers' buffer: no stream, no text copy per cell).
void appendCsvRows(std::string& out, const std::vector<Row>& rows, char delimiter = ',');

// {"columns":[{"name":..,"type":..}],"rows":[[..]],"cached":bool,"elapsed_ms":N} and a newline.
// Numbers are JSON numbers (non-finite reals become null), booleans true/false, NULL null.
void writeResultJson(std::ostream& out, const QueryResult& result);

// Its pieces, for a result written as it streams (core/export/result_stream.h).
void writeJsonHead(std::ostream& out, const std::vector<Column>& columns);             // up to "rows":[
void writeJsonRowArrays(std::ostream& out, const std::vector<Row>& rows, bool first);  // [..],[..]
void writeJsonTail(std::ostream& out, bool cached, double elapsedMs);                  // ],"cached":..}\n

// Column names, a rule, the rows (numbers right-aligned), then "(N rows)".
void writeResultTable(std::ostream& out, const QueryResult& result);
// Its pieces: the widths and alignment the rows give, the header and rule, rows, the count.
struct TableLayout {
    std::vector<std::size_t> width;  // display columns per column
    std::vector<bool> rightAlign;    // a number column whose values are all numbers (or NULL)
};
TableLayout tableLayout(const std::vector<Column>& columns, const std::vector<Row>& rows);
void writeTableHeader(std::ostream& out, const std::vector<Column>& columns, const TableLayout& layout);
void writeTableRows(std::ostream& out, const TableLayout& layout, const std::vector<Row>& rows);
void writeTableFooter(std::ostream& out, std::size_t rows);

std::string jsonQuoted(const std::string& s);  // a JSON string literal
// A cell as JSON: numbers as numbers (non-finite reals null), true/false, NULL null, text quoted.
std::string jsonValue(const Value& v);

// Object keys for rows as JSON objects: the column names quoted, a repeated name made unique
// (a, a_2, ...) so no value is lost to a duplicate key.
std::vector<std::string> jsonObjectKeys(const std::vector<Column>& columns);
// {"a":1,"b":null} (no newline), with `keys` from jsonObjectKeys.
void writeJsonObject(std::ostream& out, const std::vector<std::string>& keys, const Row& row);

}  // namespace deskbase
