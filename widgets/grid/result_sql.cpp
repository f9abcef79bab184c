#include "widgets/grid/result_sql.h"

#include <cctype>

namespace deskbase::widgets {

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

std::string pagedSql(const std::string& sql, const PageRequest& page) {
    std::string out = "SELECT * FROM (\n" + trimStatement(sql) + "\n) AS deskbase_result";
    if (page.sortColumn >= 0)
        out += " ORDER BY " + std::to_string(page.sortColumn + 1) + (page.descending ? " DESC" : " ASC");
    out += " LIMIT " + std::to_string(page.limit) + " OFFSET " + std::to_string(page.offset);
    return out;
}

std::string countSql(const std::string& sql) {
    return "SELECT count(*) FROM (\n" + trimStatement(sql) + "\n) AS deskbase_result";
}

}  // namespace deskbase::widgets
