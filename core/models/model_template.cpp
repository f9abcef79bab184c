#include "core/models/model_template.h"

#include <algorithm>
#include <optional>

#include "core/sql/template_blocks.h"
#include "core/sql/template_call.h"
#include "core/sql/tokenizer.h"
#include "core/util/enum_names.h"

namespace deskbase {

struct TemplateNode {
    enum class Kind { Text, Ref, Source, This, Var, If };
    Kind kind = Kind::Text;
    std::string text;                     // Text: SQL; Ref: model; Source: table; Var: name
    std::optional<std::string> fallback;  // Var: the default
    int line = 1;
    bool negated = false;  // If: {% if not is_incremental() %}
    std::vector<TemplateNode> then, otherwise;
};

DESKBASE_ENUM_NAMES(kMaterializationNames, Materialization,
                    {{Materialization::View, "view"},
                     {Materialization::Table, "table"},
                     {Materialization::Incremental, "incremental"},
                     {Materialization::Ephemeral, "ephemeral"}})

// The names are string literals, so the views are null-terminated.
const char* materializationName(Materialization m) { return enumName(kMaterializationNames, m).data(); }

ModelTemplate::ModelTemplate() : body_(std::make_unique<std::vector<TemplateNode>>()) {}
ModelTemplate::~ModelTemplate() = default;
ModelTemplate::ModelTemplate(ModelTemplate&&) noexcept = default;
ModelTemplate& ModelTemplate::operator=(ModelTemplate&&) noexcept = default;

namespace {

constexpr const char* kSupported =
    "models support ref, source, this, config, var and {% if is_incremental() %}";

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The SQL statement rules: one SELECT (or WITH / VALUES) per file, an optional trailing ';'.
// Returns the offset of that trailing ';' (npos when none).
Result<std::size_t> checkStatement(const std::string& text, const Dialect& dialect) {
    const auto tokens = significantTokens(tokenize(text, dialect, TokenizeOptions{TemplateMode::Jinja}));
    std::vector<const Token*> sql;
    for (const Token& t : tokens)
        if (!t.isTemplate()) sql.push_back(&t);
    if (sql.empty()) return Error{"the model is empty: one SELECT expected"};
    const std::string first = keywordOf(*sql.front(), text);
    const bool paren = sql.front()->kind == TokenKind::Punctuation && sql.front()->text(text) == "(";
    if (first != "SELECT" && first != "WITH" && first != "VALUES" && !paren)
        return Error{"line " + std::to_string(sql.front()->line) + ": a model is one SELECT, not " +
                     std::string(sql.front()->text(text))};
    std::size_t trailing = std::string::npos;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        if (sql[i]->kind != TokenKind::Punctuation || sql[i]->text(text) != ";") continue;
        if (i + 1 < sql.size())
            return Error{"line " + std::to_string(sql[i + 1]->line) +
                         ": a model is one SELECT: a second statement follows the ';'"};
        trailing = sql[i]->offset;
    }
    return trailing;
}

struct Parser {
    explicit Parser(const std::vector<TemplateBlock>& b) : blocks(b) {}
    const std::vector<TemplateBlock>& blocks;
    std::vector<std::string> segments;  // segments[k]: the text before blocks[k]; the last: after all
    Materialization materialized = Materialization::View;
    std::vector<std::string> uniqueKey;
    std::vector<ModelRef> refs;
    std::vector<ModelSourceRef> sources;

    static std::string where(const TemplateBlock& b) { return "line " + std::to_string(b.line) + ": "; }
    static std::string shown(const TemplateBlock& b) {
        return b.kind == TokenKind::Statement ? "{% " + b.body + " %}" : "{{ " + b.body + " }}";
    }

