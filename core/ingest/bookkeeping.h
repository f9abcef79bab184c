#pragma once
// Deskbase's own tables inside the warehouse: the ingestion log (every import) and the
// original column display names. Written inside the import's transaction.
#include <cstdint>
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

Status ensureBookkeeping(Warehouse& w);
Result<std::int64_t> nextIngestionId(Warehouse& w);
Result<bool> contentAlreadyLoaded(Warehouse& w, const std::string& table, const std::string& hash);
Status logIngestion(Warehouse& w, std::int64_t id, const IngestionRecord& r);
Status recordColumns(Warehouse& w, const std::string& table, const std::vector<Column>& columns);
std::string utcNowIso();

}  // namespace deskbase
