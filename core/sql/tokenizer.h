#pragma once
// The one SQL tokenizer. Statement classification, parameter templates, the grid's wrappers, SQL
// normalization for the cache, the editor's highlighter and the models' ref()/source() extraction
// all read SQL through it, so a string, comment or dollar-quote means the same thing everywhere.
//
// Every byte of the text belongs to exactly one token, in order (concatenating the tokens gives
// the text back). Lexing never fails: a string, quoted identifier, comment or template block that
// runs to the end of the text is one token with `terminated == false`; lexError() turns the first
// such token into a one-line error. Offsets are bytes (UTF-8), lines are 1-based.
//
// Dialect differences (see core/sql/dialect.h):
//   SQLite      [name] and `name` identifiers; ? ?N :name @name $name placeholders; /* */ does not
//               nest and may run to the end of the text.
//   PostgreSQL  $N placeholders; $$...$$ and $tag$...$tag$ strings; E'..\'..' strings with
//               backslash escapes; /* */ nests; `?` and `@` are operators, `::` a cast.
// Template blocks {{ ... }}, {% ... %}, {# ... #} (a quoted '}}' inside a block does not close it)
// are read in one of two ways (TokenizeOptions::templates):
//   Question  Deskbase questions: blocks and the optional clauses [[ ... ]] outside literals and
//             comments only ('{{x}}' is a string); `]]` closes only an open `[[`.
//   Jinja     dbt models: blocks everywhere, inside literals and comments too, because Jinja reads
//             the file before SQL does (where d > '{{ var("since") }}' is a string around a
//             block). The literal or comment a block interrupts is split into pieces around it:
//             each piece but the last has `interrupted` set. No [[ ]] clauses.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/sql/dialect.h"
#include "core/util/result.h"

namespace deskbase {

enum class TokenKind : std::uint8_t {
    Whitespace,
    LineComment,       // -- up to (not including) the newline
    BlockComment,      // /* ... */
    String,            // '...' with '' doubled; E'...', X'...', B'...', N'...' with their prefix
    DollarString,      // $$...$$ / $tag$...$tag$ (PostgreSQL)
    QuotedIdentifier,  // "..." with "" doubled; [...] and `...` in SQLite
    Number,            // 42  3.14  .5  1e-3  0x1F
    Word,              // a keyword or bare identifier (letters, digits, _, $, non-ASCII)
    Placeholder,       // a bound parameter: ?  ?1  :name  @name  $name (SQLite), $1 (PostgreSQL)
    Operator,          // = <> <= || :: -> ->> and single operator characters
    Punctuation,       // ( ) , ; . [ ] { } when they start nothing else
    Expression,        // {{ ... }} (the templates below only when TokenizeOptions ask for them)
    Statement,         // {% ... %}
    TemplateComment,   // {# ... #}
    OptionalOpen,      // [[
    OptionalClose,     // ]] closing an open [[
};

const char* tokenKindName(TokenKind kind);  // "string", "block comment", ...

struct Token {
    TokenKind kind = TokenKind::Whitespace;
    std::size_t offset = 0;    // first byte
    std::size_t length = 0;    // bytes
    int line = 1;              // line of the first byte, 1-based
    bool terminated = true;    // false when the token (for a piece: its literal) runs to the end unclosed
    bool interrupted = false;  // Jinja: a template block follows inside this literal or comment

    std::size_t end() const { return offset + length; }
    std::string_view text(std::string_view sql) const { return sql.substr(offset, length); }
    bool is(TokenKind k) const { return kind == k; }
    bool isTrivia() const { return kind == TokenKind::Whitespace || isComment(); }
    bool isComment() const {
        return kind == TokenKind::LineComment || kind == TokenKind::BlockComment ||
               kind == TokenKind::TemplateComment;
    }
    bool isTemplate() const {
        return kind == TokenKind::Expression || kind == TokenKind::Statement ||
               kind == TokenKind::TemplateComment || kind == TokenKind::OptionalOpen ||
               kind == TokenKind::OptionalClose;
    }
};

// Where a piece of text ended: inside an open string, comment, dollar-quote or template block,
// and how many [[ clauses are open. Feeding it to the next piece (the highlighter's next line)
// continues as if the two pieces were one text.
struct LexState {
    TokenKind open = TokenKind::Whitespace;   // Whitespace: nothing open
    char quote = 0;                           // the closing quote of an open String / QuotedIdentifier
    bool backslashEscapes = false;            // the open string is an E'' string
    int commentDepth = 0;                     // open /* levels (PostgreSQL nests them)
    std::string dollarTag;                    // "$tag$" of an open DollarString
    int optionalDepth = 0;                    // open [[ clauses
    TokenKind outer = TokenKind::Whitespace;  // Jinja: the literal or comment an open block interrupts

    bool operator==(const LexState&) const = default;
};

enum class TemplateMode : std::uint8_t {
    None,      // final SQL: "{{" is punctuation and PostgreSQL's ARRAY[[1,2]] an array
    Question,  // {{ }}, {% %}, {# #} and [[ ]] outside literals and comments
    Jinja,     // {{ }}, {% %}, {# #} everywhere, as Jinja reads a dbt model
};

struct TokenizeOptions {
    TemplateMode templates = TemplateMode::None;
};

std::vector<Token> tokenize(std::string_view sql, const Dialect& dialect,
                            const TokenizeOptions& options = {});
// Continues from `state` (line numbers start at `firstLine`) and leaves the end state in it.
std::vector<Token> tokenize(std::string_view sql, const Dialect& dialect, LexState& state,
                            const TokenizeOptions& options = {}, int firstLine = 1);

// The first unterminated string, identifier, comment or template block as a one-line error
// ("line 3: unterminated string literal"); ok when there is none. SQLite's comment that runs
// to the end of the text is not an error.
Status lexError(const std::vector<Token>& tokens, const Dialect& dialect);

// The tokens that are not whitespace or comments.
std::vector<Token> significantTokens(const std::vector<Token>& tokens);

// A Word upper-cased ("select" -> "SELECT"); "" for any other token.
std::string keywordOf(const Token& token, std::string_view sql);
// The name a Word or QuotedIdentifier stands for: quotes removed and doubled quotes undone
// ("\"My \"\"x\"\"\"" -> My "x"); a bare word as written. "" for any other token.
std::string identifierOf(const Token& token, std::string_view sql);
// The value of a String token ('it''s' -> it's; E'a\nb' -> a, newline, b); the body of a
// DollarString. "" for any other token.
std::string stringValueOf(const Token& token, std::string_view sql);

}  // namespace deskbase
