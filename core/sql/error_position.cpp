#include "core/sql/error_position.h"

#include <regex>

namespace deskbase {

namespace {
const std::regex& positionSuffix() {
    static const std::regex re(R"( \(at character (\d+)\)$)");
    return re;
}
bool isContinuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}
}  // namespace

std::optional<std::size_t> errorPosition(const std::string& message) {
    std::smatch m;
    if (!std::regex_search(message, m, positionSuffix())) return std::nullopt;
    const unsigned long n = std::stoul(m[1].str());
    if (n == 0) return std::nullopt;
    return std::size_t(n - 1);
}

std::string withoutErrorPosition(const std::string& message) {
    return std::regex_replace(message, positionSuffix(), "");
}

std::string withErrorPosition(const std::string& message, std::size_t index) {
    return withoutErrorPosition(message) + " (at character " + std::to_string(index + 1) + ")";
}

std::string shiftErrorPosition(const std::string& message, std::size_t delta) {
    const auto at = errorPosition(message);
    if (!at) return message;
    return *at >= delta ? withErrorPosition(message, *at - delta) : withoutErrorPosition(message);
}

std::size_t characterIndexOfByte(const std::string& text, std::size_t byteOffset) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < byteOffset && i < text.size(); ++i)
        if (!isContinuation(text[i])) ++chars;
    return chars;
}

std::size_t byteOffsetOfCharacter(const std::string& text, std::size_t characterIndex) {
    std::size_t i = 0;
    for (std::size_t chars = 0; i < text.size(); ++i) {
        if (isContinuation(text[i])) continue;
        if (chars++ == characterIndex) return i;
    }
    return text.size();
}

}  // namespace deskbase
