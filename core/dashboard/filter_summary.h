#pragma once
// The filters a dashboard was drawn with, as one line for a printed page or a report:
// "Category: Kitchen, Garden · Period: 2026-01-01 – 2026-03-31 · Region: all". A date range's
// open end reads "…"; a filter without a value reads "all".
#include <string>

#include "core/dashboard/dashboard.h"

namespace deskbase::dashboard {

// Empty when the dashboard has no filters.
std::string filterSummary(const Dashboard& d, const FilterValues& values);

}  // namespace deskbase::dashboard
