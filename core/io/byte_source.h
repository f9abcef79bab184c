#pragma once
// Reads a file as UTF-8 bytes whatever its encoding (BOM skipped, UTF-16 and Windows-1252
// converted on the way in), hashing the raw bytes and checking UTF-8 validity as it goes.
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "core/io/file_format.h"
#include "core/util/hash64.h"
#include "core/util/result.h"

namespace deskbase {

class ByteSource {
public:
    static Result<std::unique_ptr<ByteSource>> open(const std::string& path, TextEncoding encoding);
    ~ByteSource();

    // Appends up to `max` UTF-8 bytes to dst; returns how many (0 at the end of the file).
    Result<std::size_t> read(char* dst, std::size_t max);

    std::int64_t rawOffset() const { return rawOffset_; }  // file bytes consumed, for progress
    std::int64_t rawSize() const { return rawSize_; }
    std::string contentHash() const { return hash_.hex(); }
    // For UTF-8 input: false once an invalid sequence was seen (the caller may retry as Windows-1252).
    bool validUtf8() const { return validUtf8_; }

private:
    ByteSource(std::FILE* f, TextEncoding e, std::int64_t size) : file_(f), encoding_(e), rawSize_(size) {}
    std::size_t readRaw(char* dst, std::size_t max);
    void checkUtf8(const unsigned char* p, std::size_t n);
    std::size_t decodeUtf16(const unsigned char* p, std::size_t n, char* out);
    std::size_t decode1252(const unsigned char* p, std::size_t n, char* out);

    std::FILE* file_;
    TextEncoding encoding_;
    std::int64_t rawSize_;
    std::int64_t rawOffset_ = 0;
    Hash64 hash_;
    bool validUtf8_ = true;
    int utf8Pending_ = 0;                 // continuation bytes still expected across chunks
    std::vector<unsigned char> raw_;      // scratch for transcoding
    unsigned char carry_[3] = {};         // UTF-16: an odd byte or a high surrogate across chunks
    std::size_t carryLen_ = 0;
};

// Keeps the unread bytes buffer[begin, end) (moved to the front, the buffer growing when they
// fill it) and reads more after them. False when the input had already ended; sets `eof` when
// this read found the end.
Result<bool> refillBuffer(ByteSource& source, std::vector<char>& buffer, std::size_t& begin, std::size_t& end,
                          bool& eof);

}  // namespace deskbase
