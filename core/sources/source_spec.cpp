#include "core/sources/source_spec.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/infer/naming.h"
#include "core/question/question.h"  // readTextFile, jsonParseErrorMessage
#include "core/util/json_fields.h"

namespace deskbase {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;  // "types" in the file's order

namespace {

const std::vector<std::string> kFields = {
    "name",     "description", "path",           "table",          "mode",       "unique_key",
    "types",    "delimiter",   "header",         "encoding",       "on_failure", "watch",
    "schedule", "after",       "stable_seconds", "move_processed", "move_failed", "retries",
    "retry_delay_seconds"};

bool hasWildcard(const std::string& s) {
    return s.find_first_of("*?[") != std::string::npos;
}

std::string stemOf(const std::string& file) {
    return fs::path(file).stem().string();
}

// Reads the fields of one source object; errors are the reason alone (the caller adds the file).
class SourceParser {
public:
    SourceParser(const json& j, SourceSpec& s) : j_(j), s_(s) {}

    Status parse() {
        for (auto it = j_.begin(); it != j_.end(); ++it)
            if (std::find(kFields.begin(), kFields.end(), it.key()) == kFields.end())
                return Status::fail("unknown field \"" + it.key() + "\"");
        if (auto st = text("name", s_.name, false); !st) return st;
        if (auto st = text("description", s_.description, false); !st) return st;
        if (auto st = text("path", s_.path, true); !st) return st;
        if (auto st = pathShape(); !st) return st;
        s_.table = s_.name;
        if (auto st = text("table", s_.table, false); !st) return st;
        if (std::none_of(s_.table.begin(), s_.table.end(),
                         [](unsigned char c) { return std::isalnum(c) || c >= 0x80; }))
            return Status::fail("\"table\" has no letters or digits to name a table");
        s_.table = toTableName(s_.table);
        if (auto st = mode(); !st) return st;
        if (auto st = names("unique_key", s_.uniqueKey); !st) return st;
        if (!s_.uniqueKey.empty() && s_.mode != ImportMode::Append)
            return Status::fail(
                "\"unique_key\" needs \"mode\": \"append\" (replace loads the whole table anew)");
        if (auto st = types(); !st) return st;
        if (auto st = importOptions(); !st) return st;
        if (auto st = boolean("watch", s_.watch); !st) return st;
        if (j_.contains("schedule")) {
            if (!j_["schedule"].is_string())
                return Status::fail("\"schedule\" is a string (e.g. \"daily 06:30\")");
            auto sch = Schedule::parse(j_["schedule"].get<std::string>());
            if (!sch) return Status::fail("\"schedule\": " + sch.message());
            s_.schedule = std::move(*sch);
        }
        if (auto st = names("after", s_.after); !st) return st;
        if (j_.contains("stable_seconds")) {
            const auto& v = j_["stable_seconds"];
            if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > 86400)
                return Status::fail("\"stable_seconds\" is a number of seconds from 0 to 86400");
            s_.stableSeconds = v.get<double>();
        }
        if (j_.contains("retries")) {
            const auto& v = j_["retries"];
            if (!v.is_number_integer() || v.get<std::int64_t>() < 0 || v.get<std::int64_t>() > 100)
                return Status::fail("\"retries\" is a whole number from 0 to 100");
            s_.retry.retries = v.get<int>();
        }
        if (j_.contains("retry_delay_seconds")) {
            const auto& v = j_["retry_delay_seconds"];
            if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > 86400)
                return Status::fail("\"retry_delay_seconds\" is a number of seconds from 0 to 86400");
            s_.retry.delaySeconds = v.get<double>();
        }
        if (auto st = folder("move_processed", "processed", s_.moveProcessed); !st) return st;
        return folder("move_failed", "failed", s_.moveFailed);
    }

private:
    Status text(const char* key, std::string& out, bool required) {
        return json_fields::readText(j_, key, out, required);
    }
    Status boolean(const char* key, bool& out) { return json_fields::readBool(j_, key, out); }

    // A name or a list of names.
    Status names(const char* key, std::vector<std::string>& out) {
        if (!j_.contains(key)) return Status::ok();
        const auto& v = j_[key];
        const std::string bad = std::string("\"") + key + "\" is a name or a list of names";
        if (v.is_string()) {
            if (v.get<std::string>().empty()) return Status::fail(bad);
            out = {v.get<std::string>()};
            return Status::ok();
        }
        if (!v.is_array() || v.empty()) return Status::fail(bad);
        for (const auto& e : v) {
            if (!e.is_string() || e.get<std::string>().empty()) return Status::fail(bad);
            if (std::find(out.begin(), out.end(), e.get<std::string>()) != out.end())
                return Status::fail(std::string("\"") + key + "\" names " + e.get<std::string>() + " twice");
            out.push_back(e.get<std::string>());
        }
        return Status::ok();
    }

    Status pathShape() {
        const fs::path p(s_.path);
        const std::string parent = p.parent_path().string();
        if (hasWildcard(parent))
            return Status::fail("\"path\" \"" + s_.path +
                                "\": wildcards go in the file name only (inbox/*.csv)");
        return Status::ok();
    }

    Status mode() {
        if (!j_.contains("mode")) return Status::ok();
        const auto& v = j_["mode"];
        if (v == "append")
            s_.mode = ImportMode::Append;
        else if (v == "replace")
            s_.mode = ImportMode::Replace;
        else
            return Status::fail("\"mode\" is \"append\" or \"replace\"");
        return Status::ok();
    }

