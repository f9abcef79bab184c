#include "core/workspace/workspace.h"

#include <algorithm>
#include <filesystem>

#include "core/io/atomic_file.h"
#include "core/warehouse/warehouse.h"

namespace deskbase {

namespace fs = std::filesystem;

namespace {

constexpr const char* kSettingsFile = "deskbase.json";

std::vector<std::string> jsonFilesIn(const fs::path& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file(ec) && e.path().extension() == ".json")
            out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

Result<Workspace> Workspace::open(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return Error{"no workspace folder " + dir};
    Workspace w(fs::absolute(dir, ec).lexically_normal().string());
    if (!w.dir_.empty() && w.dir_.size() > 1 && w.dir_.back() == '/') w.dir_.pop_back();
    w.reload();
    return w;
}

Result<Workspace> Workspace::create(const std::string& dir) {
    std::error_code ec;
    for (const char* sub : {"", "questions", "dashboards"}) {
        fs::create_directories(fs::path(dir) / sub, ec);
        if (ec)
            return Error{"cannot create workspace folder " + (fs::path(dir) / sub).string() + ": " +
                         ec.message()};
    }
    auto w = open(dir);
    if (!w) return w;
    if (!fs::exists(fs::path(dir) / kSettingsFile, ec))
        if (auto s = w->saveSettings(); !s) return Error{s.message()};
    return w;
}

std::string Workspace::path(const std::string& relative) const {
    return (fs::path(dir_) / relative).string();
}

void Workspace::reload() {
    connections_.clear();
    settings_ = WorkspaceSettings{};
    questions_.clear();
    dashboardFiles_.clear();
    problems_.clear();
    loadSettings();
    loadQuestions();
    listDashboards();
}

void Workspace::loadSettings() {
    const std::string file = path(kSettingsFile);
    std::error_code ec;
    if (!fs::exists(file, ec)) return;
    auto text = readTextFile(file);
    if (!text) {
        problems_.push_back({kSettingsFile, 0, text.message()});
        return;
    }
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(*text);
    } catch (const nlohmann::json::parse_error& e) {
        problems_.push_back(
            {kSettingsFile, jsonParseErrorLine(*text, e), jsonParseErrorMessage(kSettingsFile, *text, e)});
        return;
    }
    auto problem = [&](const std::string& what) {
        problems_.push_back({kSettingsFile, 0, std::string(kSettingsFile) + ": " + what});
    };
    if (!j.is_object()) return problem("must be a JSON object");
    try {
        if (j.contains("connections")) {
            for (const auto& c : j.at("connections")) {
                Connection conn{c.at("name").get<std::string>(), c.at("target").get<std::string>()};
                connections_.push_back(std::move(conn));
            }
        }
        settings_.defaultConnection = j.value("default_connection", std::string());
        settings_.theme = j.value("theme", settings_.theme);
        if (j.contains("cache")) {
            const auto& c = j.at("cache");
            auto policy = cachePolicyFromJson(c);
            if (!policy)
                problem(policy.message());
            else
                settings_.cachePolicy = *policy;
            settings_.cacheMemoryBytes = c.value("max_memory_bytes", settings_.cacheMemoryBytes);
            settings_.cacheDiskBytes = c.value("max_disk_bytes", settings_.cacheDiskBytes);
        }
    } catch (const nlohmann::json::exception& e) {
        problem(e.what());
    }
}

void Workspace::loadQuestions() {
    for (const auto& name : jsonFilesIn(questionsDir())) {
        const std::string rel = "questions/" + name;
        auto text = readTextFile(path(rel));
        if (!text) {
            problems_.push_back({rel, 0, text.message()});
            continue;
        }
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(*text);
        } catch (const nlohmann::json::parse_error& e) {
            problems_.push_back({rel, jsonParseErrorLine(*text, e), jsonParseErrorMessage(rel, *text, e)});
            continue;
        }
        auto q = questionFromJson(j);
        if (!q) {
            problems_.push_back({rel, 0, rel + ": " + q.message()});
            continue;
        }
        if (q->name.empty()) q->name = fs::path(name).stem().string();
        questions_.push_back({rel, std::move(*q)});
    }
}

