#pragma once
// Per-table data versions (bumped by every import through Deskbase), read in one small query.
#include <cstdint>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace deskbase {

class Warehouse;

struct TableVersion {
    std::string table;
    std::int64_t version = 0;
    bool operator==(const TableVersion&) const = default;
};

// The current version of each table (0 when never recorded), in the order given. One query.
Result<std::vector<TableVersion>> currentDataVersions(Warehouse& w, const std::vector<std::string>& tables);

}  // namespace deskbase
