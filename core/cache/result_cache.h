#pragma once
// Two-tier result cache: memory (LRU bounded by bytes) and disk (<workspace>/.deskbase/cache,
// one compact binary file per entry, written atomically, bounded total size, LRU eviction).
// Key: connection identity + normalized SQL + bound values (+ preview row limit).
// A hit is served only when unexpired and every table the query read still has the data
// version recorded when the result was stored (one small query). Thread-safe.
#include <cstdint>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/cache/cache_policy.h"
#include "core/cache/data_versions.h"
#include "core/exec/query_result.h"
#include "core/sql/dialect.h"

namespace deskbase {

class Warehouse;

struct CacheKey {
    std::string connection;     // Warehouse::identity()
    std::string sql;            // normalizeSql() of the final SQL (core/sql/normalize_sql.h)
    std::vector<Value> params;  // bound values
    std::size_t rowLimit = 0;   // preview limit (0 = all rows)

    static CacheKey make(const std::string& identity, const Dialect& dialect, const std::string& sql,
                         const std::vector<Value>& params, std::size_t rowLimit = 0);
    std::string serialized() const;  // canonical bytes, compared on lookup (no hash collisions)
    std::string digest() const;      // hex SHA-1 of serialized(): the entry's file name
};

struct CacheOptions {
    std::string dir;  // disk tier folder; empty = memory only
    std::int64_t maxMemoryBytes = 256ll << 20;
    std::int64_t maxDiskBytes = 1024ll << 20;
    // Wall-clock milliseconds since the epoch, for expiry (entries outlive restarts). Empty: the
    // system clock. Tests pass a clock they move by hand.
    std::function<std::int64_t()> nowMs;
};

struct CacheStats {
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    std::uint64_t stores = 0;
    std::uint64_t memoryHits = 0;
    std::uint64_t diskHits = 0;
    std::uint64_t invalidations = 0;  // entries dropped because data changed
    std::int64_t memoryBytes = 0;
    std::int64_t memoryEntries = 0;
    std::int64_t diskBytes = 0;
    std::int64_t diskEntries = 0;
};

class ResultCache {
public:
    explicit ResultCache(CacheOptions options = {});
    ~ResultCache();
    ResultCache(const ResultCache&) = delete;
    ResultCache& operator=(const ResultCache&) = delete;

    // A fresh cached result (fromCache = true) or nullopt. `w` answers the data-version check;
    // it must be a connection to key.connection.
    std::optional<QueryResult> lookup(const CacheKey& key, Warehouse& w);

    // Keeps `result` when `policy` says so for a run that took `runMs`. `versions` must be the
    // versions of the tables the query reads, taken BEFORE it ran. `epoch`, when given, is
    // epoch() from before the run: after a purge since then nothing is kept (the run may have
    // read data the purge was for). Returns whether it was kept.
    bool store(const CacheKey& key, const QueryResult& result, double runMs,
               std::vector<TableVersion> versions, const CachePolicy& policy,
               std::optional<std::uint64_t> epoch = std::nullopt);

    void remove(const CacheKey& key);
    void purge();  // empties both tiers (and deletes the cache files); a new epoch()
    std::uint64_t epoch() const;
    CacheStats stats() const;
    const CacheOptions& options() const { return options_; }

    struct Entry;  // implementation detail (result_cache.cpp)

private:
    std::shared_ptr<const Entry> findInMemory(const std::string& digest, const std::string& serializedKey);
    std::shared_ptr<const Entry> loadFromDisk(const std::string& digest, const std::string& serializedKey);
    void insertInMemory(const std::string& digest, std::shared_ptr<const Entry> e);
    void dropLocked(const std::string& digest);
    void evictMemoryLocked();
    void evictDiskLocked();
    void writeToDisk(const std::string& digest, const Entry& e);
    void scanDisk();
    std::string filePath(const std::string& digest) const;

    std::int64_t now() const;

    CacheOptions options_;
    mutable std::mutex mutex_;
    std::uint64_t epoch_ = 0;  // purges so far
    CacheStats stats_;
    // Memory tier: most recently used at the front.
    std::list<std::pair<std::string, std::shared_ptr<const Entry>>> lru_;
    std::unordered_map<std::string, decltype(lru_)::iterator> byDigest_;
    // Disk tier index: digest -> (file bytes, last use tick).
    struct DiskItem {
        std::int64_t bytes = 0;
        std::int64_t lastUse = 0;
    };
    std::map<std::string, DiskItem> disk_;
    std::int64_t useTick_ = 0;
    // Run durations per key for the adaptive policy: digest -> (sum ms, runs).
    std::unordered_map<std::string, std::pair<double, int>> durations_;
};

}  // namespace deskbase
