#include "core/sql/template_call.h"

#include <charconv>
#include <cmath>

namespace deskbase {

namespace {

bool isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool isNameChar(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
}

class CallParser {
public:
    explicit CallParser(std::string_view s) : s_(s) {}

    Result<TemplateCall> parse() {
        TemplateCall call;
        skipSpace();
        if (!isNameStart(peek())) return fail("expected a name");
        call.name = name();
        skipSpace();
        if (peek() == '(') {
            ++i_;
            call.called = true;
            if (auto s = arguments(call.arguments); !s) return Error{s.message()};
        }
        skipSpace();
        if (i_ < s_.size()) return fail("unexpected '" + std::string(s_.substr(i_, 1)) + "'");
        return call;
    }

private:
    char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
    void skipSpace() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
    }
    Error fail(const std::string& what) const {
        return Error{what + " at column " + std::to_string(i_ + 1) + " of \"" + std::string(s_) + "\""};
    }
    std::string name() {
        const std::size_t b = i_;
        while (i_ < s_.size() && isNameChar(s_[i_])) ++i_;
        return std::string(s_.substr(b, i_ - b));
    }

    // After '(' up to and including ')'.
    Status arguments(std::vector<TemplateArgument>& out) {
        bool keywordSeen = false;
        for (;;) {
            skipSpace();
            if (peek() == ')') {
                ++i_;
                return Status::ok();
            }
            if (!out.empty()) {
                if (peek() != ',') return fail("expected ',' or ')'");
                ++i_;
                skipSpace();
            }
            TemplateArgument arg;
            // key=value: a name followed by a single '=' (not '==').
            const std::size_t save = i_;
            if (isNameStart(peek())) {
                std::string key = name();
                skipSpace();
                if (peek() == '=' && (i_ + 1 >= s_.size() || s_[i_ + 1] != '=')) {
                    ++i_;
                    arg.keyword = std::move(key);
                    keywordSeen = true;
                } else {
                    i_ = save;
                }
            }
            if (arg.keyword.empty() && keywordSeen)
                return fail("positional argument after a keyword argument");
            auto v = value();
            if (!v) return v.status();
            arg.value = std::move(*v);
            out.push_back(std::move(arg));
        }
    }

    Result<TemplateValue> value() {
        skipSpace();
        const char c = peek();
        TemplateValue v;
        if (c == '\'' || c == '"') {
            v.kind = TemplateValue::Kind::String;
            for (++i_; i_ < s_.size() && s_[i_] != c; ++i_) {
                if (s_[i_] == '\\' && i_ + 1 < s_.size()) ++i_;
                v.text += s_[i_];
            }
            if (i_ >= s_.size()) return fail("unterminated string");
            ++i_;
            return v;
        }
        if (c == '[') {
            v.kind = TemplateValue::Kind::List;
            ++i_;
            for (;;) {
                skipSpace();
                if (peek() == ']') {
                    ++i_;
                    return v;
                }
                if (!v.items.empty()) {
                    if (peek() != ',') return fail("expected ',' or ']'");
                    ++i_;
                }
                auto item = value();
                if (!item) return item;
                v.items.push_back(std::move(*item));
            }
        }
        if (c == '-' || c == '.' || (c >= '0' && c <= '9')) {
            const std::size_t b = i_;
            ++i_;
            while (i_ < s_.size() &&
                   (isNameChar(s_[i_]) || s_[i_] == '.' ||
                    ((s_[i_] == '+' || s_[i_] == '-') && (s_[i_ - 1] == 'e' || s_[i_ - 1] == 'E'))))
                ++i_;
            v.kind = TemplateValue::Kind::Number;
            v.text = std::string(s_.substr(b, i_ - b));
            const auto r = std::from_chars(v.text.data(), v.text.data() + v.text.size(), v.number);
            if (r.ec != std::errc() || r.ptr != v.text.data() + v.text.size() || !std::isfinite(v.number)) {
                i_ = b;
                return fail("bad number " + v.text);
            }
            return v;
        }
        if (isNameStart(c)) {
            v.text = name();
            if (v.text == "true" || v.text == "True" || v.text == "false" || v.text == "False") {
                v.kind = TemplateValue::Kind::Boolean;
                v.boolean = v.text[0] == 't' || v.text[0] == 'T';
            } else if (v.text == "none" || v.text == "None") {
                v.kind = TemplateValue::Kind::None;
            } else {
                v.kind = TemplateValue::Kind::Name;
            }
            return v;
        }
        return fail(i_ < s_.size() ? "unexpected '" + std::string(1, c) + "'" : "expected a value");
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

}  // namespace

Result<std::vector<std::string>> TemplateCall::stringArguments() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const TemplateArgument& a = arguments[i];
        if (!a.keyword.empty()) return Error{name + "() takes no keyword argument " + a.keyword};
        if (a.value.kind != TemplateValue::Kind::String)
            return Error{name + "() argument " + std::to_string(i + 1) + " must be a quoted string"};
        out.push_back(a.value.text);
    }
    return out;
}

const TemplateValue* TemplateCall::keywordArgument(std::string_view key) const {
    for (const auto& a : arguments)
        if (a.keyword == key) return &a.value;
    return nullptr;
}

Result<TemplateCall> parseTemplateCall(std::string_view text) {
    return CallParser(text).parse();
}

}  // namespace deskbase
