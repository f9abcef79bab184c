#pragma once
// The demo workspace: the questions and dashboards shipped in the repository's dashboards/
// folder (compiled in as resources) plus the sample store, generated and imported through
// ImportJob when the warehouse lacks it.
#include <string>
#include <vector>

#include "core/dashboard/demo_data.h"
#include "core/util/result.h"

namespace deskbase::dashboard {

// Makes `dir` a ready demo workspace: creates it, copies questions/*.json and dashboards/*.json
// when missing (never overwrites edits), then generates and imports the sample data when
// <dir>/warehouse.db lacks the demo tables.
Status ensureDemoWorkspace(const std::string& dir, const DemoSizes& sizes = {});

// Generates and imports the demo data into `target` (a warehouse path or URI) when missing.
Status ensureDemoData(const std::string& target, const DemoSizes& sizes = {});

// Whether the demo's pipeline (models/) has been built in its warehouse: its mart daily_sales
// exists. The window builds it once after the first start, so a file dropped into a demo source
// builds and checks its downstream models against built ones (a relationships check on
// stg_orders read stg_customers, which no build had made).
Result<bool> demoPipelineBuilt(const std::string& dir);

// Relative paths ("questions/x.json", "dashboards/y.json") of the shipped files.
std::vector<std::string> demoWorkspaceFiles();
// The bytes of one shipped file (empty when unknown).
std::string demoWorkspaceFile(const std::string& relativePath);

// The dashboard opened first in the demo.
inline constexpr const char* kDemoStartDashboard = "dashboards/sales_overview.json";

}  // namespace deskbase::dashboard
