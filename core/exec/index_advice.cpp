#include "core/exec/index_advice.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "core/ingest/key_indexes.h"
#include "core/sql/tokenizer.h"
#include "core/warehouse/warehouse.h"

namespace deskbase {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// A table or alias name as written: quotes removed, doubled quotes undone.
std::string nameOf(std::string_view text) {
    if (text.size() >= 2 && (text.front() == '"' || text.front() == '`' || text.front() == '[')) {
        const char close = text.front() == '[' ? ']' : text.front();
        std::string out;
        for (std::size_t i = 1; i + 1 < text.size(); ++i) {
            out += text[i];
            if (text[i] == close && text[i + 1] == close) ++i;
        }
        return out;
    }
    return std::string(text);
}

bool isClauseWord(const std::string& w) {
    static const char* kWords[] = {"on",        "using",   "where",  "group",     "order",  "limit", "having",
                                   "join",      "left",    "right",  "inner",     "outer",  "full",  "cross",
                                   "natural",   "union",   "except", "intersect", "window", "as",    "set",
                                   "returning", "lateral", "offset", "fetch",     "for"};
    return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

std::string resolve(const std::vector<std::pair<std::string, std::string>>& aliases,
                    const std::string& name) {
    for (const auto& [alias, table] : aliases)
        if (alias == name) return table;
    return name;
}

void addOnce(std::vector<IndexAdvice>& out, IndexAdvice a) {
    auto it = std::find(out.begin(), out.end(), a);
    if (it == out.end())
        out.push_back(std::move(a));
    else
        it->perOuterRow = it->perOuterRow || a.perOuterRow;
}

// "order_id=? AND product_id=?" -> {"order_id", "product_id"}; ranges (x>?) are left out.
std::vector<std::string> equalityColumns(const std::string& constraint) {
    std::vector<std::string> cols;
    static const std::regex kTerm(R"(([^\s=<>()]+)=\?)");
    for (std::sregex_iterator it(constraint.begin(), constraint.end(), kTerm), end; it != end; ++it)
        cols.push_back((*it)[1]);
    return cols;
}

}  // namespace

std::string IndexAdvice::label() const {
    std::string cols;
    for (const auto& c : columns) cols += (cols.empty() ? "" : ", ") + c;
    return "Index " + table + "(" + cols + ")?";
}

std::string IndexAdvice::why() const {
    std::string rows = tableRows >= 0 ? " (" + std::to_string(tableRows) + " rows)" : "";
    if (perOuterRow) return table + rows + " is searched without an index once per row of the outer query";
    return table + rows + " is searched without an index";
}

std::vector<std::pair<std::string, std::string>> tableAliases(const std::string& sql, bool postgres) {
    const Dialect& dialect = postgres ? Dialect::postgres() : Dialect::sqlite();
    std::vector<Token> tokens;
    for (const Token& t : tokenize(sql, dialect))
        if (!t.isTrivia()) tokens.push_back(t);
    auto word = [&](std::size_t i) {
        return i < tokens.size() && tokens[i].is(TokenKind::Word) ? lower(std::string(tokens[i].text(sql)))
                                                                  : std::string();
    };
    auto isName = [&](std::size_t i) {
        return i < tokens.size() && (tokens[i].is(TokenKind::QuotedIdentifier) ||
                                     (tokens[i].is(TokenKind::Word) && !isClauseWord(word(i)) &&
                                      word(i) != "select" && word(i) != "values"));
    };
    auto punct = [&](std::size_t i, char c) {
        return i < tokens.size() && tokens[i].is(TokenKind::Punctuation) &&
               tokens[i].text(sql) == std::string(1, c);
    };
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (word(i) != "from" && word(i) != "join") continue;
        std::size_t j = i + 1;
        for (;;) {                  // a comma-separated list after FROM
            if (!isName(j)) break;  // a subquery, a function call
            std::string table = nameOf(tokens[j].text(sql));
            ++j;
            if (punct(j, '.') && isName(j + 1)) {  // schema.table: the plan names the table
                table = nameOf(tokens[j + 1].text(sql));
                j += 2;
            }
            if (punct(j, '(')) break;  // a table-valued function
            if (word(j) == "as") ++j;
            std::string alias = table;
            if (isName(j)) alias = nameOf(tokens[j++].text(sql));
            out.emplace_back(alias, table);
            if (alias != table) out.emplace_back(table, table);
            if (word(i) != "from" || !punct(j, ',')) break;
            ++j;
        }
    }
    return out;
}

