#pragma once
// Dates grouped into calendar periods (day, week from Monday, month, quarter, year), and
// whether the data covers the last period whole.
#include <string>
#include <string_view>
#include <vector>

namespace deskbase::chart {

// Truncates an ISO date/datetime to the granularity's first day ("2024-05-17" month ->
// "2024-05-01"). An empty or unknown granularity, or text that is not a date, is returned as is.
std::string truncateDate(const std::string& iso, std::string_view granularity);

// The first day of the period after the one starting at `periodStart` ("2024-05-01" month ->
// "2024-06-01"); empty when `periodStart` is not a date or the granularity is unknown.
std::string nextPeriodStart(const std::string& periodStart, std::string_view granularity);

struct PeriodCoverage {
    bool partial = false;
    std::string period;    // the last period's first day, "YYYY-MM-DD"
    std::string through;   // the last day the data covers, "YYYY-MM-DD"
    bool ongoing = false;  // the period contains `today`: it is not over yet
};

// Whether the last period of dates grouped by `granularity` is partial. The data covers up
// to its last value plus one step of its own: dates that all start a week, month, quarter or
// year step by that unit (never coarser than the granularity); other dates by a day;
// datetimes with a time of day by the smallest gap between two of them. The last period is
// partial when that coverage ends before the period does, or when the period contains
// `today` ("YYYY-MM-DD"; empty: not checked). `epochMs` are the raw x values (UTC
// milliseconds, any order); nothing is partial without a granularity or a value.
PeriodCoverage lastPeriodCoverage(const std::vector<double>& epochMs, std::string_view granularity,
                                  const std::string& today);

}  // namespace deskbase::chart
