#pragma once
// Bulk load through COPY ... FROM STDIN: rows are encoded straight from the batch's cells into
// one large buffer that goes to the server in ~1 MB PQputCopyData calls. Binary format when
// every column's type allows it, text format otherwise (see postgres_copy_format.h).
#include <memory>

#include "core/warehouse/postgres_copy_format.h"
#include "core/warehouse/postgres_session.h"
#include "core/warehouse/warehouse.h"

namespace deskbase::pg {

// Starts COPY into `qualifiedTable` (already quoted) with `columns` in order: binary when
// `allowBinary` and every column's type allows it, text otherwise.
Result<std::unique_ptr<BulkWriter>> startCopy(const std::shared_ptr<Session>& session,
                                              const std::string& qualifiedTable,
                                              std::vector<CopyColumn> columns, bool allowBinary = true);

}  // namespace deskbase::pg
