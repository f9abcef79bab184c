#include "core/models/model_project.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/io/atomic_file.h"

namespace deskbase {

namespace fs = std::filesystem;

const ModelTemplate* ModelProject::find(const std::string& name) const {
    auto it = std::lower_bound(models.begin(), models.end(), name,
                               [](const ModelTemplate& m, const std::string& n) { return m.name() < n; });
    return it != models.end() && it->name() == name ? &*it : nullptr;
}

namespace {

Result<std::map<std::string, std::string>> readVars(const fs::path& settings) {
    std::map<std::string, std::string> out;
    std::error_code ec;
    if (!fs::exists(settings, ec)) return out;
    std::ifstream in(settings, std::ios::binary);
    const auto json = nlohmann::json::parse(in, nullptr, false);
    if (json.is_discarded() || !json.is_object()) return out;  // the workspace reports a broken file
    auto it = json.find("vars");
    if (it == json.end()) return out;
    if (!it->is_object()) return Error{"deskbase.json: \"vars\" must be an object"};
    for (const auto& [key, value] : it->items()) {
        if (value.is_string())
            out[key] = value.get<std::string>();
        else if (value.is_number() || value.is_boolean())
            out[key] = value.dump();
        else
            return Error{"deskbase.json: vars." + key + " must be a string or a number"};
    }
    return out;
}

}  // namespace

Result<ModelProject> modelProjectFromTexts(const std::vector<std::pair<std::string, std::string>>& files,
                                           const Dialect& dialect) {
    ModelProject project;
    for (const auto& [file, text] : files) {
        const std::string name = fs::path(file).stem().string();
        auto m = parseModel(name, file, text, dialect);
        if (!m) return Error{m.message()};
        project.models.push_back(std::move(*m));
    }
    std::sort(project.models.begin(), project.models.end(),
              [](const ModelTemplate& a, const ModelTemplate& b) { return a.name() < b.name(); });
    for (std::size_t i = 1; i < project.models.size(); ++i)
        if (project.models[i].name() == project.models[i - 1].name())
            return Error{project.models[i].file() + ": a model named " + project.models[i].name() +
                         " already exists (" + project.models[i - 1].file() + ")"};
    return project;
}

Result<ModelProject> loadModelProject(const std::string& workspaceDir, const Dialect& dialect) {
    const fs::path dir = fs::path(workspaceDir) / "models";
    std::vector<std::pair<std::string, std::string>> files;
    std::error_code ec;
    if (fs::is_directory(dir, ec)) {
        for (const auto& e : fs::directory_iterator(dir, ec)) {
            if (!e.is_regular_file(ec) || e.path().extension() != ".sql") continue;
            std::ifstream in(e.path(), std::ios::binary);
            if (!in) return Error{"models/" + e.path().filename().string() + ": cannot read the file"};
            std::ostringstream text;
            text << in.rdbuf();
            files.emplace_back("models/" + e.path().filename().string(), text.str());
        }
    }
    std::sort(files.begin(), files.end());
    auto project = modelProjectFromTexts(files, dialect);
    if (!project) return project;
    auto vars = readVars(fs::path(workspaceDir) / "deskbase.json");
    if (!vars) return Error{vars.message()};
    project->vars = std::move(*vars);
    return project;
}

std::string modelNameProblem(const std::string& name) {
    if (name.empty()) return "a model needs a name";
    if (std::isdigit(static_cast<unsigned char>(name[0])))
        return "model name \"" + name + "\" starts with a digit";
    for (char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_'))
            return "model name \"" + name + "\" may hold only letters, digits and _";
    return {};
}

Status saveModelFile(const std::string& workspaceDir, const std::string& name, const std::string& text) {
    if (auto problem = modelNameProblem(name); !problem.empty()) return Status::fail(problem);
    const fs::path dir = fs::path(workspaceDir) / "models";
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Status::fail("cannot create " + dir.string() + ": " + ec.message());
    return writeFileAtomically((dir / (name + ".sql")).string(), text);
}

}  // namespace deskbase
