#include "widgets/editor/sql_highlighter.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <algorithm>

#include "core/sql/template_call.h"
#include "widgets/editor/sql_keywords.h"
#include "widgets/theme/theme.h"

namespace deskbase::widgets {

namespace {
constexpr int kRoleProperty = QTextFormat::UserProperty + 1;

// One byte per UTF-16 unit, so token offsets are positions in the block. The tokenizer only looks
// at ASCII for structure and takes every byte >= 0x80 as an identifier character.
std::string lexable(const QString& text) {
    std::string out(std::size_t(text.size()), ' ');
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        out[std::size_t(i)] = c < 0x80 ? char(c) : char(0x80 | (c & 0x7f));
    }
    return out;
}
}  // namespace

SqlHighlighter::SqlHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {
    for (const QString& k : sqlKeywords()) keywords_.insert(k.toUpper());
    for (const QString& f : sqlFunctions()) functions_.insert(f.toLower());
    updateColors();
}

void SqlHighlighter::setTemplateMode(TemplateMode mode) {
    if (templates_ == mode) return;
    templates_ = mode;
    rehighlight();
}

void SqlHighlighter::setModelNames(const QSet<QString>& models) {
    if (modelsKnown_ && models_ == models) return;
    models_ = models;
    modelsKnown_ = true;
    if (templates_ == TemplateMode::Jinja) rehighlight();
}

void SqlHighlighter::setDialect(const Dialect& dialect) {
    if (dialect_ == &dialect) return;
    dialect_ = &dialect;
    rehighlight();
}

void SqlHighlighter::updateColors() {
    const bool dark = isDarkTheme();
    keyword_.setForeground(dark ? QColor(0x7a, 0xb7, 0xff) : QColor(0x1f, 0x4e, 0xb4));
    keyword_.setFontWeight(QFont::DemiBold);
    keyword_.setProperty(kRoleProperty, QStringLiteral("keyword"));
    function_.setForeground(dark ? QColor(0xd2, 0xa8, 0xff) : QColor(0x6f, 0x42, 0xc1));
    function_.setProperty(kRoleProperty, QStringLiteral("function"));
    string_.setForeground(dark ? QColor(0xa5, 0xd6, 0x8a) : QColor(0x1a, 0x7f, 0x37));
    string_.setProperty(kRoleProperty, QStringLiteral("string"));
    number_.setForeground(dark ? QColor(0xf0, 0xa0, 0x5a) : QColor(0xb3, 0x5c, 0x00));
    number_.setProperty(kRoleProperty, QStringLiteral("number"));
    comment_.setForeground(dark ? QColor(0x8a, 0x90, 0x99) : QColor(0x6a, 0x73, 0x7d));
    comment_.setFontItalic(true);
    comment_.setProperty(kRoleProperty, QStringLiteral("comment"));
    param_.setForeground(dark ? QColor(0xff, 0x9e, 0xc4) : QColor(0xc0, 0x1f, 0x6a));
    param_.setBackground(dark ? QColor(0x3a, 0x26, 0x33) : QColor(0xfd, 0xec, 0xf3));
    param_.setProperty(kRoleProperty, QStringLiteral("param"));
    ref_ = param_;
    ref_.setFontWeight(QFont::Bold);
    ref_.setProperty(kRoleProperty, QStringLiteral("ref"));
    badRef_ = param_;
    badRef_.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    badRef_.setUnderlineColor(QColor(0xe5, 0x48, 0x4d));
    badRef_.setProperty(kRoleProperty, QStringLiteral("badref"));
    rehighlight();
}

int SqlHighlighter::stateId(const LexState& state) {
    const auto it = std::find(states_.begin(), states_.end(), state);
    if (it != states_.end()) return int(it - states_.begin());
    states_.push_back(state);
    return int(states_.size() - 1);
}

const QTextCharFormat* SqlHighlighter::formatFor(const Token& token, const std::string& text,
                                                 const Token* next) const {
    switch (token.kind) {
        case TokenKind::Word: {
            const QString word = QString::fromLatin1(text.data() + token.offset, qsizetype(token.length));
            const bool call = next && next->kind == TokenKind::Punctuation && text[next->offset] == '(';
            if (call && functions_.contains(word.toLower())) return &function_;
            return keywords_.contains(word.toUpper()) ? &keyword_ : nullptr;
        }
        case TokenKind::Number:
            return &number_;
        case TokenKind::String:
        case TokenKind::DollarString:
            return &string_;
        case TokenKind::LineComment:
        case TokenKind::BlockComment:
        case TokenKind::TemplateComment:
            return &comment_;
        case TokenKind::Placeholder:
        case TokenKind::Expression:
        case TokenKind::Statement:
        case TokenKind::OptionalOpen:
        case TokenKind::OptionalClose:
            return &param_;
        default:
            return nullptr;
    }
}

void SqlHighlighter::highlightBlock(const QString& text) {
    const int previous = previousBlockState();
    LexState state =
        previous >= 0 && previous < int(states_.size()) ? states_[std::size_t(previous)] : LexState{};
    const std::string bytes = lexable(text);
    const auto tokens = tokenize(bytes, *dialect_, state, TokenizeOptions{templates_});
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        const Token* next = nullptr;
        for (std::size_t j = i + 1; j < tokens.size() && !next; ++j)
            if (tokens[j].kind != TokenKind::Whitespace) next = &tokens[j];
        if (const QTextCharFormat* f = formatFor(t, bytes, next)) setFormat(int(t.offset), int(t.length), *f);
        if (t.kind == TokenKind::Expression && templates_ == TemplateMode::Jinja && modelsKnown_)
            markRefs(t, bytes);
    }
    setCurrentBlockState(stateId(state));
}

void SqlHighlighter::markRefs(const Token& token, const std::string& text) {
    // The body of {{ ... }} (whitespace control dashes dropped), read by core's call parser.
    std::string_view body(text.data() + token.offset, token.length);
    if (body.size() < 4 || body.substr(0, 2) != "{{" || body.substr(body.size() - 2) != "}}") return;
    std::size_t start = 2, end = body.size() - 2;
    if (start < end && body[start] == '-') ++start;
    if (end > start && body[end - 1] == '-') --end;
    auto call = parseTemplateCall(body.substr(start, end - start));
    if (!call || call->name != "ref") return;
    auto args = call->stringArguments();
    if (!args || args->size() != 1) return;
    const std::string& name = args->front();
    // Where the quoted name sits in the block.
    for (const char quote : {'\'', '"'}) {
        const std::string quoted = quote + name + quote;
        const auto at = body.find(quoted, start);
        if (at == std::string_view::npos) continue;
        const bool known = models_.contains(QString::fromStdString(name));
        setFormat(int(token.offset + at + 1), int(name.size()), known ? ref_ : badRef_);
        return;
    }
}

QString SqlHighlighter::roleAt(QTextDocument* document, int position) {
    const QTextBlock block = document->findBlock(position);
    const int offset = position - block.position();
    for (const auto& range : block.layout()->formats())
        if (offset >= range.start && offset < range.start + range.length)
            return range.format.property(kRoleProperty).toString();
    return {};
}

}  // namespace deskbase::widgets
