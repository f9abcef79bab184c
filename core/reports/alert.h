#pragma once
// Whether an alert's question result crosses its condition (core/reports/report_file.h AlertSpec):
// "rows" fires when there is any row; "above"/"below" compare a number in the first row (the named
// column, else the first) with the goal. The message is one line for the notification and the run
// history: "late_orders: 12 rows", "revenue_today: 812.5 is below the goal 1000".
#include <optional>
#include <string>

#include "core/exec/query_result.h"
#include "core/reports/report_file.h"
#include "core/util/result.h"

namespace deskbase {

struct AlertCheck {
    bool fires = false;
    std::optional<double> value;  // above/below: the value compared
    std::string message;
};

// An error when the column is missing or its first value is not a number (NULL included).
Result<AlertCheck> checkAlert(const std::string& name, const AlertSpec& alert, const QueryResult& result);

}  // namespace deskbase
