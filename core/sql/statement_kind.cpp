#include "core/sql/statement_kind.h"

#include <algorithm>
#include <cctype>

namespace deskbase {

namespace {

struct Token {
    std::string upper;  // keyword form (unquoted words upper-cased)
    std::string text;   // identifier text (quotes removed)
    bool quoted = false;
    char punct = 0;     // '.', '(', ';' ... for single-character tokens
};

// Words, quoted identifiers and punctuation; string literals and comments are skipped.
std::vector<Token> tokenize(const std::string& s) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (std::isspace(c)) { ++i; continue; }
        if (s.compare(i, 2, "--") == 0) { i = s.find('\n', i); if (i == std::string::npos) break; continue; }
        if (s.compare(i, 2, "/*") == 0) { i = s.find("*/", i + 2); if (i == std::string::npos) break; i += 2; continue; }
        if (c == '\'') {
            for (++i; i < s.size(); ++i)
                if (s[i] == '\'') { if (i + 1 < s.size() && s[i + 1] == '\'') ++i; else break; }
            ++i;
            continue;
        }
        if (c == '"' || c == '`' || c == '[') {
            const char close = c == '[' ? ']' : char(c);
            Token t;
            t.quoted = true;
            for (++i; i < s.size(); ++i) {
                if (s[i] == close) { if (close != ']' && i + 1 < s.size() && s[i + 1] == close) { t.text += s[++i]; continue; } break; }
                t.text += s[i];
            }
            ++i;
            out.push_back(std::move(t));
            continue;
        }
        if (std::isalnum(c) || c == '_' || c >= 0x80) {
            Token t;
            while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' || s[i] == '$' ||
                                    static_cast<unsigned char>(s[i]) >= 0x80))
                t.text += s[i++];
            t.upper = t.text;
            for (char& ch : t.upper) ch = char(std::toupper(static_cast<unsigned char>(ch)));
            out.push_back(std::move(t));
            continue;
        }
        Token t;
        t.punct = char(c);
        out.push_back(std::move(t));
        ++i;
    }
    return out;
}

bool is(const std::vector<Token>& t, std::size_t i, const char* word) { return i < t.size() && !t[i].quoted && t[i].upper == word; }

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

StatementKind classifyStatement(const std::string& sql) {
    const auto t = tokenize(sql);
    StatementKind k;
    bool unrecognizedWrite = false;
    auto addTable = [&](std::size_t i) {
        const std::string name = tableNameAt(t, i);
        if (name.empty()) { unrecognizedWrite = true; return; }
        if (std::find(k.writtenTables.begin(), k.writtenTables.end(), name) == k.writtenTables.end())
            k.writtenTables.push_back(name);
    };
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (is(t, i, "INSERT") || (is(t, i, "REPLACE") && is(t, i + 1, "INTO"))) {
            std::size_t j = i + 1;
            while (j < t.size() && !is(t, j, "INTO") && j < i + 4) ++j;  // INSERT OR IGNORE INTO
            if (is(t, j, "INTO")) { k.writesData = true; addTable(j + 1); }
        } else if (is(t, i, "UPDATE")) {
            std::size_t j = i + 1;
            if (is(t, j, "OR")) j += 2;                                   // UPDATE OR REPLACE t
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
