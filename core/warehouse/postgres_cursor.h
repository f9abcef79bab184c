#pragma once
// A streaming PostgreSQL result: the query runs in libpq's single-row mode, so rows arrive one
// PGresult at a time and are converted as the caller fetches them; nothing is buffered whole.
#include <memory>

#include "core/warehouse/postgres_session.h"
#include "core/warehouse/warehouse.h"

namespace deskbase::pg {

// Sends `sql` with `params` and waits for the first row (or the end, or an error).
Result<std::unique_ptr<QueryCursor>> startQuery(const std::shared_ptr<Session>& session,
                                                const std::string& sql, const std::vector<Value>& params);

}  // namespace deskbase::pg
