#include "core/cache/result_cache.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/cache/result_codec.h"
#include "core/io/atomic_file.h"
#include "core/sql/normalize_sql.h"
#include "core/warehouse/warehouse.h"

namespace deskbase {

namespace fs = std::filesystem;

namespace {

constexpr const char* kExtension = ".dbrc";

std::int64_t systemNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

struct ResultCache::Entry {
    CachedResult data;  // key, expiry, versions, result (see result_codec.h)
    std::size_t bytes = 0;
};

CacheKey CacheKey::make(const std::string& identity, const Dialect& dialect, const std::string& sql,
                        const std::vector<Value>& params, std::size_t rowLimit) {
    return CacheKey{identity, normalizeSql(sql, dialect), params, rowLimit};
}

std::string CacheKey::serialized() const {
    ByteWriter w;
    w.str(connection);
    w.str(sql);
    w.u64(rowLimit);
    w.u32(std::uint32_t(params.size()));
    for (const auto& v : params) w.value(v);
    return w.take();
}

std::string CacheKey::digest() const {
    const std::string s = serialized();
    return QCryptographicHash::hash(QByteArrayView(s.data(), qsizetype(s.size())), QCryptographicHash::Sha1)
        .toHex()
        .toStdString();
}

ResultCache::ResultCache(CacheOptions options) : options_(std::move(options)) {
    if (!options_.dir.empty()) scanDisk();
}

ResultCache::~ResultCache() = default;

std::int64_t ResultCache::now() const {
    return options_.nowMs ? options_.nowMs() : systemNowMs();
}

std::uint64_t ResultCache::epoch() const {
    std::lock_guard lock(mutex_);
    return epoch_;
}

std::string ResultCache::filePath(const std::string& digest) const {
    return (fs::path(options_.dir) / (digest + kExtension)).string();
}

void ResultCache::scanDisk() {
    std::error_code ec;
    fs::create_directories(options_.dir, ec);
    std::vector<std::pair<fs::file_time_type, std::string>> byAge;
    for (const auto& e : fs::directory_iterator(options_.dir, ec)) {
        const auto name = e.path().filename().string();
        if (name.find(".tmp") != std::string::npos || name.ends_with(".part")) {  // left by a crash mid-write
            fs::remove(e.path(), ec);
            continue;
        }
        if (e.path().extension() != kExtension) continue;
        byAge.emplace_back(e.last_write_time(ec), e.path().stem().string());
        disk_[e.path().stem().string()].bytes = std::int64_t(e.file_size(ec));
    }
    // Older files get lower use ticks, so they are evicted first.
    std::sort(byAge.begin(), byAge.end());
    for (const auto& [time, digest] : byAge) disk_[digest].lastUse = ++useTick_;
    for (const auto& [digest, item] : disk_) stats_.diskBytes += item.bytes;
    stats_.diskEntries = std::int64_t(disk_.size());
    std::lock_guard lock(mutex_);
    evictDiskLocked();
}

std::shared_ptr<const ResultCache::Entry> ResultCache::findInMemory(const std::string& digest,
                                                                    const std::string& serializedKey) {
    std::lock_guard lock(mutex_);
    auto it = byDigest_.find(digest);
    if (it == byDigest_.end()) return nullptr;
    auto entry = it->second->second;
    if (entry->data.key != serializedKey) return nullptr;
    lru_.splice(lru_.begin(), lru_, it->second);
    if (auto d = disk_.find(digest); d != disk_.end()) d->second.lastUse = ++useTick_;
    return entry;
}

std::shared_ptr<const ResultCache::Entry> ResultCache::loadFromDisk(const std::string& digest,
                                                                    const std::string& serializedKey) {
    {
        std::lock_guard lock(mutex_);
        auto it = disk_.find(digest);
        if (it == disk_.end()) return nullptr;
        it->second.lastUse = ++useTick_;
    }
    // One fread of the whole file, then decode from memory.
    std::string bytes;
    if (std::FILE* f = std::fopen(filePath(digest).c_str(), "rb")) {
        std::fseek(f, 0, SEEK_END);
        const long size = std::ftell(f);
        std::fseek(f, 0, SEEK_SET);
        if (size > 0) {
            bytes.resize(std::size_t(size));
            if (std::fread(bytes.data(), 1, bytes.size(), f) != bytes.size()) bytes.clear();
        }
        std::fclose(f);
    }
    auto decoded = decodeCachedResult(bytes);
    if (!decoded || decoded->key != serializedKey) {
        if (!decoded) {  // unreadable or truncated: forget it
            std::lock_guard lock(mutex_);
            dropLocked(digest);
        }
        return nullptr;
    }
    auto entry = std::make_shared<Entry>();
    entry->data = std::move(*decoded);
    entry->bytes = entry->data.result.approxBytes() + entry->data.key.size();
    std::shared_ptr<const Entry> shared = entry;
    insertInMemory(digest, shared);
    return shared;
}

void ResultCache::insertInMemory(const std::string& digest, std::shared_ptr<const Entry> e) {
    std::lock_guard lock(mutex_);
    if (auto it = byDigest_.find(digest); it != byDigest_.end()) {
        stats_.memoryBytes -= std::int64_t(it->second->second->bytes);
        lru_.erase(it->second);
        byDigest_.erase(it);
    }
    if (std::int64_t(e->bytes) > options_.maxMemoryBytes) return;  // larger than the whole tier
    stats_.memoryBytes += std::int64_t(e->bytes);
    lru_.emplace_front(digest, std::move(e));
    byDigest_[digest] = lru_.begin();
    evictMemoryLocked();
    stats_.memoryEntries = std::int64_t(lru_.size());
}

void ResultCache::evictMemoryLocked() {
    while (stats_.memoryBytes > options_.maxMemoryBytes && !lru_.empty()) {
        stats_.memoryBytes -= std::int64_t(lru_.back().second->bytes);
        byDigest_.erase(lru_.back().first);
        lru_.pop_back();
    }
    stats_.memoryEntries = std::int64_t(lru_.size());
}

void ResultCache::evictDiskLocked() {
    while (stats_.diskBytes > options_.maxDiskBytes && !disk_.empty()) {
        auto oldest = disk_.begin();
        for (auto it = disk_.begin(); it != disk_.end(); ++it)
            if (it->second.lastUse < oldest->second.lastUse) oldest = it;
        std::error_code ec;
        fs::remove(filePath(oldest->first), ec);
        stats_.diskBytes -= oldest->second.bytes;
        disk_.erase(oldest);
    }
    stats_.diskEntries = std::int64_t(disk_.size());
}

void ResultCache::dropLocked(const std::string& digest) {
    if (auto it = byDigest_.find(digest); it != byDigest_.end()) {
        stats_.memoryBytes -= std::int64_t(it->second->second->bytes);
        lru_.erase(it->second);
        byDigest_.erase(it);
        stats_.memoryEntries = std::int64_t(lru_.size());
    }
    if (auto it = disk_.find(digest); it != disk_.end()) {
        std::error_code ec;
        fs::remove(filePath(digest), ec);
        stats_.diskBytes -= it->second.bytes;
        disk_.erase(it);
        stats_.diskEntries = std::int64_t(disk_.size());
    }
}

std::optional<QueryResult> ResultCache::lookup(const CacheKey& key, Warehouse& w) {
    const auto start = std::chrono::steady_clock::now();
    const std::string serializedKey = key.serialized();
    const std::string digest =
        QCryptographicHash::hash(QByteArrayView(serializedKey.data(), qsizetype(serializedKey.size())),
                                 QCryptographicHash::Sha1)
            .toHex()
            .toStdString();
    bool fromDisk = false;
    auto entry = findInMemory(digest, serializedKey);
    if (!entry && !options_.dir.empty()) {
        entry = loadFromDisk(digest, serializedKey);
        fromDisk = entry != nullptr;
    }
    auto miss = [&](bool drop, bool changed) -> std::optional<QueryResult> {
        std::lock_guard lock(mutex_);
        if (drop) dropLocked(digest);
        if (changed) ++stats_.invalidations;
        ++stats_.misses;
        return std::nullopt;
    };
    if (!entry) return miss(false, false);
    if (entry->data.expiresAtMs <= now()) return miss(true, false);
    // Served only while every table read is at the version recorded at store time.
    std::vector<std::string> tables;
    for (const auto& tv : entry->data.versions) tables.push_back(tv.table);
    if (!tables.empty()) {
        auto current = currentDataVersions(w, tables);
        if (!current) return miss(false, false);
        if (*current != entry->data.versions) return miss(true, true);
    }
    QueryResult result = entry->data.result;
    result.fromCache = true;
    result.elapsedMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::lock_guard lock(mutex_);
    ++stats_.hits;
    ++(fromDisk ? stats_.diskHits : stats_.memoryHits);
    return result;
}

bool ResultCache::store(const CacheKey& key, const QueryResult& result, double runMs,
                        std::vector<TableVersion> versions, const CachePolicy& policy,
                        std::optional<std::uint64_t> epoch) {
    const std::string serializedKey = key.serialized();
    const std::string digest = key.digest();
    double average = runMs;
    {
        std::lock_guard lock(mutex_);
        if (durations_.size() > 100000) durations_.clear();
        auto& [sum, runs] = durations_[digest];
        sum += runMs;
        ++runs;
        average = sum / runs;
    }
    const std::int64_t keep = policy.keepMs(runMs, average);
    if (keep <= 0) return false;
    auto entry = std::make_shared<Entry>();
    entry->data.key = serializedKey;
    entry->data.expiresAtMs = now() + keep;
    entry->data.versions = std::move(versions);
    entry->data.result = result;
    entry->data.result.fromCache = false;
    entry->data.result.elapsedMs = runMs;
    entry->bytes = entry->data.result.approxBytes() + serializedKey.size();
    if (epoch && *epoch != this->epoch()) return false;  // purged while the run was on its way
    if (!options_.dir.empty()) writeToDisk(digest, *entry);
    insertInMemory(digest, entry);
    std::lock_guard lock(mutex_);
    if (epoch && *epoch != epoch_) {  // a purge landed while the entry was written: undo it
        dropLocked(digest);
        return false;
    }
    ++stats_.stores;
    return true;
}

void ResultCache::writeToDisk(const std::string& digest, const Entry& e) {
    const std::string bytes = encodeCachedResult(e.data);
    if (std::int64_t(bytes.size()) > options_.maxDiskBytes) return;
    std::error_code ec;
    fs::create_directories(options_.dir, ec);
    // Whole or not at all (a temporary file renamed over it): a reader never sees half an entry,
    // a crash leaves only a temporary file, removed by the next scanDisk().
    if (!writeFileAtomically(filePath(digest), bytes)) return;
    std::lock_guard lock(mutex_);
    auto& item = disk_[digest];
    stats_.diskBytes += std::int64_t(bytes.size()) - item.bytes;
    item.bytes = std::int64_t(bytes.size());
    item.lastUse = ++useTick_;
    evictDiskLocked();
}

void ResultCache::remove(const CacheKey& key) {
    std::lock_guard lock(mutex_);
    dropLocked(key.digest());
}

void ResultCache::purge() {
    std::lock_guard lock(mutex_);
    ++epoch_;
    lru_.clear();
    byDigest_.clear();
    std::error_code ec;
    for (const auto& [digest, item] : disk_) fs::remove(filePath(digest), ec);
    disk_.clear();
    durations_.clear();
    stats_.memoryBytes = stats_.memoryEntries = stats_.diskBytes = stats_.diskEntries = 0;
}

CacheStats ResultCache::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

}  // namespace deskbase
