#pragma once
// A source run as `deskbase run --report json` prints it, and as one line for people (the
// `deskbase run` / `deskbase watch` output): "orders: 2 files loaded (5 rows, 1 updated), 1
// already loaded; built order_totals, big_totals".
#include <nlohmann/json.hpp>
#include <string>

#include "core/sources/source_run.h"

namespace deskbase {

// {"name","status","error","run_id","files":[{"path","status","rows","rejected","updated",
//  "seconds","error","moved_to"}],"checks":[...],"models":[{"name","status","rows","error"}]}
nlohmann::ordered_json sourceRunToJson(const SourceRunReport& r);
std::string sourceRunLine(const SourceRunReport& r);

}  // namespace deskbase
