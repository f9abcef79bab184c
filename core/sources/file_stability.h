#pragma once
// When a file has stopped changing, so a file still being copied is never half-imported: its size
// and modification time have been the same for `stableSeconds`. The tracker remembers what it
// saw of each file; a file it sees for the first time counts as unchanged since its modification
// time, so a runner that starts (or `deskbase run`) takes a file written long ago at once, and a
// file written a moment ago only once it has been quiet for the wait.
#include <chrono>
#include <cstdint>
#include <map>
#include <string>

namespace deskbase {

using WallTime = std::chrono::time_point<std::chrono::system_clock, std::chrono::milliseconds>;

struct FileSeen {
    std::int64_t size = 0;
    WallTime modified{};
    bool operator==(const FileSeen& o) const { return size == o.size && modified == o.modified; }
};

class FileStability {
public:
    // Records what the file looks like `now` and says whether it has stopped changing.
    bool observe(const std::string& path, FileSeen seen, WallTime now, double stableSeconds);
    // How long until the file can be stable, if it stays as it is (0: it is).
    std::chrono::milliseconds remaining(const std::string& path, WallTime now, double stableSeconds) const;
    void forget(const std::string& path) { seen_.erase(path); }

private:
    struct Entry {
        FileSeen seen;
        WallTime since;  // unchanged since then, as far as the tracker knows
    };
    std::map<std::string, Entry> seen_;
};

}  // namespace deskbase
