#include "core/sql/normalize_sql.h"

#include "core/sql/tokenizer.h"

namespace deskbase {

std::string normalizeSql(const std::string& sql, const Dialect& dialect) {
    auto tokens = tokenize(sql, dialect, TokenizeOptions{});
    const auto dropsAtEnd = [&](const Token& t) {
        return t.kind == TokenKind::Whitespace || (t.kind == TokenKind::Punctuation && sql[t.offset] == ';');
    };
    while (!tokens.empty() && dropsAtEnd(tokens.back())) tokens.pop_back();
    std::string out;
    out.reserve(sql.size());
    const Token* previous = nullptr;
    for (const Token& t : tokens) {
        if (t.kind == TokenKind::Whitespace) {
            if (previous) out += previous->kind == TokenKind::LineComment ? '\n' : ' ';
        } else {
            out.append(sql, t.offset, t.length);
        }
        previous = &t;
    }
    return out;
}

}  // namespace deskbase
