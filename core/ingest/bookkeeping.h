#pragma once
// Deskbase's own tables inside the warehouse: the ingestion log (every import) and the
// original column display names. Written inside the import's transaction.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/types/value.h"
#include "core/util/result.h"

namespace deskbase {

class Warehouse;

struct IngestionRecord {
    std::string table, filePath, contentHash, mode, format, encoding, startedAt, finishedAt;
    std::int64_t fileSize = 0, rows = 0, rejected = 0;
};

// Creates the bookkeeping tables when missing. Two imports creating them at once would collide
// on PostgreSQL, so the creation holds a lock until the caller's transaction ends (the second
// waits while keepWaiting() returns true, then finds them made).
Status ensureBookkeeping(Warehouse& w, const std::function<bool()>& keepWaiting = {});
Result<std::int64_t> nextIngestionId(Warehouse& w);
// The duplicate guard: a file with this content hash is part of the table's current content.
Result<bool> contentAlreadyLoaded(Warehouse& w, const std::string& table, const std::string& hash);
// A create or replace: the files loaded into the table before are no longer its content, so
// their hashes are cleared from the log (their rows stay, for the history).
Status forgetLoadedContent(Warehouse& w, const std::string& table);
Status logIngestion(Warehouse& w, std::int64_t id, const IngestionRecord& r);
Status recordColumns(Warehouse& w, const std::string& table, const std::vector<Column>& columns);
std::string utcNowIso();

}  // namespace deskbase
