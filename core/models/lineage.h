#pragma once
// The workspace's lineage: warehouse tables (source() tables, and tables questions read) ->
// models (from ref()/source(), the same graph `deskbase build` uses) -> questions (the tables and
// models their SQL reads after FROM / JOIN) -> dashboards (their cards' questions). What
// `deskbase lineage --format json|dot` prints and the lineage view draws.
#include <map>
#include <string>
#include <vector>

#include "core/models/model_project.h"
#include "core/util/result.h"

namespace deskbase {

class Workspace;

struct LineageNode {
    std::string id;            // "source:orders", "model:stg_orders", "question:questions/x.json", ...
    std::string kind;          // "source", "model", "question" or "dashboard"
    std::string name;          // table, model, question or dashboard name
    std::string file;          // relative to the workspace; empty for sources
    std::string materialized;  // models only
    std::string status;        // models: the last recorded build's status; empty when unknown
};

struct LineageEdge {
    std::string from, to;  // node ids; data flows from -> to
};

struct Lineage {
    std::vector<LineageNode> nodes;  // sources, models, questions, dashboards; each kind sorted by name
    std::vector<LineageEdge> edges;  // sorted
};

// The tables a question's SQL reads by name (after FROM, JOIN and commas in a FROM list; CTE names
// left out), unquoted, in order of first appearance.
std::vector<std::string> tablesNamedIn(const std::string& sql, const Dialect& dialect);

// `lastStatuses`: model -> status of its last build (core/pipeline/run_log.h, lastModelStatuses), may be
// empty.
Lineage buildLineage(const Workspace& workspace, const ModelProject& project,
                     const std::map<std::string, std::string>& lastStatuses = {});

// The whole lineage of an open workspace, as `deskbase lineage` prints it: its models (an error
// when they do not load or do not form a DAG) and the last build statuses, read from the
// workspace's warehouse when it exists (a lineage needs no warehouse). Blocking: opens its own
// connection; call it off the GUI thread.
Result<Lineage> loadLineage(const Workspace& workspace);

std::string lineageJson(const Lineage& lineage);  // {"nodes": [...], "edges": [{"from", "to"}]}
std::string lineageDot(const Lineage& lineage);   // a Graphviz digraph, left to right

}  // namespace deskbase