std::vector<IndexAdvice> adviceFromSqlitePlan(const std::vector<SqlitePlanRow>& plan,
                                              const std::string& sql) {
    const auto aliases = tableAliases(sql, false);
    std::map<int, const SqlitePlanRow*> byId;
    for (const auto& r : plan) byId[r.id] = &r;
    auto correlated = [&](const SqlitePlanRow& row) {
        for (int p = row.parent; p != 0;) {
            auto it = byId.find(p);
            if (it == byId.end()) break;
            if (it->second->detail.rfind("CORRELATED ", 0) == 0) return true;
            p = it->second->parent;
        }
        return false;
    };
    // SQLite 3.36+: "SEARCH i USING AUTOMATIC COVERING INDEX (order_id=?)"; older releases:
    // "SEARCH TABLE order_items AS i USING AUTOMATIC COVERING INDEX (order_id=?)".
    static const std::regex kAutomatic(
        R"(^SEARCH (?:TABLE )?(\S+)(?: AS (\S+))? USING AUTOMATIC (?:PARTIAL )?(?:COVERING )?INDEX \((.*)\))");
    static const std::regex kBloom(R"(^BLOOM FILTER ON (\S+) \((.*)\))");
    std::vector<IndexAdvice> out;
    for (const auto& row : plan) {
        std::smatch m;
        std::string name, constraint;
        if (std::regex_search(row.detail, m, kAutomatic)) {
            name = m[1];  // an alias, or (older form) the table itself
            constraint = m[3];
        } else if (std::regex_search(row.detail, m, kBloom)) {
            name = m[1];
            constraint = m[2];
        } else {
            continue;
        }
        IndexAdvice a;
        a.table = resolve(aliases, name);
        a.columns = equalityColumns(constraint);
        a.perOuterRow = correlated(row);
        if (!a.columns.empty()) addOnce(out, std::move(a));
    }
    return out;
}

namespace {

// "(i.order_id = o.order_id)" / "(order_id = $0)" seen from the relation `alias`: the columns of
// this relation compared for equality with something that is not this relation's.
std::vector<std::string> outerEqualities(const std::string& condition, const std::string& alias) {
    static const std::regex kEq(
        R"(\(?\s*((?:\w+|"[^"]+")\.)?(\w+|"[^"]+")\s*=\s*((?:\w+|"[^"]+")\.)?(\w+|"[^"]+"|\$\d+)\s*\)?)");
    std::vector<std::string> cols;
    for (std::sregex_iterator it(condition.begin(), condition.end(), kEq), end; it != end; ++it) {
        const auto& m = *it;
        auto qual = [&](int i) {
            const std::string q = m[i].str();
            return q.empty() ? std::string() : nameOf(q.substr(0, q.size() - 1));
        };
        const std::string lq = qual(1), rq = qual(3), l = nameOf(m[2].str()), r = nameOf(m[4].str());
        auto ours = [&](const std::string& q, const std::string& c) {
            return c[0] != '$' && (q.empty() || q == alias);
        };
        auto outer = [&](const std::string& q, const std::string& c) {
            return c[0] == '$' || (!q.empty() && q != alias);
        };
        if (ours(lq, l) && outer(rq, r))
            cols.push_back(l);
        else if (ours(rq, r) && outer(lq, l))
            cols.push_back(r);
    }
    return cols;
}

void walkPostgres(const nlohmann::json& node, bool underSubPlan, const nlohmann::json* nestedLoop,
                  const std::vector<std::pair<std::string, std::string>>& aliases,
                  std::vector<IndexAdvice>& out) {
    if (!node.is_object()) return;
    const std::string type = node.value("Node Type", "");
    const bool sub = underSubPlan || node.value("Parent Relationship", "") == "SubPlan";
    if (type == "Seq Scan" && node.contains("Relation Name")) {
        const std::string table = node.value("Relation Name", "");
        const std::string alias = node.value("Alias", table);
        std::vector<std::string> cols;
        if (sub && node.contains("Filter")) cols = outerEqualities(node.value("Filter", ""), alias);
        const bool inner = nestedLoop && node.value("Parent Relationship", "") == "Inner";
        if (cols.empty() && inner && nestedLoop->contains("Join Filter"))
            cols = outerEqualities(nestedLoop->value("Join Filter", ""), alias);
        if (!cols.empty()) {
            IndexAdvice a;
            a.table = table;
            a.columns = {cols.front()};
            a.perOuterRow = true;
            addOnce(out, std::move(a));
        }
    }
    const nlohmann::json* loop = type == "Nested Loop" ? &node : nullptr;
    if (type == "Materialize" && nestedLoop) loop = nestedLoop;  // a materialized inner side
    if (auto it = node.find("Plans"); it != node.end() && it->is_array())
        for (const auto& child : *it) {
            // The Materialize above an inner Seq Scan passes the loop on; its child is its "Outer".
            if (type == "Materialize" && loop && child.is_object()) {
                nlohmann::json c = child;
                c["Parent Relationship"] = "Inner";
                walkPostgres(c, sub, loop, aliases, out);
            } else {
                walkPostgres(child, sub, loop, aliases, out);
            }
        }
}

}  // namespace

