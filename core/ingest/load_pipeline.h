#pragma once
// Pass two of an import: one thread reads, parses and converts rows into typed batches while
// the calling thread (which owns the warehouse connection) writes them. A bounded queue keeps
// memory flat whatever the file size.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/infer/value_parsers.h"
#include "core/io/file_format.h"
#include "core/types/value.h"
#include "core/util/result.h"

namespace deskbase {

class BulkWriter;
class RejectSpill;

struct LoadPlan {
    std::string path;
    FileSniff sniff;
    std::vector<std::string> readerKeys;   // JSON key order from pass one
    std::size_t sourceColumns = 0;         // fields per well-formed record
    std::vector<std::size_t> sourceIndex;  // per target column: which field feeds it
    std::vector<std::string> columnNames;  // per target column, for reject reasons
    std::vector<ColumnType> types;
    std::vector<SlashOrder> slashOrders;
};

struct LoadStats {
    std::int64_t rows = 0;
    std::int64_t rejected = 0;
};

Result<LoadStats> runLoadPipeline(const LoadPlan& plan, BulkWriter& writer, RejectSpill& rejects,
                                  const std::atomic<bool>& cancelled,
                                  const std::function<void(std::int64_t bytes, std::int64_t total, std::int64_t rows)>& progress);

}  // namespace deskbase
