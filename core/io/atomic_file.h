#pragma once
// Writing a file so that it appears whole or not at all: the bytes go to a temporary file beside
// the destination, renamed over it only by commit(). A failed or abandoned write removes the
// temporary file and leaves an existing destination as it was. Errors are one line naming the
// destination and the reason, e.g. "Cannot write /tmp/out.csv: No space left on device".
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/util/result.h"

namespace deskbase {

// An open file descriptor that writes every byte or says why not. Plain write(2) rather than a
// stream, so a failure (ENOSPC, EFBIG, EIO) is seen at the block it happens, with its errno.
class FileSink {
public:
    FileSink(int fd, std::string displayName);  // takes ownership of fd
    ~FileSink();                                // closes, ignoring errors (use close() to see them)
    FileSink(const FileSink&) = delete;
    FileSink& operator=(const FileSink&) = delete;

    Status write(std::string_view bytes);  // retries short writes and EINTR
    Status sync();                         // fsync
    Status close();                        // some filesystems (NFS, quotas) report errors only here
    std::uint64_t bytesWritten() const { return bytes_; }

private:
    Status fail(int err) const;

    int fd_;
    std::string name_;
    std::uint64_t bytes_ = 0;
};

class AtomicFile {
public:
    // Creates ".<name>.<random>.part" beside `path`, with the existing destination's permissions
    // (or a new file's). A symlinked destination is written through (also to a target not there
    // yet), not replaced by a file. A destination this user may not write is refused.
    static Result<std::unique_ptr<AtomicFile>> create(const std::string& path);
    ~AtomicFile();  // abandons unless committed
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    Status write(std::string_view bytes) { return sink_.write(bytes); }
    std::uint64_t bytesWritten() const { return sink_.bytesWritten(); }
    // fsync, close and rename over the destination. On failure the temporary file is removed.
    Status commit();
    void abandon();  // removes the temporary file; the destination is untouched

    const std::string& path() const { return path_; }
    const std::string& tempPath() const { return tempPath_; }

private:
    AtomicFile(int fd, std::string path, std::string target, std::string tempPath);

    FileSink sink_;
    std::string path_;    // as asked for (named in errors)
    std::string target_;  // what the rename replaces: path_ with a symlink resolved
    std::string tempPath_;
    bool open_ = true;  // the temporary file still exists
};

// The one way a whole file is written (questions, dashboards, settings, checks, the demo files,
// cache entries): `bytes` go through an AtomicFile, so the destination is the new bytes or, after
// any failure, exactly what it was. Missing parent folders are made first. The error is one line:
// "Cannot write /w/questions/q.json: Permission denied".
Status writeFileAtomically(const std::string& path, std::string_view bytes);

}  // namespace deskbase
