#pragma once
// The models of a workspace: models/*.sql (the file name is the model name) and the "vars" object
// of deskbase.json that var() reads. A broken file is a one-line error naming it (and the line).
#include <map>
#include <string>
#include <vector>

#include "core/models/model_template.h"
#include "core/sql/dialect.h"
#include "core/util/result.h"

namespace deskbase {

struct ModelProject {
    std::vector<ModelTemplate> models;        // sorted by name
    std::map<std::string, std::string> vars;  // from deskbase.json "vars" (strings, numbers as written)

    const ModelTemplate* find(const std::string& name) const;
};

// Reads <workspaceDir>/models/*.sql with the warehouse's dialect. No models folder: no models.
Result<ModelProject> loadModelProject(const std::string& workspaceDir, const Dialect& dialect);

// The same from (file, text) pairs: file is "models/<name>.sql" (tests, the editor).
Result<ModelProject> modelProjectFromTexts(const std::vector<std::pair<std::string, std::string>>& files,
                                           const Dialect& dialect);

// Writes <workspaceDir>/models/<name>.sql atomically (the folder made when missing). The name
// must be a model name a ref() can use: letters, digits and underscores, not starting with a
// digit. The text is written as it is, even when it does not parse yet (work in progress).
Status saveModelFile(const std::string& workspaceDir, const std::string& name, const std::string& text);
// "" when `name` can be a model's name, else why not (one line).
std::string modelNameProblem(const std::string& name);

}  // namespace deskbase
