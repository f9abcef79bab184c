#include "core/checks/check_file.h"

#include <QRegularExpression>
#include <QString>
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "core/checks/json_value.h"
#include "core/io/atomic_file.h"
#include "core/question/question.h"
#include "core/util/json_fields.h"

namespace deskbase {

namespace fs = std::filesystem;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {

// Fields every check may have, and those of each kind.
const std::set<std::string> kCommonFields = {"check", "name", "severity", "mostly", "description"};

std::set<std::string> fieldsOf(CheckKind k) {
    switch (k) {
        case CheckKind::NotNull:
            return {"column"};
        case CheckKind::Unique:
            return {"column", "columns"};
        case CheckKind::AcceptedValues:
            return {"column", "values"};
        case CheckKind::Relationships:
            return {"column", "to", "field"};
        case CheckKind::Between:
            return {"column", "min", "max", "inclusive", "min_inclusive", "max_inclusive"};
        case CheckKind::Matches:
            return {"column", "regex"};
        case CheckKind::RowCount:
            return {"min", "max"};
        case CheckKind::Freshness:
            return {"column", "warn_after", "error_after"};
        case CheckKind::Columns:
            return {"required"};
        case CheckKind::Sql:
            return {"sql"};
    }
    return {};
}

std::string kindList() {
    std::string s;
    for (auto k : allCheckKinds()) s += (s.empty() ? "" : ", ") + std::string(checkKindName(k));
    return s;
}

// Parses one check; errors are the reason alone (the caller adds file and check).
class CheckParser {
public:
    explicit CheckParser(const json& j) : j_(j) {}

    Result<CheckSpec> parse() {
        if (!j_.is_object()) return Error{"a check is a JSON object"};
        if (!j_.contains("check")) return Error{"missing field \"check\""};
        if (!j_["check"].is_string()) return Error{"\"check\" is a string"};
        const std::string kindText = j_["check"].get<std::string>();
        auto kind = parseCheckKind(kindText);
        if (!kind) return Error{"unknown check kind \"" + kindText + "\" (" + kindList() + ")"};
        c_.kind = *kind;
        const auto own = fieldsOf(*kind);
        for (auto it = j_.begin(); it != j_.end(); ++it)
            if (!kCommonFields.count(it.key()) && !own.count(it.key()))
                return Error{"unknown field \"" + it.key() + "\" for " + kindText};
        if (auto s = common(); !s) return Error{s.message()};
        if (auto s = kindFields(); !s) return Error{s.message()};
        return c_;
    }

private:
    Status common() {
        if (j_.contains("name")) {
            if (!j_["name"].is_string() || j_["name"].get<std::string>().empty())
                return Status::fail("\"name\" is a non-empty string");
            c_.name = j_["name"].get<std::string>();
            c_.namedInFile = true;
        }
        if (j_.contains("description")) {
            if (!j_["description"].is_string()) return Status::fail("\"description\" is a string");
            c_.description = j_["description"].get<std::string>();
        }
        if (j_.contains("severity")) {
            const auto& s = j_["severity"];
            if (s == "warn")
                c_.severity = Severity::Warn;
            else if (s == "error")
                c_.severity = Severity::Error;
            else
                return Status::fail("\"severity\" is \"warn\" or \"error\"");
        }
        if (j_.contains("mostly")) {
            if (!isRowCheck(c_.kind))
                return Status::fail("\"mostly\" does not apply to " + std::string(checkKindName(c_.kind)));
            const auto& m = j_["mostly"];
            if (!m.is_number() || m.get<double>() <= 0 || m.get<double>() > 1)
                return Status::fail("\"mostly\" is a number above 0 and at most 1");
            c_.mostly = m.get<double>();
        }
        return Status::ok();
    }

    Status text(const char* key, std::string& out, bool required = true) {
        return json_fields::readText(j_, key, out, required);
    }
    Status boolean(const char* key, bool& out) { return json_fields::readBool(j_, key, out); }

