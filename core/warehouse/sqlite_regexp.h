#pragma once
// The REGEXP operator for SQLite connections (`x REGEXP 'pattern'`, which SQLite leaves
// undefined): a search with QRegularExpression (PCRE2), unanchored like PostgreSQL's `~`.
// NULL on either side gives NULL; a pattern that does not compile is an SQL error naming it.
struct sqlite3;

namespace deskbase {

// Registers regexp(pattern, text) on `db`; returns the sqlite3_create_function_v2 code.
int registerSqliteRegexp(sqlite3* db);

}  // namespace deskbase
