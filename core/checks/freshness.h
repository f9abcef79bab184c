#pragma once
// Freshness: how old the newest date/datetime (or the last import) is, against warn_after /
// error_after.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "core/checks/check_result.h"
#include "core/checks/check_spec.h"

namespace deskbase {

using SysSeconds = std::chrono::time_point<std::chrono::system_clock, std::chrono::seconds>;

// "2024-01-31", "2024-01-31 13:45[:07[.123]]" (or with 'T'), with an optional "Z", "+02",
// "+02:00" or "-0530" offset; a time without an offset is UTC (as imports store it).
std::optional<SysSeconds> parseTimestamp(const std::string& text);
std::string formatTimestamp(SysSeconds t);    // "2024-01-31 13:45:07" (UTC)
std::string formatAge(std::int64_t seconds);  // "3d 4h", "5h 12m", "42s"

// Sets status, failures and message of `r` from the newest time seen (`what` says whose:
// "newest order_date" or "last import").
void judgeFreshness(const CheckSpec& c, SysSeconds newest, SysSeconds now, const std::string& what,
                    CheckResult& r);

}  // namespace deskbase
