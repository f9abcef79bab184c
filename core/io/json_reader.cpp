#include "core/io/json_reader.h"

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>

namespace deskbase {

namespace {
constexpr std::size_t kBlock = 1 << 20;

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Builds the DOM like nlohmann's own parser, but keeps a number that becomes a column value
// (a member of an object, not inside an array) as the text it was written in: a double would
// round 3.141592653589793238462 or 123456789012345678901234567890 before type inference sees
// them. The column's type is then inferred from that text, like a CSV field's.
class ExactNumberParser : public nlohmann::detail::json_sax_dom_parser<nlohmann::ordered_json> {
    using Base = nlohmann::detail::json_sax_dom_parser<nlohmann::ordered_json>;
    std::size_t arrays_ = 0, objects_ = 0;

public:
    // A member number beyond a double's range (1e999): nlohmann refuses it ("number overflow");
    // where it would have become a column value, its token and where it ended, so the caller can
    // read it again as the text it is.
    std::string overflowToken;
    std::size_t overflowEnd = 0;

    explicit ExactNumberParser(nlohmann::ordered_json& result) : Base(result, /*allow_exceptions=*/false) {}
    bool number_float(double value, const std::string& text) {
        if (arrays_ > 0 || objects_ == 0) return Base::number_float(value, text);
        std::string copy = text;
        return Base::string(copy);
    }
    // The reader checks the depth before parsing; this stops the parser too, whatever it is given.
    bool tooDeep() const { return arrays_ + objects_ > std::size_t(JsonReader::kMaxDepth); }
    bool start_array(std::size_t n) {
        ++arrays_;
        if (tooDeep()) return false;
        return Base::start_array(n);
    }
    bool end_array() {
        --arrays_;
        return Base::end_array();
    }
    bool start_object(std::size_t n) {
        ++objects_;
        if (tooDeep()) return false;
        return Base::start_object(n);
    }
    bool end_object() {
        --objects_;
        return Base::end_object();
    }
    bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& e) {
        if (e.id == 406 && arrays_ == 0 && objects_ > 0) {
            overflowToken = token;
            overflowEnd = position;
        }
        return Base::parse_error(position, token, e);
    }
};

nlohmann::ordered_json parseKeepingNumbers(std::string_view text) {
    std::string quoted;  // the text with overflowing member numbers quoted, once one is found
    for (int attempt = 0; attempt < 64; ++attempt) {
        nlohmann::ordered_json value;
        ExactNumberParser sax(value);
        const bool ok = nlohmann::ordered_json::sax_parse(
            text.begin(), text.end(), &sax, nlohmann::json::input_format_t::json, /*strict=*/true);
        if (ok && !sax.is_errored()) return value;
        if (sax.overflowToken.empty()) break;
        const std::size_t at = text.rfind(sax.overflowToken, std::min(sax.overflowEnd, text.size()));
        if (at == std::string_view::npos) break;
        quoted = std::string(text.substr(0, at)) + '"' + sax.overflowToken + '"' +
                 std::string(text.substr(at + sax.overflowToken.size()));
        text = quoted;
    }
    return nlohmann::ordered_json(nlohmann::ordered_json::value_t::discarded);
}
}  // namespace

JsonReader::JsonReader(std::unique_ptr<ByteSource> source, bool arrayForm,
                       const std::vector<std::string>& knownKeys)
    : source_(std::move(source)), arrayForm_(arrayForm) {
    buffer_.resize(2 * kBlock);
    for (const auto& k : knownKeys) columnFor(k);
}

void JsonReader::flatten(const nlohmann::ordered_json& object, const std::string& prefix) {
    // Nested objects become parent_child columns (in document order); arrays and scalars become text.
    for (auto it = object.begin(); it != object.end(); ++it) {
        std::string key = prefix.empty() ? it.key() : prefix + "_" + it.key();
        if (it->is_object() && !it->empty()) {
            flatten(*it, key);
            continue;
        }
        const std::size_t col = columnFor(key);
        if (it->is_null()) continue;
        present_[col] = true;
        if (it->is_string())
            values_[col] = it->get_ref<const std::string&>();
        else
            values_[col] = it->dump();
    }
}

std::size_t JsonReader::columnFor(const std::string& key) {
    auto it = index_.find(key);
    if (it != index_.end()) return it->second;
    index_.emplace(key, header_.size());
    header_.push_back(key);
    values_.emplace_back();
    present_.push_back(false);
    return header_.size() - 1;
}

