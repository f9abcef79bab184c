#pragma once
// The record of each build in the warehouse's bookkeeping: one row per model in
// deskbase_model_builds (build_id, model, status, materialized, rows_built, seconds, error,
// finished_at), so the app and any SQL client can read the last status of a model.
// An interim home: the run history (deskbase_runs / deskbase_run_steps) takes it over once it lands.
#include <cstdint>
#include <map>
#include <string>

#include "core/models/model_build.h"
#include "core/util/result.h"

namespace deskbase {

class Warehouse;

// Writes the report's models under a new build id (returned), in one transaction.
Result<std::int64_t> recordBuild(Warehouse& w, const BuildReport& report);

// The status of each model's latest recorded build ("success", "error", "skipped").
Result<std::map<std::string, std::string>> lastModelStatuses(Warehouse& w);

}  // namespace deskbase
