#pragma once
// Row encoders for COPY ... FROM STDIN. Binary when every target column has a type whose
// binary layout Deskbase writes (the server then parses nothing: no int8in/timestamp_in work);
// text otherwise (numeric, timestamptz, user types: the server's input functions decide).
#include <libpq-fe.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/types/cell.h"
#include "core/types/value.h"

namespace deskbase::pg {

struct CopyColumn {
    std::string name;
    ColumnType logical = ColumnType::Text;  // what Deskbase means to store
    Oid type = 0;                           // the table column's actual type (0: unknown)
};

// Text format: tab-separated, "\N" for NULL, backslash escapes, newline-terminated.
// `out` must have room for textRowBound() bytes; returns the end of what was written.
std::size_t textRowBound(const Cell* cells, std::size_t count);
char* formatTextRow(char* out, const Cell* cells, const std::vector<CopyColumn>& columns);

// Binary format (PGCOPY header, then per row: int16 field count, int32 length + bytes per field).
bool binaryCopySupports(Oid type);
std::string_view binaryCopyHeader();
std::string_view binaryCopyTrailer();
std::size_t binaryRowBound(const Cell* cells, std::size_t count);
// Returns nullptr and sets `error` when a cell cannot be stored in its column's type.
char* formatBinaryRow(char* out, const Cell* cells, const std::vector<CopyColumn>& columns,
                      std::string* error);

// Strict ISO 8601 date / datetime text ("2020-01-31", "2020-01-31 13:45:07.25", 'T' allowed)
// to PostgreSQL's binary values: days / microseconds since 2000-01-01.
bool isoToPgDate(std::string_view text, std::int32_t* days);
bool isoToPgTimestamp(std::string_view text, std::int64_t* micros);

}  // namespace deskbase::pg