Result<std::vector<IndexAdvice>> adviceFromPostgresPlan(const std::string& explainJson,
                                                        const std::string& sql) {
    auto doc = nlohmann::json::parse(explainJson, nullptr, false);
    if (doc.is_discarded() || !doc.is_array() || doc.empty() || !doc[0].contains("Plan"))
        return Error{"cannot read the PostgreSQL plan (EXPLAIN FORMAT JSON)"};
    std::vector<IndexAdvice> out;
    walkPostgres(doc[0]["Plan"], false, nullptr, tableAliases(sql, true), out);
    return out;
}

Result<std::vector<IndexAdvice>> adviseIndexes(Warehouse& w, const std::string& sql,
                                               const std::vector<Value>& params, std::int64_t minRows) {
    const bool pg = w.kind() == Warehouse::Kind::PostgreSQL;
    auto cursor = w.query((pg ? "EXPLAIN (FORMAT JSON) " : "EXPLAIN QUERY PLAN ") + sql, params);
    if (!cursor) return cursor.status();
    std::vector<Row> rows;
    for (;;) {
        auto n = (*cursor)->fetch(rows, 1024);
        if (!n) return n.status();
        if (*n == 0) break;
    }
    std::vector<IndexAdvice> advice;
    if (pg) {
        std::string json;
        for (const auto& r : rows) json += r.empty() ? std::string() : valueToText(r[0]);
        auto a = adviceFromPostgresPlan(json, sql);
        if (!a) return a.status();
        advice = std::move(*a);
    } else {
        std::vector<SqlitePlanRow> plan;
        for (const auto& r : rows) {
            if (r.size() < 4) continue;
            auto num = [](const Value& v) {
                return std::holds_alternative<std::int64_t>(v) ? int(std::get<std::int64_t>(v)) : 0;
            };
            plan.push_back({num(r[0]), num(r[1]), valueToText(r[3])});
        }
        advice = adviceFromSqlitePlan(plan, sql);
    }
    std::vector<IndexAdvice> out;
    for (auto& a : advice) {
        auto info = w.describeTable(a.table);
        if (!info) continue;  // a view, a CTE or a temporary table: nothing to index
        a.tableRows = info->approxRows;
        if (a.tableRows >= 0 && a.tableRows < minRows) continue;
        out.push_back(std::move(a));
    }
    return out;
}

Status createAdvisedIndex(Warehouse& w, const IndexAdvice& advice) {
    if (advice.columns.empty()) return Status::fail("no column to index on " + advice.table);
    // SQLite reads a double-quoted name that is no column as a string: check the names first.
    auto info = w.describeTable(advice.table);
    if (!info) return Status::fail("cannot index " + advice.table + ": " + info.message());
    for (const auto& c : advice.columns)
        if (std::none_of(info->columns.begin(), info->columns.end(),
                         [&](const Column& k) { return k.name == c; }))
            return Status::fail("cannot index " + advice.table + ": it has no column " + c);
    std::string name, cols;
    for (const auto& c : advice.columns) {
        name += (name.empty() ? "" : "_") + c;
        cols += (cols.empty() ? "" : ", ") + w.quoteIdentifier(c);
    }
    name = keyIndexName(advice.table, name);
    if (auto s = w.begin(); !s) return s;
    auto fail = [&](const std::string& what, const Status& s) {
        (void)w.rollback();
        return Status::fail(what + ": " + s.message());
    };
    const std::string create = "CREATE INDEX IF NOT EXISTS " + w.quoteIdentifier(name) + " ON " +
                               w.quoteIdentifier(advice.table) + " (" + cols + ")";
    if (auto s = w.execute(create); !s) return fail("cannot index " + advice.table, s);
    if (auto s = analyzeTable(w, advice.table); !s) return fail("cannot index " + advice.table, s);
    if (auto s = w.bumpDataVersion(advice.table); !s) return fail("cannot index " + advice.table, s);
    return w.commit();
}

}  // namespace deskbase
