#include "core/sql/sql_template.h"

#include <QDate>
#include <QString>
#include <QTime>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>

#include "core/sql/error_position.h"
#include "core/sql/tokenizer.h"
#include "core/warehouse/warehouse.h"

namespace deskbase {

namespace {

// The template as a tree: text, {{param}}, and [[optional]] clauses (which may nest).
struct Node {
    enum class Kind { Text, Param, Optional };
    Kind kind = Kind::Text;
    std::string text;  // Text: the SQL; Param: the parameter name
    std::vector<Node> children;
    std::size_t source = 0;  // template byte offset of the node's first character
};

bool isIdentifier(const std::string& name) {
    if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) return false;
    for (char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    return true;
}

std::string trimmed(const std::string& s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return s.substr(b, e - b);
}

std::string lineOf(const Token& t) {
    return "line " + std::to_string(t.line) + ": ";
}

// Builds the tree from the shared tokenizer's tokens: {{ }} are parameters, [[ ]] optional
// clauses, {# #} comments (dropped); everything else, literals and comments included, is text.
class TemplateParser {
public:
    TemplateParser(const std::string& s, const Dialect& dialect)
        : s_(s), tokens_(tokenize(s, dialect, TokenizeOptions{TemplateMode::Question})) {
        lexed_ = lexError(tokens_, dialect);
    }

    Result<std::vector<Node>> parse() {
        if (!lexed_) return Error{lexed_.message()};
        return parse(nullptr);
    }

private:
    Result<std::vector<Node>> parse(const Token* openedBy) {
        std::vector<Node> nodes;
        std::string text;  // contiguous template text from textStart
        std::size_t textStart = 0;
        auto flushText = [&] {
            if (!text.empty()) nodes.push_back(Node{Node::Kind::Text, std::move(text), {}, textStart});
            text.clear();
        };
        while (i_ < tokens_.size()) {
            const Token& t = tokens_[i_++];
            switch (t.kind) {
                case TokenKind::Expression: {
                    const std::string name = trimmed(std::string(t.text(s_).substr(2, t.length - 4)));
                    if (!isIdentifier(name)) return Error{lineOf(t) + "bad parameter name {{" + name + "}}"};
                    flushText();
                    nodes.push_back(Node{Node::Kind::Param, name, {}, t.offset});
                    break;
                }
                case TokenKind::OptionalOpen: {
                    auto children = parse(&t);
                    if (!children) return children;
                    flushText();
                    nodes.push_back(Node{Node::Kind::Optional, {}, std::move(*children), t.offset});
                    break;
                }
                case TokenKind::OptionalClose:
                    flushText();
                    return nodes;
                case TokenKind::TemplateComment:
                    flushText();
                    break;
                case TokenKind::Statement:
                    return Error{lineOf(t) +
                                 "{% ... %} blocks belong in models; a question takes {{name}} and "
                                 "[[ ... ]]"};
                default:
                    if (text.empty()) textStart = t.offset;
                    text.append(s_, t.offset, t.length);
                    break;
            }
        }
        if (openedBy) return Error{lineOf(*openedBy) + "unclosed [["};
        flushText();
        return nodes;
    }

    const std::string& s_;
    std::vector<Token> tokens_;
    Status lexed_;
    std::size_t i_ = 0;
};

void collectNames(const std::vector<Node>& nodes, std::vector<std::string>& out) {
    for (const auto& n : nodes) {
        if (n.kind == Node::Kind::Param && std::find(out.begin(), out.end(), n.text) == out.end())
            out.push_back(n.text);
        if (n.kind == Node::Kind::Optional) collectNames(n.children, out);
    }
}

class Renderer {
public:
    Renderer(const std::vector<Parameter>& declared, const ParameterValues& values, const Dialect& dialect)
        : declared_(declared), values_(values), dialect_(dialect) {}

    // Required parameters must have a value even when they only appear in optional clauses.
    Status checkRequired() {
        for (const auto& d : declared_) {
            if (!d.required) continue;
            auto vals = resolve(d.name);
            if (!vals) return vals.status();
            if (vals->empty()) return Status::fail("missing value for required parameter " + d.name);
        }
        return Status::ok();
    }

    Status render(const std::vector<Node>& nodes, ExpandedSql& out) {
        for (const auto& n : nodes) {
            switch (n.kind) {
                case Node::Kind::Text:
                    out.pieces.push_back({out.sql.size(), n.source, true});
                    out.sql += n.text;
                    break;
                case Node::Kind::Param: {
                    auto vals = resolve(n.text);
                    if (!vals) return vals.status();
                    if (vals->empty()) return Status::fail("missing value for parameter " + n.text);
                    out.pieces.push_back({out.sql.size(), n.source, false});
                    for (std::size_t k = 0; k < vals->size(); ++k) {
                        if (k) out.sql += ", ";
                        out.params.push_back((*vals)[k]);
                        out.sql += dialect_.placeholder(int(out.params.size()));
                    }
                    break;
                }
                case Node::Kind::Optional: {
                    auto keep = allSet(n.children);
                    if (!keep) return keep.status();
                    if (*keep)
                        if (auto s = render(n.children, out); !s) return s;
                    break;
                }
            }
        }
        return Status::ok();
    }

private:
    Result<bool> allSet(const std::vector<Node>& nodes) {
        for (const auto& n : nodes) {
            if (n.kind != Node::Kind::Param) continue;
            auto vals = resolve(n.text);
            if (!vals) return Error{vals.message()};
            if (vals->empty()) return false;
        }
        return true;
    }

