#include "core/sql/result_sql.h"

#include "core/sql/error_position.h"
#include "core/sql/statement_kind.h"
#include "core/sql/tokenizer.h"

namespace deskbase {

namespace {
// Final SQL: no template syntax (PostgreSQL's ARRAY[[1,2]] is an array, not an optional clause).
constexpr TokenizeOptions kFinalSql{TemplateMode::None};

bool isSemicolon(const Token& t, const std::string& sql) {
    return t.kind == TokenKind::Punctuation && sql[t.offset] == ';';
}

// The wrapped statement starts with this; the user's SQL follows it unchanged.
constexpr std::string_view kWrapPrefix = "SELECT * FROM (\n";

std::string wrapped(const std::string& sql, int sortColumn, bool descending, const Dialect& dialect) {
    std::string out = std::string(kWrapPrefix) + trimStatement(sql, dialect) + "\n) AS deskbase_result";
    if (sortColumn >= 0)
        out += " ORDER BY " + std::to_string(sortColumn + 1) + (descending ? " DESC" : " ASC");
    return out;
}
}  // namespace

std::string trimStatement(const std::string& sql, const Dialect& dialect) {
    const auto tokens = tokenize(sql, dialect, kFinalSql);
    std::size_t end = 0;
    for (const Token& t : tokens)
        if (!t.isTrivia() && !isSemicolon(t, sql)) end = t.end();
    return sql.substr(0, end);
}

bool isWrappableQuery(const std::string& sql, const Dialect& dialect) {
    for (const Token& t : tokenize(sql, dialect, kFinalSql)) {
        if (t.isTrivia()) continue;
        const std::string word = keywordOf(t, sql);
        return word == "SELECT" || word == "WITH" || word == "VALUES" || word == "TABLE";
    }
    return false;
}

bool isPageableQuery(const std::string& sql, const Dialect& dialect) {
    return isWrappableQuery(sql, dialect) && !classifyStatement(sql, dialect).writesData;
}

std::string pagedSql(const std::string& sql, const PageRequest& page, const Dialect& dialect) {
    return wrapped(sql, page.sortColumn, page.descending, dialect) + " LIMIT " + std::to_string(page.limit) +
           " OFFSET " + std::to_string(page.offset);
}

std::string sortedSql(const std::string& sql, int sortColumn, bool descending, const Dialect& dialect) {
    if (sortColumn < 0 || !isPageableQuery(sql, dialect)) return sql;
    return wrapped(sql, sortColumn, descending, dialect);
}

std::string unwrappedError(const std::string& message) {
    return shiftErrorPosition(message, kWrapPrefix.size());  // the prefix is ASCII: bytes = characters
}

std::string countSql(const std::string& sql, const Dialect& dialect) {
    return "SELECT count(*) FROM (\n" + trimStatement(sql, dialect) + "\n) AS deskbase_result";
}

}  // namespace deskbase
