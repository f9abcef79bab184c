#pragma once
// A bounded, least-recently-used cache of row blocks: the memory a result grid holds does not
// depend on the size of the result, only on blockRows * maxBlocks.
#include <cstdint>
#include <list>
#include <unordered_map>
#include <vector>

#include "core/types/value.h"

namespace deskbase::widgets {

class RowBlockCache {
public:
    RowBlockCache(std::size_t blockRows, std::size_t maxBlocks);

    std::size_t blockRows() const { return blockRows_; }
    std::size_t maxBlocks() const { return maxBlocks_; }
    std::int64_t blockOf(std::int64_t row) const { return row / std::int64_t(blockRows_); }

    // The row, or nullptr when its block is not cached. Marks the block as recently used.
    const Row* row(std::int64_t row);
    bool contains(std::int64_t block) const { return blocks_.count(block) > 0; }
    // Stores a block, evicting the least recently used ones beyond maxBlocks.
    void insert(std::int64_t block, std::vector<Row> rows);
    void clear();

    std::size_t cachedBlocks() const { return blocks_.size(); }
    std::size_t cachedRows() const { return cachedRows_; }

private:
    struct Entry {
        std::vector<Row> rows;
        std::list<std::int64_t>::iterator lruPos;
    };
    std::size_t blockRows_;
    std::size_t maxBlocks_;
    std::list<std::int64_t> lru_;  // front = most recently used
    std::unordered_map<std::int64_t, Entry> blocks_;
    std::size_t cachedRows_ = 0;
};

}  // namespace deskbase::widgets
