#include "core/dashboard/dashboard.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "core/infer/naming.h"
#include "core/io/atomic_file.h"
#include "core/util/enum_names.h"

namespace deskbase::dashboard {

using Json = nlohmann::ordered_json;

DESKBASE_ENUM_NAMES(kFilterTypeNames, FilterType,
                    {{FilterType::Text, "text"},
                     {FilterType::Number, "number"},
                     {FilterType::DateRange, "date_range"},
                     {FilterType::List, "list"}})

std::string_view filterTypeName(FilterType t) { return enumName(kFilterTypeNames, t); }

std::optional<FilterType> parseFilterType(std::string_view s) { return enumFromName(kFilterTypeNames, s); }

const Card* Dashboard::card(const std::string& id) const {
    auto it = std::find_if(cards.begin(), cards.end(), [&](const Card& c) { return c.id == id; });
    return it == cards.end() ? nullptr : &*it;
}
Card* Dashboard::card(const std::string& id) {
    return const_cast<Card*>(std::as_const(*this).card(id));
}
const Filter* Dashboard::filter(const std::string& id) const {
    auto it = std::find_if(filters.begin(), filters.end(), [&](const Filter& f) { return f.id == id; });
    return it == filters.end() ? nullptr : &*it;
}
std::string Dashboard::newCardId(const std::string& stem) const {
    if (!card(stem)) return stem;
    for (int i = 2;; ++i) {
        std::string id = stem + "_" + std::to_string(i);
        if (!card(id)) return id;
    }
}

DashboardSettings settingsOf(const Dashboard& d) {
    return {d.name, d.description, d.refreshSeconds, d.cache};
}

void applySettings(Dashboard& d, const DashboardSettings& s) {
    d.name = s.name;
    d.description = s.description;
    d.refreshSeconds = std::max(0, s.refreshSeconds);
    d.cache = s.cache;
}

namespace {

// Reads an optional member with a type check; a wrong type is an error naming the key.
struct Reader {
    std::string error;
    template <class T>
    void get(const Json& obj, const char* key, T& out) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return;
        try {
            out = it->get<T>();
        } catch (const Json::exception&) {
            if (error.empty()) error = std::string("\"") + key + "\" has the wrong type";
        }
    }
};

std::vector<std::string> stringList(const Json& v) {
    std::vector<std::string> out;
    if (v.is_array()) {
        for (const auto& e : v) out.push_back(e.is_string() ? e.get<std::string>() : e.dump());
    } else if (v.is_string()) {
        out.push_back(v.get<std::string>());
    } else if (!v.is_null()) {
        out.push_back(v.dump());
    }
    return out;
}

int lineOfByte(const std::string& text, std::size_t byte) {
    byte = std::min(byte, text.size());
    return 1 + int(std::count(text.begin(), text.begin() + std::ptrdiff_t(byte), '\n'));
}

}  // namespace

