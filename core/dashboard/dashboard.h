#pragma once
// The dashboard definition (dashboards/*.json): cards on a grid, filters wired to card
// parameters, a refresh interval. GUI-free; saved with a fixed key order, pretty-printed,
// so a file written by save() loads and saves back byte-identical.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/cache_policy.h"
#include "core/util/result.h"

namespace deskbase::dashboard {

// Grid geometry in cells (the canvas is `Dashboard::gridColumns` cells wide).
struct GridRect {
    int x = 0;
    int y = 0;
    int w = 4;
    int h = 4;
    bool operator==(const GridRect&) const = default;
};

struct Card {
    std::string id;  // unique within the dashboard; filters wire to it
    std::string
        question;       // question file, relative to the workspace's questions/ folder; empty for text cards
    std::string text;   // markdown, for text cards
    std::string title;  // optional; defaults to the question's name
    std::string visualization;  // optional JSON object text overriding the question's settings
    GridRect rect;
    bool heading = false;  // a text card drawn as a section heading (plain text, no frame)
    bool isText() const { return question.empty(); }
    bool operator==(const Card&) const = default;
};

enum class FilterType { Text, Number, DateRange, List };
std::string_view filterTypeName(FilterType t);  // "text", "number", "date_range", "list"
std::optional<FilterType> parseFilterType(std::string_view s);

// One card parameter a filter drives. For a date range, `parameter` takes the start and
// `parameterEnd` the end (either may be empty to wire only one bound).
struct FilterTarget {
    std::string card;
    std::string parameter;
    std::string parameterEnd;
    bool operator==(const FilterTarget&) const = default;
};

struct Filter {
    std::string id;
    std::string label;
    FilterType type = FilterType::Text;
    // Values: text/number one entry; list any number; date range [start, end] ("" = open).
    std::vector<std::string> defaultValue;
    std::vector<std::string> options;  // list filters: the choices offered
    std::string optionsQuestion;       // list filters: a question whose first column gives the choices
    std::string column;                // cross-filtering: clicking a bar/slice of this column sets the filter
    std::vector<FilterTarget> targets;
    bool operator==(const Filter&) const = default;
};

struct Dashboard {
    std::string name;
    std::string description;
    int gridColumns = 24;
    int refreshSeconds = 0;  // 0: no auto-refresh
    std::string sampleData;  // "demo_store": generate the demo data when the warehouse lacks it
    // For cards whose question has no cache policy of its own (else the workspace's applies).
    std::optional<CachePolicy> cache;
    std::vector<Filter> filters;
    std::vector<Card> cards;
    bool operator==(const Dashboard&) const = default;

    const Card* card(const std::string& id) const;
    Card* card(const std::string& id);
    const Filter* filter(const std::string& id) const;
    std::string newCardId(const std::string& stem) const;  // stem, stem_2, ... not yet used
};

// What the dashboard settings dialog edits.
struct DashboardSettings {
    std::string name;
    std::string description;
    int refreshSeconds = 0;
    std::optional<CachePolicy> cache;
    bool operator==(const DashboardSettings&) const = default;
};
DashboardSettings settingsOf(const Dashboard& d);
void applySettings(Dashboard& d, const DashboardSettings& s);

Result<Dashboard> parseDashboard(const std::string& jsonText);  // errors name the line
std::string serializeDashboard(const Dashboard& d);             // pretty, fixed key order, ends in '\n'
Result<Dashboard> loadDashboard(const std::string& path);
Status saveDashboard(const Dashboard& d, const std::string& path);  // atomic (temp file + rename)

// The identifier form of a name for ids and file names (toIdentifier: "Order date" ->
// "order_date"), or `fallback` when the name has no letters or digits.
std::string nameStem(const std::string& name, const std::string& fallback);

// Where a new dashboard called `name` goes: <dashboardsDir>/<identifier>.json ("Sales overview" ->
// sales_overview.json), or <identifier>_2.json, ... when that file exists: never an existing file.
std::string freeDashboardPath(const std::string& dashboardsDir, const std::string& name);
// Writes an empty dashboard called `name` (trimmed; must not be empty) at freeDashboardPath().
// Returns its path.
Result<std::string> createDashboard(const std::string& dashboardsDir, const std::string& name);

// Filter values by filter id, as strings (see Filter::defaultValue for the shape).
using FilterValues = std::map<std::string, std::vector<std::string>>;
// Parameter values by parameter name, for one card.
using ParameterValues = std::map<std::string, std::vector<std::string>>;

FilterValues defaultFilterValues(const Dashboard& d);
// The parameters a card receives from the filters (unset filters give no entry).
ParameterValues cardParameters(const Dashboard& d, const FilterValues& values, const std::string& cardId);
// Ids of the cards a filter drives, in card order, each once.
std::vector<std::string> cardsWiredTo(const Dashboard& d, const std::string& filterId);

}  // namespace deskbase::dashboard
