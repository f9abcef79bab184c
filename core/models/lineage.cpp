#include "core/models/lineage.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/dashboard/dashboard.h"
#include "core/models/model_graph.h"
#include "core/pipeline/run_log.h"
#include "core/sql/tokenizer.h"
#include "core/warehouse/warehouse.h"
#include "core/workspace/workspace.h"

namespace deskbase {

namespace {

bool isName(const Token& t) {
    return t.kind == TokenKind::Word || t.kind == TokenKind::QuotedIdentifier;
}
bool isPunct(const Token& t, std::string_view sql, std::string_view p) {
    return t.kind == TokenKind::Punctuation && t.text(sql) == p;
}

}  // namespace

std::vector<std::string> tablesNamedIn(const std::string& sql, const Dialect& dialect) {
    const auto tokens = significantTokens(tokenize(sql, dialect, TokenizeOptions{TemplateMode::Question}));
    std::set<std::string> ctes;
    for (std::size_t i = 0; i + 2 < tokens.size(); ++i)
        if (isName(tokens[i]) && keywordOf(tokens[i + 1], sql) == "AS" && isPunct(tokens[i + 2], sql, "("))
            ctes.insert(identifierOf(tokens[i], sql));
    std::vector<std::string> out;
    // A (possibly schema-qualified) name at i: the last part; i moves past it.
    auto nameAt = [&](std::size_t& i) -> std::string {
        if (i >= tokens.size() || !isName(tokens[i])) return {};
        std::string name = identifierOf(tokens[i], sql);
        while (i + 2 < tokens.size() && isPunct(tokens[i + 1], sql, ".") && isName(tokens[i + 2])) {
            i += 2;
            name = identifierOf(tokens[i], sql);
        }
        ++i;
        return name;
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string kw = keywordOf(tokens[i], sql);
        if (kw != "FROM" && kw != "JOIN") continue;
        std::size_t j = i + 1;
        for (;;) {
            const std::string name = nameAt(j);
            if (name.empty()) break;
            if (!ctes.count(name) && std::find(out.begin(), out.end(), name) == out.end())
                out.push_back(name);
            if (kw != "FROM") break;
            // FROM a x, b y: skip an alias, then continue after a comma.
            while (j < tokens.size() && !isPunct(tokens[j], sql, ",") && isName(tokens[j]) &&
                   keywordOf(tokens[j], sql) != "WHERE" && keywordOf(tokens[j], sql) != "JOIN")
                ++j;
            if (j >= tokens.size() || !isPunct(tokens[j], sql, ",")) break;
            ++j;
        }
    }
    return out;
}

Lineage buildLineage(const Workspace& workspace, const ModelProject& project,
                     const std::map<std::string, std::string>& lastStatuses) {
    std::map<std::string, LineageNode> nodes;
    std::set<std::pair<std::string, std::string>> edges;
    auto source = [&](const std::string& table) {
        const std::string id = "source:" + table;
        nodes.emplace(id, LineageNode{id, "source", table, {}, {}, {}});
        return id;
    };
    auto reads = [&](const std::string& name) { return project.find(name) ? "model:" + name : source(name); };
    for (const auto& m : project.models) {
        const std::string id = "model:" + m.name();
        auto status = lastStatuses.find(m.name());
        nodes.emplace(id, LineageNode{id, "model", m.name(), m.file(), materializationName(m.materialized()),
                                      status != lastStatuses.end() ? status->second : std::string()});
        for (const auto& r : m.refs()) edges.emplace("model:" + r.model, id);
        for (const auto& s : m.sources()) edges.emplace(source(s.table), id);
    }
    const Dialect& dialect = Dialect::sqlite();  // lexing only: the table names read the same
    for (const auto& q : workspace.questions()) {
        const std::string id = "question:" + q.file;
        nodes.emplace(id, LineageNode{id, "question", q.question.name, q.file, {}, {}});
        for (const auto& t : tablesNamedIn(q.question.sql, dialect)) edges.emplace(reads(t), id);
    }
    for (const auto& path : workspace.dashboardFiles()) {
        auto d = dashboard::loadDashboard(path);
        if (!d) continue;  // the workspace lists broken files as problems
        const std::string file = "dashboards/" + path.substr(path.find_last_of('/') + 1);
        const std::string id = "dashboard:" + file;
        nodes.emplace(id, LineageNode{id, "dashboard", d->name, file, {}, {}});
        for (const auto& card : d->cards) {
            if (card.isText()) continue;
            if (const auto* q = workspace.findQuestion(card.question))
                edges.emplace("question:" + q->file, id);
        }
    }
    Lineage out;
    for (const char* kind : {"source", "model", "question", "dashboard"}) {
        std::vector<LineageNode> ofKind;
        for (const auto& [id, n] : nodes)
            if (n.kind == kind) ofKind.push_back(n);
        std::stable_sort(ofKind.begin(), ofKind.end(),
                         [](const LineageNode& a, const LineageNode& b) { return a.name < b.name; });
        out.nodes.insert(out.nodes.end(), ofKind.begin(), ofKind.end());
    }
    for (const auto& [from, to] : edges) out.edges.push_back({from, to});
    return out;
}

Result<Lineage> loadLineage(const Workspace& workspace) {
    const std::string target = workspace.defaultTarget();
    auto project = loadModelProject(workspace.dir(), Warehouse::dialectFor(target));
    if (!project) return Error{project.message()};
    if (auto graph = ModelGraph::build(*project); !graph) return Error{graph.message()};
    std::map<std::string, std::string> statuses;
    std::error_code ec;
    if (Warehouse::isPostgresTarget(target) || std::filesystem::exists(target, ec))
        if (auto w = Warehouse::open(target))
            if (auto s = lastModelStatuses(**w)) statuses = std::move(*s);
    return buildLineage(workspace, *project, statuses);
}

std::string lineageJson(const Lineage& lineage) {
    auto nodes = nlohmann::ordered_json::array();
    for (const auto& n : lineage.nodes) {
        nlohmann::ordered_json j = {{"id", n.id}, {"kind", n.kind}, {"name", n.name}};
        if (!n.file.empty()) j["file"] = n.file;
        if (!n.materialized.empty()) j["materialized"] = n.materialized;
        if (!n.status.empty()) j["status"] = n.status;
        nodes.push_back(std::move(j));
    }
    auto edges = nlohmann::ordered_json::array();
    for (const auto& e : lineage.edges) edges.push_back({{"from", e.from}, {"to", e.to}});
    return nlohmann::ordered_json{{"nodes", nodes}, {"edges", edges}}.dump();
}

std::string lineageDot(const Lineage& lineage) {
    // DOT strings: quotes and backslashes escaped.
    auto quoted = [](const std::string& s) {
        std::string out = "\"";
        for (char c : s) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        return out + "\"";
    };
    const std::map<std::string, std::string> shapes = {
        {"source", "cylinder"}, {"model", "box"}, {"question", "note"}, {"dashboard", "tab"}};
    std::string out = "digraph lineage {\n  rankdir=LR;\n";
    for (const auto& n : lineage.nodes)
        out += "  " + quoted(n.id) + " [label=" + quoted(n.name) + ", shape=" + shapes.at(n.kind) + "];\n";
    for (const auto& e : lineage.edges) out += "  " + quoted(e.from) + " -> " + quoted(e.to) + ";\n";
    return out + "}\n";
}

}  // namespace deskbase
