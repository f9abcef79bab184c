#pragma once
// Identifier rules: lowercase snake_case, never empty, never starting with a digit.
#include <string>
#include <string_view>
#include <vector>

namespace deskbase {

std::string toIdentifier(std::string_view text);                   // "US Gross" -> "us_gross"
std::string tableNameForPath(std::string_view path);                // "a/seattle-weather.csv" -> "seattle_weather"
std::vector<std::string> uniqueIdentifiers(const std::vector<std::string>& headers);  // dedup: a, a_2, ...

}  // namespace deskbase
