#include "core/ingest/reject_spill.h"

namespace deskbase {

namespace {
constexpr std::size_t kMaxRaw = 64 * 1024;  // a runaway record (unterminated quote) is cut, and says so
}

RejectSpill::RejectSpill() : file_(std::tmpfile()) {}

RejectSpill::~RejectSpill() {
    if (file_) std::fclose(file_);
}

void RejectSpill::add(std::int64_t line, std::string_view reason, std::string_view raw) {
    if (count_++ == 0) {
        firstLine_ = line;
        firstReason_ = std::string(reason);
    }
    if (!file_) return;
    std::string cut;
    if (raw.size() > kMaxRaw) {
        cut = std::string(raw.substr(0, kMaxRaw)) + "... [cut: " + std::to_string(raw.size()) + " bytes]";
        raw = cut;
    }
    const auto rl = std::uint32_t(reason.size()), wl = std::uint32_t(raw.size());
    std::fwrite(&line, sizeof line, 1, file_);
    std::fwrite(&rl, sizeof rl, 1, file_);
    std::fwrite(reason.data(), 1, rl, file_);
    std::fwrite(&wl, sizeof wl, 1, file_);
    std::fwrite(raw.data(), 1, wl, file_);
}

}  // namespace deskbase
