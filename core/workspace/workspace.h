#pragma once
// A workspace is a folder: deskbase.json (connections, settings), questions/*.json,
// dashboards/*.json (model owned by core/dashboard) and by default warehouse.db.
// A broken file never stops the rest from loading: it is listed in problems().
// Passwords are never written (libpq's PGPASSWORD / ~/.pgpass / service files do that job).
#include <cstdint>
#include <string>
#include <vector>

#include "core/cache/cache_policy.h"
#include "core/question/question.h"
#include "core/util/result.h"
#include "core/warehouse/connection_string.h"  // targetWithoutPassword

namespace deskbase {

struct Connection {
    std::string name;    // e.g. "default", "analytics"
    std::string target;  // SQLite path (relative = inside the workspace) or libpq URI / keywords
};

struct WorkspaceSettings {
    std::string defaultConnection;  // connection name; empty = warehouse.db in the folder
    CachePolicy cachePolicy;        // for questions without their own policy
    std::int64_t cacheMemoryBytes = 256ll << 20;
    std::int64_t cacheDiskBytes = 1024ll << 20;
    std::string theme = "system";   // "system", "light" or "dark"
};

struct WorkspaceQuestion {
    std::string file;  // relative to the workspace: "questions/delays.json"
    Question question;
};

struct WorkspaceProblem {
    std::string file;     // relative to the workspace, e.g. "questions/broken.json"
    int line = 0;         // 1-based; 0 when not about a line
    std::string message;  // full one-line text: "questions/broken.json: line 3: ..."
};

class Workspace {
public:
    // Loads the folder (which must exist). Fails only when it is not a readable folder.
    static Result<Workspace> open(const std::string& dir);
    // Creates the folder layout (dir, questions/, dashboards/, deskbase.json) when missing, then opens it.
    static Result<Workspace> create(const std::string& dir);

    const std::string& dir() const { return dir_; }
    std::string path(const std::string& relative) const;  // dir/relative
    std::string questionsDir() const { return path("questions"); }
    std::string dashboardsDir() const { return path("dashboards"); }
    std::string cacheDir() const { return path(".deskbase/cache"); }

    std::vector<Connection>& connections() { return connections_; }
    const std::vector<Connection>& connections() const { return connections_; }
    WorkspaceSettings& settings() { return settings_; }
    const WorkspaceSettings& settings() const { return settings_; }

    // The warehouse target of a connection name; empty name = the default connection.
    Result<std::string> targetFor(const std::string& connectionName) const;
    std::string defaultTarget() const;  // never fails: falls back to <dir>/warehouse.db

    const std::vector<WorkspaceQuestion>& questions() const { return questions_; }
    // By file ("questions/x.json", "x.json", "x", or any path to the file: absolute, relative to
    // the workspace, through a symlink) or by question name; nullptr when not found.
    const WorkspaceQuestion* findQuestion(const std::string& fileOrName) const;
    // Absolute paths of dashboards/*.json, sorted.
    const std::vector<std::string>& dashboardFiles() const { return dashboardFiles_; }
    const std::vector<WorkspaceProblem>& problems() const { return problems_; }

    Status saveSettings() const;  // writes deskbase.json (passwords stripped)
    // Writes questions/<fileName> (".json" appended when missing) and updates questions().
    Status saveQuestion(const std::string& fileName, const Question& q);
    // Deletes questions/<fileName> and forgets it.
    Status removeQuestion(const std::string& fileName);
    void reload();

private:
    explicit Workspace(std::string dir) : dir_(std::move(dir)) {}
    void loadSettings();
    void loadQuestions();
    void listDashboards();

    std::string dir_;
    std::vector<Connection> connections_;
    WorkspaceSettings settings_;
    std::vector<WorkspaceQuestion> questions_;
    std::vector<std::string> dashboardFiles_;
    std::vector<WorkspaceProblem> problems_;
};

}  // namespace deskbase
