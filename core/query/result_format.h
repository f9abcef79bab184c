#pragma once
// Text forms of a query result, shared by `deskbase query` and export: CSV (RFC 4180),
// the CLI's JSON object, and an aligned plain-text table.
#include <ostream>
#include <string>
#include <vector>

#include "core/query/query_result.h"

namespace deskbase {

// RFC 4180: CRLF line ends, fields with , " CR or LF quoted, quotes doubled; NULL = empty field.
void writeCsvHeader(std::ostream& out, const std::vector<Column>& columns);
void writeCsvRows(std::ostream& out, const std::vector<Row>& rows);

// {"columns":[{"name":..,"type":..}],"rows":[[..]],"cached":bool,"elapsed_ms":N} and a newline.
// Numbers are JSON numbers (non-finite reals become null), booleans true/false, NULL null.
void writeResultJson(std::ostream& out, const QueryResult& result);

// Column names, a rule, the rows (numbers right-aligned), then "(N rows)".
void writeResultTable(std::ostream& out, const QueryResult& result);

std::string jsonQuoted(const std::string& s);  // a JSON string literal

}  // namespace deskbase
