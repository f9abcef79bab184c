#pragma once
// The rows of one query run, shared by the executor, the cache, the CLI and the widgets.
#include <cstddef>
#include <vector>

#include "core/types/value.h"

namespace deskbase {

struct QueryResult {
    std::vector<Column> columns;  // names and logical types
    std::vector<Row> rows;        // at most the preview limit when one was asked for
    bool truncated = false;       // more rows existed than the preview limit
    bool fromCache = false;       // served by the result cache
    double elapsedMs = 0;         // wall time of this run (for a cache hit: the lookup)
    // A streamed run that keeps rows for the cache (QueryRequest::cacheRowsUpTo) outgrew it:
    // its rows were let go and nothing was stored.
    bool tooLargeToCache = false;

    // Approximate heap footprint, used to bound the cache.
    std::size_t approxBytes() const;
};

inline std::size_t QueryResult::approxBytes() const {
    std::size_t bytes = sizeof(QueryResult);
    for (const auto& c : columns) bytes += sizeof(Column) + c.name.capacity() + c.displayName.capacity();
    for (const auto& r : rows) {
        bytes += sizeof(Row) + r.capacity() * sizeof(Value);
        for (const auto& v : r)
            if (const auto* s = std::get_if<std::string>(&v); s && s->size() >= 16)
                bytes += s->capacity() + 1;
    }
    return bytes;
}

}  // namespace deskbase
