#pragma once
// Parsing of one text value into a typed value, with the inference rules of DESIGN.md:
// leading zeros stay text, 64-bit overflow is never truncated, dates normalize to ISO 8601.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace deskbase {

std::string_view trimSpaces(std::string_view s);
// "", NULL, null, NA, N/A (any case for the letters). NaN is separate: null only in numeric columns.
bool isNullToken(std::string_view trimmed);
bool isNaNToken(std::string_view trimmed);

std::optional<std::int64_t> parseInteger(std::string_view trimmed);  // no leading zeros, no overflow
// Decimal or exponent form; no leading zeros. Only numbers a double gives back digit for digit:
// the shortest text that reads back as the double must be the same number ("0.1" and
// "0.30000000000000004" are; "0.1000000000000000055511151231257827" and "1e999" are not).
std::optional<double> parseReal(std::string_view trimmed);
// True when a real column would keep this integer exactly (the same rule as parseReal: every
// integer up to 2^53 in magnitude, and beyond that only those a double prints digit for digit).
bool realHoldsExactly(std::int64_t v);
// True when the text is written as a number (integer, decimal or exponent form) that a real
// would round: an integer beyond 2^53, more digits than a double holds, beyond a double's range.
bool realWouldRound(std::string_view trimmed);
// "1,5" with a decimal comma (files delimited by ';' or tab, as spreadsheets write them in much of Europe).
std::optional<double> parseDecimalComma(std::string_view trimmed);
std::optional<bool> parseBoolean(std::string_view trimmed);  // true/false/yes/no, any case

// How slash dates (A/B/YYYY) are read once the column decided.
enum class SlashOrder : std::uint8_t { Unknown, MonthFirst, DayFirst };

struct DateTimeParts {
    int year = 0, month = 0, day = 0;
    int hour = 0, minute = 0, second = 0;
    std::string_view fraction;  // digits after the seconds' decimal point
    bool hasTime = false;
    bool hasZone = false;  // Z or an offset: converted to UTC
    int zoneMinutes = 0;
    // For A/B/YYYY forms: which readings are valid (both true = ambiguous).
    bool slashForm = false;
    bool monthFirstOk = false;
    bool dayFirstOk = false;
    bool canonical = false;  // the text is already "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS"
};

// Recognizes ISO dates/datetimes, YYYY/MM/DD, DD.MM.YYYY, A/B/YYYY, "Jan 1 2000", "January 1, 2000",
// "1 Jan 2000", "01-Jan-2000", each optionally followed by a time (HH:MM[:SS[.fff]] [AM|PM] [Z|+HH:MM]).
// With `order` Unknown, slash forms keep both readings open; otherwise they are resolved.
std::optional<DateTimeParts> parseDateTime(std::string_view trimmed, SlashOrder order = SlashOrder::Unknown);

// Normalized ISO text: "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS[.fff]" (UTC when a zone was given).
std::string formatIsoDate(const DateTimeParts& p);
std::string formatIsoDateTime(const DateTimeParts& p);

// True when the text parses as a number, boolean or date (header detection).
bool looksTyped(std::string_view trimmed);

}  // namespace deskbase
