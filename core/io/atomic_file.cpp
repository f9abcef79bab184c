#include "core/io/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>

namespace deskbase {

namespace {

std::string reason(int err) {
    return std::strerror(err);
}

std::string randomSuffix() {
    thread_local std::mt19937_64 rng{std::random_device{}()};
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(rng()));
    return buf;
}

}  // namespace

FileSink::FileSink(int fd, std::string displayName) : fd_(fd), name_(std::move(displayName)) {}

FileSink::~FileSink() {
    if (fd_ >= 0) ::close(fd_);
}

Status FileSink::fail(int err) const {
    return Error{"Cannot write " + name_ + ": " + reason(err)};
}

Status FileSink::write(std::string_view bytes) {
    if (fd_ < 0) return fail(EBADF);
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail(errno);
        }
        if (n == 0) return fail(EIO);
        bytes_ += std::uint64_t(n);
        bytes.remove_prefix(std::size_t(n));
    }
    return {};
}

Status FileSink::sync() {
    if (fd_ < 0) return fail(EBADF);
    if (::fsync(fd_) != 0 && errno != EINVAL) return fail(errno);  // EINVAL: a device without fsync
    return {};
}

Status FileSink::close() {
    if (fd_ < 0) return {};
    const int rc = ::close(fd_);
    fd_ = -1;
    if (rc != 0 && errno != EINTR) return fail(errno);  // after EINTR the descriptor is closed anyway
    return {};
}

AtomicFile::AtomicFile(int fd, std::string path, std::string target, std::string tempPath)
    : sink_(fd, path), path_(std::move(path)), target_(std::move(target)), tempPath_(std::move(tempPath)) {}

AtomicFile::~AtomicFile() {
    abandon();
}

Result<std::unique_ptr<AtomicFile>> AtomicFile::create(const std::string& requested) {
    if (requested.empty()) return Error{"No file to write to"};
    std::string path = requested;
    // A symlink is written through, also when its target does not exist yet: rename would
    // otherwise replace the link itself with a file.
    struct stat lst {};
    for (int hops = 0; hops < 16 && ::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode); ++hops) {
        char target[PATH_MAX];
        const ssize_t n = ::readlink(path.c_str(), target, sizeof target - 1);
        if (n <= 0) return Error{"Cannot write " + requested + ": " + reason(errno)};
        target[n] = '\0';
        const auto linkDir = path.rfind('/');
        path = target[0] == '/' || linkDir == std::string::npos ? std::string(target)
                                                                : path.substr(0, linkDir + 1) + target;
    }
    struct stat st {};
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) return Error{"Cannot write " + requested + ": it is a folder"};
    if (exists && !S_ISREG(st.st_mode)) return Error{"Cannot write " + requested + ": not a regular file"};
    // A read-only file stays as it is, as a plain write to it would: the rename would replace it.
    if (exists && ::access(path.c_str(), W_OK) != 0)
        return Error{"Cannot write " + requested + ": " + reason(errno)};
    const auto slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    // 0666 lets the umask decide, as for any new file; an existing file keeps its permissions.
    const mode_t mode = exists ? (st.st_mode & 07777) : 0666;
    for (int attempt = 0; attempt < 20; ++attempt) {
        std::string temp = dir + "." + name + "." + randomSuffix() + ".part";
        const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (fd < 0) {
            if (errno == EEXIST) continue;
            return Error{"Cannot write " + requested + ": " + reason(errno)};
        }
        if (exists) (void)::fchmod(fd, mode);  // not subject to the umask
        return std::unique_ptr<AtomicFile>(new AtomicFile(fd, requested, path, std::move(temp)));
    }
    return Error{"Cannot write " + requested + ": no free temporary name beside it"};
}

Status AtomicFile::commit() {
    if (!open_) return Error{"Cannot write " + path_ + ": the file was already closed"};
    // The bytes must be on disk before the rename makes them the destination: otherwise a crash
    // could leave an empty file where the old one was.
    Status s = sink_.sync();
    if (s) s = sink_.close();
    if (s && ::rename(tempPath_.c_str(), target_.c_str()) != 0)
        s = Error{"Cannot write " + path_ + ": " + reason(errno)};
    if (!s) {
        abandon();
        return s;
    }
    open_ = false;
    return {};
}

Status writeFileAtomically(const std::string& path, std::string_view bytes) {
    const auto slash = path.rfind('/');
    if (slash != std::string::npos && slash > 0) {
        std::error_code ec;
        std::filesystem::create_directories(path.substr(0, slash), ec);  // a failure shows in create()
    }
    auto file = AtomicFile::create(path);
    if (!file) return file.status();
    if (Status s = (*file)->write(bytes); !s) return s;
    return (*file)->commit();
}

void AtomicFile::abandon() {
    if (!open_) return;
    (void)sink_.close();
    ::unlink(tempPath_.c_str());
    open_ = false;
}

}  // namespace deskbase