    Status bound(const char* key, std::optional<Value>& out, bool integersOnly) {
        if (!j_.contains(key)) return Status::ok();
        const auto& v = j_[key];
        if (integersOnly) {
            if (!v.is_number_integer() || v.get<std::int64_t>() < 0)
                return Status::fail(std::string("\"") + key + "\" is a whole number of rows");
        } else if (!v.is_number() && !v.is_string()) {
            return Status::fail(std::string("\"") + key + "\" is a number or a date text");
        }
        out = checks_json::scalar(v);
        if (!out) return Status::fail(std::string("\"") + key + "\" is out of range");
        return Status::ok();
    }

    Status limit(const char* key, std::optional<FreshnessLimit>& out) {
        if (!j_.contains(key)) return Status::ok();
        const auto& v = j_[key];
        FreshnessLimit l;
        if (v.is_string()) {
            l.text = v.get<std::string>();
            auto s = parseDuration(l.text);
            if (!s)
                return Status::fail(std::string("\"") + key + "\" \"" + l.text +
                                    "\" is not a duration (e.g. 12h, 2d)");
            l.seconds = *s;
        } else if (v.is_object() && v.contains("count") && v.contains("period") &&
                   v["count"].is_number_integer() &&
                   v["period"].is_string()) {  // dbt's {"count": 12, "period": "hour"}
            static const std::map<std::string, std::int64_t> periods = {
                {"minute", 60}, {"hour", 3600}, {"day", 86400}, {"week", 604800}};
            auto p = periods.find(v["period"].get<std::string>());
            if (p == periods.end() || v["count"].get<std::int64_t>() <= 0)
                return Status::fail(std::string("\"") + key +
                                    "\" wants a positive count and a period (minute, hour, day, week)");
            l.seconds = v["count"].get<std::int64_t>() * p->second;
            l.text = std::to_string(v["count"].get<std::int64_t>()) + std::string(1, p->first[0]);
        } else {
            return Status::fail(std::string("\"") + key + "\" is a duration like \"12h\" or \"2d\"");
        }
        out = l;
        return Status::ok();
    }

    Status kindFields() {
        switch (c_.kind) {
            case CheckKind::NotNull:
                return text("column", c_.column);
            case CheckKind::Unique:
                return uniqueColumns();
            case CheckKind::AcceptedValues:
                if (auto s = text("column", c_.column); !s) return s;
                return acceptedValues();
            case CheckKind::Relationships:
                if (auto s = text("column", c_.column); !s) return s;
                if (auto s = text("to", c_.to); !s) return s;
                return text("field", c_.field);
            case CheckKind::Between: {
                if (auto s = text("column", c_.column); !s) return s;
                if (auto s = bound("min", c_.min, false); !s) return s;
                if (auto s = bound("max", c_.max, false); !s) return s;
                if (!c_.min && !c_.max) return Status::fail("between needs \"min\" or \"max\"");
                bool both = true;
                if (auto s = boolean("inclusive", both); !s) return s;
                c_.minInclusive = c_.maxInclusive = both;
                if (auto s = boolean("min_inclusive", c_.minInclusive); !s) return s;
                return boolean("max_inclusive", c_.maxInclusive);
            }
            case CheckKind::Matches: {
                if (auto s = text("column", c_.column); !s) return s;
                if (auto s = text("regex", c_.regex); !s) return s;
                const QRegularExpression re(QString::fromStdString(c_.regex));
                if (!re.isValid())
                    return Status::fail("regex \"" + c_.regex +
                                        "\" does not compile: " + re.errorString().toStdString() +
                                        " at offset " + std::to_string(re.patternErrorOffset()));
                return Status::ok();
            }
            case CheckKind::RowCount:
                if (auto s = bound("min", c_.min, true); !s) return s;
                if (auto s = bound("max", c_.max, true); !s) return s;
                if (!c_.min && !c_.max) return Status::fail("row_count needs \"min\" or \"max\"");
                return Status::ok();
            case CheckKind::Freshness:
                if (auto s = text("column", c_.column, false); !s) return s;
                if (auto s = limit("warn_after", c_.warnAfter); !s) return s;
                if (auto s = limit("error_after", c_.errorAfter); !s) return s;
                if (!c_.warnAfter && !c_.errorAfter)
                    return Status::fail("freshness needs \"warn_after\" or \"error_after\"");
                return Status::ok();
            case CheckKind::Columns:
                return requiredColumns();
            case CheckKind::Sql:
                if (auto s = text("sql", c_.sql); !s) return s;
                while (!c_.sql.empty() &&
                       (std::isspace(static_cast<unsigned char>(c_.sql.back())) || c_.sql.back() == ';'))
                    c_.sql.pop_back();
                if (c_.sql.empty()) return Status::fail("\"sql\" is empty");
                return Status::ok();
        }
        return Status::ok();
    }

