#pragma once
// Bulk load for engines without COPY FROM STDIN (Redshift) or when DESKBASE_PG_LOAD=insert:
// batched multi-row INSERT ... VALUES ($1, $2, ...), (...), every value bound as text typed with
// its column's type (the server parses it as COPY text would). Runs inside the caller's
// transaction, so a failed or abandoned load rolls back with it.
#include <memory>

#include "core/warehouse/postgres_copy_format.h"
#include "core/warehouse/postgres_session.h"
#include "core/warehouse/warehouse.h"

namespace deskbase::pg {

// Rows per INSERT: at most 1000, and at most 32767 bound values per statement.
std::size_t insertChunkRows(std::size_t columnCount);

Result<std::unique_ptr<BulkWriter>> startInsertLoad(const std::shared_ptr<Session>& session,
                                                    const std::string& qualifiedTable,
                                                    std::vector<CopyColumn> columns);

}  // namespace deskbase::pg
