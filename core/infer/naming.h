#pragma once
// Identifier rules: lowercase snake_case, never empty, never starting with a digit.
#include <string>
#include <string_view>
#include <vector>

namespace deskbase {

// PostgreSQL keeps 63 bytes of a name; a table name leaves room for its "__rejects" table.
constexpr std::size_t kMaxIdentifierBytes = 63;
constexpr std::size_t kMaxTableNameBytes = kMaxIdentifierBytes - 9;

std::string toIdentifier(std::string_view text, std::size_t maxBytes = kMaxIdentifierBytes);  // "US Gross" -> "us_gross"
std::string toTableName(std::string_view text);                     // toIdentifier capped for tables
std::string tableNameForPath(std::string_view path);                // "a/seattle-weather.csv" -> "seattle_weather"
std::vector<std::string> uniqueIdentifiers(const std::vector<std::string>& headers);  // dedup: a, a_2, ...

}  // namespace deskbase