Result<bool> JsonReader::refill() {
    return refillBuffer(*source_, buffer_, begin_, end_, eof_);
}

Result<bool> JsonReader::next(Record& record) {
    for (;;) {
        // Skip white space, the array's brackets and the commas between objects.
        std::size_t p = begin_;
        while (p < end_) {
            const char c = buffer_[p];
            if (c == '\n') {
                ++line_;
                ++p;
                continue;
            }
            // Commas between objects are separators in NDJSON too ({...},{...} on one line).
            if (isSpace(c) || c == ',') {
                ++p;
                continue;
            }
            if (arrayForm_ && c == '[' && !sawArrayStart_) {
                sawArrayStart_ = true;
                ++p;
                continue;
            }
            // The array's end. Whatever follows is read on (another array, or error records)
            // rather than dropped without a word.
            if (arrayForm_ && c == ']' && sawArrayStart_) {
                sawArrayStart_ = false;
                ++p;
                continue;
            }
            break;
        }
        begin_ = p;
        if (p >= end_) {
            if (eof_) return false;
            auto more = refill();
            if (!more) return Error{more.message()};
            continue;
        }
        // Find the end of one value (an object) by depth, minding strings and escapes.
        const std::int64_t startLine = line_;
        std::size_t q = p;
        int depth = 0;
        bool inString = false, complete = false;
        for (; q < end_; ++q) {
            const char c = buffer_[q];
            if (inString) {
                if (c == '\\')
                    ++q;
                else if (c == '"')
                    inString = false;
                continue;
            }
            if (c == '"')
                inString = true;
            else if (c == '{' || c == '[') {
                if (++depth > kMaxDepth) {
                    const auto lines = std::count(buffer_.data() + p, buffer_.data() + q, '\n');
                    return Error{"nested deeper than " + std::to_string(kMaxDepth) + " levels at line " +
                                 std::to_string(startLine + lines)};
                }
            } else if (c == '}' || c == ']') {
                if (depth == 0) break;  // ends a bare scalar, or is a stray bracket itself
                if (--depth == 0) {
                    ++q;
                    complete = true;
                    break;
                }
            } else if (depth == 0 && (c == ',' || c == '\n')) {
                break;  // a bare scalar at the top level
            } else if (c == '\n' && depth == 1 && !arrayForm_) {
                // An NDJSON line left its object open and the next line starts a new one: stop
                // here rather than read the rest of the file into this value.
                std::size_t k = q + 1, b = q;
                while (k < end_ && isSpace(buffer_[k])) ++k;
                while (b > p && isSpace(buffer_[b - 1])) --b;
                if (k < end_ && buffer_[k] == '{' && buffer_[b - 1] != ':') break;  // not "key":\n{...}
            }
        }
        if (!complete && !eof_ && q >= end_) {
            auto more = refill();
            if (!more) return Error{more.message()};
            continue;
        }
        if (q > end_) q = end_;
        const bool cutOff = !complete && q >= end_;
        if (q == p) ++q;  // a stray closing bracket: an error record of its own, then move on
        std::string_view text(buffer_.data() + p, q - p);
        nlohmann::ordered_json value = parseKeepingNumbers(text);
        // NDJSON holds one object per line: a broken one (say, an unclosed brace) must not take
        // the lines after it along. Reject its first line only and read on from the next.
        if (value.is_discarded() && !arrayForm_) {
            if (const auto nl = text.find('\n'); nl != std::string_view::npos) {
                text = text.substr(0, nl);
                q = p + nl;
            }
        }
        begin_ = q;
        // Line breaks inside the value only: the one ending a bare scalar is counted when skipped.
        line_ = startLine + std::count(text.begin(), text.end(), '\n');
        record.line = startLine;
        record.raw = text;
        record.error.clear();
        std::fill(present_.begin(), present_.end(), false);

        if (value.is_discarded()) {
            record.error =
                cutOff && q >= end_ ? "JSON value is cut off at the end of the file" : "invalid JSON";
            record.fields.assign(header_.size(), std::string_view());
            return true;
        }
        if (!value.is_object()) {
            record.error = "expected a JSON object, found " + std::string(value.type_name());
            record.fields.assign(header_.size(), std::string_view());
            return true;
        }
        flatten(value, std::string());
        record.fields.resize(header_.size());
        for (std::size_t i = 0; i < header_.size(); ++i)
            record.fields[i] = present_[i] ? std::string_view(values_[i]) : std::string_view();
        return true;
    }
}

}  // namespace deskbase
