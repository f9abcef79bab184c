#pragma once
// The DAG of a project's models from their ref() calls (source() tables are leaves outside it).
// A ref to a model that does not exist names the file, the line and the missing model; a cycle
// names every model on it. Selection follows dbt: "name", "name+" (and everything downstream),
// "+name" (and everything upstream), "+name+".
#include <set>
#include <string>
#include <vector>

#include "core/models/model_project.h"
#include "core/util/result.h"

namespace deskbase {

class ModelGraph {
public:
    static Result<ModelGraph> build(const ModelProject& project);

    // Every model, upstream before downstream (ties by name, so the order is stable).
    const std::vector<std::string>& order() const { return order_; }
    std::vector<std::string> parents(const std::string& model) const;   // direct refs, sorted, unique
    std::vector<std::string> children(const std::string& model) const;  // direct dependents, sorted
    std::set<std::string> downstream(const std::string& model) const;   // transitive, without itself
    std::set<std::string> upstream(const std::string& model) const;     // transitive, without itself

    // The models the selectors name (every model when there are none). An unknown name is an error.
    Result<std::set<std::string>> select(const std::vector<std::string>& selectors) const;

private:
    int index(const std::string& model) const;
    std::vector<std::string> names_;  // sorted
    std::vector<std::vector<int>> parents_, children_;
    std::vector<std::string> order_;
};

}  // namespace deskbase