    Status uniqueColumns() {
        if (j_.contains("column") == j_.contains("columns"))
            return Status::fail("unique needs \"columns\" (a list) or \"column\", not both");
        if (j_.contains("column")) {
            std::string one;
            if (auto s = text("column", one); !s) return s;
            c_.columns = {one};
            return Status::ok();
        }
        const auto& cols = j_["columns"];
        if (!cols.is_array() || cols.empty())
            return Status::fail("\"columns\" is a non-empty list of column names");
        for (const auto& c : cols) {
            if (!c.is_string() || c.get<std::string>().empty())
                return Status::fail("\"columns\" is a non-empty list of column names");
            if (std::find(c_.columns.begin(), c_.columns.end(), c.get<std::string>()) != c_.columns.end())
                return Status::fail("\"columns\" names " + c.get<std::string>() + " twice");
            c_.columns.push_back(c.get<std::string>());
        }
        return Status::ok();
    }

    Status acceptedValues() {
        if (!j_.contains("values")) return Status::fail("missing field \"values\"");
        const auto& vals = j_["values"];
        if (!vals.is_array() || vals.empty()) return Status::fail("\"values\" is a non-empty list");
        for (const auto& v : vals) {
            auto value = checks_json::scalar(v);
            if (!value)
                return Status::fail(
                    "\"values\" holds only strings, numbers and booleans (NULLs are never checked here; use "
                    "not_null)");
            c_.values.push_back(std::move(*value));
        }
        return Status::ok();
    }

    Status requiredColumns() {
        if (!j_.contains("required")) return Status::fail("missing field \"required\"");
        const auto& r = j_["required"];
        const char* shape = "\"required\" maps column names to types ({\"id\": \"integer\"}) or lists names";
        if (r.is_object()) {
            for (auto it = r.begin(); it != r.end(); ++it) {
                if (!it->is_string()) return Status::fail(shape);
                c_.required.emplace_back(it.key(), it->get<std::string>());
            }
        } else if (r.is_array()) {
            for (const auto& n : r) {
                if (!n.is_string() || n.get<std::string>().empty()) return Status::fail(shape);
                c_.required.emplace_back(n.get<std::string>(), "");
            }
        } else {
            return Status::fail(shape);
        }
        if (c_.required.empty()) return Status::fail(shape);
        return Status::ok();
    }

    const json& j_;
    CheckSpec c_;
};

std::string checkLabel(std::size_t index, const json& j) {
    std::string what;
    if (j.is_object() && j.contains("name") && j["name"].is_string())
        what = "\"" + j["name"].get<std::string>() + "\"";
    else if (j.is_object() && j.contains("check") && j["check"].is_string())
        what = j["check"].get<std::string>();
    return "check " + std::to_string(index + 1) + (what.empty() ? "" : " (" + what + ")");
}

}  // namespace

std::optional<std::int64_t> parseDuration(const std::string& text) {
    std::int64_t total = 0;
    std::size_t i = 0;
    if (text.empty()) return std::nullopt;
    while (i < text.size()) {
        std::int64_t n = 0;
        const std::size_t start = i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
            if (n > 100000000) return std::nullopt;
            n = n * 10 + (text[i++] - '0');
        }
        if (i == start || i >= text.size()) return std::nullopt;
        std::int64_t unit = 0;
        switch (text[i++]) {
            case 's':
                unit = 1;
                break;
            case 'm':
                unit = 60;
                break;
            case 'h':
                unit = 3600;
                break;
            case 'd':
                unit = 86400;
                break;
            case 'w':
                unit = 604800;
                break;
            default:
                return std::nullopt;
        }
        total += n * unit;
    }
    if (total <= 0) return std::nullopt;
    return total;
}

