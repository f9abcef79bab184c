#pragma once
// Editing a dashboard's filters the way the window does (GUI-free): new ids from labels, one
// target per card, the parameters a card offers for wiring (Metabase's "column to filter on"),
// suggested wiring by parameter name, what is wrong with a filter, and a question that lists a
// column's distinct values for a list filter.
#include <optional>
#include <string>
#include <vector>

#include "core/dashboard/dashboard.h"
#include "core/question/question.h"
#include "core/util/result.h"
#include "core/workspace/workspace.h"

namespace deskbase::dashboard {

// An id for a new filter from its label (toIdentifier: "Order date" -> "order_date"), not used by
// another filter ("filter" when the label has no letters or digits).
std::string newFilterId(const Dashboard& d, const std::string& label);

// The filter's target on a card, nullptr when it does not drive that card.
const FilterTarget* targetOn(const Filter& f, const std::string& cardId);
// Wires the filter to one parameter of the card (for a date range: `parameter` takes the start,
// `parameterEnd` the end), replacing what it had there; both empty unwires the card.
void setTarget(Filter& f, const std::string& cardId, const std::string& parameter,
               const std::string& parameterEnd = {});

// A parameter a card's question takes: the declared ones, then those its SQL uses undeclared
// (text). Empty for text cards and questions that are not found.
struct WireableParameter {
    std::string name;
    std::string label;
    Parameter::Type type = Parameter::Type::Text;
    bool multiValue = false;
    bool operator==(const WireableParameter&) const = default;
};
std::vector<WireableParameter> wireableParameters(const Workspace& ws, const Card& card);

// The parameter a filter would drive on a card whose question takes `params`, by name: the
// filter's id, its label's slug or its column; for a date range a start/end pair named like
// `start`/`end`, `from`/`to`, `<id>_start`/`<id>_end`, or else the only two date parameters.
// nullopt when nothing matches.
std::optional<FilterTarget> suggestTarget(const Filter& f, const std::string& cardId,
                                          const std::vector<WireableParameter>& params);

// What the window says about a filter, one line each: wired to nothing, wired to a card or a
// parameter that is not there, a default that does not fit the type. Empty when all is well.
std::vector<std::string> filterProblems(const Workspace& ws, const Dashboard& d, const Filter& f);

// Drops the targets of cards that are no longer on the dashboard.
void dropTargetsOfMissingCards(Dashboard& d);

// A question listing the distinct non-null values of table.column, sorted, for a list filter's
// options_question (identifiers double-quoted, which SQLite and PostgreSQL both read).
Question distinctValuesQuestion(const std::string& table, const std::string& column);
// Its file name: "values_<table>_<column>.json".
std::string distinctValuesFileName(const std::string& table, const std::string& column);

}  // namespace deskbase::dashboard
