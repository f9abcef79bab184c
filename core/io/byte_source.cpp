#include "core/io/byte_source.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace deskbase {

namespace {

// Windows-1252 code points for bytes 0x80..0x9F (the rest of the range is Latin-1).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

std::size_t putUtf8(char32_t cp, char* out) {
    if (cp < 0x80) { out[0] = char(cp); return 1; }
    if (cp < 0x800) { out[0] = char(0xC0 | (cp >> 6)); out[1] = char(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        out[0] = char(0xE0 | (cp >> 12)); out[1] = char(0x80 | ((cp >> 6) & 0x3F)); out[2] = char(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = char(0xF0 | (cp >> 18)); out[1] = char(0x80 | ((cp >> 12) & 0x3F));
    out[2] = char(0x80 | ((cp >> 6) & 0x3F)); out[3] = char(0x80 | (cp & 0x3F));
    return 4;
}

}  // namespace

Result<std::unique_ptr<ByteSource>> ByteSource::open(const std::string& path, TextEncoding encoding) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return Error{"cannot open " + path + ": " + std::strerror(errno)};
    std::fseek(f, 0, SEEK_END);
    const long size = std::ftell(f);
    std::fseek(f, 0, SEEK_SET);
    std::setvbuf(f, nullptr, _IONBF, 0);  // we read in large blocks ourselves
    auto src = std::unique_ptr<ByteSource>(new ByteSource(f, encoding, size < 0 ? 0 : size));
    // Skip the byte order mark; it is part of the hash but not of the text.
    std::size_t bom = encoding == TextEncoding::Utf8Bom ? 3
                      : (encoding == TextEncoding::Utf16LE || encoding == TextEncoding::Utf16BE) ? 2 : 0;
    if (bom) {
        char tmp[3];
        if (src->readRaw(tmp, bom) != bom) return Error{path + ": file ends inside its byte order mark"};
        // A UTF-16 file without a BOM is not produced by sniffing, so any BOM here is real.
    }
    return src;
}

ByteSource::~ByteSource() {
    if (file_) std::fclose(file_);
}

std::size_t ByteSource::readRaw(char* dst, std::size_t max) {
    const std::size_t n = std::fread(dst, 1, max, file_);
    hash_.update(dst, n);
    rawOffset_ += std::int64_t(n);
    return n;
}

Result<std::size_t> ByteSource::read(char* dst, std::size_t max) {
    switch (encoding_) {
        case TextEncoding::Utf8:
        case TextEncoding::Utf8Bom: {
            const std::size_t n = readRaw(dst, max);
            if (std::ferror(file_)) return Error{std::string("read error: ") + std::strerror(errno)};
            if (validUtf8_) checkUtf8(reinterpret_cast<const unsigned char*>(dst), n);
            if (n == 0 && utf8Pending_) validUtf8_ = false;  // truncated sequence at the end
            return n;
        }
        case TextEncoding::Windows1252: {
            // Each byte becomes at most 3 UTF-8 bytes.
            raw_.resize(max / 3);
            const std::size_t n = readRaw(reinterpret_cast<char*>(raw_.data()), raw_.size());
            if (std::ferror(file_)) return Error{std::string("read error: ") + std::strerror(errno)};
            return decode1252(raw_.data(), n, dst);
        }
        case TextEncoding::Utf16LE:
        case TextEncoding::Utf16BE: {
            // Two bytes become at most 3 UTF-8 bytes; a surrogate pair (4 bytes) becomes 4.
            // The carried bytes (up to 3) may add one more unit of output: read one unit less
            // (callers pass buffers of 1 MiB or more; anything from 6 bytes on stays within max).
            const std::size_t units = max / 3 - (carryLen_ > 0 && max / 3 > 1 ? 1 : 0);
            raw_.resize(carryLen_ + units * 2);
            std::memcpy(raw_.data(), carry_, carryLen_);
            const std::size_t got =
                readRaw(reinterpret_cast<char*>(raw_.data() + carryLen_), raw_.size() - carryLen_);
            if (std::ferror(file_)) return Error{std::string("read error: ") + std::strerror(errno)};
            const std::size_t n = carryLen_ + got;
            carryLen_ = 0;
            if (got == 0 && n > 0) return Error{"UTF-16 text ends in the middle of a character"};
            return decodeUtf16(raw_.data(), n, dst);
        }
    }
    return std::size_t{0};
}

void ByteSource::checkUtf8(const unsigned char* p, std::size_t n) {
    std::size_t i = 0;
    while (i < n) {
        if (utf8Pending_) {
            if ((p[i] & 0xC0) != 0x80) { validUtf8_ = false; return; }
            --utf8Pending_;
            ++i;
            continue;
        }
        // ASCII fast path, 8 bytes at a time.
        while (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        const unsigned char c = p[i++];
        if (c < 0x80) continue;
        if (c >= 0xC2 && c <= 0xDF) utf8Pending_ = 1;
        else if (c >= 0xE0 && c <= 0xEF) utf8Pending_ = 2;
        else if (c >= 0xF0 && c <= 0xF4) utf8Pending_ = 3;
        else { validUtf8_ = false; return; }
    }
}

std::size_t ByteSource::decode1252(const unsigned char* p, std::size_t n, char* out) {
    std::size_t o = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char c = p[i];
        if (c < 0x80) out[o++] = char(c);
        else if (c < 0xA0) o += putUtf8(kCp1252High[c - 0x80], out + o);
        else o += putUtf8(c, out + o);
    }
    return o;
}

std::size_t ByteSource::decodeUtf16(const unsigned char* p, std::size_t n, char* out) {
    const bool le = encoding_ == TextEncoding::Utf16LE;
    std::size_t o = 0, i = 0;
    while (i + 2 <= n) {
        char16_t u = le ? char16_t(p[i] | (p[i + 1] << 8)) : char16_t((p[i] << 8) | p[i + 1]);
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 4 > n) break;  // keep the high surrogate for the next chunk
            char16_t lo = le ? char16_t(p[i + 2] | (p[i + 3] << 8)) : char16_t((p[i + 2] << 8) | p[i + 3]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                o += putUtf8(0x10000 + ((char32_t(u) - 0xD800) << 10) + (lo - 0xDC00), out + o);
                i += 4;
                continue;
            }
            o += putUtf8(0xFFFD, out + o);
            i += 2;
            continue;
        }
        o += putUtf8(u >= 0xDC00 && u <= 0xDFFF ? char32_t(0xFFFD) : char32_t(u), out + o);
        i += 2;
    }
    carryLen_ = n - i;
    std::memcpy(carry_, p + i, carryLen_);
    return o;
}

Result<bool> refillBuffer(ByteSource& source, std::vector<char>& buffer, std::size_t& begin, std::size_t& end,
                          bool& eof) {
    constexpr std::size_t kBlock = 1 << 20;  // 1 MiB reads
    if (eof) return false;
    const std::size_t keep = end - begin;
    if (begin > 0) {
        std::memmove(buffer.data(), buffer.data() + begin, keep);
        begin = 0;
        end = keep;
    }
    if (buffer.size() - end < kBlock) buffer.resize(std::max(buffer.size() * 2, end + kBlock));
    auto n = source.read(buffer.data() + end, buffer.size() - end);
    if (!n) return Error{n.message()};
    if (*n == 0) eof = true;
    end += *n;
    return true;
}

}  // namespace deskbase