Result<CheckFile> checkFileFromText(const std::string& text, const std::string& displayName,
                                    const std::string& defaultTable) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        return Error{jsonParseErrorMessage(displayName, text, e)};
    }
    const std::string prefix = displayName + ": ";
    if (!j.is_object()) return Error{prefix + "a check file is a JSON object with \"table\" and \"checks\""};
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it.key() != "table" && it.key() != "on_failure" && it.key() != "checks" &&
            it.key() != "description")
            return Error{prefix + "unknown field \"" + it.key() + "\" (table, on_failure, checks)"};
    CheckFile file;
    file.displayName = displayName;
    file.table = defaultTable;
    if (j.contains("table")) {
        if (!j["table"].is_string() || j["table"].get<std::string>().empty())
            return Error{prefix + "\"table\" is a non-empty string"};
        file.table = j["table"].get<std::string>();
    }
    if (file.table.empty()) return Error{prefix + "missing field \"table\""};
    if (j.contains("on_failure")) {
        if (j["on_failure"] == "refuse")
            file.onFailure = OnFailure::Refuse;
        else if (j["on_failure"] == "warn")
            file.onFailure = OnFailure::Warn;
        else
            return Error{prefix + "\"on_failure\" is \"warn\" or \"refuse\""};
    }
    if (!j.contains("checks")) return Error{prefix + "missing field \"checks\""};
    if (!j["checks"].is_array()) return Error{prefix + "\"checks\" is a list of checks"};
    std::set<std::string> names;
    std::map<std::string, int> derived;
    for (std::size_t i = 0; i < j["checks"].size(); ++i) {
        const json& cj = j["checks"][i];
        auto c = CheckParser(cj).parse();
        if (!c) return Error{prefix + checkLabel(i, cj) + ": " + c.message()};
        if (c->namedInFile) {
            if (!names.insert(c->name).second)
                return Error{prefix + checkLabel(i, cj) + ": another check has the name \"" + c->name + "\""};
        } else {
            const std::string base = defaultCheckName(*c);
            const int n = ++derived[base];
            c->name = n == 1 ? base : base + " #" + std::to_string(n);
        }
        file.checks.push_back(std::move(*c));
    }
    // A derived name may not take a name given in the file.
    for (const auto& c : file.checks)
        if (!c.namedInFile && names.count(c.name))
            return Error{prefix + "two checks are named \"" + c.name + "\"; give one another \"name\""};
    return file;
}

Result<CheckFile> loadCheckFile(const std::string& path, const std::string& displayName) {
    auto text = readTextFile(path);
    if (!text) return Error{text.message()};
    auto file = checkFileFromText(*text, displayName, fs::path(path).stem().string());
    if (file) file->path = path;
    return file;
}

Result<CheckFile> loadCheckFile(const std::string& path) {
    return loadCheckFile(path, path);
}

namespace {

std::vector<fs::path> checkFilesIn(const std::string& workspaceDir) {
    std::vector<fs::path> out;
    std::error_code ec;
    const fs::path dir = fs::path(workspaceDir) / "checks";
    if (!fs::is_directory(dir, ec)) return out;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file(ec) && e.path().extension() == ".json") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string displayNameOf(const fs::path& p) {
    return "checks/" + p.filename().string();
}

}  // namespace

