#pragma once
// Text a chart shows for a category or a value: period names for grouped dates, and exact
// values for tooltips (every digit the number has, in the question's format).
#include <string>
#include <string_view>

#include "core/dashboard/visualization.h"
#include "core/types/value.h"

namespace deskbase::chart {

// "(empty)" for null; dates by granularity ("2024", "Q2 2024", "May 2024", "13 May 2024",
// a datetime with its time of day when not grouped); numbers with every digit; else the text.
std::string categoryLabel(const Value& v, ColumnType type, std::string_view granularity);

// The value with the format's prefix, suffix, percent and separators but never rounded or
// compacted: 1234.5678 with "$" and 0 decimals shows "$1,234.5678".
std::string formatExact(double v, const dashboard::NumberFormat& f);

// A date or datetime at `epochMs` (UTC) as "13 May 2024", with the time of day when not midnight.
std::string dateLabel(double epochMs);

}  // namespace deskbase::chart
