#include "core/sql/result_sql.h"

#include <cctype>

#include "core/sql/statement_kind.h"

namespace deskbase {

namespace {
// Skips whitespace and -- / /* */ comments from position i.
std::size_t skipSpaceAndComments(const std::string& s, std::size_t i) {
    while (i < s.size()) {
        if (std::isspace(static_cast<unsigned char>(s[i]))) {
            ++i;
        } else if (s.compare(i, 2, "--") == 0) {
            const auto nl = s.find('\n', i);
            i = nl == std::string::npos ? s.size() : nl + 1;
        } else if (s.compare(i, 2, "/*") == 0) {
            const auto end = s.find("*/", i + 2);
            i = end == std::string::npos ? s.size() : end + 2;
        } else {
            break;
        }
    }
    return i;
}
}  // namespace

std::string trimStatement(const std::string& sql) {
    // A trailing line comment is harmless: the wrappers always put a newline after the statement.
    std::string s = sql;
    while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == ';'))
        s.pop_back();
    return s;
}

bool isWrappableQuery(const std::string& sql) {
    const std::size_t i = skipSpaceAndComments(sql, 0);
    std::string word;
    for (std::size_t j = i; j < sql.size() && std::isalpha(static_cast<unsigned char>(sql[j])); ++j)
        word += char(std::toupper(static_cast<unsigned char>(sql[j])));
    return word == "SELECT" || word == "WITH" || word == "VALUES" || word == "TABLE";
}

namespace {
std::string wrapped(const std::string& sql, int sortColumn, bool descending) {
    std::string out = "SELECT * FROM (\n" + trimStatement(sql) + "\n) AS deskbase_result";
    if (sortColumn >= 0) out += " ORDER BY " + std::to_string(sortColumn + 1) + (descending ? " DESC" : " ASC");
    return out;
}
}  // namespace

bool isPageableQuery(const std::string& sql) {
    return isWrappableQuery(sql) && !classifyStatement(sql).writesData;
}

std::string pagedSql(const std::string& sql, const PageRequest& page) {
    return wrapped(sql, page.sortColumn, page.descending) + " LIMIT " + std::to_string(page.limit) + " OFFSET " +
           std::to_string(page.offset);
}

std::string sortedSql(const std::string& sql, int sortColumn, bool descending) {
    if (sortColumn < 0 || !isPageableQuery(sql)) return sql;
    return wrapped(sql, sortColumn, descending);
}

std::string countSql(const std::string& sql) {
    return "SELECT count(*) FROM (\n" + trimStatement(sql) + "\n) AS deskbase_result";
}

}  // namespace deskbase