Result<Dashboard> parseDashboard(const std::string& jsonText) {
    Json j;
    try {
        j = Json::parse(jsonText);
    } catch (const Json::parse_error& e) {
        return Error{"invalid JSON at line " + std::to_string(lineOfByte(jsonText, e.byte))};
    }
    if (!j.is_object()) return Error{"a dashboard must be a JSON object"};
    Dashboard d;
    Reader r;
    r.get(j, "name", d.name);
    r.get(j, "description", d.description);
    r.get(j, "grid_columns", d.gridColumns);
    r.get(j, "refresh_seconds", d.refreshSeconds);
    r.get(j, "sample_data", d.sampleData);
    if (d.gridColumns <= 0) return Error{"\"grid_columns\" must be positive"};
    if (auto it = j.find("cache"); it != j.end() && !it->is_null()) {
        auto policy = cachePolicyFromJson(*it);
        if (!policy) return Error{"\"cache\": " + policy.message()};
        d.cache = *policy;
    }
    if (auto it = j.find("filters"); it != j.end() && it->is_array()) {
        for (const auto& fj : *it) {
            if (!fj.is_object()) return Error{"a filter must be an object"};
            Filter f;
            r.get(fj, "id", f.id);
            r.get(fj, "label", f.label);
            std::string type = "text";
            r.get(fj, "type", type);
            auto t = parseFilterType(type);
            if (!t) return Error{"filter \"" + f.id + "\": unknown type \"" + type + "\""};
            f.type = *t;
            if (auto dv = fj.find("default"); dv != fj.end()) f.defaultValue = stringList(*dv);
            if (auto ov = fj.find("options"); ov != fj.end()) f.options = stringList(*ov);
            r.get(fj, "options_question", f.optionsQuestion);
            r.get(fj, "column", f.column);
            if (auto tv = fj.find("targets"); tv != fj.end() && tv->is_array()) {
                for (const auto& tj : *tv) {
                    FilterTarget target;
                    r.get(tj, "card", target.card);
                    r.get(tj, "parameter", target.parameter);
                    r.get(tj, "parameter_end", target.parameterEnd);
                    f.targets.push_back(std::move(target));
                }
            }
            if (f.id.empty()) return Error{"a filter has no \"id\""};
            d.filters.push_back(std::move(f));
        }
    }
    if (auto it = j.find("cards"); it != j.end() && it->is_array()) {
        for (const auto& cj : *it) {
            if (!cj.is_object()) return Error{"a card must be an object"};
            Card c;
            r.get(cj, "id", c.id);
            r.get(cj, "title", c.title);
            r.get(cj, "question", c.question);
            r.get(cj, "text", c.text);
            r.get(cj, "x", c.rect.x);
            r.get(cj, "y", c.rect.y);
            r.get(cj, "w", c.rect.w);
            r.get(cj, "h", c.rect.h);
            std::string kind;
            r.get(cj, "kind", kind);
            if (kind == "heading")
                c.heading = true;
            else if (!kind.empty() && kind != "text" && kind != "question")
                return Error{"card \"" + c.id + "\": unknown kind \"" + kind + "\""};
            if (auto v = cj.find("visualization"); v != cj.end() && v->is_object())
                c.visualization = v->dump();
            if (c.id.empty()) return Error{"a card has no \"id\""};
            if (d.card(c.id)) return Error{"two cards have the id \"" + c.id + "\""};
            d.cards.push_back(std::move(c));
        }
    }
    if (!r.error.empty()) return Error{r.error};
    return d;
}

std::string serializeDashboard(const Dashboard& d) {
    Json j = Json::object();
    j["name"] = d.name;
    if (!d.description.empty()) j["description"] = d.description;
    j["grid_columns"] = d.gridColumns;
    j["refresh_seconds"] = d.refreshSeconds;
    if (!d.sampleData.empty()) j["sample_data"] = d.sampleData;
    if (d.cache) j["cache"] = cachePolicyToJson(*d.cache);
    Json filters = Json::array();
    for (const auto& f : d.filters) {
        Json fj = Json::object();
        fj["id"] = f.id;
        fj["label"] = f.label;
        fj["type"] = std::string(filterTypeName(f.type));
        if (f.type == FilterType::List || f.type == FilterType::DateRange)
            fj["default"] = f.defaultValue;
        else
            fj["default"] = f.defaultValue.empty() ? Json(nullptr) : Json(f.defaultValue.front());
        if (!f.options.empty()) fj["options"] = f.options;
        if (!f.optionsQuestion.empty()) fj["options_question"] = f.optionsQuestion;
        if (!f.column.empty()) fj["column"] = f.column;
        Json targets = Json::array();
        for (const auto& t : f.targets) {
            Json tj = Json::object();
            tj["card"] = t.card;
            tj["parameter"] = t.parameter;
            if (!t.parameterEnd.empty()) tj["parameter_end"] = t.parameterEnd;
            targets.push_back(std::move(tj));
        }
        fj["targets"] = std::move(targets);
        filters.push_back(std::move(fj));
    }
    j["filters"] = std::move(filters);
    Json cards = Json::array();
    for (const auto& c : d.cards) {
        Json cj = Json::object();
        cj["id"] = c.id;
        if (c.heading && c.isText()) cj["kind"] = "heading";
        if (!c.title.empty()) cj["title"] = c.title;
        if (!c.question.empty())
            cj["question"] = c.question;
        else
            cj["text"] = c.text;
        cj["x"] = c.rect.x;
        cj["y"] = c.rect.y;
        cj["w"] = c.rect.w;
        cj["h"] = c.rect.h;
        if (!c.visualization.empty()) {
            try {
                cj["visualization"] = Json::parse(c.visualization);
            } catch (const Json::exception&) {
                // An unparsable override is dropped rather than written as a broken file.
            }
        }
        cards.push_back(std::move(cj));
    }
    j["cards"] = std::move(cards);
    return j.dump(2) + "\n";
}