    Status config(const TemplateBlock& b, const TemplateCall& call) {
        for (const auto& a : call.arguments) {
            if (a.keyword.empty()) return Error{where(b) + "config() takes only named arguments"};
            if (a.keyword == "materialized") {
                const std::string& v = a.value.text;
                if (a.value.kind != TemplateValue::Kind::String)
                    return Error{where(b) + "materialized must be a string"};
                if (v == "view")
                    materialized = Materialization::View;
                else if (v == "table")
                    materialized = Materialization::Table;
                else if (v == "incremental")
                    materialized = Materialization::Incremental;
                else if (v == "ephemeral")
                    materialized = Materialization::Ephemeral;
                else
                    return Error{where(b) + "materialized='" + v +
                                 "' is not supported (view, table, incremental, ephemeral)"};
            } else if (a.keyword == "unique_key") {
                uniqueKey.clear();
                if (a.value.kind == TemplateValue::Kind::String) {
                    uniqueKey.push_back(a.value.text);
                } else if (a.value.kind == TemplateValue::Kind::List) {
                    for (const auto& item : a.value.items) {
                        if (item.kind != TemplateValue::Kind::String)
                            return Error{where(b) + "unique_key must be a column name or a list of them"};
                        uniqueKey.push_back(item.text);
                    }
                } else {
                    return Error{where(b) + "unique_key must be a column name or a list of them"};
                }
            } else {
                return Error{where(b) + "config key " + a.keyword +
                             " is not supported (materialized, unique_key)"};
            }
        }
        return Status::ok();
    }

    Result<std::optional<TemplateNode>> expression(const TemplateBlock& b) {
        auto call = parseTemplateCall(b.body);
        if (!call) return Error{where(b) + shown(b) + " is not supported: " + call.message()};
        TemplateNode n;
        n.line = b.line;
        const std::string& fn = call->name;
        if (fn == "this" && !call->called) {
            n.kind = TemplateNode::Kind::This;
            return std::optional<TemplateNode>(std::move(n));
        }
        if (!call->called || (fn != "ref" && fn != "source" && fn != "config" && fn != "var"))
            return Error{where(b) + shown(b) + " is not supported (" + kSupported + ")"};
        if (fn == "config") {
            if (auto s = config(b, *call); !s) return Error{s.message()};
            return std::optional<TemplateNode>();
        }
        if (fn == "var") {
            const auto& args = call->arguments;
            if (args.empty() || args.size() > 2 || !args[0].keyword.empty() ||
                args[0].value.kind != TemplateValue::Kind::String)
                return Error{where(b) + "var() takes a name and an optional default: var('name', 'default')"};
            n.kind = TemplateNode::Kind::Var;
            n.text = args[0].value.text;
            if (args.size() == 2) {
                const auto& d = args[1].value;
                if (d.kind != TemplateValue::Kind::String && d.kind != TemplateValue::Kind::Number)
                    return Error{where(b) + "a var() default must be a string or a number"};
                n.fallback = d.text;
            }
            return std::optional<TemplateNode>(std::move(n));
        }
        auto names = call->stringArguments();
        if (!names) return Error{where(b) + fn + "(): " + names.message()};
        if (fn == "ref") {
            if (names->size() != 1)
                return Error{where(b) + "ref() takes one model name (packages are not supported)"};
            n.kind = TemplateNode::Kind::Ref;
            n.text = (*names)[0];
            refs.push_back(ModelRef{n.text, b.line});
        } else {
            if (names->size() != 2)
                return Error{where(b) + "source() takes two names: source('src', 'table')"};
            n.kind = TemplateNode::Kind::Source;
            n.text = (*names)[1];
            sources.push_back(ModelSourceRef{(*names)[0], (*names)[1], b.line});
        }
        return std::optional<TemplateNode>(std::move(n));
    }

    // Parses blocks from `k` until an {% else %} / {% endif %} (returned in `stop`) or the end.
    Result<std::vector<TemplateNode>> sequence(std::size_t& k, const TemplateBlock** stop) {
        std::vector<TemplateNode> out;
        *stop = nullptr;
        for (;; ++k) {
            if (!segments[k].empty()) {
                TemplateNode text;
                text.text = segments[k];
                out.push_back(std::move(text));
            }
            if (k == blocks.size()) return out;
            const TemplateBlock& b = blocks[k];
            if (b.kind == TokenKind::TemplateComment) continue;
            if (b.kind == TokenKind::Expression) {
                auto n = expression(b);
                if (!n) return Error{n.message()};
                if (*n) out.push_back(std::move(**n));
                continue;
            }
            const std::string kw = b.keyword();
            if (kw == "else" || kw == "endif") {
                *stop = &b;
                return out;
            }
            if (kw != "if") return Error{where(b) + shown(b) + " is not supported (" + kSupported + ")"};
            std::string cond = b.afterKeyword();
            TemplateNode n;
            n.kind = TemplateNode::Kind::If;
            n.line = b.line;
            if (cond.rfind("not ", 0) == 0) {
                n.negated = true;
                cond = cond.substr(4);
            }
            auto call = parseTemplateCall(cond);
            if (!call || call->name != "is_incremental" || !call->called || !call->arguments.empty())
                return Error{where(b) + shown(b) + " is not supported: {% if %} tests only is_incremental()"};
            const TemplateBlock* end = nullptr;
            auto then = sequence(++k, &end);
            if (!then) return then;
            n.then = std::move(*then);
            if (end && end->keyword() == "else") {
                auto otherwise = sequence(++k, &end);
                if (!otherwise) return otherwise;
                n.otherwise = std::move(*otherwise);
            }
            if (!end || end->keyword() != "endif")
                return Error{where(b) + "{% if %} is not closed by {% endif %}"};
            out.push_back(std::move(n));
        }
    }
};

}  // namespace