Result<std::vector<CheckFile>> loadWorkspaceChecks(const std::string& workspaceDir) {
    std::vector<CheckFile> out;
    for (const auto& p : checkFilesIn(workspaceDir)) {
        auto f = loadCheckFile(p.string(), displayNameOf(p));
        if (!f) return Error{f.message()};
        out.push_back(std::move(*f));
    }
    return out;
}

Result<std::vector<CheckFile>> loadChecksForTable(const std::string& workspaceDir, const std::string& table) {
    std::vector<CheckFile> out;
    for (const auto& p : checkFilesIn(workspaceDir)) {
        auto f = loadCheckFile(p.string(), displayNameOf(p));
        if (!f) {
            if (p.stem().string() == table) return Error{f.message()};
            continue;
        }
        if (f->table == table) out.push_back(std::move(*f));
    }
    return out;
}

ordered_json checkSpecToJson(const CheckSpec& c) {
    ordered_json j;
    j["check"] = std::string(checkKindName(c.kind));
    if (c.namedInFile) j["name"] = c.name;
    switch (c.kind) {
        case CheckKind::Unique:
            j["columns"] = c.columns;
            break;
        case CheckKind::RowCount:
        case CheckKind::Columns:
        case CheckKind::Sql:
            break;
        default:
            if (!c.column.empty()) j["column"] = c.column;
    }
    switch (c.kind) {
        case CheckKind::AcceptedValues: {
            auto vals = ordered_json::array();
            for (const auto& v : c.values) vals.push_back(checks_json::json(v));
            j["values"] = vals;
            break;
        }
        case CheckKind::Relationships:
            j["to"] = c.to;
            j["field"] = c.field;
            break;
        case CheckKind::Between:
        case CheckKind::RowCount:
            if (c.min) j["min"] = checks_json::json(*c.min);
            if (c.max) j["max"] = checks_json::json(*c.max);
            if (c.kind == CheckKind::Between) {
                if (!c.minInclusive) j["min_inclusive"] = false;
                if (!c.maxInclusive) j["max_inclusive"] = false;
            }
            break;
        case CheckKind::Matches:
            j["regex"] = c.regex;
            break;
        case CheckKind::Freshness:
            if (c.warnAfter) j["warn_after"] = c.warnAfter->text;
            if (c.errorAfter) j["error_after"] = c.errorAfter->text;
            break;
        case CheckKind::Columns: {
            ordered_json req = ordered_json::object();
            for (const auto& [name, type] : c.required) req[name] = type;
            j["required"] = req;
            break;
        }
        case CheckKind::Sql:
            j["sql"] = c.sql;
            break;
        default:
            break;
    }
    if (c.severity == Severity::Warn) j["severity"] = "warn";
    if (c.mostly) j["mostly"] = *c.mostly;
    if (!c.description.empty()) j["description"] = c.description;
    return j;
}

ordered_json checkFileToJson(const CheckFile& file) {
    ordered_json j;
    j["table"] = file.table;
    if (file.onFailure == OnFailure::Refuse) j["on_failure"] = "refuse";
    auto checks = ordered_json::array();
    for (const auto& c : file.checks) checks.push_back(checkSpecToJson(c));
    j["checks"] = checks;
    return j;
}

Result<CheckSpec> checkSpecFromJson(const json& j) {
    auto c = CheckParser(j).parse();
    if (c && !c->namedInFile) c->name = defaultCheckName(*c);
    return c;
}

std::string validateCheck(const CheckSpec& check) {
    auto c = CheckParser(json::parse(checkSpecToJson(check).dump())).parse();
    return c ? std::string() : c.message();
}

Status saveCheckFile(const CheckFile& file) {
    const std::string text = checkFileToJson(file).dump(2) + "\n";
    const std::string name = file.displayName.empty() ? file.path : file.displayName;
    if (auto parsed = checkFileFromText(text, name, file.table); !parsed)
        return Status::fail(parsed.message());
    std::error_code ec;
    fs::create_directories(fs::path(file.path).parent_path(), ec);
    return writeFileAtomically(file.path, text);
}

}  // namespace deskbase
