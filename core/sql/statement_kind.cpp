#include "core/sql/statement_kind.h"

#include <algorithm>
#include <cctype>

#include "core/sql/tokenizer.h"

namespace deskbase {

namespace {

struct Token {
    std::string upper;  // keyword form (unquoted words upper-cased)
    std::string text;   // identifier text (quotes removed)
    bool quoted = false;
    char punct = 0;  // '.', '(', ';' ... for punctuation and operators
};

// Words, quoted identifiers and punctuation from the shared tokenizer; literals, comments and
// placeholders are left out, so a keyword inside them never counts.
std::vector<Token> tokenize(const std::string& s, const Dialect& dialect) {
    std::vector<Token> out;
    for (const auto& lexed : tokenize(s, dialect, TokenizeOptions{})) {
        Token t;
        switch (lexed.kind) {
            case TokenKind::Word:
                t.text = identifierOf(lexed, s);
                t.upper = keywordOf(lexed, s);
                break;
            case TokenKind::QuotedIdentifier:
                t.text = identifierOf(lexed, s);
                t.quoted = true;
                break;
            case TokenKind::Punctuation:
            case TokenKind::Operator:
                t.punct = s[lexed.offset];
                break;
            default:
                continue;
        }
        out.push_back(std::move(t));
    }
    return out;
}

bool is(const std::vector<Token>& t, std::size_t i, const char* word) {
    return i < t.size() && !t[i].quoted && t[i].upper == word;
}

// Reads [schema .] name at i; returns the unqualified name (lower-cased when unquoted) or "".
std::string tableNameAt(const std::vector<Token>& t, std::size_t i) {
    if (i >= t.size() || t[i].punct) return {};
    std::size_t last = i;
    if (i + 2 < t.size() && t[i + 1].punct == '.' && !t[i + 2].punct) last = i + 2;
    std::string name = t[last].text;
    if (!t[last].quoted)
        for (char& ch : name) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    return name;
}

}  // namespace

StatementKind classifyStatement(const std::string& sql, const Dialect& dialect) {
    const auto t = tokenize(sql, dialect);
    StatementKind k;
    bool unrecognizedWrite = false;
    auto addTable = [&](std::size_t i) {
        const std::string name = tableNameAt(t, i);
        if (name.empty()) {
            unrecognizedWrite = true;
            return;
        }
        if (std::find(k.writtenTables.begin(), k.writtenTables.end(), name) == k.writtenTables.end())
            k.writtenTables.push_back(name);
    };
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (is(t, i, "INSERT") || (is(t, i, "REPLACE") && is(t, i + 1, "INTO"))) {
            std::size_t j = i + 1;
            while (j < t.size() && !is(t, j, "INTO") && j < i + 4) ++j;  // INSERT OR IGNORE INTO
            if (is(t, j, "INTO")) {
                k.writesData = true;
                addTable(j + 1);
            }
        } else if (is(t, i, "UPDATE")) {
            std::size_t j = i + 1;
            if (is(t, j, "OR")) j += 2;  // UPDATE OR REPLACE t
            if (j + 1 < t.size() && (is(t, j + 1, "SET") || (t[j + 1].punct == '.' && is(t, j + 3, "SET")))) {
                k.writesData = true;
                addTable(j);
            }
        } else if (is(t, i, "DELETE") && is(t, i + 1, "FROM")) {
            k.writesData = true;
            addTable(i + 2);
        } else if ((is(t, i, "DROP") || is(t, i, "ALTER") || is(t, i, "CREATE") || is(t, i, "TRUNCATE")) &&
                   (i == 0 || t[i - 1].punct == ';')) {
            std::size_t j = i + 1;
            while (is(t, j, "TEMP") || is(t, j, "TEMPORARY") || is(t, j, "UNIQUE") || is(t, j, "VIRTUAL") ||
                   is(t, j, "MATERIALIZED") || is(t, j, "OR") || is(t, j, "REPLACE"))
                ++j;
            k.writesData = true;
            if (is(t, j, "TABLE") || is(t, j, "VIEW") || (is(t, i, "TRUNCATE") && !is(t, j, "INDEX"))) {
                if (is(t, j, "TABLE") || is(t, j, "VIEW")) ++j;
                if (is(t, j, "IF")) j += is(t, j + 1, "NOT") ? 3 : 2;  // IF [NOT] EXISTS
                addTable(j);
            } else if (!is(t, j, "INDEX") && !is(t, j, "TRIGGER")) {
                unrecognizedWrite = true;
            }
        }
    }
    if (unrecognizedWrite) k.writtenTables.clear();
    const bool readStart = !t.empty() && (is(t, 0, "SELECT") || is(t, 0, "VALUES") || is(t, 0, "WITH") ||
                                          is(t, 0, "EXPLAIN") || t[0].punct == '(');
    k.readOnly = readStart && !k.writesData;
    return k;
}

}  // namespace deskbase
