#pragma once
// Bulk load through COPY ... FROM STDIN (text format): rows are formatted straight from the
// batch's cells into one large buffer that goes to the server in ~1 MB PQputCopyData calls.
#include <memory>

#include "core/warehouse/postgres_session.h"
#include "core/warehouse/warehouse.h"

namespace deskbase::pg {

// Starts COPY into `table` (already quoted) with `columns` in order.
Result<std::unique_ptr<BulkWriter>> startCopy(const std::shared_ptr<Session>& session, const std::string& copySql,
                                              const std::vector<Column>& columns);

// Appends one row of `cells` in COPY text format (tab-separated, "\N" for NULL, backslash
// escapes, newline-terminated) at `out`, which must have room for copyRowBound() bytes.
// Returns the end of what was written. Booleans go out as t/f in boolean columns, 1/0 elsewhere.
char* formatCopyRow(char* out, const Cell* cells, const std::vector<ColumnType>& types);
std::size_t copyRowBound(const Cell* cells, std::size_t count);

}  // namespace deskbase::pg