    // The typed values of a parameter; empty when unset. Cached per name.
    Result<std::vector<Value>> resolve(const std::string& name) {
        if (auto it = resolved_.find(name); it != resolved_.end()) return it->second;
        Parameter p;
        p.name = name;
        for (const auto& d : declared_)
            if (d.name == name) p = d;
        std::vector<std::string> texts;
        if (auto it = values_.find(name); it != values_.end() && !it->second.empty())
            texts = it->second;
        else
            texts = defaultValueTexts(p);
        if (texts.size() > 1 && !p.multiValue)
            return Error{"parameter " + name + " takes one value, " + std::to_string(texts.size()) +
                         " given"};
        std::vector<Value> typed;
        for (const auto& t : texts) {
            auto v = typedParameterValue(p, t);
            if (!v) return Error{v.message()};
            typed.push_back(std::move(*v));
        }
        resolved_.emplace(name, typed);
        return typed;
    }

    const std::vector<Parameter>& declared_;
    const ParameterValues& values_;
    const Dialect& dialect_;
    std::map<std::string, std::vector<Value>> resolved_;
};

bool validIsoDateOrDateTime(const std::string& text) {
    if (text.size() < 10) return false;
    const QString date = QString::fromStdString(text.substr(0, 10));
    if (!QDate::fromString(date, Qt::ISODate).isValid() || text[4] != '-' || text[7] != '-') return false;
    if (text.size() == 10) return true;
    if (text[10] != 'T' && text[10] != ' ') return false;
    const QString time = QString::fromStdString(text.substr(11));
    return QTime::fromString(time, Qt::ISODateWithMs).isValid() ||
           QTime::fromString(time, Qt::ISODate).isValid();
}

}  // namespace

Result<Value> typedParameterValue(const Parameter& p, const std::string& text) {
    switch (p.type) {
        case Parameter::Type::Text:
            return Value{text};
        case Parameter::Type::Number: {
            const std::string t = trimmed(text);
            const char* b = t.data();
            const char* e = b + t.size();
            std::int64_t i = 0;
            if (auto r = std::from_chars(b, e, i); r.ec == std::errc() && r.ptr == e && !t.empty())
                return Value{i};
            double d = 0;
            if (auto r = std::from_chars(b, e, d);
                r.ec == std::errc() && r.ptr == e && !t.empty() && std::isfinite(d))
                return Value{d};
            return Error{"parameter " + p.name + ": \"" + text + "\" is not a number"};
        }
        case Parameter::Type::Boolean: {
            std::string t = trimmed(text);
            for (char& c : t) c = char(std::tolower(static_cast<unsigned char>(c)));
            if (t == "true" || t == "1" || t == "yes" || t == "on") return Value{true};
            if (t == "false" || t == "0" || t == "no" || t == "off") return Value{false};
            return Error{"parameter " + p.name + ": \"" + text + "\" is not a boolean (true or false)"};
        }
        case Parameter::Type::Date: {
            const std::string t = trimmed(text);
            if (!validIsoDateOrDateTime(t))
                return Error{"parameter " + p.name + ": \"" + text + "\" is not an ISO date (YYYY-MM-DD)"};
            return Value{t};
        }
    }
    return Value{text};
}

Result<ExpandedSql> expandSqlTemplate(const std::string& sqlTemplate, const std::vector<Parameter>& declared,
                                      const ParameterValues& values, const Dialect& dialect) {
    auto nodes = TemplateParser(sqlTemplate, dialect).parse();
    if (!nodes) return Error{nodes.message()};
    ExpandedSql out;
    Renderer renderer(declared, values, dialect);
    if (auto s = renderer.checkRequired(); !s) return Error{s.message()};
    if (auto s = renderer.render(*nodes, out); !s) return Error{s.message()};
    return out;
}

std::size_t ExpandedSql::templateOffset(std::size_t sqlOffset) const {
    auto after = std::upper_bound(pieces.begin(), pieces.end(), sqlOffset,
                                  [](std::size_t off, const Piece& p) { return off < p.sqlOffset; });
    if (after == pieces.begin()) return 0;
    const Piece& p = *std::prev(after);
    return p.copied ? p.templateOffset + (sqlOffset - p.sqlOffset) : p.templateOffset;
}

std::string errorInTemplate(const ExpandedSql& expanded, const std::string& sqlTemplate,
                            const std::string& message) {
    const auto at = errorPosition(message);
    if (!at) return message;
    const std::size_t byte = expanded.templateOffset(byteOffsetOfCharacter(expanded.sql, *at));
    return withErrorPosition(message, characterIndexOfByte(sqlTemplate, byte));
}

Result<ExpandedSql> expandQuestion(const Question& q, const ParameterValues& values,
                                   const Warehouse& warehouse) {
    return expandSqlTemplate(q.sql, q.parameters, values, warehouse.dialect());
}

Result<std::vector<std::string>> templateParameterNames(const std::string& sqlTemplate,
                                                        const Dialect& dialect) {
    auto nodes = TemplateParser(sqlTemplate, dialect).parse();
    if (!nodes) return Error{nodes.message()};
    std::vector<std::string> names;
    collectNames(*nodes, names);
    return names;
}

}  // namespace deskbase
