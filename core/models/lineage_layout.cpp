#include "core/models/lineage_layout.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace deskbase {

namespace {

int kindRank(const std::string& kind) {
    if (kind == "source") return 0;
    if (kind == "model") return 1;
    if (kind == "question") return 2;
    if (kind == "dashboard") return 3;
    return 4;
}

// The mean row of `neighbours` (their rows in `rowOf`), or `fallback` when there are none.
double barycentre(const std::vector<int>& neighbours, const std::vector<int>& rowOf, double fallback) {
    if (neighbours.empty()) return fallback;
    double sum = 0;
    for (int n : neighbours) sum += rowOf[n];
    return sum / double(neighbours.size());
}

}  // namespace

LineageLayout layoutLineage(const Lineage& lineage) {
    const int n = int(lineage.nodes.size());
    std::map<std::string, int> indexOf;
    for (int i = 0; i < n; ++i) indexOf[lineage.nodes[i].id] = i;
    std::vector<std::vector<int>> in(n), out(n);
    for (const auto& e : lineage.edges) {
        auto f = indexOf.find(e.from), t = indexOf.find(e.to);
        if (f == indexOf.end() || t == indexOf.end() || f->second == t->second) continue;
        in[t->second].push_back(f->second);
        out[f->second].push_back(t->second);
    }

    // Layers: longest path from a node without inputs (Kahn's order); a cycle's nodes are placed
    // in node order, each right of its inputs placed before it.
    std::vector<int> layer(n, 0), pending(n);
    std::vector<bool> placed(n, false);
    std::vector<int> ready;
    for (int i = 0; i < n; ++i)
        if ((pending[i] = int(in[i].size())) == 0) ready.push_back(i);
    while (!ready.empty()) {
        const int i = ready.back();
        ready.pop_back();
        placed[i] = true;
        for (int c : out[i]) {
            layer[c] = std::max(layer[c], layer[i] + 1);
            if (--pending[c] == 0) ready.push_back(c);
        }
    }
    for (int i = 0; i < n; ++i)
        if (!placed[i]) {
            for (int p : in[i])
                if (placed[p]) layer[i] = std::max(layer[i], layer[p] + 1);
            placed[i] = true;
        }

    LineageLayout result;
    result.places.resize(n);
    if (n == 0) return result;
    result.layers = *std::max_element(layer.begin(), layer.end()) + 1;

    // Initial order: kind, then name (then the input order).
    std::vector<std::vector<int>> columns(result.layers);
    std::vector<int> byKind(n);
    std::iota(byKind.begin(), byKind.end(), 0);
    std::stable_sort(byKind.begin(), byKind.end(), [&](int a, int b) {
        const auto& x = lineage.nodes[a];
        const auto& y = lineage.nodes[b];
        if (kindRank(x.kind) != kindRank(y.kind)) return kindRank(x.kind) < kindRank(y.kind);
        return x.name < y.name;
    });
    for (int i : byKind) columns[layer[i]].push_back(i);
    std::vector<int> rowOf(n);
    std::vector<int> rank(n);  // the kind-and-name order, for ties
    for (int r = 0; r < n; ++r) rank[byKind[r]] = r;
    auto number = [&](const std::vector<int>& column) {
        for (int r = 0; r < int(column.size()); ++r) rowOf[column[r]] = r;
    };
    for (const auto& c : columns) number(c);

    // Barycentre sweeps: left to right by inputs, then right to left by outputs, twice.
    auto sweep = [&](int l, const std::vector<std::vector<int>>& neighbours) {
        auto& column = columns[l];
        std::vector<double> key(n);
        for (int i : column) key[i] = barycentre(neighbours[i], rowOf, rowOf[i]);
        std::stable_sort(column.begin(), column.end(), [&](int a, int b) {
            if (key[a] != key[b]) return key[a] < key[b];
            return rank[a] < rank[b];
        });
        number(column);
    };
    for (int pass = 0; pass < 2; ++pass) {
        for (int l = 1; l < result.layers; ++l) sweep(l, in);
        for (int l = result.layers - 2; l >= 0; --l) sweep(l, out);
    }

    for (int i = 0; i < n; ++i) result.places[i] = {layer[i], rowOf[i]};
    for (const auto& c : columns) result.rows = std::max(result.rows, int(c.size()));
    return result;
}

}  // namespace deskbase
