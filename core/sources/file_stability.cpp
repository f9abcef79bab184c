#include "core/sources/file_stability.h"

#include <algorithm>

namespace deskbase {

namespace {

std::chrono::milliseconds waitOf(double stableSeconds) {
    return std::chrono::milliseconds(std::int64_t(stableSeconds * 1000.0 + 0.5));
}

}  // namespace

bool FileStability::observe(const std::string& path, FileSeen seen, WallTime now, double stableSeconds) {
    auto it = seen_.find(path);
    if (it == seen_.end())
        it = seen_.emplace(path, Entry{seen, seen.modified}).first;
    else if (!(it->second.seen == seen))
        it->second = Entry{seen, now};
    return remaining(path, now, stableSeconds).count() == 0;
}

std::chrono::milliseconds FileStability::remaining(const std::string& path, WallTime now,
                                                   double stableSeconds) const {
    auto it = seen_.find(path);
    if (it == seen_.end()) return waitOf(stableSeconds);
    const WallTime quietSince = std::max(it->second.since, it->second.seen.modified);
    const auto left = quietSince + waitOf(stableSeconds) - now;
    return std::max(left, std::chrono::milliseconds(0));
}

}  // namespace deskbase
