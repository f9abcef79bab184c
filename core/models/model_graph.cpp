#include "core/models/model_graph.h"

#include <algorithm>
#include <functional>

namespace deskbase {

int ModelGraph::index(const std::string& model) const {
    auto it = std::lower_bound(names_.begin(), names_.end(), model);
    return it != names_.end() && *it == model ? int(it - names_.begin()) : -1;
}

Result<ModelGraph> ModelGraph::build(const ModelProject& project) {
    ModelGraph g;
    for (const auto& m : project.models) g.names_.push_back(m.name());  // the project keeps them sorted
    const int n = int(g.names_.size());
    g.parents_.resize(n);
    g.children_.resize(n);
    for (int i = 0; i < n; ++i) {
        const ModelTemplate& m = project.models[i];
        for (const auto& r : m.refs()) {
            const int p = g.index(r.model);
            if (p < 0)
                return Error{m.file() + ": line " + std::to_string(r.line) + ": ref('" + r.model +
                             "'): no model named " + r.model};
            if (std::find(g.parents_[i].begin(), g.parents_[i].end(), p) == g.parents_[i].end()) {
                g.parents_[i].push_back(p);
                g.children_[p].push_back(i);
            }
        }
    }
    for (auto& v : g.parents_) std::sort(v.begin(), v.end());
    for (auto& v : g.children_) std::sort(v.begin(), v.end());

    // A cycle, found by depth-first search, is reported from where it closes.
    std::vector<int> colour(n, 0), stack;
    std::string cycle;
    std::function<bool(int)> visit = [&](int i) {
        colour[i] = 1;
        stack.push_back(i);
        for (int p : g.parents_[i]) {
            if (colour[p] == 1) {
                auto from = std::find(stack.begin(), stack.end(), p);
                for (auto it = from; it != stack.end(); ++it) cycle += g.names_[*it] + " -> ";
                cycle += g.names_[p];
                return false;
            }
            if (colour[p] == 0 && !visit(p)) return false;
        }
        stack.pop_back();
        colour[i] = 2;
        return true;
    };
    for (int i = 0; i < n; ++i)
        if (colour[i] == 0 && !visit(i)) return Error{"models form a cycle (each refs the next): " + cycle};

    // Kahn's algorithm, always taking the smallest ready name.
    std::vector<int> waiting(n);
    std::set<int> ready;
    for (int i = 0; i < n; ++i)
        if ((waiting[i] = int(g.parents_[i].size())) == 0) ready.insert(i);
    while (!ready.empty()) {
        const int i = *ready.begin();
        ready.erase(ready.begin());
        g.order_.push_back(g.names_[i]);
        for (int c : g.children_[i])
            if (--waiting[c] == 0) ready.insert(c);
    }
    return g;
}

std::vector<std::string> ModelGraph::parents(const std::string& model) const {
    std::vector<std::string> out;
    if (const int i = index(model); i >= 0)
        for (int p : parents_[i]) out.push_back(names_[p]);
    return out;
}

std::vector<std::string> ModelGraph::children(const std::string& model) const {
    std::vector<std::string> out;
    if (const int i = index(model); i >= 0)
        for (int c : children_[i]) out.push_back(names_[c]);
    return out;
}

namespace {

std::set<std::string> reach(int start, const std::vector<std::vector<int>>& edges,
                            const std::vector<std::string>& names) {
    std::set<std::string> out;
    if (start < 0) return out;
    std::vector<int> todo = edges[start];
    std::vector<bool> seen(names.size(), false);
    while (!todo.empty()) {
        const int i = todo.back();
        todo.pop_back();
        if (seen[i]) continue;
        seen[i] = true;
        out.insert(names[i]);
        todo.insert(todo.end(), edges[i].begin(), edges[i].end());
    }
    return out;
}

}  // namespace

std::set<std::string> ModelGraph::downstream(const std::string& model) const {
    return reach(index(model), children_, names_);
}

std::set<std::string> ModelGraph::upstream(const std::string& model) const {
    return reach(index(model), parents_, names_);
}

Result<std::set<std::string>> ModelGraph::select(const std::vector<std::string>& selectors) const {
    if (selectors.empty()) return std::set<std::string>(names_.begin(), names_.end());
    std::set<std::string> out;
    for (const auto& s : selectors) {
        std::string name = s;
        const bool up = !name.empty() && name.front() == '+';
        if (up) name.erase(0, 1);
        const bool down = !name.empty() && name.back() == '+';
        if (down) name.pop_back();
        if (name.empty()) return Error{"--select " + s + ": a model name is missing"};
        if (index(name) < 0) return Error{"--select " + s + ": no model named " + name};
        out.insert(name);
        if (up) out.merge(upstream(name));
        if (down) out.merge(downstream(name));
    }
    return out;
}

}  // namespace deskbase
