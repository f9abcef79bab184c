#pragma once
// From a question + chosen parameter values to a QueryRequest ready for the executor: resolves the
// connection through the workspace, expands the template in the target's dialect and
// picks the cache policy (the question's, else the workspace's). Used by the GUI, dashboards and CLI.
#include <string>

#include "core/exec/query_executor.h"
#include "core/question/question.h"
#include "core/sql/sql_template.h"
#include "core/workspace/workspace.h"

namespace deskbase {

CachePolicy effectiveCachePolicy(const Question& q, const Workspace* ws);

// `target` empty = resolve q.connection through `ws` (ws may be null only when target is given).
Result<QueryRequest> makeQuestionRequest(const Question& q, const ParameterValues& values, const Workspace* ws,
                                         std::string target = {}, std::string slotKey = {});

}  // namespace deskbase
