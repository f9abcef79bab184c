#include "core/sql/tokenizer.h"

#include <algorithm>
#include <array>

namespace deskbase {

namespace {

bool isSpace(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool isDigit(unsigned char c) {
    return c >= '0' && c <= '9';
}
bool isHexDigit(unsigned char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool isLetter(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// Non-ASCII bytes (UTF-8 sequences) are identifier characters in both dialects.
bool isIdentStart(unsigned char c) {
    return isLetter(c) || c == '_' || c >= 0x80;
}
bool isIdentChar(unsigned char c) {
    return isIdentStart(c) || isDigit(c) || c == '$';
}
bool isPunctuation(unsigned char c) {
    return c == '(' || c == ')' || c == ',' || c == ';' || c == '.' || c == '[' || c == ']' || c == '{' ||
           c == '}';
}

// Longest first; everything else is a one-character operator.
constexpr std::array<std::string_view, 5> kOperators3 = {"->>", "#>>", "!~*", "~~*", "!~~"};
constexpr std::array<std::string_view, 21> kOperators2 = {
    "||", "<=", ">=", "<>", "!=", "==", "::", "->", "<<", ">>", "@>",
    "<@", "#>", "?|", "?&", "~*", "!~", "~~", "&&", "#-", "@@"};

struct Scan {
    std::size_t end = 0;
    bool closed = false;
    bool interrupted = false;  // stopped at a Jinja block inside the construct
};

bool isBlock(TokenKind k) {
    return k == TokenKind::Expression || k == TokenKind::Statement || k == TokenKind::TemplateComment;
}

class Lexer {
public:
    Lexer(std::string_view s, const Dialect& d, LexState& state, const TokenizeOptions& options,
          int firstLine)
        : s_(s),
          d_(d),
          st_(state),
          jinja_(options.templates == TemplateMode::Jinja),
          question_(options.templates == TemplateMode::Question),
          line_(firstLine) {}

    std::vector<Token> run() {
        while (i_ < s_.size()) {
            if (st_.open == TokenKind::Whitespace) {
                next();
            } else if (isBlock(st_.open)) {  // a block left open by the previous piece of text
                emitBlock(st_.open, scanBlock(0, closerOf(st_.open)));
            } else if (stopsAt(i_)) {
                openBlock(blockAt(i_));  // Jinja: a block inside the open literal or comment
            } else {
                continueOpen();
            }
        }
        // Jinja: a literal whose last piece ended at a block that ends the text is unterminated too.
        if (st_.open != TokenKind::Whitespace && !isBlock(st_.open) && !out_.empty() &&
            isBlock(out_.back().kind))
            for (auto it = out_.rbegin(); it != out_.rend(); ++it)
                if (it->kind == st_.open && it->interrupted) {
                    it->terminated = false;
                    break;
                }
        return std::move(out_);
    }

private:
    unsigned char at(std::size_t j) const { return j < s_.size() ? static_cast<unsigned char>(s_[j]) : 0; }
    bool startsWith(std::size_t j, std::string_view what) const { return s_.substr(j, what.size()) == what; }

    // The template block starting at j, or Whitespace for none.
    TokenKind blockAt(std::size_t j) const {
        if ((!jinja_ && !question_) || at(j) != '{') return TokenKind::Whitespace;
        switch (at(j + 1)) {
            case '{':
                return TokenKind::Expression;
            case '%':
                return TokenKind::Statement;
            case '#':
                return TokenKind::TemplateComment;
            default:
                return TokenKind::Whitespace;
        }
    }
    // Jinja reads blocks inside literals and comments: they stop there.
    bool stopsAt(std::size_t j) const { return jinja_ && blockAt(j) != TokenKind::Whitespace; }

    void emit(TokenKind kind, std::size_t end, bool terminated = true, bool interrupted = false) {
        out_.push_back(Token{kind, i_, end - i_, line_, terminated, interrupted});
        line_ += int(std::count(s_.begin() + std::ptrdiff_t(i_), s_.begin() + std::ptrdiff_t(end), '\n'));
        i_ = end;
    }
    // A literal or comment that may stay open (end of text) or be interrupted (Jinja block).
    void emitOpenable(TokenKind kind, const Scan& scan) {
        if (scan.closed) {
            st_.open = TokenKind::Whitespace;
            st_.quote = 0;
            st_.backslashEscapes = false;
            st_.commentDepth = 0;
            st_.dollarTag.clear();
        } else {
            st_.open = kind;
        }
        emit(kind, scan.end, scan.closed || scan.interrupted, scan.interrupted);
    }
    void emitBlock(TokenKind kind, const Scan& scan) {
        if (scan.closed) {
            st_.open = st_.outer;  // back inside the literal or comment it interrupted, if any
            st_.outer = TokenKind::Whitespace;
        } else {
            st_.open = kind;
        }
        emit(kind, scan.end, scan.closed);
    }
    void openBlock(TokenKind kind) {
        st_.outer = st_.open;
        emitBlock(kind, scanBlock(i_ + 2, closerOf(kind)));
    }

    // The rest of a quoted string or identifier from j (just after the opening quote).
    Scan scanQuoted(std::size_t j, char quote, bool backslash) const {
        const bool doubles = quote != ']';  // [name] has no escape
        while (j < s_.size()) {
            if (stopsAt(j)) return {j, false, true};
            const char c = s_[j];
            if (backslash && c == '\\') {
                j += 2;
                continue;
            }
            if (c == quote) {
                if (doubles && at(j + 1) == static_cast<unsigned char>(quote)) {
                    j += 2;
                    continue;
                }
                return {j + 1, true};
            }
            ++j;
        }
        return {s_.size(), false};
    }

    // The rest of a block comment from j with st_.commentDepth levels open.
    Scan scanComment(std::size_t j) {
        while (j < s_.size()) {
            if (stopsAt(j)) return {j, false, true};
            if (startsWith(j, "*/")) {
                j += 2;
                if (--st_.commentDepth == 0) return {j, true};
            } else if (d_.nestedComments() && startsWith(j, "/*")) {
                j += 2;
                ++st_.commentDepth;
            } else {
                ++j;
            }
        }
        return {s_.size(), false};
    }

    Scan scanLineComment(std::size_t j) const {
        for (; j < s_.size() && s_[j] != '\n'; ++j)
            if (stopsAt(j)) return {j, false, true};
        return {j, true};
    }

    Scan scanDollar(std::size_t j, const std::string& tag) const {
        for (; j < s_.size(); ++j) {
            if (stopsAt(j)) return {j, false, true};
            if (startsWith(j, tag)) return {j + tag.size(), true};
        }
        return {s_.size(), false};
    }

    // A template block's body from j up to `closer`; quoted text inside (Jinja strings, with
    // backslash escapes) does not close it.
    Scan scanBlock(std::size_t j, std::string_view closer) const {
        while (j < s_.size()) {
            const char c = s_[j];
            if (c == '\'' || c == '"') {
                ++j;
                while (j < s_.size() && s_[j] != c) j += s_[j] == '\\' ? 2 : 1;
                if (j >= s_.size()) return {s_.size(), false};
                ++j;
            } else if (startsWith(j, closer)) {
                return {j + closer.size(), true};
            } else {
                ++j;
            }
        }
        return {s_.size(), false};
    }

    static std::string_view closerOf(TokenKind kind) {
        return kind == TokenKind::Expression ? "}}" : kind == TokenKind::Statement ? "%}" : "#}";
    }

    void continueOpen() {
        switch (st_.open) {
            case TokenKind::String:
            case TokenKind::QuotedIdentifier:
                emitOpenable(st_.open, scanQuoted(i_, st_.quote, st_.backslashEscapes));
                break;
            case TokenKind::BlockComment:
                st_.commentDepth = std::max(1, st_.commentDepth);
                emitOpenable(TokenKind::BlockComment, scanComment(i_));
                break;
            case TokenKind::LineComment:
                emitOpenable(TokenKind::LineComment, scanLineComment(i_));
                break;
            case TokenKind::DollarString:
                emitOpenable(TokenKind::DollarString, scanDollar(i_, st_.dollarTag));
                break;
            default:
                st_.open = TokenKind::Whitespace;
                break;
        }
    }

    void openString(std::size_t quoteAt, char quote, TokenKind kind, bool backslash) {
        st_.quote = quote;
        st_.backslashEscapes = backslash;
        emitOpenable(kind, scanQuoted(quoteAt + 1, quote, backslash));
    }

    // $tag$ at i_ (PostgreSQL): the tag with both dollars, or "" when this is no dollar quote.
    std::string dollarTagAt() const {
        std::size_t j = i_ + 1;
        if (isIdentStart(at(j)))
            while (j < s_.size() && (isIdentStart(at(j)) || isDigit(at(j)))) ++j;
        if (at(j) != '$') return {};
        return std::string(s_.substr(i_, j + 1 - i_));
    }

    std::size_t identEnd(std::size_t j) const {
        while (j < s_.size() && isIdentChar(at(j))) ++j;
        return j;
    }

    std::size_t numberEnd(std::size_t j) const {
        if (at(j) == '0' && (at(j + 1) == 'x' || at(j + 1) == 'X') && isHexDigit(at(j + 2))) {
            j += 2;
            while (isHexDigit(at(j))) ++j;
            return j;
        }
        while (isDigit(at(j))) ++j;
        if (at(j) == '.') {
            ++j;
            while (isDigit(at(j))) ++j;
        }
        if ((at(j) == 'e' || at(j) == 'E') &&
            (isDigit(at(j + 1)) || ((at(j + 1) == '+' || at(j + 1) == '-') && isDigit(at(j + 2))))) {
            j += 2;
            while (isDigit(at(j))) ++j;
        }
        return j;
    }

    void emitOperator() {
        for (auto op : kOperators3)
            if (startsWith(i_, op)) return emit(TokenKind::Operator, i_ + 3);
        for (auto op : kOperators2)
            if (startsWith(i_, op)) return emit(TokenKind::Operator, i_ + 2);
        emit(TokenKind::Operator, i_ + 1);
    }

    // Placeholders, dollar quotes and the characters whose meaning depends on the dialect.
    bool lexDialectSpecific(unsigned char c) {
        const bool sqlite = d_.namedPlaceholders();
        if (c == '$') {
            if (isDigit(at(i_ + 1))) {  // $1 in both ($1 is a named parameter in SQLite)
                std::size_t j = i_ + 1;
                while (isDigit(at(j))) ++j;
                emit(TokenKind::Placeholder, sqlite ? identEnd(j) : j);
                return true;
            }
            if (d_.dollarQuotedStrings()) {
                std::string tag = dollarTagAt();
                if (tag.empty()) return false;
                st_.dollarTag = tag;
                emitOpenable(TokenKind::DollarString, scanDollar(i_ + tag.size(), tag));
                return true;
            }
            if (sqlite && isIdentChar(at(i_ + 1))) {
                emit(TokenKind::Placeholder, identEnd(i_ + 1));
                return true;
            }
            return false;
        }
        if (!sqlite) return false;
        if (c == '?') {
            std::size_t j = i_ + 1;
            while (isDigit(at(j))) ++j;
            emit(TokenKind::Placeholder, j);
            return true;
        }
        if ((c == ':' || c == '@') && isIdentChar(at(i_ + 1))) {
            emit(TokenKind::Placeholder, identEnd(i_ + 1));
            return true;
        }
        return false;
    }

    bool lexTemplate() {
        if (const TokenKind block = blockAt(i_); block != TokenKind::Whitespace) {
            openBlock(block);
            return true;
        }
        if (!question_) return false;
        if (startsWith(i_, "[[")) {
            ++st_.optionalDepth;
            emit(TokenKind::OptionalOpen, i_ + 2);
            return true;
        }
        if (st_.optionalDepth > 0 && startsWith(i_, "]]")) {
            --st_.optionalDepth;
            emit(TokenKind::OptionalClose, i_ + 2);
            return true;
        }
        return false;
    }

    // A string literal with a prefix letter: E'' (PostgreSQL, backslash escapes), X'' (blob /
    // hex, both), B'' and N'' (PostgreSQL).
    bool lexPrefixedString(unsigned char c) {
        if (at(i_ + 1) != '\'') return false;
        const unsigned char u = c & ~0x20;  // upper-case an ASCII letter
        const bool pg = d_.kind() == Dialect::Kind::PostgreSQL;
        const bool escapes = u == 'E' && d_.escapeStrings();
        if (!escapes && u != 'X' && !(pg && (u == 'B' || u == 'N'))) return false;
        openString(i_ + 1, '\'', TokenKind::String, escapes);
        return true;
    }

    void next() {
        const unsigned char c = at(i_);
        if (isSpace(c)) {
            std::size_t j = i_;
            while (j < s_.size() && isSpace(at(j))) ++j;
            return emit(TokenKind::Whitespace, j);
        }
        if (startsWith(i_, "--")) return emitOpenable(TokenKind::LineComment, scanLineComment(i_ + 2));
        if (startsWith(i_, "/*")) {
            st_.commentDepth = 1;
            return emitOpenable(TokenKind::BlockComment, scanComment(i_ + 2));
        }
        if (lexTemplate()) return;
        if (c == '\'') return openString(i_, '\'', TokenKind::String, false);
        if (c == '"') return openString(i_, '"', TokenKind::QuotedIdentifier, false);
        if (d_.bracketIdentifiers() && c == '`')
            return openString(i_, '`', TokenKind::QuotedIdentifier, false);
        if (d_.bracketIdentifiers() && c == '[')
            return openString(i_, ']', TokenKind::QuotedIdentifier, false);
        if (isLetter(c) && lexPrefixedString(c)) return;
        if (lexDialectSpecific(c)) return;
        if (isDigit(c) || (c == '.' && isDigit(at(i_ + 1)))) return emit(TokenKind::Number, numberEnd(i_));
        if (isIdentStart(c)) return emit(TokenKind::Word, identEnd(i_ + 1));
        if (isPunctuation(c)) return emit(TokenKind::Punctuation, i_ + 1);
        emitOperator();
    }

    std::string_view s_;
    const Dialect& d_;
    LexState& st_;
    const bool jinja_;
    const bool question_;
    std::vector<Token> out_;
    std::size_t i_ = 0;
    int line_ = 1;
};

}  // namespace

const char* tokenKindName(TokenKind kind) {
    switch (kind) {
        case TokenKind::Whitespace:
            return "whitespace";
        case TokenKind::LineComment:
            return "line comment";
        case TokenKind::BlockComment:
            return "block comment";
        case TokenKind::String:
            return "string";
        case TokenKind::DollarString:
            return "dollar string";
        case TokenKind::QuotedIdentifier:
            return "quoted identifier";
        case TokenKind::Number:
            return "number";
        case TokenKind::Word:
            return "word";
        case TokenKind::Placeholder:
            return "placeholder";
        case TokenKind::Operator:
            return "operator";
        case TokenKind::Punctuation:
            return "punctuation";
        case TokenKind::Expression:
            return "expression";
        case TokenKind::Statement:
            return "statement";
        case TokenKind::TemplateComment:
            return "template comment";
        case TokenKind::OptionalOpen:
            return "optional open";
        case TokenKind::OptionalClose:
            return "optional close";
    }
    return "?";
}

std::vector<Token> tokenize(std::string_view sql, const Dialect& dialect, const TokenizeOptions& options) {
    LexState state;
    return tokenize(sql, dialect, state, options, 1);
}

std::vector<Token> tokenize(std::string_view sql, const Dialect& dialect, LexState& state,
                            const TokenizeOptions& options, int firstLine) {
    return Lexer(sql, dialect, state, options, firstLine).run();
}

Status lexError(const std::vector<Token>& tokens, const Dialect& dialect) {
    for (const Token& t : tokens) {
        if (t.terminated) continue;
        const char* what = nullptr;
        switch (t.kind) {
            case TokenKind::String:
                what = "unterminated string literal";
                break;
            case TokenKind::DollarString:
                what = "unterminated dollar-quoted string";
                break;
            case TokenKind::QuotedIdentifier:
                what = "unterminated quoted identifier";
                break;
            case TokenKind::BlockComment:
                if (dialect.unterminatedCommentIsError()) what = "unterminated /* comment";
                break;
            case TokenKind::Expression:
                what = "unclosed {{";
                break;
            case TokenKind::Statement:
                what = "unclosed {%";
                break;
            case TokenKind::TemplateComment:
                what = "unclosed {#";
                break;
            default:
                break;
        }
        if (what) return Status::fail("line " + std::to_string(t.line) + ": " + what);
    }
    return Status::ok();
}

std::vector<Token> significantTokens(const std::vector<Token>& tokens) {
    std::vector<Token> out;
    out.reserve(tokens.size());
    for (const Token& t : tokens)
        if (!t.isTrivia()) out.push_back(t);
    return out;
}

std::string keywordOf(const Token& token, std::string_view sql) {
    if (token.kind != TokenKind::Word) return {};
    std::string out(token.text(sql));
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
    return out;
}

std::string identifierOf(const Token& token, std::string_view sql) {
    if (token.kind == TokenKind::Word) return std::string(token.text(sql));
    if (token.kind != TokenKind::QuotedIdentifier) return {};
    const std::string_view t = token.text(sql);
    const char open = t[0];
    const char close = open == '[' ? ']' : open;
    const std::string_view body = t.substr(1, t.size() - 1 - (token.terminated ? 1 : 0));
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
        out += body[i];
        if (close != ']' && body[i] == close && i + 1 < body.size() && body[i + 1] == close) ++i;
    }
    return out;
}

std::string stringValueOf(const Token& token, std::string_view sql) {
    const std::string_view t = token.text(sql);
    if (token.kind == TokenKind::DollarString) {
        const std::size_t tag = t.find('$', 1) + 1;
        if (!token.terminated) return std::string(t.substr(tag));
        return std::string(t.substr(tag, t.size() - 2 * tag));
    }
    if (token.kind != TokenKind::String) return {};
    const std::size_t open = t.find('\'');
    const bool backslash = open > 0 && (t[0] == 'E' || t[0] == 'e');
    const std::string_view body = t.substr(open + 1, t.size() - open - 1 - (token.terminated ? 1 : 0));
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c == '\'' && i + 1 < body.size() && body[i + 1] == '\'') {
            out += '\'';
            ++i;
        } else if (backslash && c == '\\' && i + 1 < body.size()) {
            const char e = body[++i];
            out += e == 'n'   ? '\n'
                   : e == 't' ? '\t'
                   : e == 'r' ? '\r'
                   : e == 'b' ? '\b'
                   : e == 'f' ? '\f'
                              : e;
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace deskbase
