#include "core/dashboard/filter_editing.h"

#include <algorithm>
#include <filesystem>

#include "core/infer/naming.h"
#include "core/sql/sql_template.h"
#include "core/warehouse/warehouse.h"

namespace deskbase::dashboard {

std::string newFilterId(const Dashboard& d, const std::string& label) {
    const std::string stem = nameStem(label, "filter");
    if (!d.filter(stem)) return stem;
    for (int i = 2;; ++i) {
        std::string id = stem + "_" + std::to_string(i);
        if (!d.filter(id)) return id;
    }
}

const FilterTarget* targetOn(const Filter& f, const std::string& cardId) {
    auto it = std::find_if(f.targets.begin(), f.targets.end(),
                           [&](const FilterTarget& t) { return t.card == cardId; });
    return it == f.targets.end() ? nullptr : &*it;
}

void setTarget(Filter& f, const std::string& cardId, const std::string& parameter,
               const std::string& parameterEnd) {
    auto onCard = [&](const FilterTarget& t) { return t.card == cardId; };
    // The new target takes the place of the card's first one (a hand-written file may have more).
    const auto pos =
        std::size_t(std::find_if(f.targets.begin(), f.targets.end(), onCard) - f.targets.begin());
    f.targets.erase(std::remove_if(f.targets.begin(), f.targets.end(), onCard), f.targets.end());
    if (parameter.empty() && parameterEnd.empty()) return;
    const FilterTarget t{cardId, parameter, f.type == FilterType::DateRange ? parameterEnd : std::string()};
    f.targets.insert(f.targets.begin() + std::ptrdiff_t(std::min(pos, f.targets.size())), t);
}

std::vector<WireableParameter> wireableParameters(const Workspace& ws, const Card& card) {
    std::vector<WireableParameter> out;
    if (card.isText()) return out;
    const WorkspaceQuestion* wq = ws.findQuestion(card.question);
    if (!wq) return out;
    const Question& q = wq->question;
    for (const auto& p : q.parameters) out.push_back({p.name, p.displayLabel(), p.type, p.multiValue});
    if (auto used = templateParameterNames(q.sql, Warehouse::dialectFor(ws.defaultTarget())))
        for (const auto& name : *used)
            if (!q.parameter(name)) out.push_back({name, name, Parameter::Type::Text, false});
    return out;
}

namespace {
const WireableParameter* named(const std::vector<WireableParameter>& params, const std::string& name) {
    if (name.empty()) return nullptr;
    auto it = std::find_if(params.begin(), params.end(),
                           [&](const WireableParameter& p) { return p.name == name; });
    return it == params.end() ? nullptr : &*it;
}
}  // namespace

std::optional<FilterTarget> suggestTarget(const Filter& f, const std::string& cardId,
                                          const std::vector<WireableParameter>& params) {
    if (f.type == FilterType::DateRange) {
        const std::string stems[] = {f.id, nameStem(f.label, ""), f.column};
        std::vector<std::pair<std::string, std::string>> pairs = {{"start", "end"}, {"from", "to"}};
        for (const auto& s : stems)
            if (!s.empty()) {
                pairs.push_back({s + "_start", s + "_end"});
                pairs.push_back({s + "_from", s + "_to"});
            }
        for (const auto& [a, b] : pairs)
            if (named(params, a) && named(params, b)) return FilterTarget{cardId, a, b};
        std::vector<std::string> dates;
        for (const auto& p : params)
            if (p.type == Parameter::Type::Date) dates.push_back(p.name);
        if (dates.size() == 2) return FilterTarget{cardId, dates[0], dates[1]};
        return std::nullopt;
    }
    for (const std::string& name : {f.id, nameStem(f.label, ""), f.column})
        if (const WireableParameter* p = named(params, name)) return FilterTarget{cardId, p->name, ""};
    return std::nullopt;
}

std::vector<std::string> filterProblems(const Workspace& ws, const Dashboard& d, const Filter& f) {
    std::vector<std::string> out;
    if (f.targets.empty()) out.push_back("This filter is not wired to any card, so it changes nothing.");
    for (const auto& t : f.targets) {
        const Card* c = d.card(t.card);
        if (!c) {
            out.push_back("Wired to a card that is not on the dashboard (\"" + t.card + "\").");
            continue;
        }
        if (c->isText() || !ws.findQuestion(c->question)) continue;  // the card itself says what is wrong
        const auto params = wireableParameters(ws, *c);
        for (const std::string& name : {t.parameter, t.parameterEnd})
            if (!name.empty() && !named(params, name))
                out.push_back("Card \"" + t.card + "\" has no parameter \"" + name + "\".");
    }
    if (f.type == FilterType::Number && !f.defaultValue.empty() && !f.defaultValue[0].empty()) {
        Parameter number;
        number.type = Parameter::Type::Number;
        if (!typedParameterValue(number, f.defaultValue[0]))
            out.push_back("The default \"" + f.defaultValue[0] + "\" is not a number.");
    }
    if (f.type == FilterType::DateRange) {
        Parameter date;
        date.type = Parameter::Type::Date;
        for (const auto& v : f.defaultValue)
            if (!v.empty() && !typedParameterValue(date, v))
                out.push_back("The default \"" + v + "\" is not a date (YYYY-MM-DD).");
    }
    if (f.type == FilterType::List && f.options.empty() && f.optionsQuestion.empty())
        out.push_back("This list has no choices: pick a column or type them.");
    return out;
}

void dropTargetsOfMissingCards(Dashboard& d) {
    for (auto& f : d.filters)
        f.targets.erase(std::remove_if(f.targets.begin(), f.targets.end(),
                                       [&](const FilterTarget& t) { return !d.card(t.card); }),
                        f.targets.end());
}

namespace {
std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}
}  // namespace

Question distinctValuesQuestion(const std::string& table, const std::string& column) {
    Question q;
    q.name = table + "." + column + " values";
    q.description = "The choices of a dashboard list filter: every " + column + " in " + table + ".";
    q.sql = "SELECT DISTINCT " + quoted(column) + " FROM " + quoted(table) + "\nWHERE " + quoted(column) +
            " IS NOT NULL\nORDER BY 1";
    q.visualization = nlohmann::json{{"type", "table"}};
    return q;
}

std::string distinctValuesFileName(const std::string& table, const std::string& column) {
    return "values_" + toIdentifier(table) + "_" + toIdentifier(column) + ".json";
}

}  // namespace deskbase::dashboard