void Workspace::listDashboards() {
    for (const auto& name : jsonFilesIn(dashboardsDir()))
        dashboardFiles_.push_back(path("dashboards/" + name));
}

Result<std::string> Workspace::targetFor(const std::string& connectionName) const {
    const std::string& name = connectionName.empty() ? settings_.defaultConnection : connectionName;
    if (name.empty()) return path("warehouse.db");
    for (const auto& c : connections_) {
        if (c.name != name) continue;
        if (Warehouse::isPostgresTarget(c.target) || fs::path(c.target).is_absolute()) return c.target;
        return path(c.target);
    }
    return Error{"no connection named \"" + name + "\" in " + path(kSettingsFile)};
}

std::string Workspace::defaultTarget() const {
    auto t = targetFor({});
    return t ? *t : path("warehouse.db");
}

const WorkspaceQuestion* Workspace::findQuestion(const std::string& spelled) const {
    // A path to the file, however spelled (absolute, through a symlink, "./questions/x.json"):
    // the same file as one of ours is that question.
    std::string key = spelled;
    std::error_code ec;
    if (spelled.find('/') != std::string::npos) {
        const fs::path asked = fs::weakly_canonical(
            fs::path(spelled).is_absolute() ? fs::path(spelled) : fs::path(dir_) / spelled, ec);
        const fs::path questions = fs::weakly_canonical(fs::path(questionsDir()), ec);
        if (!ec && asked.parent_path() == questions) key = "questions/" + asked.filename().string();
    }
    for (const auto& q : questions_) {
        const std::string stem = fs::path(q.file).stem().string();
        const std::string file = fs::path(q.file).filename().string();
        if (q.file == key || file == key || stem == key) return &q;
    }
    for (const auto& q : questions_)
        if (q.question.name == key) return &q;
    return nullptr;
}

Status Workspace::saveSettings() const {
    nlohmann::ordered_json j;
    nlohmann::ordered_json conns = nlohmann::ordered_json::array();
    for (const auto& c : connections_) {
        nlohmann::ordered_json cj;
        cj["name"] = c.name;
        cj["target"] = targetWithoutPassword(c.target);
        conns.push_back(std::move(cj));
    }
    j["connections"] = std::move(conns);
    j["default_connection"] = settings_.defaultConnection;
    nlohmann::ordered_json cache = cachePolicyToJson(settings_.cachePolicy);
    cache["max_memory_bytes"] = settings_.cacheMemoryBytes;
    cache["max_disk_bytes"] = settings_.cacheDiskBytes;
    j["cache"] = std::move(cache);
    j["theme"] = settings_.theme;
    return writeFileAtomically(path(kSettingsFile), j.dump(2) + "\n");
}

Status Workspace::saveQuestion(const std::string& fileName, const Question& q) {
    std::string name = fs::path(fileName).filename().string();
    if (fs::path(name).extension() != ".json") name += ".json";
    std::error_code ec;
    fs::create_directories(questionsDir(), ec);
    const std::string rel = "questions/" + name;
    if (auto s = deskbase::saveQuestion(q, path(rel)); !s) return s;
    auto it = std::find_if(questions_.begin(), questions_.end(),
                           [&](const WorkspaceQuestion& w) { return w.file == rel; });
    if (it != questions_.end())
        it->question = q;
    else
        questions_.push_back({rel, q});
    problems_.erase(std::remove_if(problems_.begin(), problems_.end(),
                                   [&](const WorkspaceProblem& p) { return p.file == rel; }),
                    problems_.end());
    return Status::ok();
}

}  // namespace deskbase

namespace deskbase {

Status Workspace::removeQuestion(const std::string& fileName) {
    std::string name = fs::path(fileName).filename().string();
    if (fs::path(name).extension() != ".json") name += ".json";
    const std::string rel = "questions/" + name;
    std::error_code ec;
    if (!fs::remove(path(rel), ec) || ec)
        return Status::fail("cannot delete " + path(rel) + (ec ? ": " + ec.message() : ""));
    questions_.erase(std::remove_if(questions_.begin(), questions_.end(),
                                    [&](const WorkspaceQuestion& w) { return w.file == rel; }),
                     questions_.end());
    return Status::ok();
}

}  // namespace deskbase