Result<ModelTemplate> parseModel(const std::string& name, const std::string& file, const std::string& text,
                                 const Dialect& dialect) {
    const std::string prefix = file + ": ";
    auto blocks = templateBlocks(text, dialect);
    if (!blocks) return Error{prefix + blocks.message()};
    auto trailing = checkStatement(text, dialect);
    if (!trailing) return Error{prefix + trailing.message()};
    std::string sql = text;
    if (*trailing != std::string::npos) sql[*trailing] = ' ';

    Parser p{*blocks};
    std::size_t pos = 0;
    for (std::size_t k = 0; k <= blocks->size(); ++k) {
        const std::size_t end = k < blocks->size() ? (*blocks)[k].offset : sql.size();
        std::string seg = sql.substr(pos, end - pos);
        if (k > 0 && (*blocks)[k - 1].trimRight)
            seg.erase(0, std::find_if_not(seg.begin(), seg.end(), isSpace) - seg.begin());
        if (k < blocks->size() && (*blocks)[k].trimLeft)
            while (!seg.empty() && isSpace(seg.back())) seg.pop_back();
        p.segments.push_back(std::move(seg));
        if (k < blocks->size()) pos = (*blocks)[k].offset + (*blocks)[k].length;
    }
    std::size_t k = 0;
    const TemplateBlock* stop = nullptr;
    auto body = p.sequence(k, &stop);
    if (!body) return Error{prefix + body.message()};
    if (stop) return Error{prefix + Parser::where(*stop) + Parser::shown(*stop) + " without {% if %}"};

    ModelTemplate m;
    m.name_ = name;
    m.file_ = file;
    m.materialized_ = p.materialized;
    m.uniqueKey_ = std::move(p.uniqueKey);
    m.refs_ = std::move(p.refs);
    m.sources_ = std::move(p.sources);
    *m.body_ = std::move(*body);
    if (m.materialized_ != Materialization::Incremental && !m.uniqueKey_.empty())
        return Error{prefix + "unique_key needs materialized='incremental'"};
    return m;
}

namespace {

Status renderNodes(const std::vector<TemplateNode>& nodes, const RenderContext& c, const Dialect& dialect,
                   const std::string& file, std::string& out) {
    for (const auto& n : nodes) {
        switch (n.kind) {
            case TemplateNode::Kind::Text:
                out += n.text;
                break;
            case TemplateNode::Kind::Ref:
                out += c.ref(n.text);
                break;
            case TemplateNode::Kind::Source:
                out += dialect.quoteIdentifier(n.text);
                break;
            case TemplateNode::Kind::This:
                out += c.thisRelation;
                break;
            case TemplateNode::Kind::Var: {
                auto it = c.vars.find(n.text);
                if (it != c.vars.end())
                    out += it->second;
                else if (n.fallback)
                    out += *n.fallback;
                else
                    return Error{file + ": line " + std::to_string(n.line) + ": var('" + n.text +
                                 "') has no value (set it in deskbase.json \"vars\" or with --var " + n.text +
                                 "=VALUE)"};
                break;
            }
            case TemplateNode::Kind::If:
                if (auto s = renderNodes(c.isIncremental != n.negated ? n.then : n.otherwise, c, dialect,
                                         file, out);
                    !s)
                    return s;
                break;
        }
    }
    return Status::ok();
}

}  // namespace

Result<std::string> ModelTemplate::render(const RenderContext& context, const Dialect& dialect) const {
    std::string out;
    if (auto s = renderNodes(*body_, context, dialect, file_, out); !s) return Error{s.message()};
    return out;
}

}  // namespace deskbase
