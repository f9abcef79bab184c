#pragma once
// What a dashboard card runs: its question found in the workspace, the filter values turned
// into the question's parameters, the SQL expanded with bound values, the merged chart settings.
#include <string>

#include "core/cache/cache_policy.h"
#include "core/dashboard/dashboard.h"
#include "core/exec/query_executor.h"
#include "core/sql/sql_template.h"
#include "core/util/result.h"
#include "core/workspace/workspace.h"

namespace deskbase::dashboard {

struct CardQuery {
    std::string cardId;
    std::string title;          // the card's title, else the question's name
    QueryRequest request;       // target, expanded SQL with bound values, cache policy
    std::string visualization;  // question settings with the card's override applied (JSON object text)
};

// `targetOverride` (e.g. --db) replaces the question's connection when not empty.
Result<CardQuery> prepareCard(const Workspace& workspace, const Dashboard& dashboard,
                              const FilterValues& values, const Card& card,
                              const std::string& targetOverride = {});

// The run that lists a list filter's choices (first column of its options_question).
Result<QueryRequest> listOptionsRequest(const Workspace& workspace, const Filter& filter,
                                        const std::string& targetOverride = {});

// The request for the executor; `slotKey` makes a newer run of the same card supersede the older.
QueryRequest cardRequest(const CardQuery& q, const std::string& slotKey, bool useCache = true);

// The folder holding a dashboard file's workspace: <ws>/dashboards/x.json -> <ws>.
std::string workspaceDirOf(const std::string& dashboardPath);

// Applies command-line style "NAME=VALUE" settings to filter values. NAME is a filter id;
// list filters take comma-separated values, date ranges "FROM..TO" (either side may be empty).
Status applyFilterArgument(const Dashboard& d, FilterValues& values, const std::string& assignment);

}  // namespace deskbase::dashboard
