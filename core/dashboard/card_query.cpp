#include "core/dashboard/card_query.h"

#include <filesystem>

#include "core/dashboard/visualization.h"
#include "core/question/question_request.h"
#include "core/sql/sql_template.h"

namespace deskbase::dashboard {

namespace fs = std::filesystem;

Result<CardQuery> prepareCard(const Workspace& ws, const Dashboard& d, const FilterValues& values,
                              const Card& card, const std::string& targetOverride) {
    if (card.isText()) return Error{"card " + card.id + " is a text card"};
    const WorkspaceQuestion* wq = ws.findQuestion(card.question);
    if (!wq) {
        // A broken question file is reported with its own message rather than "not found".
        for (const auto& p : ws.problems())
            if (fs::path(p.file).filename() == fs::path(card.question).filename()) return Error{p.message};
        return Error{"no question \"" + card.question + "\" in " + ws.questionsDir()};
    }
    const Question& q = wq->question;
    CardQuery out;
    out.cardId = card.id;
    out.title = card.title.empty() ? q.name : card.title;
    // The same request builder the question editor and `deskbase query` use.
    auto request = makeQuestionRequest(q, cardParameters(d, values, card.id), &ws, targetOverride);
    if (!request) return Error{request.message()};
    out.request = std::move(*request);
    // The question's own policy wins, then the dashboard's, then the workspace's.
    if (!q.cache && d.cache) out.request.cachePolicy = *d.cache;
    out.visualization = mergeVisualization(
        q.visualization.is_object() ? q.visualization.dump() : std::string(), card.visualization);
    return out;
}

Result<QueryRequest> listOptionsRequest(const Workspace& ws, const Filter& filter,
                                        const std::string& targetOverride) {
    const WorkspaceQuestion* wq = ws.findQuestion(filter.optionsQuestion);
    if (!wq) return Error{"no question \"" + filter.optionsQuestion + "\" in " + ws.questionsDir()};
    return makeQuestionRequest(wq->question, {}, &ws, targetOverride);
}

QueryRequest cardRequest(const CardQuery& q, const std::string& slotKey, bool useCache) {
    QueryRequest r = q.request;
    r.slotKey = slotKey;
    r.useCache = useCache;
    r.rowLimit = 0;
    return r;
}

std::string workspaceDirOf(const std::string& dashboardPath) {
    std::error_code ec;
    fs::path p = fs::absolute(dashboardPath, ec).lexically_normal().parent_path();
    if (p.filename() == "dashboards") p = p.parent_path();
    return p.string();
}

Status applyFilterArgument(const Dashboard& d, FilterValues& values, const std::string& assignment) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0)
        return Status::fail("expected NAME=VALUE, got \"" + assignment + "\"");
    const std::string name = assignment.substr(0, eq), value = assignment.substr(eq + 1);
    const Filter* f = d.filter(name);
    if (!f) {
        std::string known;
        for (const auto& x : d.filters) known += (known.empty() ? "" : ", ") + x.id;
        return Status::fail("no filter \"" + name + "\" on this dashboard (filters: " + known + ")");
    }
    std::vector<std::string> v;
    if (f->type == FilterType::DateRange) {
        const auto dots = value.find("..");
        if (dots == std::string::npos)
            v = {value, value};
        else
            v = {value.substr(0, dots), value.substr(dots + 2)};
    } else if (f->type == FilterType::List) {
        std::size_t start = 0;
        while (start <= value.size()) {
            const auto comma = value.find(',', start);
            const std::string part =
                value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (!part.empty()) v.push_back(part);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    } else {
        v = {value};
    }
    // A number filter binds numbers: "abc" is refused here, not run as text that matches nothing.
    if (f->type == FilterType::Number) {
        Parameter number;
        number.name = name;
        number.type = Parameter::Type::Number;
        for (const auto& x : v)
            if (!x.empty() && !typedParameterValue(number, x))
                return Status::fail("filter " + name + ": \"" + x + "\" is not a number");
    }
    values[name] = std::move(v);
    return Status::ok();
}

}  // namespace deskbase::dashboard