    Status types() {
        if (!j_.contains("types")) return Status::ok();
        const auto& v = j_["types"];
        if (!v.is_object()) return Status::fail("\"types\" is an object of column: type");
        for (auto it = v.begin(); it != v.end(); ++it) {
            auto t = it.value().is_string() ? parseColumnType(it.value().get<std::string>()) : std::nullopt;
            if (!t)
                return Status::fail("\"types\": \"" + it.key() +
                                    "\" is not a type (integer, real, boolean, date, "
                                    "datetime, text)");
            s_.types.emplace_back(it.key(), *t);
        }
        return Status::ok();
    }

    Status importOptions() {
        if (j_.contains("delimiter")) {
            const auto& v = j_["delimiter"];
            const std::string d = v.is_string() ? v.get<std::string>() : std::string();
            if (d == "tab" || d == "\t" || d == "\\t")
                s_.delimiter = '\t';
            else if (d.size() == 1)
                s_.delimiter = d[0];
            else
                return Status::fail("\"delimiter\" is one character, or \"tab\"");
        }
        if (j_.contains("header")) {
            bool h = true;
            if (auto st = boolean("header", h); !st) return st;
            s_.header = h;
        }
        if (j_.contains("encoding")) {
            const auto& v = j_["encoding"];
            for (auto e : {TextEncoding::Utf8, TextEncoding::Utf8Bom, TextEncoding::Utf16LE,
                           TextEncoding::Utf16BE, TextEncoding::Windows1252})
                if (v.is_string() && v.get<std::string>() == textEncodingName(e)) s_.encoding = e;
            if (!s_.encoding)
                return Status::fail("\"encoding\" is utf-8, utf-8-bom, utf-16le, utf-16be or windows-1252");
        }
        if (j_.contains("on_failure")) {
            const auto& v = j_["on_failure"];
            if (v == "refuse")
                s_.refuseOnCheckFailure = true;
            else if (v == "warn")
                s_.refuseOnCheckFailure = false;
            else
                return Status::fail("\"on_failure\" is \"warn\" or \"refuse\"");
        }
        return Status::ok();
    }

    // true: the default folder; a string: that folder; false: none.
    Status folder(const char* key, const char* byDefault, std::string& out) {
        if (!j_.contains(key)) return Status::ok();
        const auto& v = j_[key];
        if (v.is_boolean()) {
            out = v.get<bool>() ? byDefault : "";
            return Status::ok();
        }
        if (!v.is_string() || v.get<std::string>().empty() || hasWildcard(v.get<std::string>()))
            return Status::fail(std::string("\"") + key + "\" is true, false or a folder name");
        out = v.get<std::string>();
        return Status::ok();
    }

    const json& j_;
    SourceSpec& s_;
};

}  // namespace

Result<SourceSpec> sourceSpecFromText(const std::string& text, const std::string& file) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        return Error{jsonParseErrorMessage(file, text, e)};
    }
    if (!j.is_object()) return Error{file + ": a source file is a JSON object with \"path\" and \"table\""};
    SourceSpec s;
    s.file = file;
    s.name = stemOf(file);
    if (auto st = SourceParser(j, s).parse(); !st) return Error{file + ": " + st.message()};
    return s;
}

Result<SourceSpec> loadSourceFile(const std::string& path, const std::string& displayName) {
    auto text = readTextFile(path);
    if (!text) return Error{displayName + ": " + text.message()};
    return sourceSpecFromText(*text, displayName);
}

const SourceSpec* WorkspaceSources::find(const std::string& name) const {
    for (const auto& s : sources)
        if (s.name == name) return &s;
    return nullptr;
}

WorkspaceSources loadWorkspaceSources(const std::string& workspaceDir) {
    WorkspaceSources out;
    std::error_code ec;
    const fs::path dir = fs::path(workspaceDir) / "sources";
    if (!fs::is_directory(dir, ec)) return out;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::map<std::string, std::string> fileOf;  // name -> the file that defined it first
    for (const auto& f : files) {
        const std::string shown = "sources/" + f.filename().string();
        auto s = loadSourceFile(f.string(), shown);
        if (!s) {
            out.problems.push_back({shown, f.stem().string(), s.message()});
            continue;
        }
        if (auto [it, fresh] = fileOf.emplace(s->name, shown); !fresh) {
            out.problems.push_back(
                {shown, s->name, shown + ": \"name\" " + s->name + " is taken by " + it->second});
            continue;
        }
        out.sources.push_back(std::move(*s));
    }
    std::sort(out.sources.begin(), out.sources.end(),
              [](const SourceSpec& a, const SourceSpec& b) { return a.name < b.name; });
    for (auto it = out.sources.begin(); it != out.sources.end();) {
        std::string missing;
        for (const auto& a : it->after)
            if (!fileOf.count(a) || a == it->name) missing = a;
        if (missing.empty()) {
            ++it;
            continue;
        }
        out.problems.push_back(
            {it->file, it->name,
             it->file + ": \"after\": " +
                 (missing == it->name ? "a source cannot run after itself" : "no source named " + missing)});
        it = out.sources.erase(it);
    }
    return out;
}

SourcePathKind sourcePathKind(const SourceSpec& spec, const std::string& workspaceDir) {
    if (hasWildcard(fs::path(spec.path).filename().string())) return SourcePathKind::Glob;
    if (!spec.path.empty() && spec.path.back() == '/') return SourcePathKind::Folder;
    std::error_code ec;
    const fs::path p =
        fs::path(spec.path).is_absolute() ? fs::path(spec.path) : fs::path(workspaceDir) / spec.path;
    return fs::is_directory(p, ec) ? SourcePathKind::Folder : SourcePathKind::File;
}

}  // namespace deskbase