Result<Dashboard> loadDashboard(const std::string& path) {
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) return Error{"cannot read " + path};
    const QByteArray bytes = f.readAll();
    auto d = parseDashboard(bytes.toStdString());
    if (!d) return Error{path + ": " + d.message()};
    return d;
}

Status saveDashboard(const Dashboard& d, const std::string& path) {
    return writeFileAtomically(path, serializeDashboard(d));
}

std::string nameStem(const std::string& name, const std::string& fallback) {
    const bool hasWord =
        std::any_of(name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) || c >= 0x80; });
    return hasWord ? toIdentifier(name) : fallback;
}

std::string freeDashboardPath(const std::string& dashboardsDir, const std::string& name) {
    const std::string stem = nameStem(name, "dashboard");
    const QDir dir(QString::fromStdString(dashboardsDir));
    for (int i = 1;; ++i) {
        const std::string file = stem + (i == 1 ? std::string() : "_" + std::to_string(i)) + ".json";
        const QString path = dir.filePath(QString::fromStdString(file));
        if (!QFileInfo::exists(path)) return path.toStdString();
    }
}

Result<std::string> createDashboard(const std::string& dashboardsDir, const std::string& name) {
    const QString trimmed = QString::fromStdString(name).trimmed();
    if (trimmed.isEmpty()) return Error{"a dashboard needs a name"};
    Dashboard d;
    d.name = trimmed.toStdString();
    const std::string path = freeDashboardPath(dashboardsDir, d.name);
    if (auto s = saveDashboard(d, path); !s) return Error{s.message()};
    return path;
}

FilterValues defaultFilterValues(const Dashboard& d) {
    FilterValues v;
    for (const auto& f : d.filters) v[f.id] = f.defaultValue;
    return v;
}

ParameterValues cardParameters(const Dashboard& d, const FilterValues& values, const std::string& cardId) {
    ParameterValues out;
    for (const auto& f : d.filters) {
        auto it = values.find(f.id);
        if (it == values.end()) continue;
        const auto& v = it->second;
        for (const auto& t : f.targets) {
            if (t.card != cardId) continue;
            if (f.type == FilterType::DateRange) {
                if (!t.parameter.empty() && !v.empty() && !v[0].empty()) out[t.parameter] = {v[0]};
                if (!t.parameterEnd.empty() && v.size() > 1 && !v[1].empty()) out[t.parameterEnd] = {v[1]};
            } else if (!v.empty() && !(v.size() == 1 && v[0].empty())) {
                out[t.parameter] = v;
            }
        }
    }
    return out;
}

std::vector<std::string> cardsWiredTo(const Dashboard& d, const std::string& filterId) {
    std::vector<std::string> out;
    const Filter* f = d.filter(filterId);
    if (!f) return out;
    for (const auto& c : d.cards) {
        bool wired = std::any_of(f->targets.begin(), f->targets.end(),
                                 [&](const FilterTarget& t) { return t.card == c.id; });
        if (wired) out.push_back(c.id);
    }
    return out;
}

}  // namespace deskbase::dashboard
