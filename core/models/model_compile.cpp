#include "core/models/model_compile.h"

#include <algorithm>

#include "core/sql/tokenizer.h"

namespace deskbase {

namespace {

std::string cteName(const std::string& model) {
    return "__dbt__cte__" + model;
}

}  // namespace

ModelCompiler::ModelCompiler(const ModelProject& project, const ModelGraph& graph, const Dialect& dialect,
                             const std::map<std::string, std::string>& vars)
    : project_(project), graph_(graph), dialect_(dialect), vars_(project.vars) {
    for (const auto& [k, v] : vars) vars_[k] = v;
}

Result<std::string> ModelCompiler::body(const ModelTemplate& m, bool isIncremental) const {
    RenderContext c;
    c.isIncremental = isIncremental;
    c.vars = vars_;
    c.thisRelation = dialect_.quoteIdentifier(
        m.materialized() == Materialization::Ephemeral ? cteName(m.name()) : m.name());
    c.ref = [this](const std::string& name) {
        const ModelTemplate* r = project_.find(name);
        const bool ephemeral = r && r->materialized() == Materialization::Ephemeral;
        return dialect_.quoteIdentifier(ephemeral ? cteName(name) : name);
    };
    return m.render(c, dialect_);
}

void ModelCompiler::ephemeralAncestors(const std::string& model, std::vector<std::string>& out) const {
    for (const auto& p : graph_.parents(model)) {
        const ModelTemplate* m = project_.find(p);
        if (!m || m->materialized() != Materialization::Ephemeral) continue;
        if (std::find(out.begin(), out.end(), p) != out.end()) continue;
        ephemeralAncestors(p, out);
        if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    }
}

std::vector<std::string> ModelCompiler::inlined(const std::string& model) const {
    std::vector<std::string> out;
    ephemeralAncestors(model, out);
    return out;
}

Result<std::string> ModelCompiler::compile(const std::string& model, bool isIncremental) const {
    const ModelTemplate* m = project_.find(model);
    if (!m) return Error{"no model named " + model};
    auto sql = body(*m, isIncremental);
    if (!sql) return sql;
    const std::vector<std::string> ephemerals = inlined(model);
    if (ephemerals.empty()) return sql;

    std::string ctes;
    for (const auto& e : ephemerals) {
        auto b = body(*project_.find(e), false);
        if (!b) return b;
        ctes += dialect_.quoteIdentifier(cteName(e)) + " AS (\n" + *b + "\n), ";
    }
    // Into the model's own WITH list, or a new one.
    const auto tokens = significantTokens(tokenize(*sql, dialect_));
    if (!tokens.empty() && keywordOf(tokens[0], *sql) == "WITH") {
        std::size_t at = tokens[0].end();
        if (tokens.size() > 1 && keywordOf(tokens[1], *sql) == "RECURSIVE") at = tokens[1].end();
        return sql->substr(0, at) + " " + ctes + sql->substr(at);
    }
    ctes.resize(ctes.size() - 2);  // the last ", "
    return "WITH " + ctes + "\n" + *sql;
}

}  // namespace deskbase
