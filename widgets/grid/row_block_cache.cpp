#include "widgets/grid/row_block_cache.h"

namespace deskbase::widgets {

RowBlockCache::RowBlockCache(std::size_t blockRows, std::size_t maxBlocks)
    : blockRows_(blockRows ? blockRows : 1), maxBlocks_(maxBlocks ? maxBlocks : 1) {}

const Row* RowBlockCache::row(std::int64_t row) {
    if (row < 0) return nullptr;
    auto it = blocks_.find(blockOf(row));
    if (it == blocks_.end()) return nullptr;
    const std::size_t offset = std::size_t(row % std::int64_t(blockRows_));
    if (offset >= it->second.rows.size()) return nullptr;
    lru_.splice(lru_.begin(), lru_, it->second.lruPos);
    return &it->second.rows[offset];
}

void RowBlockCache::insert(std::int64_t block, std::vector<Row> rows) {
    if (auto it = blocks_.find(block); it != blocks_.end()) {
        cachedRows_ -= it->second.rows.size();
        lru_.erase(it->second.lruPos);
        blocks_.erase(it);
    }
    while (blocks_.size() >= maxBlocks_ && !lru_.empty()) {
        auto victim = blocks_.find(lru_.back());
        cachedRows_ -= victim->second.rows.size();
        blocks_.erase(victim);
        lru_.pop_back();
    }
    lru_.push_front(block);
    cachedRows_ += rows.size();
    blocks_.emplace(block, Entry{std::move(rows), lru_.begin()});
}

void RowBlockCache::clear() {
    blocks_.clear();
    lru_.clear();
    cachedRows_ = 0;
}

}  // namespace deskbase::widgets
