#pragma once
// A model's SQL for one dialect: ref('m') becomes the quoted relation of m, source('s', 't') the
// quoted table t, this the model's own relation, var() its value; the ephemeral models it refs
// (directly or through other ephemeral models) are inlined as CTEs named __dbt__cte__<name>,
// upstream first, added to the model's own WITH list when it has one.
#include <map>
#include <string>

#include "core/models/model_graph.h"
#include "core/models/model_project.h"
#include "core/sql/dialect.h"
#include "core/util/result.h"

namespace deskbase {

class ModelCompiler {
public:
    // `vars` override the project's deskbase.json vars. The project and graph must outlive it.
    ModelCompiler(const ModelProject& project, const ModelGraph& graph, const Dialect& dialect,
                  const std::map<std::string, std::string>& vars = {});

    Result<std::string> compile(const std::string& model, bool isIncremental = false) const;
    // The ephemeral models compile() inlines into `model`, upstream first.
    std::vector<std::string> inlined(const std::string& model) const;

private:
    Result<std::string> body(const ModelTemplate& m, bool isIncremental) const;
    void ephemeralAncestors(const std::string& model, std::vector<std::string>& out) const;

    const ModelProject& project_;
    const ModelGraph& graph_;
    const Dialect& dialect_;
    std::map<std::string, std::string> vars_;
};

}  // namespace deskbase
