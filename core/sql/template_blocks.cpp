#include "core/sql/template_blocks.h"

#include <cctype>

namespace deskbase {

namespace {

std::string_view trimmed(std::string_view s) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return s;
}

std::size_t keywordEnd(const std::string& body) {
    std::size_t i = 0;
    while (i < body.size() && (std::isalnum(static_cast<unsigned char>(body[i])) || body[i] == '_')) ++i;
    return i;
}

}  // namespace

std::string TemplateBlock::keyword() const {
    if (kind != TokenKind::Statement) return {};
    return body.substr(0, keywordEnd(body));
}

std::string TemplateBlock::afterKeyword() const {
    if (kind != TokenKind::Statement) return {};
    return std::string(trimmed(std::string_view(body).substr(keywordEnd(body))));
}

Result<std::vector<TemplateBlock>> templateBlocks(std::string_view sql, const Dialect& dialect) {
    const auto tokens = tokenize(sql, dialect, TokenizeOptions{TemplateMode::Jinja});
    if (auto s = lexError(tokens, dialect); !s) return Error{s.message()};
    std::vector<TemplateBlock> out;
    for (const Token& t : tokens) {
        if (t.kind != TokenKind::Expression && t.kind != TokenKind::Statement &&
            t.kind != TokenKind::TemplateComment)
            continue;
        std::string_view inner = t.text(sql).substr(2, t.length - 4);  // lexError: every block is closed
        TemplateBlock b;
        b.kind = t.kind;
        b.offset = t.offset;
        b.length = t.length;
        b.line = t.line;
        b.trimLeft = !inner.empty() && inner.front() == '-';
        if (b.trimLeft) inner.remove_prefix(1);
        b.trimRight = !inner.empty() && inner.back() == '-';
        if (b.trimRight) inner.remove_suffix(1);
        b.body = std::string(trimmed(inner));
        out.push_back(std::move(b));
    }
    return out;
}

Result<std::vector<TemplateReference>> templateReferences(std::string_view sql, const Dialect& dialect) {
    auto blocks = templateBlocks(sql, dialect);
    if (!blocks) return Error{blocks.message()};
    std::vector<TemplateReference> out;
    for (const auto& b : *blocks) {
        if (b.kind != TokenKind::Expression) continue;
        auto call = parseTemplateCall(b.body);
        if (!call || (call->name != "ref" && call->name != "source")) continue;
        const std::string where = "line " + std::to_string(b.line) + ": ";
        if (!call->called) return Error{where + call->name + " must be called: " + call->name + "(...)"};
        auto names = call->stringArguments();
        if (!names) return Error{where + names.message()};
        const std::size_t want = call->name == "source" ? 2 : 1;
        if (names->size() != want && !(call->name == "ref" && names->size() == 2))
            return Error{where + call->name + "() takes " + (want == 2 ? "two arguments" : "one argument") +
                         ", " + std::to_string(names->size()) + " given"};
        out.push_back(TemplateReference{call->name, std::move(*names), b.line});
    }
    return out;
}

}  // namespace deskbase
