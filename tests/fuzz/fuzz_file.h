// The readers open files by path: each input is written to one scratch file per process first.
#pragma once
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

namespace deskbase::fuzz {

inline const std::string& scratchPath(const char* suffix) {
    static const std::string path = [suffix] {
        const char* dir = std::getenv("TMPDIR");
        return std::string(dir && *dir ? dir : "/tmp") + "/deskbase-fuzz-" + std::to_string(getpid()) +
               suffix;
    }();
    return path;
}

// Writes the input to the scratch file; false when it cannot (the run is then skipped).
inline bool writeScratch(const std::string& path, const std::uint8_t* data, std::size_t size) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return false;
    const bool ok = std::fwrite(data, 1, size, f) == size;
    return std::fclose(f) == 0 && ok;
}

}  // namespace deskbase::fuzz
