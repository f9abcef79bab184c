#include "core/question/question_request.h"

#include "core/warehouse/warehouse.h"

namespace deskbase {

CachePolicy effectiveCachePolicy(const Question& q, const Workspace* ws) {
    if (q.cache) return *q.cache;
    return ws ? ws->settings().cachePolicy : CachePolicy{};
}

Result<QueryRequest> makeQuestionRequest(const Question& q, const ParameterValues& values, const Workspace* ws,
                                         std::string target, std::string slotKey) {
    if (target.empty()) {
        if (!ws) return Error{"no warehouse given for question " + q.name};
        auto t = ws->targetFor(q.connection);
        if (!t) return Error{t.message()};
        target = *t;
    }
    auto expanded = expandSqlTemplate(q.sql, q.parameters, values, Warehouse::dialectFor(target));
    if (!expanded) return Error{expanded.message()};
    QueryRequest r;
    r.target = std::move(target);
    r.sql = std::move(expanded->sql);
    r.params = std::move(expanded->params);
    r.slotKey = std::move(slotKey);
    r.cachePolicy = effectiveCachePolicy(q, ws);
    return r;
}

}  // namespace deskbase
