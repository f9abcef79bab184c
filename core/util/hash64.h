#pragma once
// A fast streaming 64-bit content hash (not cryptographic): identifies a file already
// loaded into a table. Processes 8 bytes per step so hashing never dominates ingestion.
#include <cstdint>
#include <cstring>
#include <string>

namespace deskbase {

class Hash64 {
public:
    void update(const char* data, std::size_t n) {
        total_ += n;
        // Finish a partial word from the previous call.
        while (pendingLen_ && n) {
            pending_[pendingLen_++] = *data++;
            --n;
            if (pendingLen_ == 8) { mixWord(load(pending_)); pendingLen_ = 0; }
        }
        while (n >= 8) { mixWord(load(data)); data += 8; n -= 8; }
        while (n) { pending_[pendingLen_++] = *data++; --n; }
    }
    std::uint64_t digest() const {
        std::uint64_t h = state_;
        char tail[8] = {};
        std::memcpy(tail, pending_, pendingLen_);
        h = mix(h ^ load(tail) ^ (std::uint64_t(pendingLen_) << 56));
        return mix(h ^ total_);
    }
    std::string hex() const {
        static const char* digits = "0123456789abcdef";
        std::uint64_t d = digest();
        std::string s(16, '0');
        for (int i = 15; i >= 0; --i, d >>= 4) s[std::size_t(i)] = digits[d & 15];
        return s;
    }

private:
    static std::uint64_t load(const char* p) { std::uint64_t v; std::memcpy(&v, p, 8); return v; }
    static std::uint64_t mix(std::uint64_t x) {  // splitmix64 finalizer
        x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ULL;
        x ^= x >> 27; x *= 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    }
    void mixWord(std::uint64_t w) { state_ = (state_ ^ (w * 0x9e3779b97f4a7c15ULL)); state_ = (state_ << 27 | state_ >> 37) * 0xff51afd7ed558ccdULL; }

    std::uint64_t state_ = 0x6a09e667f3bcc908ULL;
    std::uint64_t total_ = 0;
    char pending_[8] = {};
    std::size_t pendingLen_ = 0;
};

}  // namespace deskbase
